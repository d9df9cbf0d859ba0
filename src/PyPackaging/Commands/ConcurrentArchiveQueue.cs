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
    /// once; when the oldest archive is slow the other workers go on with the next ones instead of idling behind it,
    /// up to sixteen archives per worker started and not yet written, and as long as the finished ones waiting keep
    /// less than <see cref="BytesHeld"/> alive in all: memory stays bounded whatever the archives' sizes.
    /// </summary>
    /// <remarks>Typed with object so the cmdlet classes that hold a queue keep PyPackaging.Core types out of their fields.</remarks>
    internal sealed class ConcurrentArchiveQueue
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

        // Archives started and not yet written, per worker. Real sdists vary fifty-fold around a median of 28 KB, so a
        // large one at the head keeps the other worker busy with many small ones. Measured on 925 real sdists, 2
        // workers, interleaved: 4 per worker 1.46 s (median of 8), 16 per worker 1.35 s, 64 per worker 1.32 s.
        private const int ResultsHeldPerWorker = 16;

        /// <summary>
        /// Most memory the finished results waiting for their turn may keep alive in all, as they estimate it (about a
        /// kilobyte per member, plus the payloads kept for the checks): with very large archives behind a slow one,
        /// workers wait rather than hold them all.
        /// </summary>
        public const long BytesHeld = 64L * 1024 * 1024;

        private readonly Queue<Item> _items = new Queue<Item>();
        private readonly SemaphoreSlim _workers;
        private readonly int _capacity;
        private int _archivesQueued;

        // What finished results not yet written keep alive: added by the workers, taken off by the pipeline thread.
        private long _bytesHeld;

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
        public bool IsFull => _archivesQueued >= _capacity || Interlocked.Read(ref _bytesHeld) >= BytesHeld;

        /// <summary>Whether the oldest item can be written without waiting.</summary>
        public bool NextIsReady => _items.Count > 0 && _items.Peek().Work!.IsCompleted;

        /// <summary>Starts <paramref name="work"/> on the thread pool; its result goes to <paramref name="write"/> when it is next in order.</summary>
        /// <param name="work">Gets a callback to leave progress counters in; returns the result.</param>
        /// <param name="write">Called on the pipeline thread with the finished task (completed, faulted or cancelled).</param>
        /// <param name="discard">Called with a finished result that will never be written (the pipeline stopped first).</param>
        /// <param name="size">About how much memory a finished result keeps alive (see <see cref="BytesHeld"/>).</param>
        public void Start(string archive, Func<Action<object>, object?> work, Action<Task<object?>> write, CancellationToken cancellation,
            Action<object>? discard = null, Func<object, long>? size = null)
        {
            var item = new Item(archive, write) { Discard = discard };
            // Started at once but waiting for a worker slot without holding a thread; the slot queue is first come, first served.
            item.Work = Task.Run(async () =>
            {
                await _workers.WaitAsync(cancellation).ConfigureAwait(false);
                try
                {
                    var result = work(stats => item.LatestProgress = stats);
                    if (result != null && size != null)
                    {
                        item.Bytes = size(result);
                        Interlocked.Add(ref _bytesHeld, item.Bytes);
                    }
                    return result;
                }
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
            Interlocked.Add(ref _bytesHeld, -item.Bytes);
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
            Interlocked.Exchange(ref _bytesHeld, 0);
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

            // Set by the worker before its task completes; read by the pipeline thread after it has seen the completion.
            public long Bytes { get; set; }

            // Written by the worker, read by the pipeline thread; a reference write is atomic and a stale value only delays progress.
            public volatile object? LatestProgress;
        }
    }
}
