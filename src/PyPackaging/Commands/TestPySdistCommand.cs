using System;
using System.IO;
using System.Management.Automation;
using PyPackaging.Inspection;
using PyPackaging.Rules;

namespace PyPackaging.Commands
{
    /// <summary>
    /// Test-PySdist: reads sdists and writes one PySdistEntry per member (plus one Archive entry per archive) with
    /// every structural, metadata, safety and hygiene finding. Findings are output objects, never error records;
    /// errors are only for inputs that cannot be read at all.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PySdist", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(PySdistEntry))]
    [OutputType(typeof(bool))]
    public sealed class TestPySdistCommand : PySdistArchiveCmdlet
    {
        private const int ProgressId = 4711;
        private const string Activity = "Test-PySdist";

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

        protected override void ProcessRecord()
        {
            var inspector = new SdistInspector(BuildLimits(), new RuleFilter(IncludeRule, ExcludeRule));
            foreach (var archive in ResolveFiles(InputPaths, IsLiteral))
            {
                Cancellation.ThrowIfCancellationRequested();
                InspectOne(inspector, archive);
            }
        }

        private void InspectOne(SdistInspector inspector, string archive)
        {
            var inspection = RunForArchive(archive, ProgressId, Activity, "Reading", "InspectionFailed",
                progress => inspector.Inspect(archive, Cancellation, progress));
            if (inspection == null) return;

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
