using System;
using System.Management.Automation;
using System.Threading.Tasks;
using PyPackaging.Archives;

namespace PyPackaging.Commands
{
    /// <summary>
    /// Several archives at once (-ThrottleLimit), the same way for every cmdlet that has it: the work runs on the
    /// thread pool through <see cref="ConcurrentArchiveQueue"/>; results, input errors, failures and progress are
    /// written by the pipeline thread in input order, so the output is what one archive after another gives.
    /// </summary>
    public abstract partial class PySdistArchiveCmdlet
    {
        // Archives in flight and results waiting for their turn; null until the first archive is queued.
        private ConcurrentArchiveQueue? _queue;

        // True while the oldest queued result is being written: its errors are already in order.
        private bool _writingFromQueue;

        private int _queueProgressId;
        private string _queueActivity = string.Empty;
        private string _queueDoing = string.Empty;

        /// <summary>
        /// Starts <paramref name="work"/> for one archive on the thread pool (at most <paramref name="throttleLimit"/>
        /// at once); <paramref name="write"/> gets its result on the pipeline thread when every archive before it has
        /// been written. A failure of the work is mapped as <see cref="RunForArchive"/> maps it, in the same place.
        /// </summary>
        /// <param name="size">About how much memory a finished result keeps alive, which bounds how many may wait (<see cref="ConcurrentArchiveQueue.BytesHeld"/>).</param>
        /// <param name="discard">Gets a finished result that will never be written (Ctrl+C or an early pipeline end).</param>
        protected void QueueArchive<T>(int throttleLimit, string archive, int progressId, string activity, string doing, string defectId,
            Func<Action<ArchiveStatistics>, T> work, Action<T> write, Func<T, long> size, Action<T>? discard = null) where T : class
        {
            if (_queue == null)
            {
                _queue = new ConcurrentArchiveQueue(throttleLimit);
                _queueProgressId = progressId;
                _queueActivity = activity;
                _queueDoing = doing;
            }
            while (_queue.IsFull) WriteNextQueued();
            _queue.Start(archive,
                leaveProgress => work(stats => leaveProgress(stats)),
                finished => WriteQueued(finished, archive, doing, defectId, write),
                Cancellation,
                discard == null ? (Action<object>?)null : result => discard((T)result),
                result => size((T)result));
            while (_queue.NextIsReady) WriteNextQueued();
        }

        /// <summary>EndProcessing: writes every queued result in order and completes the progress bar.</summary>
        protected void WriteQueuedArchives()
        {
            if (_queue == null) return;
            while (!_queue.IsEmpty) WriteNextQueued();
            CompleteProgress(_queueProgressId, _queueActivity);
        }

        /// <summary>Ctrl+C or an early end of the pipeline (Select-Object -First): stops the workers and waits for them, writing nothing.</summary>
        protected void AbandonQueuedArchives()
        {
            CancelWork();
            _queue?.Abandon();
        }

        /// <summary>An input error found while archives before it are still in flight waits its turn, so errors stay in input order.</summary>
        protected override void ReportInputError(ErrorRecord error)
        {
            if (!_writingFromQueue && _queue != null && !_queue.IsEmpty) _queue.Add(() => base.ReportInputError(error));
            else base.ReportInputError(error);
        }

        private void WriteNextQueued()
        {
            _writingFromQueue = true;
            try { _queue!.WriteNext(ReportQueuedProgress); }
            finally { _writingFromQueue = false; }
        }

        private void WriteQueued<T>(Task<object?> finished, string archive, string doing, string defectId, Action<T> write) where T : class
        {
            if (finished.IsCanceled)
            {
                WriteArchiveFailure(new OperationCanceledException(), archive, doing, defectId);
            }
            else if (finished.IsFaulted)
            {
                var failure = finished.Exception!.InnerExceptions.Count == 1 ? finished.Exception.InnerException! : finished.Exception;
                WriteArchiveFailure(failure, archive, doing, defectId);
            }
            else
            {
                write((T)finished.Result!);
            }
        }

        private void ReportQueuedProgress(string archive, object? latest)
        {
            if (!ProgressDue) return;
            var name = System.IO.Path.GetFileName(archive);
            var inFlight = _queue!.ArchivesQueued;
            if (latest is ArchiveStatistics stats)
            {
                var percent = stats.CompressedLength > 0 ? (int)(100 * stats.CompressedBytesRead / stats.CompressedLength) : 0;
                ReportProgress(_queueProgressId, _queueActivity, $"{_queueDoing} {name}: {stats.MemberCount} members ({inFlight} archives in flight)", percent);
            }
            else
            {
                ReportProgress(_queueProgressId, _queueActivity, $"{_queueDoing} {name} ({inFlight} archives in flight)", 0);
            }
        }
    }
}
