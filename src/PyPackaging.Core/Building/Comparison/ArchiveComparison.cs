using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using PyPackaging.Archives;
using PyPackaging.Inspection;
using PyPackaging.Rules;

namespace PyPackaging.Building.Comparison
{
    /// <summary>What Compare-PySdist writes for one sdist, or why it could not compare it.</summary>
    public sealed class ArchiveComparisonResult
    {
        internal ArchiveComparisonResult(IReadOnlyList<PySdistEntry> entries, SourceTreeComparison? comparison, string? incomplete)
        {
            Entries = entries;
            Comparison = comparison;
            Incomplete = incomplete;
        }

        /// <summary>The Archive entry (with the comparison's findings), then the untracked members, then (when asked) the missing files.</summary>
        public IReadOnlyList<PySdistEntry> Entries { get; }

        /// <summary>The comparison itself (every path); null when the archive could not be read to its end.</summary>
        public SourceTreeComparison? Comparison { get; }

        /// <summary>Why the archive was not compared: it could not be read to its end (the reader's stop reason).</summary>
        public string? Incomplete { get; }
    }

    /// <summary>
    /// Compare-PySdist's core: reads an existing sdist once (the one pass, with only the comparison rules enabled: it
    /// answers one question and leaves the other checks to Test-PySdist) and compares its members with a project's
    /// tracked files. An archive that cannot be read to its end is not compared, since every member after the stop
    /// would be reported missing.
    /// </summary>
    public static class ArchiveComparison
    {
        private static readonly RuleFilter ComparisonRulesOnly =
            new RuleFilter(new[] { RuleCatalog.TrackedFileNotInSdist.Id, RuleCatalog.UntrackedFileInSdist.Id }, null);

        public static ArchiveComparisonResult Run(string archivePath, TrackedTree tree, ComparisonSettings settings, ArchiveLimits limits,
            bool includeMissing, CancellationToken cancellationToken = default, Action<ArchiveStatistics>? progress = null)
        {
            if (tree == null) throw new ArgumentNullException(nameof(tree));
            var inspection = new SdistInspector(limits, ComparisonRulesOnly).Inspect(archivePath, cancellationToken, progress);
            var snapshot = inspection.Snapshot;
            var archive = inspection.Entries[0];
            if (!snapshot.Completed)
            {
                return new ArchiveComparisonResult(new[] { archive }, null, snapshot.StopReason ?? "the archive ended early");
            }

            var comparison = SourceTreeComparer.Compare(snapshot.Members, tree.Files, settings, tree.ProjectDirectory);
            SourceTreeComparer.Report(comparison, inspection.Entries);
            var entries = new List<PySdistEntry> { archive };
            foreach (var u in comparison.UntrackedMembers)
            {
                var member = inspection.Entries[u.Position + 1];
                member.SourcePath = Path.Combine(tree.ProjectDirectory, u.RelativePath.Replace('/', Path.DirectorySeparatorChar));
                member.Reason = "Not tracked by git in " + tree.ProjectDirectory + ", and no build backend generates it (" + RuleCatalog.UntrackedFileInSdist.Id + ").";
                entries.Add(member);
            }
            if (includeMissing) entries.AddRange(MissingEntries(comparison, snapshot, archivePath));
            return new ArchiveComparisonResult(entries, comparison, null);
        }

        /// <summary>One entry per tracked file the sdist lacks, at the path it would have below the top directory.</summary>
        private static IEnumerable<PySdistEntry> MissingEntries(SourceTreeComparison comparison, SdistSnapshot snapshot, string archivePath)
        {
            string top = TopDirectory(snapshot);
            foreach (var relative in comparison.TrackedNotInSdist)
            {
                string source = Path.Combine(comparison.ProjectDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
                long size = 0;
                try { size = new FileInfo(source).Length; }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException) { }
                yield return new PySdistEntry
                {
                    Archive = archivePath,
                    Path = top.Length > 0 ? top + "/" + relative : relative,
                    EntryType = PySdistEntryType.File,
                    Size = size,
                    SourcePath = source,
                    Reason = "Tracked by git in " + comparison.ProjectDirectory + ", not in the sdist (" + RuleCatalog.TrackedFileNotInSdist.Id + ").",
                };
            }
        }

        private static string TopDirectory(SdistSnapshot snapshot)
        {
            foreach (var m in snapshot.Members)
            {
                string path = m.Path.Replace('\\', '/');
                while (path.StartsWith("./", StringComparison.Ordinal)) path = path.Substring(2);
                int slash = path.IndexOf('/');
                if (slash > 0) return path.Substring(0, slash);
                if (m.Type == PySdistEntryType.Directory && path.Length > 0) return path;
            }
            return string.Empty;
        }
    }
}
