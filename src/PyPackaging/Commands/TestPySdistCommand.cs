using System;
using System.IO;
using System.Management.Automation;
using System.Threading.Tasks;
using PyPackaging.Archives;
using PyPackaging.Inspection;
using PyPackaging.Rules;

namespace PyPackaging.Commands
{
    /// <summary>
    /// Test-PySdist: reads sdists and writes one PySdistEntry per member (plus one Archive entry per archive) with
    /// every structural, metadata, safety and hygiene finding. Findings are output objects, never error records;
    /// errors are only for inputs that cannot be read at all. Several archives are read at once (-ThrottleLimit);
    /// output and errors still come in input order, written from the pipeline thread only.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PySdist", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(PySdistEntry))]
    [OutputType(typeof(bool))]
    public sealed class TestPySdistCommand : PySdistArchiveCmdlet, IDisposable
    {
        private const int ProgressId = 4711;
        private const string Activity = "Test-PySdist";

        // Archives in flight and results waiting for their turn; null until the first archive with ThrottleLimit > 1.
        private ConcurrentArchiveQueue? _queue;

        /// <summary>Write one bool per archive instead of entries: $true when the archive has no Error finding.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>Only run these rules (ids, wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RuleIdCompleter))]
        public string[]? IncludeRule { get; set; }

        /// <summary>Skip these rules (ids, wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RuleIdCompleter))]
        public string[]? ExcludeRule { get; set; }

        /// <summary>Most archives read at once (default: the processor count). 1 reads them one after another.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

        private bool Concurrent => ThrottleLimit > 1;

        protected override void ProcessRecord()
        {
            var inspector = new SdistInspector(BuildLimits(), new RuleFilter(IncludeRule, ExcludeRule));
            foreach (var archive in ResolveFiles(InputPaths, IsLiteral))
            {
                Cancellation.ThrowIfCancellationRequested();
                if (Concurrent) StartOne(inspector, archive);
                else InspectOne(inspector, archive);
            }
        }

        protected override void EndProcessing()
        {
            if (_queue == null) return;
            while (!_queue.IsEmpty) WriteNext();
            CompleteProgress(ProgressId, Activity);
        }

        /// <summary>Ctrl+C or an early end of the pipeline (Select-Object -First): stop the workers and wait for them, writing nothing.</summary>
        public void Dispose()
        {
            CancelWork();
            _queue?.Abandon();
        }

        protected override void WriteInputError(ErrorRecord record)
        {
            if (Concurrent && _queue != null && !_queue.IsEmpty) _queue.Add(() => WriteError(record));
            else WriteError(record);
        }

        private void InspectOne(SdistInspector inspector, string archive)
        {
            var inspection = RunForArchive(archive, ProgressId, Activity, "Reading", "InspectionFailed",
                progress => inspector.Inspect(archive, Cancellation, progress));
            if (inspection != null) WriteInspection(inspection);
        }

        private void StartOne(SdistInspector inspector, string archive)
        {
            _queue ??= new ConcurrentArchiveQueue();
            while (_queue.ArchivesQueued >= ThrottleLimit) WriteNext();
            var cancellation = Cancellation;
            _queue.Start(archive,
                leaveProgress => inspector.Inspect(archive, cancellation, stats => leaveProgress(stats)),
                finished => WriteFinished(archive, finished),
                cancellation);
            while (_queue.NextIsReady) WriteNext();
        }

        private void WriteNext() => _queue!.WriteNext(ReportQueuedProgress);

        private void ReportQueuedProgress(string archive, object? latest)
        {
            if (!ProgressDue) return;
            var name = System.IO.Path.GetFileName(archive);
            var inFlight = _queue!.ArchivesQueued;
            if (latest is ArchiveStatistics stats)
            {
                var percent = stats.CompressedLength > 0 ? (int)(100 * stats.CompressedBytesRead / stats.CompressedLength) : 0;
                ReportProgress(ProgressId, Activity, $"Reading {name}: {stats.MemberCount} members ({inFlight} archives in flight)", percent);
            }
            else
            {
                ReportProgress(ProgressId, Activity, $"Reading {name} ({inFlight} archives in flight)", 0);
            }
        }

        private void WriteFinished(string archive, Task<object?> finished)
        {
            if (finished.IsCanceled)
            {
                WriteArchiveFailure(new OperationCanceledException(), archive, "Reading", "InspectionFailed");
            }
            else if (finished.IsFaulted)
            {
                var failure = finished.Exception!.InnerExceptions.Count == 1 ? finished.Exception.InnerException! : finished.Exception;
                WriteArchiveFailure(failure, archive, "Reading", "InspectionFailed");
            }
            else
            {
                WriteInspection((SdistInspection)finished.Result!);
            }
        }

        private void WriteInspection(SdistInspection inspection)
        {
            if (Quiet)
            {
                WriteObject(!inspection.HasErrors);
                return;
            }
            foreach (var entry in inspection.Entries)
            {
                WriteObject(entry);
            }
        }
    }
}
