using System;
using System.Collections.Generic;
using System.Linq;
using PyPackaging.Rules;

namespace PyPackaging.Building.Comparison
{
    /// <summary>
    /// The answer to "does the sdist hold what git tracks?": the tracked files it lacks and the members git does not
    /// track, both after the expected differences were taken out. Every path is reachable here; the findings name only
    /// the first few (<see cref="NamedInFinding"/>) so that 500 left-out docs pages are one line, not 500.
    /// </summary>
    public sealed class SourceTreeComparison
    {
        /// <summary>How many paths a finding names before "and N more".</summary>
        public const int NamedInFinding = 5;

        internal SourceTreeComparison(string projectDirectory, int trackedCount, IReadOnlyList<string> trackedNotInSdist,
            IReadOnlyList<UntrackedMember> untrackedMembers, IReadOnlyList<string> warnings)
        {
            ProjectDirectory = projectDirectory;
            TrackedCount = trackedCount;
            TrackedNotInSdist = trackedNotInSdist;
            UntrackedMembers = untrackedMembers;
            Warnings = warnings;
        }

        /// <summary>The project directory compared with (full path).</summary>
        public string ProjectDirectory { get; }

        /// <summary>Files git tracks in the project directory (deleted ones not counted).</summary>
        public int TrackedCount { get; }

        /// <summary>Tracked files (project-relative) the sdist lacks, sorted ordinally.</summary>
        public IReadOnlyList<string> TrackedNotInSdist { get; }

        /// <summary>Members git does not track and no backend generates, in archive order.</summary>
        public IReadOnlyList<UntrackedMember> UntrackedMembers { get; }

        /// <summary>Settings that could not be used (from <see cref="ComparisonSettings.Warnings"/>).</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>True when the sdist holds exactly what was expected.</summary>
        public bool Matches => TrackedNotInSdist.Count == 0 && UntrackedMembers.Count == 0;

        /// <summary>The findings for the Archive entry: at most one per rule.</summary>
        public IReadOnlyList<PySdistFinding> Findings(string archivePath, string fileName)
        {
            var findings = new List<PySdistFinding>(2);
            var missing = TrackedNotInSdist;
            if (missing.Count > 0)
            {
                string message = missing.Count == 1
                    ? $"{Quote(missing[0])} is tracked by git in {ProjectDirectory} but is not in the sdist. Whoever builds from the sdist does not get it; a build that needs it fails or yields a different wheel."
                    : $"{SourceTreeComparer.Count(missing.Count)} files git tracks in {ProjectDirectory} are not in the sdist: {Names(missing)}. Whoever builds from the sdist does not get them; a build that needs one fails or yields a different wheel. Compare-PySdist -IncludeMissing lists each.";
                findings.Add(new PySdistFinding(RuleCatalog.TrackedFileNotInSdist, message, RuleCatalog.TrackedFileNotInSdist.Remedy, archivePath, fileName));
            }

            var untracked = UntrackedMembers;
            if (untracked.Count > 0)
            {
                var paths = untracked.Select(u => u.MemberPath).ToList();
                string message = untracked.Count == 1
                    ? $"{Quote(paths[0])} is in the sdist, but git does not track {Quote(untracked[0].RelativePath)} in {ProjectDirectory} and no build backend generates it: it was published from the working tree without being in version control."
                    : $"{SourceTreeComparer.Count(untracked.Count)} members are not tracked by git in {ProjectDirectory} and no build backend generates them: {Names(paths)}. They were published from the working tree without being in version control; Compare-PySdist lists each.";
                findings.Add(new PySdistFinding(RuleCatalog.UntrackedFileInSdist, message, RuleCatalog.UntrackedFileInSdist.Remedy, archivePath, fileName));
            }
            return findings;
        }

        private static string Quote(string path) => "`" + path + "`";

        private static string Names(IReadOnlyList<string> paths)
        {
            var named = string.Join(", ", paths.Take(NamedInFinding).Select(Quote));
            int rest = paths.Count - Math.Min(paths.Count, NamedInFinding);
            return rest > 0 ? named + " and " + SourceTreeComparer.Count(rest) + " more" : named;
        }
    }
}
