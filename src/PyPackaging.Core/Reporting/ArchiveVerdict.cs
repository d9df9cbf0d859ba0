using System;
using System.Collections.Generic;

namespace PyPackaging.Reporting
{
    /// <summary>What fails the gate: Error findings only (the default), or Warning findings as well.</summary>
    public enum GateThreshold
    {
        Error,
        Warning,
    }

    /// <summary>
    /// One archive's result for the gate and the reports: its entries, every finding in entry order, and the counts
    /// by severity. <see cref="FromEntries"/> is the one place the counts are computed.
    /// </summary>
    public sealed class ArchiveVerdict
    {
        private ArchiveVerdict(string archive, string displayPath, IReadOnlyList<PySdistEntry> entries, IReadOnlyList<PySdistFinding> findings,
            int errors, int warnings, int information)
        {
            Archive = archive;
            DisplayPath = displayPath;
            Entries = entries;
            Findings = findings;
            ErrorCount = errors;
            WarningCount = warnings;
            InformationCount = information;
        }

        /// <summary>Full path of the archive file.</summary>
        public string Archive { get; }

        /// <summary>The archive as logs and reports name it: relative to the working directory when below it, '/'-separated.</summary>
        public string DisplayPath { get; }

        public string FileName => System.IO.Path.GetFileName(Archive);

        /// <summary>The entries as Test-PySdist wrote them (the Archive entry and one per member).</summary>
        public IReadOnlyList<PySdistEntry> Entries { get; }

        /// <summary>Every finding of every entry, in entry order.</summary>
        public IReadOnlyList<PySdistFinding> Findings { get; }

        public int ErrorCount { get; }
        public int WarningCount { get; }
        public int InformationCount { get; }

        /// <summary>The worst severity over the whole archive, members included.</summary>
        public PySdistSeverity Severity =>
            ErrorCount > 0 ? PySdistSeverity.Error
            : WarningCount > 0 ? PySdistSeverity.Warning
            : InformationCount > 0 ? PySdistSeverity.Information
            : PySdistSeverity.None;

        /// <summary>Whether this archive fails a gate with the given threshold.</summary>
        public bool Fails(GateThreshold failOn) =>
            ErrorCount > 0 || (failOn == GateThreshold.Warning && WarningCount > 0);

        /// <summary>Findings that fail the gate at this threshold.</summary>
        public static bool IsFailing(PySdistSeverity severity, GateThreshold failOn) =>
            severity == PySdistSeverity.Error || (failOn == GateThreshold.Warning && severity == PySdistSeverity.Warning);

        /// <summary>
        /// Builds the verdict from one archive's entries. The Archive entry carries the archive's verdict (its counts
        /// cover its own findings and every member's), so a pipeline that dropped members (Where-Object) still gets
        /// the archive's true counts; the findings listed are those of the entries given. Without an Archive entry
        /// the counts are taken over the findings given. Taking the larger of the two per severity keeps both right.
        /// </summary>
        public static ArchiveVerdict FromEntries(string archive, string displayPath, IReadOnlyList<PySdistEntry> entries)
        {
            var findings = new List<PySdistFinding>();
            int errors = 0, warnings = 0, information = 0;
            PySdistEntry? archiveEntry = null;
            foreach (var entry in entries)
            {
                if (entry.EntryType == PySdistEntryType.Archive && archiveEntry == null) archiveEntry = entry;
                foreach (var finding in entry.Findings)
                {
                    findings.Add(finding);
                    switch (finding.Severity)
                    {
                        case PySdistSeverity.Error: errors++; break;
                        case PySdistSeverity.Warning: warnings++; break;
                        case PySdistSeverity.Information: information++; break;
                    }
                }
            }
            if (archiveEntry != null)
            {
                errors = Math.Max(errors, archiveEntry.ErrorCount);
                warnings = Math.Max(warnings, archiveEntry.WarningCount);
                information = Math.Max(information, archiveEntry.InformationCount);
            }
            return new ArchiveVerdict(archive, displayPath, entries, findings, errors, warnings, information);
        }

        /// <summary>Groups entries from a pipeline by their Archive property, keeping the order archives first appear in.</summary>
        public static IReadOnlyList<ArchiveVerdict> GroupEntries(IEnumerable<PySdistEntry> entries, Func<string, string> displayPath)
        {
            var order = new List<string>();
            var byArchive = new Dictionary<string, List<PySdistEntry>>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (!byArchive.TryGetValue(entry.Archive, out var list))
                {
                    list = new List<PySdistEntry>();
                    byArchive.Add(entry.Archive, list);
                    order.Add(entry.Archive);
                }
                list.Add(entry);
            }
            var result = new List<ArchiveVerdict>(order.Count);
            foreach (var archive in order) result.Add(FromEntries(archive, displayPath(archive), byArchive[archive]));
            return result;
        }

        /// <summary>Names an archive relative to a base directory when it lies below it, with '/' separators.</summary>
        public static string RelativeDisplayPath(string archive, string? baseDirectory)
        {
            var full = archive.Replace('\\', '/');
            if (!string.IsNullOrEmpty(baseDirectory))
            {
                var prefix = baseDirectory!.Replace('\\', '/').TrimEnd('/') + "/";
                var comparison = System.IO.Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                if (full.StartsWith(prefix, comparison) && full.Length > prefix.Length) return full.Substring(prefix.Length);
            }
            return full;
        }
    }

    /// <summary>An input the gate could not check: no file matched, a path was wrong, an archive could not be read.</summary>
    public sealed class GateProblem
    {
        public GateProblem(string errorId, string target, string message)
        {
            ErrorId = errorId;
            Target = target;
            Message = message;
        }

        /// <summary>The stable error id (PathNotFound, ArchiveUnreadable, NoSdist, ...).</summary>
        public string ErrorId { get; }
        public string Target { get; }
        public string Message { get; }
    }

    /// <summary>The gate's overall result: every archive's verdict and every input problem.</summary>
    public sealed class GateResult
    {
        public GateResult(IReadOnlyList<ArchiveVerdict> archives, IReadOnlyList<GateProblem> problems, GateThreshold failOn)
        {
            Archives = archives;
            Problems = problems;
            FailOn = failOn;
        }

        public IReadOnlyList<ArchiveVerdict> Archives { get; }
        public IReadOnlyList<GateProblem> Problems { get; }
        public GateThreshold FailOn { get; }

        public int FailedArchiveCount
        {
            get
            {
                var n = 0;
                foreach (var a in Archives) if (a.Fails(FailOn)) n++;
                return n;
            }
        }

        /// <summary>Fails when an archive fails, when an input could not be checked, or when nothing was checked at all.</summary>
        public bool Failed => FailedArchiveCount > 0 || Problems.Count > 0 || Archives.Count == 0;

        /// <summary>One sentence for the log's last line and the failure message.</summary>
        public string Headline()
        {
            var checkedText = Archives.Count == 1 ? "1 sdist" : Archives.Count + " sdists";
            var text = Archives.Count == 0
                ? "PyPackaging: no sdist was checked"
                : $"PyPackaging: {FailedArchiveCount} of {checkedText} failed the gate (fail on {FailOn})";
            if (Problems.Count > 0) text += Problems.Count == 1 ? "; 1 input could not be checked" : $"; {Problems.Count} inputs could not be checked";
            return text + ".";
        }
    }
}
