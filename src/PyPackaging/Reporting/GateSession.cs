using System;
using System.Collections.Generic;
using System.IO;
using PyPackaging.Reporting;

namespace PyPackaging.CommandSupport
{
    /// <summary>
    /// Assert-PySdist's state between ProcessRecord and EndProcessing. It lives outside the cmdlet class because cmdlet
    /// classes must not hold Core types (Core is bound by the loader at import); the cmdlet keeps it as an object.
    /// </summary>
    internal sealed class GateSession
    {
        private readonly List<ArchiveVerdict> _archives = new List<ArchiveVerdict>();
        private readonly List<GateProblem> _problems = new List<GateProblem>();

        internal GateSession(string style, string failOn, string? baseDirectory)
        {
            Style = string.Equals(style, "Detect", StringComparison.OrdinalIgnoreCase)
                ? CiDetection.Detect(Environment.GetEnvironmentVariable)
                : (CiStyle)Enum.Parse(typeof(CiStyle), style, ignoreCase: true);
            FailOn = (GateThreshold)Enum.Parse(typeof(GateThreshold), failOn, ignoreCase: true);
            BaseDirectory = RepositoryRoot(Style) ?? baseDirectory;
            Log = new GateLog(Style, FailOn);
        }

        /// <summary>
        /// Annotations name files relative to the checkout (GitHub resolves file= against GITHUB_WORKSPACE, code
        /// scanning resolves SARIF against the repository root), whatever working-directory the step uses.
        /// </summary>
        private static string? RepositoryRoot(CiStyle style)
        {
            var variable = style == CiStyle.GitHubActions ? "GITHUB_WORKSPACE" : style == CiStyle.AzurePipelines ? "BUILD_SOURCESDIRECTORY" : null;
            var value = variable == null ? null : Environment.GetEnvironmentVariable(variable);
            return string.IsNullOrEmpty(value) ? null : value;
        }

        internal CiStyle Style { get; }
        internal GateThreshold FailOn { get; }
        internal string? BaseDirectory { get; }
        internal GateLog Log { get; }

        internal bool IsGitHub => Style == CiStyle.GitHubActions;
        internal bool IsAzure => Style == CiStyle.AzurePipelines;

        /// <summary>
        /// Whether the process exit code is set on failure without -EnableExit: only when the environment says this
        /// is GitHub Actions or Azure Pipelines. Naming -Style to preview CI output in a terminal must not end the shell.
        /// </summary>
        internal bool InCi => CiDetection.Detect(Environment.GetEnvironmentVariable) != CiStyle.Plain;

        /// <summary>Records one inspected archive and returns its log lines.</summary>
        internal IEnumerable<string> AddArchive(string archive, IReadOnlyList<PySdistEntry> entries)
        {
            var verdict = ArchiveVerdict.FromEntries(archive, ArchiveVerdict.RelativeDisplayPath(archive, BaseDirectory), entries);
            _archives.Add(verdict);
            return Log.ForArchive(verdict);
        }

        /// <summary>Records an input that could not be checked and returns its annotation.</summary>
        internal string AddProblem(string errorId, string target, string message)
        {
            var problem = new GateProblem(errorId, target, message);
            _problems.Add(problem);
            return Log.ForProblem(problem);
        }

        /// <summary>The inspector for these rule patterns; null (with the patterns that match no rule) when one matches none.</summary>
        internal static Inspection.SdistInspector? CreateInspector(Archives.ArchiveLimits limits, string[]? include, string[]? exclude, out string unmatched)
        {
            var filter = new Rules.RuleFilter(include, exclude);
            var missing = filter.UnmatchedPatterns(Rules.RuleCatalog.All);
            unmatched = string.Join(", ", missing);
            return missing.Count > 0 ? null : new Inspection.SdistInspector(limits, filter);
        }

        internal GateResult Result() => new GateResult(_archives, _problems, FailOn);

        internal string Markdown() => MarkdownReport.ToMarkdown(Result());

        internal void WriteReport(string path, string format) =>
            ReportFile.Write(path, (ReportFormat)Enum.Parse(typeof(ReportFormat), format, ignoreCase: true), Result(), BaseDirectory);

        internal static void AppendText(string path, string text) => ReportFile.AppendText(path, text);

        internal static void WriteText(string path, string text) =>
            ReportFile.WriteAtomically(path, stream =>
            {
                var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes, 0, bytes.Length);
            });

        internal static string UploadSummaryCommand(string path) => AzureCommands.UploadSummary(path);

        /// <summary>Where the Azure summary goes without -SummaryPath: a fresh folder under the agent's temp directory.</summary>
        internal static string DefaultAzureSummaryPath()
        {
            var temp = Environment.GetEnvironmentVariable("AGENT_TEMPDIRECTORY");
            if (string.IsNullOrEmpty(temp)) temp = Path.GetTempPath();
            return Path.Combine(temp!, "pypackaging-" + Guid.NewGuid().ToString("N").Substring(0, 12), "PyPackaging.md");
        }
    }
}
