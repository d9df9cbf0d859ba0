using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace PyPackaging.Extraction
{
    /// <summary>
    /// Creates the staged files of one extraction on a thread of its own, in the order they were handed over, so that
    /// the file system's work (create, write, set the time, close: most of an expansion's time after inflating) overlaps
    /// with inflating, parsing and judging the next members on the scan's thread. Only the effect moves here: what is
    /// written, where, and whether at all was decided on the scan's thread by the policy, and the staging area's
    /// directories exist before a file in them is handed over. Whole small payloads are handed over (pooled buffers,
    /// at most <see cref="MaxQueuedBytes"/> waiting); a larger file waits until this writer is idle and is streamed as
    /// before. A failure stops the writer; <see cref="ThrowIfFailed"/> rethrows it, naming the member, at the next hand-over
    /// or at <see cref="Flush"/>, and the extraction fails whole as it would have.
    /// </summary>
    internal sealed class StagedFileWriter
    {
        /// <summary>Files up to this size are handed over whole; larger ones are streamed on the scan's thread.</summary>
        public const int MaxBufferedFile = 1 << 20;

        /// <summary>Bytes handed over and not yet written, at most (the scan waits above it).</summary>
        public const long MaxQueuedBytes = 8L << 20;

        private readonly object _lock = new object();
        private readonly Queue<Job> _jobs = new Queue<Job>();
        private long _queuedBytes;
        private bool _busy;
        private bool _stopping;
        private bool _done;
        private ExceptionDispatchInfo? _failure;
        private string? _failedMember;

        private struct Job
        {
            public string Target;
            public byte[] Buffer;
            public int Count;
            public bool Executable;
            public DateTime? Time;
            public string Member;
        }

        public StagedFileWriter()
        {
            new Thread(Run, 256 * 1024) { IsBackground = true, Name = "PyPackaging staged files" }.Start();
        }

        /// <summary>Whether a file of <paramref name="size"/> bytes is handed over rather than streamed.</summary>
        public static bool TakesWhole(long size) => size <= MaxBufferedFile;

        /// <summary>A pooled buffer for a payload of <paramref name="size"/> bytes, to fill and hand to <see cref="Enqueue"/>.</summary>
        public static byte[] Rent(long size) => ArrayPool<byte>.Shared.Rent(Math.Max(1, (int)size));

        /// <summary>Gives back a buffer from <see cref="Rent"/> that was not handed over.</summary>
        public static void Return(byte[] buffer) => ArrayPool<byte>.Shared.Return(buffer);

        /// <summary>Hands a file over (the buffer with it); waits while too much is waiting. Rethrows an earlier failure.</summary>
        public void Enqueue(string target, byte[] buffer, int count, bool executable, DateTime? time, string member)
        {
            lock (_lock)
            {
                while (_queuedBytes > 0 && _queuedBytes + count > MaxQueuedBytes && _failure == null) Monitor.Wait(_lock);
                if (_failure == null)
                {
                    _jobs.Enqueue(new Job { Target = target, Buffer = buffer, Count = count, Executable = executable, Time = time, Member = member });
                    _queuedBytes += count;
                    Monitor.PulseAll(_lock);
                    return;
                }
            }
            Return(buffer);
            ThrowIfFailed();
        }

        /// <summary>Waits until every file handed over is written (a larger file is then streamed in order); rethrows a failure.</summary>
        public void Flush()
        {
            lock (_lock)
            {
                while ((_jobs.Count > 0 || _busy) && _failure == null) Monitor.Wait(_lock);
            }
            ThrowIfFailed();
        }

        /// <summary>Rethrows the writer's failure, if any (<see cref="FailedMember"/> is then the member it was writing).</summary>
        public void ThrowIfFailed()
        {
            ExceptionDispatchInfo? failure;
            lock (_lock) failure = _failure;
            failure?.Throw();
        }

        /// <summary>The member whose file failed, once <see cref="ThrowIfFailed"/> has thrown.</summary>
        public string? FailedMember
        {
            get { lock (_lock) return _failedMember; }
        }

        /// <summary>
        /// Stops the writer and waits until it no longer touches the staging area (at most the file it is writing), giving
        /// back what was not written. Must run before the staging area is cleaned up. Idempotent.
        /// </summary>
        public void Stop()
        {
            lock (_lock)
            {
                _stopping = true;
                Monitor.PulseAll(_lock);
                while (!_done) Monitor.Wait(_lock);
                while (_jobs.Count > 0) Return(_jobs.Dequeue().Buffer);
                _queuedBytes = 0;
            }
        }

        private void Run()
        {
            while (true)
            {
                Job job;
                lock (_lock)
                {
                    while (_jobs.Count == 0 && !_stopping) Monitor.Wait(_lock);
                    if (_stopping || _failure != null) break;
                    job = _jobs.Dequeue();
                    _busy = true;
                }
                try
                {
                    Write(job);
                }
                catch (Exception ex)
                {
                    lock (_lock)
                    {
                        _failure = ExceptionDispatchInfo.Capture(ex);
                        _failedMember = job.Member;
                    }
                }
                finally
                {
                    Return(job.Buffer);
                    lock (_lock)
                    {
                        _busy = false;
                        _queuedBytes -= job.Count;
                        Monitor.PulseAll(_lock);
                    }
                }
            }
            lock (_lock)
            {
                _done = true;
                Monitor.PulseAll(_lock);
            }
        }

        private static void Write(Job job)
        {
            using (var output = StagingArea.CreateFile(job.Target, job.Executable))
            {
                output.Write(job.Buffer, 0, job.Count);
            }
            StagingArea.SetFileTime(job.Target, job.Time);
        }
    }
}
