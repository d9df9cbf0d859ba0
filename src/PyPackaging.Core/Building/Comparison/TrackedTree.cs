using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PyPackaging.Building.Vcs;

namespace PyPackaging.Building.Comparison
{
    /// <summary>The files git tracks in a project directory, read once (Compare-PySdist compares many sdists with one tree).</summary>
    public sealed class TrackedTree
    {
        private TrackedTree(string projectDirectory, IReadOnlyList<string> files)
        {
            ProjectDirectory = projectDirectory;
            Files = files;
        }

        /// <summary>The project directory (full path).</summary>
        public string ProjectDirectory { get; }

        /// <summary>Tracked files relative to the project directory, submodules recursed, deleted ones left out; sorted.</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>
        /// Lists the tracked files; null with the reason when git is missing, the directory is not in a work tree, or git
        /// tracks nothing there (a fresh <c>git init</c>: every member would be "untracked", which says nothing).
        /// </summary>
        /// <exception cref="GitException">git failed while listing files.</exception>
        public static TrackedTree? TryRead(string projectDirectory, out string whyNot, out ComparisonUnavailable unavailable, CancellationToken cancellationToken = default)
        {
            var repository = GitRepository.TryOpen(projectDirectory, out whyNot, out bool gitMissing, cancellationToken);
            if (repository == null)
            {
                unavailable = gitMissing ? ComparisonUnavailable.GitMissing : ComparisonUnavailable.NotAWorkTree;
                return null;
            }
            var deleted = new HashSet<string>(repository.DeletedFiles(), StringComparer.Ordinal);
            var tracked = repository.TrackedFilesWithSubmodules().Where(f => !deleted.Contains(f)).ToList();
            if (tracked.Count == 0)
            {
                unavailable = ComparisonUnavailable.NothingTracked;
                whyNot = "git tracks no file in " + repository.ProjectDirectory + " (nothing added yet, or the directory is ignored); add and commit the project's files first.";
                return null;
            }
            unavailable = ComparisonUnavailable.None;
            return new TrackedTree(repository.ProjectDirectory, tracked);
        }
    }
}
