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
    [OutputType("PyPackaging.PySdistEntry")]
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
            var name = System.IO.Path.GetFileName(archive);
            SdistInspection inspection;
            try
            {
                ReportProgress(ProgressId, Activity, $"Reading {name}", 0, force: true);
                inspection = inspector.Inspect(archive, Cancellation, stats =>
                {
                    var percent = stats.CompressedLength > 0 ? (int)(100 * stats.CompressedBytesRead / stats.CompressedLength) : 0;
                    ReportProgress(ProgressId, Activity, $"Reading {name}: {stats.MemberCount} members", percent);
                });
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            catch (UnauthorizedAccessException ex)
            {
                WriteError(Error(ex, "ArchiveAccessDenied", ErrorCategory.PermissionDenied, archive));
                return;
            }
            catch (IOException ex)
            {
                WriteError(Error(new IOException($"Cannot read '{archive}': {ex.Message}", ex), "ArchiveUnreadable", ErrorCategory.ReadError, archive));
                return;
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                // A defect in PyPackaging, not in the archive: say so plainly and go on with the next archive.
                WriteError(Error(new InvalidOperationException($"PyPackaging could not finish checking '{archive}' ({ex.GetType().Name}: {ex.Message}). This is a bug in PyPackaging; please report it with the archive.", ex),
                    "InspectionFailed", ErrorCategory.NotSpecified, archive));
                return;
            }
            finally
            {
                CompleteProgress(ProgressId, Activity);
            }

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
