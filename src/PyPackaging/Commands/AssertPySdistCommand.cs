using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using PyPackaging.CommandSupport;
using PyPackaging.Inspection;
using PyPackaging.Rules;

namespace PyPackaging.Commands
{
    /// <summary>
    /// Assert-PySdist: the CI gate. Checks sdists like Test-PySdist, writes one annotation per Error and Warning
    /// finding in the CI's syntax (GitHub workflow commands, Azure logging commands, or plain text), one verdict
    /// line per archive, a Markdown job summary and optional SARIF/JUnit files, and then fails when an archive has
    /// an Error finding (or a Warning with -FailOn Warning), when no sdist matched or when an archive could not be
    /// read: a terminating error (so a script under $ErrorActionPreference = 'Stop' stops there), $LASTEXITCODE = 1
    /// and, when the environment is GitHub Actions or Azure Pipelines (or with -EnableExit), the process exit code 1 (as PSScriptAnalyzer's
    /// -EnableExit does), plus task.complete result=Failed on Azure.
    /// Everything is written before the gate fails. Nothing goes to the pipeline.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Assert, "PySdist", DefaultParameterSetName = PathSet, HelpUri = HelpLinks.AssertPySdist)]
    public sealed class AssertPySdistCommand : PySdistArchiveCmdlet
    {
        private const int ProgressId = 4713;
        private const string Activity = "Assert-PySdist";

        // A GateSession and an SdistInspector (Core types); kept as objects, see GateSession.
        private object? _session;
        private object? _inspector;

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

        /// <summary>The log syntax: Detect (default: GITHUB_ACTIONS=true, TF_BUILD=True, else Plain), GitHubActions, AzurePipelines or Plain.</summary>
        [Parameter]
        [ValidateSet("Detect", "GitHubActions", "AzurePipelines", "Plain", IgnoreCase = true)]
        public string Style { get; set; } = "Detect";

        /// <summary>The lowest severity that fails the gate: Error (default) or Warning.</summary>
        [Parameter]
        [ValidateSet("Error", "Warning", IgnoreCase = true)]
        public string FailOn { get; set; } = "Error";

        /// <summary>Also write the Markdown summary to this file (replaced). On GitHub it is still appended to GITHUB_STEP_SUMMARY; on Azure this file is the one uploaded.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SummaryPath { get; set; }

        /// <summary>Write no job summary (GITHUB_STEP_SUMMARY, task.uploadsummary).</summary>
        [Parameter]
        public SwitchParameter NoSummary { get; set; }

        /// <summary>Write a SARIF 2.1.0 log of every finding to this file.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SarifPath { get; set; }

        /// <summary>Write a JUnit XML report to this file.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JUnitPath { get; set; }

        /// <summary>Set the process exit code on failure outside GitHub Actions and Azure Pipelines too (there it is always set).</summary>
        [Parameter]
        public SwitchParameter EnableExit { get; set; }

        private GateSession Session => (GateSession)_session!;

        protected override void BeginProcessing()
        {
            string? baseDirectory = null;
            try
            {
                baseDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            }
            catch (PSInvalidOperationException)
            {
                // No file-system location (an unusual host): archives are then named by their full path.
            }
            _session = new GateSession(Style, FailOn, baseDirectory);
            _inspector = GateSession.CreateInspector(BuildLimits(), IncludeRule, ExcludeRule, out var unmatched);
            if (_inspector == null)
            {
                // As Test-PySdist: a rule pattern with a typo would check other rules than asked for (an -IncludeRule
                // typo none at all, and every archive would pass), so nothing is checked and the gate fails.
                WriteLine(Session.AddProblem("RuleNotFound", unmatched,
                    $"No rule matches {unmatched}; no archive was checked. Run Get-PySdistRule to list the rule ids (they tab-complete)."));
            }
        }

        protected override void ProcessRecord()
        {
            if (_inspector == null) return;
            var inspector = (SdistInspector)_inspector;
            foreach (var archive in ResolveFiles(InputPaths, IsLiteral))
            {
                Cancellation.ThrowIfCancellationRequested();
                var inspection = RunForArchive(archive, ProgressId, Activity, "Reading", "InspectionFailed",
                    progress => inspector.Inspect(archive, Cancellation, progress));
                if (inspection == null) continue;
                foreach (var line in Session.AddArchive(archive, inspection.Entries)) WriteLine(line);
            }
        }

