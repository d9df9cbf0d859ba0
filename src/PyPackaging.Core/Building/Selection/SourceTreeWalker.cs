using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PyPackaging.Building.Selection
{
    /// <summary>
    /// Walks a project directory and reports every path: each file to pack, each excluded file or directory (with
    /// its reason), and each problem is an item; nothing is dropped silently. Whether a path is in or out is decided
    /// by <see cref="FileSelector"/> alone (its summary lists the rules in precedence order); the walk only finds the
    /// facts, follows directories, loads ignore files on the way down and checks that selected paths can be packed.
    /// Directories that are excluded are reported once and not entered, except to find paths an Include pattern
    /// could match (those are reported; the rest stays covered by the directory's item).
    /// <para>
    /// Links are never packed as links. A link to a file inside the project is packed as that file's content; a link
    /// to a directory inside the project is walked (a link back to a directory being walked is excluded as a loop;
    /// other directory links are copied, as hatchling does); a link that escapes the project or dangles is an error,
    /// unless the path is excluded anyway. For pattern matching, a followed directory link counts as a directory.
    /// Names that are not valid UTF-8 (.NET shows the bad bytes as U+FFFD; a name really containing U+FFFD is
    /// refused too) are errors before any rule is applied, because they cannot be opened by that name; names with
    /// control characters are errors unless excluded. Windows-hostile names are warnings on packed paths.
    /// </para>
    /// </summary>
    public static partial class SourceTreeWalker
    {
        /// <summary>The first bytes of a CACHEDIR.TAG file (Cache Directory Tagging Specification).</summary>
        public const string CacheDirTagSignature = Checks.Hygiene.ContentMap.CacheDirTagSignature;

        /// <summary>Walks the project. Throws only when the root itself is missing; everything else becomes items.</summary>
        public static SourceTreeResult Walk(SourceTreeOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            string root = Path.GetFullPath(options.ProjectRoot);
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException("The project directory does not exist: " + root);
            }

            var walk = new TreeWalk(options, root);
            walk.Run();
            return new SourceTreeResult(root, walk.SortedItems());
        }

        private sealed partial class TreeWalk
        {
            private readonly SourceTreeOptions _options;
            private readonly string _root;
            private readonly string _rootReal;
            private readonly FileSelector _selector;
            private readonly HashSet<string> _active = new HashSet<string>(FileSystemLinks.PathComparer);
            private readonly List<SourceTreeItem> _items = new List<SourceTreeItem>();

            // Files found packable, including those a build rule (9–11) then leaves out: the case-collision check
            // has always looked at these, so it still does.
            private readonly List<SourceTreeItem> _packable = new List<SourceTreeItem>();

            public TreeWalk(SourceTreeOptions options, string root)
            {
                _options = options;
                _root = string.Equals(root, Path.GetPathRoot(root), StringComparison.Ordinal)
                    ? root
                    : root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                _rootReal = FileSystemLinks.RealPathOrSelf(_root);
                _selector = new FileSelector(options);
            }

            public void Run()
            {
                if (_options.UseGitIgnore)
                {
                    LoadInfoExclude();
                }

                WalkDirectory(_root, string.Empty, _rootReal, forced: false, belowExcluded: false, belowJunk: false);
                CheckCaseCollisions();
            }

            public IReadOnlyList<SourceTreeItem> SortedItems()
            {
                return _items
                    .OrderBy(i => i.ArchivePath, StringComparer.Ordinal)
                    .ThenBy(i => i.Kind)
                    .ToList();
            }

            private void WalkDirectory(string directory, string rel, string realDirectory, bool forced, bool belowExcluded, bool belowJunk)
            {
                _active.Add(realDirectory);
                try
                {
                    // Below an excluded directory only Include matches are packed, and those ignore the ignore files.
                    if (_options.UseGitIgnore && !belowExcluded)
                    {
                        LoadGitIgnore(directory, rel);
                    }

                    List<FileSystemInfo> entries;
                    try
                    {
                        entries = new DirectoryInfo(directory).EnumerateFileSystemInfos().ToList();
                    }
                    catch (Exception e) when (IsIoFailure(e))
                    {
                        AddProblem(SourceItemKind.Error, rel.Length == 0 ? "." : rel, directory, SourceProblem.IoError,
                            "The directory could not be listed, so nothing below it was considered: " + e.Message);
                        return;
                    }

                    entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                    foreach (FileSystemInfo entry in entries)
                    {
                        Visit(entry, rel, realDirectory, forced, belowExcluded, belowJunk);
                    }
                }
                finally
                {
                    _active.Remove(realDirectory);
                }
            }

            private void Visit(FileSystemInfo entry, string parentRel, string parentReal, bool parentForced, bool belowExcluded, bool belowJunk)
            {
                if (!TryExamine(entry, parentRel, parentReal, belowExcluded, out TreePath path))
                {
                    return;
                }

                PathVerdict verdict = _selector.Select(path, parentForced, belowExcluded, belowJunk);
                if ((verdict.IsExcluded && !verdict.AfterChecks) || verdict.IsCovered)
                {
                    if (verdict.IsExcluded && !belowExcluded)
                    {
                        AddExcluded(path, verdict.Reason, verdict.Pattern, verdict.Message!);
                    }

                    bool junk = belowJunk || FileSelector.IsJunk(verdict.Reason);
                    if (verdict.MayHoldIncluded && path.IsDirectory && _selector.IncludeCouldReachBelow(path.RelativePathBytes, junk) && CanEnter(path))
                    {
                        WalkDirectory(path.FullPath, path.RelativePath, path.RealPath, forced: false, belowExcluded: true, belowJunk: junk);
                    }

                    return;
                }

                Take(path, verdict, belowExcluded, belowJunk);
            }

            /// <summary>Reads what the selector needs about an entry; false (with the problem reported) when it cannot be judged.</summary>
            private bool TryExamine(FileSystemInfo entry, string parentRel, string parentReal, bool belowExcluded, out TreePath path)
            {
                path = default;
                string name = entry.Name;
                string rel = Join(parentRel, name);
                string full = entry.FullName;
                if (name.IndexOf('\uFFFD') >= 0 || HasLoneSurrogate(name))
                {
                    if (!belowExcluded)
                    {
                        AddProblem(SourceItemKind.Error, rel, full, SourceProblem.InvalidUtf8Name,
                            "The name is not valid UTF-8 (shown with U+FFFD for the undecodable bytes) or not valid Unicode; it cannot be stored in an sdist. Rename it or delete it.");
                    }

                    return false;
                }

                FileAttributes? examined = FileSystemLinks.TryGetAttributes(entry);
                if (examined is null)
                {
                    if (!belowExcluded)
                    {
                        AddProblem(SourceItemKind.Error, rel, full, SourceProblem.IoError,
                            "The entry could not be examined (it vanished or is not accessible).");
                    }

                    return false;
                }

                bool isLink = (examined.Value & FileAttributes.ReparsePoint) != 0 && IsLink(entry);
                string? target = isLink && FileSystemLinks.CanResolveLinks ? FileSystemLinks.RealPath(full) : null;
                bool isDirectory = isLink
                    ? Directory.Exists(target ?? full)
                    : (examined.Value & FileAttributes.Directory) != 0;
                string realPath = isLink ? (target ?? full) : Path.Combine(parentReal, name);
                path = new TreePath(name, rel, Encoding.UTF8.GetBytes(rel), full, realPath, isDirectory, isLink, target, parentRel.Length == 0);
                return true;
            }

            /// <summary>A selected path: checked, then walked (directory) or packed (file).</summary>
            private void Take(in TreePath path, PathVerdict verdict, bool belowExcluded, bool belowJunk)
            {
                if (HasControlCharacter(path.Name))
                {
                    AddProblem(SourceItemKind.Error, path.RelativePath, path.FullPath, SourceProblem.ControlCharacterInName,
                        "The name contains a control character; it was not packed. Rename it or exclude it.");
                    return;
                }

                if (path.IsLink && !CheckLink(path))
                {
                    return;
                }

                CheckWindowsName(path.RelativePath, path.FullPath, path.Name);
                if (!path.IsDirectory)
                {
                    AddFile(path, verdict);
                }
                else if (_active.Contains(path.RealPath))
                {
                    AddExcluded(path, ExclusionReason.SymlinkLoop, null,
                        "This leads back to a directory that contains it (" + path.RealPath + "); following it would never end.");
                }
                else
                {
                    WalkDirectory(path.FullPath, path.RelativePath, path.RealPath, verdict.Forced, belowExcluded, belowJunk);
                }
            }

            private void AddFile(in TreePath path, PathVerdict verdict)
            {
                string contentPath = path.LinkTarget ?? path.FullPath;
                try
                {
                    long size = new FileInfo(contentPath).Length;
                    string? special = FileSystemLinks.DescribeSpecialFile(contentPath, size);
                    if (special != null)
                    {
                        AddProblem(SourceItemKind.Error, path.RelativePath, path.FullPath, SourceProblem.SpecialFile,
                            "This is " + special + ", not a regular file; it cannot be packed. Remove it or exclude it.");
                        return;
                    }

                    var item = new SourceTreeItem(SourceItemKind.File, path.RelativePath, path.FullPath)
                    {
                        LinkTarget = path.LinkTarget,
                        Size = size,
                        IsExecutable = FileSystemLinks.IsExecutable(contentPath),
                    };
                    _packable.Add(item);
                    if (verdict.IsExcluded)
                    {
                        AddExcluded(path, verdict.Reason, verdict.Pattern, verdict.Message!);
                    }
                    else
                    {
                        _items.Add(item);
                    }
                }
                catch (Exception e) when (IsIoFailure(e))
                {
                    AddProblem(SourceItemKind.Error, path.RelativePath, path.FullPath, SourceProblem.IoError, "The file could not be examined: " + e.Message);
                }
            }
        }
    }
}
