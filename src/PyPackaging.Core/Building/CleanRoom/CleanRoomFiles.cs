using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using PyPackaging.Building.Selection;
using PyPackaging.Building.Vcs;

namespace PyPackaging.Building.CleanRoom
{
    /// <summary>One file copied into the clean room: its path relative to the project and the file whose content it gets.</summary>
    public sealed class CleanRoomFile
    {
        public CleanRoomFile(string relativePath, string sourcePath, bool isExecutable)
        {
            RelativePath = relativePath;
            SourcePath = sourcePath;
            IsExecutable = isExecutable;
        }

        /// <summary>'/'-separated, relative to the project directory.</summary>
        public string RelativePath { get; }

        /// <summary>The user's file (a link's resolved target inside the project).</summary>
        public string SourcePath { get; }

        public bool IsExecutable { get; }
    }

    /// <summary>What goes into the clean room, and what was kept out and why.</summary>
    public sealed class CleanRoomSelection
    {
        internal CleanRoomSelection(IReadOnlyList<CleanRoomFile> files, IReadOnlyList<string> leftOut, bool fromGit)
        {
            Files = files;
            LeftOut = leftOut;
            FromGit = fromGit;
        }

        /// <summary>The files, in ordinal path order.</summary>
        public IReadOnlyList<CleanRoomFile> Files { get; }

        /// <summary>One line per path kept out ("venv/ (VirtualEnvironment): …"), for -Verbose.</summary>
        public IReadOnlyList<string> LeftOut { get; }

        /// <summary>True when the list came from git (tracked, modified and untracked-not-ignored files).</summary>
        public bool FromGit { get; }

        public long TotalBytes { get; internal set; }
    }

    /// <summary>
    /// Decides which of the user's files enter the clean room: the project's source files — with git, the files it
    /// tracks (as they are in the working tree, so modified ones included) and the untracked files no ignore rule
    /// excludes; without git, the <c>.gitignore</c>-filtered tree — minus everything FileSelector calls junk (VCS
    /// data, virtual environments, caches tagged with CACHEDIR.TAG, tool directories, bytecode, build outputs, the
    /// output directory) and minus links that escape the project or dangle. The walk is
    /// <see cref="SourceTreeWalker"/> with FileSelector's tree rules only (no build rules: the backend decides what of
    /// the room to pack), so an untracked virtual environment never enters the room whatever the ignore files say.
    /// </summary>
    public static class CleanRoomFiles
    {
        /// <param name="exclude">The caller's -Exclude patterns: those files never enter the room either.</param>
        public static CleanRoomSelection Select(string projectDirectory, string outputDirectory, GitRepository? git, IEnumerable<string>? exclude, CancellationToken cancellationToken)
        {
            var options = new SourceTreeOptions(projectDirectory) { OutputDirectory = outputDirectory };
            foreach (string p in exclude ?? Array.Empty<string>()) options.Exclude.Add(p);
            var tree = SourceTreeWalker.Walk(options);
            cancellationToken.ThrowIfCancellationRequested();
            var leftOut = new List<string>();
            foreach (var item in tree.Items)
            {
                if (item.Kind == SourceItemKind.Excluded && item.Reason != ExclusionReason.GitIgnore)
                {
                    leftOut.Add(item.ArchivePath + (item.IsDirectory ? "/" : string.Empty) + " (" + item.Reason + "): " + item.Message);
                }
                else if (item.Kind == SourceItemKind.Error)
                {
                    leftOut.Add(item.ArchivePath + " (" + item.Problem + "): " + item.Message);
                }
            }

            List<CleanRoomFile> files = git == null
                ? tree.Files.Select(ToFile).ToList()
                : FromGit(tree, git, leftOut);
            files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
            long total = 0;
            foreach (var f in files)
            {
                try { total += new FileInfo(f.SourcePath).Length; }
                catch (IOException) { }
            }
            return new CleanRoomSelection(files, leftOut, git != null) { TotalBytes = total };
        }

        // git's list (tracked ∪ untracked-not-ignored) ∩ what the walk did not call junk.
        private static List<CleanRoomFile> FromGit(SourceTreeResult tree, GitRepository git, List<string> leftOut)
        {
            var listed = new HashSet<string>(git.TrackedFiles(), StringComparer.Ordinal);
            listed.UnionWith(git.UntrackedFiles());
            var files = new List<CleanRoomFile>();
            var walked = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in tree.Files)
            {
                walked.Add(item.ArchivePath);
                // A file git lists, or one below a directory link git lists (git tracks the link, the walk its files).
                if (listed.Contains(item.ArchivePath) || ParentListed(item.ArchivePath, listed)) files.Add(ToFile(item));
            }

            var excluded = tree.Excluded.ToDictionary(i => i.ArchivePath, i => i, StringComparer.Ordinal);
            var errors = new HashSet<string>(tree.Errors.Select(i => i.ArchivePath), StringComparer.Ordinal);
            foreach (string path in listed)
            {
                if (walked.Contains(path) || errors.Contains(path)) continue;
                string full = Path.Combine(tree.ProjectRoot, path.Replace('/', Path.DirectorySeparatorChar));
                if (!File.Exists(full)) continue; // deleted in the working tree, or a directory link walked above
                SourceTreeItem? cover = CoveringExclusion(path, excluded);
                // Tracked although an ignore file matches it (git add -f): git's list wins over the ignore files,
                // never over the junk rules.
                if (cover == null || cover.Reason == ExclusionReason.GitIgnore)
                {
                    if (IsPlainFile(full)) files.Add(new CleanRoomFile(path, full, FileSystemLinks.IsExecutable(full)));
                    else leftOut.Add(path + " (Link): a tracked link to outside the walked tree is not copied.");
                }
            }
            return files;
        }

        private static bool ParentListed(string path, HashSet<string> listed)
        {
            for (int slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (listed.Contains(path.Substring(0, slash))) return true;
            }
            return false;
        }

        private static SourceTreeItem? CoveringExclusion(string path, Dictionary<string, SourceTreeItem> excluded)
        {
            if (excluded.TryGetValue(path, out var self)) return self;
            for (int slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (excluded.TryGetValue(path.Substring(0, slash), out var parent)) return parent;
            }
            return null;
        }

        private static bool IsPlainFile(string full) => (File.GetAttributes(full) & FileAttributes.ReparsePoint) == 0;

        private static CleanRoomFile ToFile(SourceTreeItem item) =>
            new CleanRoomFile(item.ArchivePath, item.LinkTarget ?? item.SourcePath, item.IsExecutable);
    }
}
