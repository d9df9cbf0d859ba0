using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PyPackaging.Commands
{
    /// <summary>
    /// Runs the work for several archives at once and hands the results back in input order, on the pipeline
    /// thread. Workers never touch the cmdlet: they only compute a result (or fail) and leave their latest progress
    /// counters in a field the pipeline thread reads while it waits. At most <c>limit</c> archives are worked on at
    /// once, and at most four times that many are started and not yet written: when the oldest archive is slow the
    /// other workers go on with the next ones instead of idling behind it, and memory stays bounded by 4 × limit results.
    /// </summary>
    /// <remarks>Typed with object so the cmdlet classes that hold a queue keep PyPackaging.Core types out of their fields.</remarks>
    internal sealed class ConcurrentArchiveQueue
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

        // Archives started and not yet written, per worker. Measured on 925 real sdists, 2 workers: 2 per worker left
        // them idle behind a large archive (1.92 s median), 4 did not (1.67 s); 8 gained nothing more (1.71 s).
        private const int ResultsHeldPerWorker = 4;

        private readonly Queue<Item> _items = new Queue<Item>();
        private readonly SemaphoreSlim _workers;
        private readonly int _capacity;
        private int _archivesQueued;

        /// <param name="limit">Most archives worked on at once (the cmdlet's -ThrottleLimit).</param>
        public ConcurrentArchiveQueue(int limit)
        {
            _workers = new SemaphoreSlim(limit, limit);
            _capacity = ResultsHeldPerWorker * limit;
        }

        /// <summary>Archives started and not yet written.</summary>
        public int ArchivesQueued => _archivesQueued;

        public bool IsEmpty => _items.Count == 0;

        /// <summary>Whether the next archive must wait until the oldest result is written.</summary>
        public bool IsFull => _archivesQueued >= _capacity;

        /// <summary>Whether the oldest item can be written without waiting.</summary>
        public bool NextIsReady => _items.Count > 0 && _items.Peek().Work!.IsCompleted;

        /// <summary>Starts <paramref name="work"/> on the thread pool; its result goes to <paramref name="write"/> when it is next in order.</summary>
        /// <param name="work">Gets a callback to leave progress counters in; returns the result.</param>
        /// <param name="write">Called on the pipeline thread with the finished task (completed, faulted or cancelled).</param>
        /// <param name="discard">Called with a finished result that will never be written (the pipeline stopped first).</param>
        public void Start(string archive, Func<Action<object>, object?> work, Action<Task<object?>> write, CancellationToken cancellation, Action<object>? discard = null)
        {
            var item = new Item(archive, write) { Discard = discard };
            // Started at once but waiting for a worker slot without holding a thread; the slot queue is first come, first served.
            item.Work = Task.Run(async () =>
            {
                await _workers.WaitAsync(cancellation).ConfigureAwait(false);
                try { return work(stats => item.LatestProgress = stats); }
                finally { _workers.Release(); }
            }, cancellation);
            _items.Enqueue(item);
            _archivesQueued++;
        }

        /// <summary>Queues something to write in order that needs no work (an error for an input that did not resolve).</summary>
        public void Add(Action write)
        {
            var item = new Item(null, _ => write()) { Work = Task.FromResult<object?>(null) };
            _items.Enqueue(item);
        }

        /// <summary>
        /// Writes the oldest item, waiting for it if needed; while waiting, <paramref name="reportProgress"/> gets the
        /// archive and its latest counters (null before the first member) every 200 ms.
        /// </summary>
        public void WriteNext(Action<string, object?> reportProgress)
        {
            var item = _items.Peek();
            while (!item.Work!.IsCompleted)
            {
                if (item.Archive != null) reportProgress(item.Archive, item.LatestProgress);
                try { item.Work.Wait(PollInterval); }
                catch (AggregateException) { } // observed by the write below
            }
            _items.Dequeue();
            if (item.Archive != null) _archivesQueued--;
            item.Write(item.Work);
        }

        /// <summary>
        /// Waits for every started task to end (after cancellation they end at the next member), without writing;
        /// results that were finished are handed to their discard callback (Expand removes what it staged).
        /// </summary>
        public void Abandon()
        {
            foreach (var item in _items)
            {
                try { item.Work?.Wait(); }
                catch (AggregateException) { }
                if (item.Discard != null && item.Work != null && item.Work.Status == TaskStatus.RanToCompletion && item.Work.Result is object result)
                {
                    item.Discard(result);
                }
            }
            _items.Clear();
            _archivesQueued = 0;
        }

        private sealed class Item
        {
            public Item(string? archive, Action<Task<object?>> write)
            {
                Archive = archive;
                Write = write;
            }

            public string? Archive { get; }
            public Action<Task<object?>> Write { get; }
            public Task<object?>? Work { get; set; }
            public Action<object>? Discard { get; set; }

            // Written by the worker, read by the pipeline thread; a reference write is atomic and a stale value only delays progress.
            public volatile object? LatestProgress;
        }
    }
}
