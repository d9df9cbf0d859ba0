using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace PyPackaging.Building.Vcs
{
    /// <summary>
    /// The git facts a build needs about a project directory: which files git tracks, which are changed or new, and what
    /// <c>git describe</c> says about HEAD. Every path is relative to the project directory (not the repository root: a
    /// project may live in a subfolder of a monorepo) with '/' separators. Opened with <see cref="TryOpen(string, out string, CancellationToken)"/>; one
    /// instance per build, queries run git each time they are called.
    /// </summary>
    public sealed class GitRepository
    {
        private readonly CancellationToken _cancellation;

        private GitRepository(string projectDirectory, string workTreeRoot, CancellationToken cancellation)
        {
            ProjectDirectory = projectDirectory;
            WorkTreeRoot = workTreeRoot;
            _cancellation = cancellation;
        }

        /// <summary>The project directory the paths are relative to (full path).</summary>
        public string ProjectDirectory { get; }

        /// <summary>The repository's work tree root (<c>git rev-parse --show-toplevel</c>).</summary>
        public string WorkTreeRoot { get; }

        /// <summary>
        /// Opens the repository that holds <paramref name="projectDirectory"/>. Returns null, with the reason in
        /// <paramref name="whyNot"/>, when git is not installed or the directory is not inside a git work tree.
        /// </summary>
        public static GitRepository? TryOpen(string projectDirectory, out string whyNot, CancellationToken cancellationToken = default) =>
            TryOpen(projectDirectory, out whyNot, out _, cancellationToken);

        /// <summary>
        /// Like <see cref="TryOpen(string, out string, CancellationToken)"/>; <paramref name="gitMissing"/> tells the two
        /// reasons apart (true: git could not be started; false: the directory is not in a work tree).
        /// </summary>
        public static GitRepository? TryOpen(string projectDirectory, out string whyNot, out bool gitMissing, CancellationToken cancellationToken = default)
        {
            string full = Path.GetFullPath(projectDirectory);
            var result = GitProcess.TryRun(full, cancellationToken, "rev-parse", "--show-toplevel");
            gitMissing = result == null;
            if (result == null)
            {
                whyNot = "git is not installed or not on PATH (install git, e.g. 'apt-get install git' or https://git-scm.com/downloads).";
                return null;
            }
            if (!result.Succeeded)
            {
                whyNot = full + " is not inside a git work tree (" + FirstLine(result.Error) + ").";
                return null;
            }
            whyNot = string.Empty;
            return new GitRepository(full, Path.GetFullPath(result.Text), cancellationToken);
        }

        /// <summary>Files git tracks below the project directory (the index, <c>git ls-files --cached</c>), sorted ordinally.</summary>
        public IReadOnlyList<string> TrackedFiles() => ListFiles("--cached");

        /// <summary>
        /// Like <see cref="TrackedFiles"/>, with the files of checked-out submodules listed instead of the submodule's
        /// own path (<c>--recurse-submodules</c>): what a checkout of the repository holds, file by file.
        /// </summary>
        public IReadOnlyList<string> TrackedFilesWithSubmodules() => ListFiles("--cached", "--recurse-submodules");

        /// <summary>Untracked files below the project directory that no ignore rule excludes (<c>--others --exclude-standard</c>).</summary>
        public IReadOnlyList<string> UntrackedFiles() => ListFiles("--others", "--exclude-standard");

        /// <summary>Tracked files deleted from the working tree.</summary>
        public IReadOnlyList<string> DeletedFiles() => ListFiles("--deleted");

        /// <summary>Tracked files whose working-tree content differs from the index or HEAD.</summary>
        public IReadOnlyList<string> ModifiedFiles() => ListFiles("--modified");

        /// <summary>
        /// True when a tracked file differs from HEAD (untracked files do not count, as in setuptools-scm's dirty check
        /// <c>git status --porcelain --untracked-files=no</c>).
        /// </summary>
        public bool IsDirty()
        {
            var result = Run("status", "--porcelain", "--untracked-files=no");
            return result.Text.Length > 0;
        }

        /// <summary>The full hash of HEAD, or null in a repository without commits.</summary>
        public string? HeadCommit()
        {
            var result = Run(allowFailure: true, "rev-parse", "--verify", "-q", "HEAD");
            return result.Succeeded && result.Text.Length > 0 ? result.Text : null;
        }

        /// <summary>HEAD's committer date, or null without commits.</summary>
        public DateTimeOffset? HeadCommitTime()
        {
            var result = Run(allowFailure: true, "log", "-1", "--format=%ct", "HEAD");
            return result.Succeeded && long.TryParse(result.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : (DateTimeOffset?)null;
        }

        /// <summary>
        /// <c>git describe --tags --long {extra}</c> on HEAD, e.g. <c>v1.2.0-3-gabc1234</c>; null when no tag matches or
        /// there are no commits. Callers add <c>--match</c>/<c>--dirty</c> as their scheme requires.
        /// </summary>
        public string? Describe(params string[] extraArguments)
        {
            var arguments = new List<string> { "describe", "--tags", "--long" };
            arguments.AddRange(extraArguments);
            var result = Run(allowFailure: true, arguments.ToArray());
            return result.Succeeded && result.Text.Length > 0 ? result.Text : null;
        }

        /// <summary>Runs any other read-only git command in the project directory; a failure is a <see cref="GitException"/>.</summary>
        public GitResult Run(params string[] arguments) => Run(allowFailure: false, arguments);

        private GitResult Run(bool allowFailure, params string[] arguments)
        {
            var result = GitProcess.TryRun(ProjectDirectory, _cancellation, arguments)
                ?? throw new GitException("git could not be started (it was there when the repository was opened).");
            if (!allowFailure && !result.Succeeded)
                throw new GitException("git " + string.Join(" ", arguments) + " failed in " + ProjectDirectory + ": " + FirstLine(result.Error));
            return result;
        }

        private IReadOnlyList<string> ListFiles(params string[] selection)
        {
            var arguments = new List<string> { "ls-files", "-z" };
            arguments.AddRange(selection);
            arguments.Add("--");
            arguments.Add(".");
            var files = Run(arguments.ToArray()).NulSeparated().Distinct(StringComparer.Ordinal).ToList();
            files.Sort(StringComparer.Ordinal);
            return files;
        }

        private static string FirstLine(string text)
        {
            int newline = text.IndexOf('\n');
            return (newline < 0 ? text : text.Substring(0, newline)).Trim();
        }
    }

    /// <summary>A git command failed where the build needed its answer.</summary>
    public sealed class GitException : Exception
    {
        public GitException(string message) : base(message)
        {
        }
    }
}