        /// <summary>Inputs that cannot be checked are annotated now and fail the gate at the end, not the script at once.</summary>
        protected override void ReportInputError(ErrorRecord error)
        {
            var target = error.TargetObject?.ToString() ?? string.Empty;
            WriteLine(Session.AddProblem(error.FullyQualifiedErrorId.Split(',')[0], target, error.Exception.Message));
        }

        protected override void EndProcessing()
        {
            var session = Session;
            var result = session.Result();
            var reportErrors = new List<ErrorRecord>();

            if (result.Archives.Count == 0 && result.Problems.Count == 0 && _inspector != null)
            {
                // Only possible with empty pipeline input: say so, the gate must not pass on nothing.
                WriteLine(session.AddProblem("NoSdist", string.Empty, "No sdist was given to check. Pass the archives with -Path, for example dist/*.tar.gz."));
            }

            WriteSummary(session, reportErrors);
            WriteReportFile(session, SarifPath, "Sarif", reportErrors);
            WriteReportFile(session, JUnitPath, "JUnit", reportErrors);

            result = session.Result();
            foreach (var line in session.Log.Closing(result)) WriteLine(line);

            if (result.Failed)
            {
                // $LASTEXITCODE too: GitHub appends `exit $LASTEXITCODE` to pwsh steps, which must not turn a failed gate into 0.
                SessionState.PSVariable.Set("global:LASTEXITCODE", 1);
                if (EnableExit || session.InCi) Host.SetShouldExit(1);
                foreach (var e in reportErrors) WriteError(e);
                ThrowTerminatingError(Error(new InvalidOperationException(result.Headline()), "SdistGateFailed", ErrorCategory.InvalidResult, null));
            }
            foreach (var e in reportErrors) WriteError(e);
        }

        private void WriteSummary(GateSession session, List<ErrorRecord> errors)
        {
            if (NoSummary) return;
            string? markdown = null;
            string Text() => markdown ??= session.Markdown();

            if (SummaryPath != null)
            {
                TryWrite(errors, SummaryPath, path => GateSession.WriteText(path, Text()));
            }
            if (session.IsGitHub)
            {
                var stepSummary = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
                if (!string.IsNullOrEmpty(stepSummary)) TryWrite(errors, stepSummary!, path => GateSession.AppendText(path, Text() + "\n"), resolve: false);
            }
            else if (session.IsAzure)
            {
                // The file attached to the run: -SummaryPath when it was written, else a fresh file in the agent's temp directory.
                string? attached = null;
                if (SummaryPath != null)
                {
                    try
                    {
                        var resolved = ResolveOutputPath(SummaryPath);
                        if (File.Exists(resolved)) attached = resolved;
                    }
                    catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException || ex is ArgumentException || ex is NotSupportedException)
                    {
                        // Already reported as ReportNotWritten above.
                    }
                }
                else
                {
                    var path = GateSession.DefaultAzureSummaryPath();
                    if (TryWrite(errors, path, p => GateSession.WriteText(p, Text()), resolve: false)) attached = path;
                }
                if (attached != null) WriteLine(GateSession.UploadSummaryCommand(attached));
            }
        }

        private void WriteReportFile(GateSession session, string? path, string format, List<ErrorRecord> errors)
        {
            if (path == null) return;
            TryWrite(errors, path, resolved => session.WriteReport(resolved, format));
        }

        private bool TryWrite(List<ErrorRecord> errors, string path, Action<string> write, bool resolve = true)
        {
            string resolved = path;
            try
            {
                if (resolve) resolved = ResolveOutputPath(path);
                write(resolved);
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException
                                       || ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException)
            {
                errors.Add(Error(new IOException($"Cannot write '{resolved}': {ex.Message}", ex), "ReportNotWritten", ErrorCategory.WriteError, resolved));
                return false;
            }
        }

        /// <summary>A line for the log: through the host, like Write-Host, so it is never pipeline output and shows whatever $InformationPreference says.</summary>
        private void WriteLine(string line) =>
            WriteInformation(new HostInformationMessage { Message = line }, new[] { "PSHOST" });
    }
}
