using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using PyPackaging.Archives;
using PyPackaging.Building.Selection;
using PyPackaging.Building.Vcs;
using PyPackaging.Rules;

namespace PyPackaging.Building.Comparison
{
    /// <summary>
    /// Sdist vs source tree (check-sdist's question): which files git tracks in the project directory that the sdist
    /// lacks, and which members the sdist holds that git does not track. Members are compared by their path below the
    /// archive's top directory; directories are not compared (git tracks none). What the settings expect to differ
    /// (<see cref="ComparisonSettings"/>: backend-generated members, deliberate git-only files) is left out.
    /// Tracked files deleted from the working tree are not expected either: nothing can pack them.
    /// </summary>
    public static class SourceTreeComparer
    {
        /// <summary>
        /// Compares with git: opens the repository holding <paramref name="projectDirectory"/> and lists its tracked
        /// files (submodules recursed). Returns null with the reason when there is nothing to compare with
        /// (<paramref name="unavailable"/> says which: git missing, not a work tree, nothing tracked yet).
        /// </summary>
        /// <remarks>
        /// Without git there is deliberately no fallback to the .gitignore-filtered tree: that tree is what a native
        /// build packs, so comparing with it would only repeat the build's own selection and could not answer "does the
        /// sdist hold what the repository holds?". The callers say so instead (a verbose note, or an error).
        /// </remarks>
        /// <exception cref="GitException">git failed while listing files.</exception>
        public static SourceTreeComparison? TryCompareWithGit(IReadOnlyList<ArchiveMember> members, string projectDirectory, ComparisonSettings settings,
            out string whyNot, out ComparisonUnavailable unavailable, CancellationToken cancellationToken = default)
        {
            var tree = TrackedTree.TryRead(projectDirectory, out whyNot, out unavailable, cancellationToken);
            return tree == null ? null : Compare(members, tree.Files, settings, tree.ProjectDirectory);
        }

        /// <summary>Compares the members with a given list of tracked files (project-relative, '/'-separated).</summary>
        public static SourceTreeComparison Compare(IReadOnlyList<ArchiveMember> members, IEnumerable<string> trackedFiles, ComparisonSettings settings, string projectDirectory)
        {
            if (members == null) throw new ArgumentNullException(nameof(members));
            if (trackedFiles == null) throw new ArgumentNullException(nameof(trackedFiles));
            if (settings == null) throw new ArgumentNullException(nameof(settings));

            var tracked = new HashSet<string>(trackedFiles, StringComparer.Ordinal);
            var inSdist = new HashSet<string>(StringComparer.Ordinal);
            var gitOnly = Matcher(settings.GitOnly, "[tool.check-sdist] git-only");
            var sdistOnly = Matcher(settings.SdistOnly, "[tool.check-sdist] sdist-only");

            var untracked = new List<UntrackedMember>();
            for (int i = 0; i < members.Count; i++)
            {
                var member = members[i];
                if (member.Type == PySdistEntryType.Directory || member.Type == PySdistEntryType.Archive) continue;
                string? relative = BelowTopDirectory(member.Path);
                if (relative == null) continue; // a member beside the top directory: the structure rules report it
                inSdist.Add(relative);
                if (tracked.Contains(relative) || sdistOnly.IsIgnored(relative, false)) continue;
                untracked.Add(new UntrackedMember(i, member.Path, relative));
            }

            var missing = tracked
                .Where(f => !inSdist.Contains(f) && !gitOnly.IsIgnored(f, false))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            return new SourceTreeComparison(projectDirectory, tracked.Count, missing, untracked, settings.Warnings);
        }

        /// <summary>
        /// Adds the comparison's findings to the Archive entry (the first of <paramref name="entries"/>): one finding
        /// per rule, naming the first files and the count (the rules are <see cref="PySdistRule.SummarizedPerArchive"/>).
        /// </summary>
        public static void Report(SourceTreeComparison comparison, IReadOnlyList<PySdistEntry> entries)
        {
            if (comparison == null) throw new ArgumentNullException(nameof(comparison));
            if (entries == null || entries.Count == 0 || entries[0].EntryType != PySdistEntryType.Archive)
                throw new ArgumentException("The entries must start with the Archive entry.", nameof(entries));
            var archive = entries[0];
            var added = comparison.Findings(archive.Archive, archive.Path);
            if (added.Count > 0) archive.Findings = archive.Findings.Concat(added).ToList();
        }

        /// <summary>The path below the top directory ("demo-1.0/src/a.py" → "src/a.py"); null for a top-level path.</summary>
        public static string? BelowTopDirectory(string memberPath)
        {
            string path = memberPath.Replace('\\', '/');
            while (path.StartsWith("./", StringComparison.Ordinal)) path = path.Substring(2);
            int slash = path.IndexOf('/');
            if (slash < 0 || slash == path.Length - 1) return null;
            return path.Substring(slash + 1).TrimEnd('/');
        }

        private static GitIgnoreMatcher Matcher(IReadOnlyList<string> patterns, string source)
        {
            var matcher = new GitIgnoreMatcher();
            matcher.AddDirectoryFile(GitIgnoreFile.FromPatterns(patterns, string.Empty, source));
            return matcher;
        }

        internal static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Why an sdist could not be compared with git.</summary>
    public enum ComparisonUnavailable
    {
        /// <summary>It was compared.</summary>
        None,
        /// <summary>git could not be started (not installed, not on PATH).</summary>
        GitMissing,
        /// <summary>The project directory is not inside a git work tree.</summary>
        NotAWorkTree,
        /// <summary>git tracks no file in the project directory.</summary>
        NothingTracked,
    }

    /// <summary>A member git does not track: its position in the member table, its path, and its path in the project.</summary>
    public sealed class UntrackedMember
    {
        internal UntrackedMember(int position, string memberPath, string relativePath)
        {
            Position = position;
            MemberPath = memberPath;
            RelativePath = relativePath;
        }

        /// <summary>Zero-based position in the snapshot's member table (the entry after the Archive entry at Position + 1).</summary>
        public int Position { get; }

        public string MemberPath { get; }

        public string RelativePath { get; }
    }
}
