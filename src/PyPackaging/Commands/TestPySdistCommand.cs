using System;
using System.IO;
using System.Management.Automation;
using PyPackaging.Archives;
using PyPackaging.Inspection;
using PyPackaging.Rules;

namespace PyPackaging.Commands
{
    /// <summary>
    /// Test-PySdist: reads sdists and writes one PySdistEntry per member (plus one Archive entry per archive) with
    /// every structural, metadata, safety and hygiene finding. Findings are output objects, never error records;
    /// errors are only for inputs that cannot be read at all, and for rule patterns that match no rule. Several
    /// archives are read at once (-ThrottleLimit); output and errors still come in input order, written from the
    /// pipeline thread only.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PySdist", DefaultParameterSetName = PathSet, HelpUri = HelpLinks.TestPySdist)]
    [OutputType(typeof(PySdistEntry))]
    [OutputType(typeof(bool))]
    public sealed class TestPySdistCommand : PySdistArchiveCmdlet, IDisposable
    {
        private const int ProgressId = 4711;
        private const string Activity = "Test-PySdist";

        // Held as object so the cmdlet class keeps no Core type in a field (the loader binds Core at import).
        private object? _inspector;
        private bool _rulesRefused;
        private int _archivesRead;
        private int _archivesFailing;

        /// <summary>
        /// Write one Boolean for the whole call instead of entries: $true only when every input archive was read and
        /// none has an Error finding; $false when any has one, any input could not be read, a rule pattern matched
        /// no rule, or no archive was given at all.
        /// </summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>Only run these rules (ids, wildcards allowed). A pattern that matches no rule is a RuleNotFound error.</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RuleIdCompleter))]
        public string[]? IncludeRule { get; set; }

        /// <summary>Skip these rules (ids, wildcards allowed). A pattern that matches no rule is a RuleNotFound error.</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RuleIdCompleter))]
        public string[]? ExcludeRule { get; set; }

        /// <summary>Most archives read at once (default: the processor count). 1 reads them one after another.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

        private bool Concurrent => ThrottleLimit > 1;

        protected override void BeginProcessing()
        {
            var filter = new RuleFilter(IncludeRule, ExcludeRule);
            var unmatched = filter.UnmatchedPatterns(RuleCatalog.All);
            if (unmatched.Count > 0)
            {
                // Refused before any archive is read: running with a typo would run other rules than the user asked
                // for (an -IncludeRule typo would run none at all and every archive would pass).
                _rulesRefused = true;
                WriteError(Error(new ArgumentException(
                        $"No rule matches {string.Join(", ", unmatched)}; no archive was checked. Run Get-PySdistRule to list the rule ids (they tab-complete)."),
                    "RuleNotFound", ErrorCategory.ObjectNotFound, string.Join(", ", unmatched)));
                return;
            }
            _inspector = new SdistInspector(BuildLimits(), filter);
        }

        protected override void ProcessRecord()
        {
            if (_rulesRefused) return;
            foreach (var archive in ResolveFiles(InputPaths, IsLiteral))
            {
                Cancellation.ThrowIfCancellationRequested();
                if (Concurrent) StartOne((SdistInspector)_inspector!, archive);
                else InspectOne((SdistInspector)_inspector!, archive);
            }
        }

        protected override void EndProcessing()
        {
            WriteQueuedArchives();
            if (!Quiet) return;
            if (_archivesRead == 0 && ErrorsWritten == 0)
            {
                WriteWarning("Test-PySdist -Quiet was given no sdist, so the answer is $false.");
            }
            WriteObject(_archivesRead > 0 && _archivesFailing == 0 && ErrorsWritten == 0);
        }

        /// <summary>Ctrl+C or an early end of the pipeline (Select-Object -First): stop the workers and wait for them, writing nothing.</summary>
        public void Dispose() => AbandonQueuedArchives();

        private void InspectOne(SdistInspector inspector, string archive)
        {
            var inspection = RunForArchive(archive, ProgressId, Activity, "Reading", "InspectionFailed",
                progress => inspector.Inspect(archive, Cancellation, progress));
            if (inspection != null) WriteInspection(archive, inspection);
        }

        private void StartOne(SdistInspector inspector, string archive)
        {
            var cancellation = Cancellation;
            QueueArchive(ThrottleLimit, archive, ProgressId, Activity, "Reading", "InspectionFailed",
                progress => inspector.Inspect(archive, cancellation, progress),
                inspection => WriteInspection(archive, inspection),
                inspection => inspection.ApproximateBytes);
        }

        private void WriteInspection(string archive, SdistInspection inspection)
        {
            _archivesRead++;
            if (inspection.HasErrors) _archivesFailing++;
            if (Quiet)
            {
                WriteVerbose($"{archive}: {(inspection.HasErrors ? "has Error findings" : "no Error finding")}.");
                return;
            }
            foreach (var entry in inspection.Entries)
            {
                WriteObject(entry);
            }
        }
    }
}
