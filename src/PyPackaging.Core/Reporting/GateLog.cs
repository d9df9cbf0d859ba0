using System.Collections.Generic;
using System.Globalization;

namespace PyPackaging.Reporting
{
    /// <summary>
    /// The gate's log lines in one CI style: one annotation per Error and Warning finding, one verdict line per
    /// archive, one annotation per input that could not be checked, and the closing line.
    /// </summary>
    public sealed class GateLog
    {
        public GateLog(CiStyle style, GateThreshold failOn)
        {
            Style = style;
            FailOn = failOn;
        }

        /// <summary>GitHub shows at most this many error (and as many warning) annotations per step.</summary>
        public const int GitHubAnnotationCap = 10;

        public CiStyle Style { get; }
        public GateThreshold FailOn { get; }

        /// <summary>The annotations for the archive's Error and Warning findings, then its verdict line.</summary>
        public IEnumerable<string> ForArchive(ArchiveVerdict verdict)
        {
            foreach (var finding in verdict.Findings)
            {
                if (finding.Severity == PySdistSeverity.Error || finding.Severity == PySdistSeverity.Warning)
                {
                    yield return Annotation(finding.Severity == PySdistSeverity.Error, verdict.DisplayPath, finding.RuleId, AnnotationText(finding));
                }
            }
            yield return VerdictLine(verdict);
        }

        /// <summary>An input that could not be checked is an error annotation titled with its error id.</summary>
        public string ForProblem(GateProblem problem) => Annotation(true, null, problem.ErrorId, problem.Message);

        /// <summary>The closing line: how many archives failed, and on Azure the task result when the gate failed.</summary>
        public IEnumerable<string> Closing(GateResult result)
        {
            if (Style == CiStyle.GitHubActions)
            {
                // GitHub keeps 10 error and 10 warning annotations per step and drops the rest silently: say so.
                int errors = 0, warnings = 0;
                foreach (var a in result.Archives) { errors += a.ErrorCount; warnings += a.WarningCount; }
                errors += result.Problems.Count;
                if (errors > GitHubAnnotationCap || warnings > GitHubAnnotationCap)
                {
                    yield return GitHubCommands.Annotation("notice", null, "PyPackaging", string.Format(CultureInfo.InvariantCulture,
                        "{0} error and {1} warning annotations were written; GitHub shows {2} of each per step. The job summary lists every finding.",
                        errors, warnings, GitHubAnnotationCap));
                }
            }
            var headline = result.Headline();
            yield return headline;
            if (result.Failed && Style == CiStyle.AzurePipelines) yield return AzureCommands.TaskComplete("Failed", headline);
        }

        /// <summary>"&lt;member&gt;: &lt;message&gt;", the text every style annotates a finding with.</summary>
        public static string AnnotationText(PySdistFinding finding) => finding.Path + ": " + finding.Message;

        /// <summary>PASS/FAIL, the archive and its counts by severity, in one line.</summary>
        public string VerdictLine(ArchiveVerdict verdict) => string.Format(CultureInfo.InvariantCulture,
            "{0} {1}: {2}, {3}, {4}",
            verdict.Fails(FailOn) ? "FAIL" : "PASS",
            OneLine(verdict.DisplayPath),
            Count(verdict.ErrorCount, "error"), Count(verdict.WarningCount, "warning"), Count(verdict.InformationCount, "information", plural: false));

        private string Annotation(bool error, string? file, string code, string message)
        {
            switch (Style)
            {
                case CiStyle.GitHubActions:
                    return GitHubCommands.Annotation(error ? "error" : "warning", file, code, message);
                case CiStyle.AzurePipelines:
                    return AzureCommands.LogIssue(error ? "error" : "warning", file, code, message);
                default:
                    // The compiler convention (file: error CODE: message) that editors and problem matchers read.
                    var prefix = string.IsNullOrEmpty(file) ? string.Empty : OneLine(file!) + ": ";
                    return prefix + (error ? "error " : "warning ") + code + ": " + OneLine(message);
            }
        }

        /// <summary>Plain lines stay one line: CR and LF are shown as \r and \n.</summary>
        internal static string OneLine(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");

        private static string Count(int n, string noun, bool plural = true) =>
            n.ToString(CultureInfo.InvariantCulture) + " " + (plural && n != 1 ? noun + "s" : noun);
    }
}
