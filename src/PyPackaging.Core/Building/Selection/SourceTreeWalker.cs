using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;

using PyPackaging.Paths;

namespace PyPackaging.Building.Selection
{
    /// <summary>
    /// Walks a project directory and decides, for every path, whether it goes into the sdist. Nothing is dropped
    /// silently: each file to pack, each excluded file or directory (with its reason), and each problem is an item.
    /// Directories that are excluded are reported once and not entered (except to find paths a caller's Include
    /// pattern could match; those are reported, the rest stays covered by the directory's item).
    /// <para>Precedence, highest first, for each path:</para>
    /// <list type="number">
    /// <item>caller Exclude patterns;</item>
    /// <item>caller Include patterns (the path or a parent directory matched): packed regardless of 3–6. Only
    /// patterns containing a '/' (such as <c>gen/x.py</c> or <c>**/*.pyi</c>) reach into directories excluded by
    /// 3–6; a slash-less pattern such as <c>*.pyi</c> applies only where the walk goes anyway;</item>
    /// <item>the build's output directory;</item>
    /// <item>directory content: a virtual environment (pyvenv.cfg or conda-meta/) or a tagged cache (CACHEDIR.TAG);</item>
    /// <item>built-in names: VCS metadata, bytecode, tool caches and environments, .DS_Store, dist/ at the root;</item>
    /// <item>ignore files: every .gitignore from the project root downwards (not those above the root, not the
    /// global excludes file), and .git/info/exclude at the lowest precedence when &lt;root&gt;/.git is a directory
    /// (a .git file of a linked worktree is not followed, so the walk never depends on git being present).</item>
    /// </list>
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
    public static class SourceTreeWalker
    {
        /// <summary>The first bytes of a CACHEDIR.TAG file (Cache Directory Tagging Specification).</summary>
        public const string CacheDirTagSignature = Checks.Hygiene.ContentMap.CacheDirTagSignature;

        private static readonly HashSet<string> VcsNames = new HashSet<string>(StringComparer.Ordinal) { ".git", ".hg", ".svn", ".bzr", "_darcs", "CVS" };

        /// <summary>Windows' forbidden characters plus the backslash, which is an ordinary character in a POSIX name.</summary>
        private static readonly char[] ForbiddenInNames = (WindowsNames.ForbiddenCharacters + "\\").ToCharArray();

        private static readonly HashSet<string> ToolNames = new HashSet<string>(StringComparer.Ordinal)
        {
            ".tox", ".nox", ".venv", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hatch", ".pixi",
        };
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

        private sealed class TreeWalk
        {
            private readonly SourceTreeOptions _options;
            private readonly string _root;
            private readonly string _rootReal;
            private readonly string? _outputFull;
            private readonly string? _outputReal;
            private readonly GitIgnoreMatcher _ignore = new GitIgnoreMatcher();
            private readonly GitIgnoreFile? _include;
            private readonly GitIgnoreFile? _exclude;
            private readonly HashSet<string> _active = new HashSet<string>(FileSystemLinks.PathComparer);
            private readonly List<SourceTreeItem> _items = new List<SourceTreeItem>();

            public TreeWalk(SourceTreeOptions options, string root)
            {
                _options = options;
                _root = string.Equals(root, Path.GetPathRoot(root), StringComparison.Ordinal)
                    ? root
                    : root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                _rootReal = FileSystemLinks.RealPathOrSelf(_root);
                if (!string.IsNullOrEmpty(options.OutputDirectory))
                {
                    _outputFull = Path.GetFullPath(options.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                    _outputReal = FileSystemLinks.RealPath(_outputFull);
                }

                if (options.Include.Count > 0)
                {
                    _include = GitIgnoreFile.FromPatterns(options.Include, string.Empty, "Include");
                }

                if (options.Exclude.Count > 0)
                {
                    _exclude = GitIgnoreFile.FromPatterns(options.Exclude, string.Empty, "Exclude");
                }
            }

            public void Run()
            {
                if (_options.UseGitIgnore)
                {
                    LoadInfoExclude();
                }

                WalkDirectory(_root, string.Empty, _rootReal, forced: false, shadow: false);
                CheckCaseCollisions();
            }

            public IReadOnlyList<SourceTreeItem> SortedItems()
            {
                return _items
                    .OrderBy(i => i.ArchivePath, StringComparer.Ordinal)
                    .ThenBy(i => i.Kind)
                    .ToList();
            }

            private void LoadInfoExclude()
            {
                string gitDir = Path.Combine(_root, ".git");
                FileAttributes? gitAttributes = FileSystemLinks.TryGetAttributes(new DirectoryInfo(gitDir));
                if (gitAttributes is null || (gitAttributes.Value & FileAttributes.Directory) == 0 || (gitAttributes.Value & FileAttributes.ReparsePoint) != 0)
                {
                    return;
                }

                string path = Path.Combine(gitDir, "info", "exclude");
                if (!File.Exists(path))
                {
                    return;
                }

                try
                {
                    _ignore.AddLowPrecedenceFile(GitIgnoreFile.Load(path, string.Empty, ".git/info/exclude"));
                }
                catch (Exception e) when (IsIoFailure(e))
                {
                    AddProblem(SourceItemKind.Error, ".git/info/exclude", path, SourceProblem.IoError,
                        "The ignore file .git/info/exclude could not be read, so its rules were not applied: " + e.Message);
                }
            }

            private void WalkDirectory(string directory, string rel, string realDirectory, bool forced, bool shadow)
            {
                _active.Add(realDirectory);
                try
                {
                    // Below an excluded directory only Include matches are packed, and those ignore the ignore files.
                    if (_options.UseGitIgnore && !shadow)
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
                        Visit(entry, rel, realDirectory, forced, shadow);
                    }
                }
                finally
                {
                    _active.Remove(realDirectory);
                }
            }

            private void LoadGitIgnore(string directory, string rel)
            {
                string path = Path.Combine(directory, ".gitignore");
                FileAttributes? found = FileSystemLinks.TryGetAttributes(new FileInfo(path));
                if (found is null || (found.Value & FileAttributes.Directory) != 0)
                {
                    return;
                }

                FileAttributes attributes = found.Value;

                string archivePath = Join(rel, ".gitignore");
                if ((attributes & FileAttributes.ReparsePoint) != 0)
                {
                    AddProblem(SourceItemKind.Warning, archivePath, path, SourceProblem.IgnoreFileNotRead,
                        "This .gitignore is a symbolic link; its rules were not applied (git does not follow it either).");
                    return;
                }

                try
                {
                    _ignore.AddDirectoryFile(GitIgnoreFile.Load(path, rel, archivePath));
                }
                catch (Exception e) when (IsIoFailure(e))
                {
                    AddProblem(SourceItemKind.Error, archivePath, path, SourceProblem.IoError,
                        "This .gitignore could not be read, so its rules were not applied: " + e.Message);
                }
            }

            private void Visit(FileSystemInfo entry, string parentRel, string parentReal, bool parentForced, bool shadow)
            {
                string name = entry.Name;
                string rel = Join(parentRel, name);
                string full = entry.FullName;

                if (name.IndexOf('\uFFFD') >= 0 || HasLoneSurrogate(name))
                {
                    if (!shadow)
                    {
                        AddProblem(SourceItemKind.Error, rel, full, SourceProblem.InvalidUtf8Name,
                            "The name is not valid UTF-8 (shown with U+FFFD for the undecodable bytes) or not valid Unicode; it cannot be stored in an sdist. Rename it or delete it.");
                    }

                    return;
                }

                FileAttributes? examined = FileSystemLinks.TryGetAttributes(entry);
                if (examined is null)
                {
                    if (!shadow)
                    {
                        AddProblem(SourceItemKind.Error, rel, full, SourceProblem.IoError,
                            "The entry could not be examined (it vanished or is not accessible).");
                    }

                    return;
                }

                FileAttributes attributes = examined.Value;
                bool isLink = (attributes & FileAttributes.ReparsePoint) != 0 && IsLink(entry);
                string? target = null;
                bool isDirectory;
                if (isLink)
                {
                    if (FileSystemLinks.CanResolveLinks)
                    {
                        target = FileSystemLinks.RealPath(full);
                    }

                    isDirectory = target != null ? Directory.Exists(target) : Directory.Exists(full);
                }
                else
                {
                    isDirectory = (attributes & FileAttributes.Directory) != 0;
                }

                string realPath = isLink ? (target ?? full) : Path.Combine(parentReal, name);
                byte[] relBytes = Encoding.UTF8.GetBytes(rel);

                // 1. Exclude patterns.
                if (_exclude != null)
                {
                    GitIgnorePattern? hit = _exclude.FindLastMatch(relBytes, isDirectory);
                    if (hit != null && !hit.IsNegated)
                    {
                        if (!shadow)
                        {
                            AddExcluded(rel, full, target, isDirectory, ExclusionReason.ExcludePattern, hit,
                                "Left out by the Exclude pattern " + hit.Describe() + ".");
                        }

                        return;
                    }
                }

                // 2. Include patterns: the path's own match decides, else the parent's.
                bool forced = parentForced;
                if (_include != null)
                {
                    // Below an excluded directory only patterns naming a path (with a '/') reach in, so that an
                    // Include such as "*.pyi" cannot pull files out of a virtual environment or a cache.
                    GitIgnorePattern? hit = _include.FindLastMatch(relBytes, isDirectory, anchoredOnly: shadow);
                    if (hit != null)
                    {
                        forced = !hit.IsNegated;
                    }
                }

                if (!forced)
                {
                    // 3-6. Output directory, directory content, built-in names, ignore files.
                    Exclusion exclusion = Classify(rel, relBytes, name, full, realPath, isDirectory, parentRel.Length == 0);
                    if (exclusion.Reason != ExclusionReason.None)
                    {
                        if (!shadow)
                        {
                            AddExcluded(rel, full, target, isDirectory, exclusion.Reason, exclusion.Pattern, exclusion.Message);
                        }

                        if (isDirectory && IncludeCouldMatchBelow(relBytes) && CanEnter(isLink, target, realPath))
                        {
                            WalkDirectory(full, rel, realPath, forced: false, shadow: true);
                        }

                        return;
                    }

                    if (shadow)
                    {
                        // Below an excluded directory and not asked for: covered by that directory's item.
                        if (isDirectory && IncludeCouldMatchBelow(relBytes) && CanEnter(isLink, target, realPath))
                        {
                            WalkDirectory(full, rel, realPath, forced: false, shadow: true);
                        }

                        return;
                    }
                }

                // The path is selected.
                if (HasControlCharacter(name))
                {
                    AddProblem(SourceItemKind.Error, rel, full, SourceProblem.ControlCharacterInName,
                        "The name contains a control character; it was not packed. Rename it or exclude it.");
                    return;
                }

                if (isLink && !CheckLink(rel, full, target))
                {
                    return;
                }

                CheckWindowsName(rel, full, name);
                if (isDirectory)
                {
                    if (_active.Contains(realPath))
                    {
                        AddExcluded(rel, full, target, true, ExclusionReason.SymlinkLoop, null,
                            "This leads back to a directory that contains it (" + realPath + "); following it would never end.");
                        return;
                    }

                    WalkDirectory(full, rel, realPath, forced, shadow);
                    return;
                }

                string contentPath = target ?? full;
                try
                {
                    long size = new FileInfo(contentPath).Length;
                    string? special = FileSystemLinks.DescribeSpecialFile(contentPath, size);
                    if (special != null)
                    {
                        AddProblem(SourceItemKind.Error, rel, full, SourceProblem.SpecialFile,
                            "This is " + special + ", not a regular file; it cannot be packed. Remove it or exclude it.");
                        return;
                    }

                    var item = new SourceTreeItem(SourceItemKind.File, rel, full)
                    {
                        LinkTarget = target,
                        Size = size,
                        IsExecutable = FileSystemLinks.IsExecutable(contentPath),
                    };
                    _items.Add(item);
                }
                catch (Exception e) when (IsIoFailure(e))
                {
                    AddProblem(SourceItemKind.Error, rel, full, SourceProblem.IoError, "The file could not be examined: " + e.Message);
                }
            }

            private static bool IsLink(FileSystemInfo entry)
            {
#if NET8_0_OR_GREATER
                try
                {
                    return entry.LinkTarget != null;
                }
                catch (IOException)
                {
                    return true;
                }
                catch (UnauthorizedAccessException)
                {
                    return true;
                }
#else
                _ = entry;
                return true; // every reparse point counts as a link: .NET Framework cannot tell them apart
#endif
            }

            private bool CanEnter(bool isLink, string? target, string realPath)
            {
                if (isLink && (target is null || !FileSystemLinks.IsInside(target, _rootReal)))
                {
                    return false;
                }

                return !_active.Contains(realPath);
            }

            private bool CheckLink(string rel, string full, string? target)
            {
                if (!FileSystemLinks.CanResolveLinks)
                {
                    AddProblem(SourceItemKind.Error, rel, full, SourceProblem.UnresolvableLink,
                        "This is a symbolic link or junction, which this PowerShell edition cannot resolve; it was not packed. Use PowerShell 7, replace it with a copy, or exclude it.");
                    return false;
                }

                if (target is null)
                {
                    string raw = RawTarget(full);
                    AddProblem(SourceItemKind.Error, rel, full, SourceProblem.DanglingLink,
                        "This symbolic link points to '" + raw + "', which does not exist (or the links never end); it was not packed. Remove it or exclude it.");
                    return false;
                }

                if (!FileSystemLinks.IsInside(target, _rootReal))
                {
                    AddProblem(SourceItemKind.Error, rel, full, SourceProblem.LinkOutsideProject,
                        "This symbolic link points outside the project, to " + target + "; it was not packed. Copy the file into the project or exclude the link.");
                    return false;
                }

                return true;
            }

            private static string RawTarget(string full)
            {
#if NET8_0_OR_GREATER
                try
                {
                    return new FileInfo(full).LinkTarget ?? "?";
                }
                catch (Exception e) when (IsIoFailure(e))
                {
                    return "?";
                }
#else
                return "?";
#endif
            }

            private Exclusion Classify(string rel, byte[] relBytes, string name, string full, string realPath, bool isDirectory, bool atRoot)
            {
                if (isDirectory && _outputFull != null
                    && (string.Equals(full, _outputFull, FileSystemLinks.PathComparison)
                        || (_outputReal != null && string.Equals(realPath, _outputReal, FileSystemLinks.PathComparison))))
                {
                    return new Exclusion(ExclusionReason.OutputDirectory, "This is the output directory of the build.");
                }

                if (isDirectory)
                {
                    if (File.Exists(Path.Combine(full, "pyvenv.cfg")))
                    {
                        return new Exclusion(ExclusionReason.VirtualEnvironment,
                            "This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.");
                    }

                    if (Directory.Exists(Path.Combine(full, "conda-meta")))
                    {
                        return new Exclusion(ExclusionReason.VirtualEnvironment,
                            "This directory is a conda environment (it contains conda-meta/); environments must not be packed.");
                    }

                    if (HasCacheDirTag(full))
                    {
                        return new Exclusion(ExclusionReason.CacheDirectory,
                            "This directory is a cache directory (it contains a CACHEDIR.TAG with the cache-directory signature).");
                    }
                }

                if (VcsNames.Contains(name))
                {
                    return new Exclusion(ExclusionReason.VersionControl, "Version-control metadata (" + name + ") is never packed.");
                }

                if (isDirectory ? name == "__pycache__"
                    : name.EndsWith(".pyc", StringComparison.Ordinal) || name.EndsWith(".pyo", StringComparison.Ordinal))
                {
                    return new Exclusion(ExclusionReason.BytecodeCache, "Compiled Python bytecode is never packed.");
                }

                if (ToolNames.Contains(name))
                {
                    return new Exclusion(ExclusionReason.ToolDirectory, name + " belongs to a development tool (environment or cache) and is never packed.");
                }

                if (name == ".DS_Store")
                {
                    return new Exclusion(ExclusionReason.SystemFile, ".DS_Store is macOS Finder metadata and is never packed.");
                }

                if (atRoot && isDirectory && name == "dist")
                {
                    return new Exclusion(ExclusionReason.BuildOutput, "dist/ at the project root holds built distributions and is never packed.");
                }

                if (!_ignore.IsEmpty)
                {
                    GitIgnoreMatch match = _ignore.Match(rel, relBytes, isDirectory);
                    if (match.IsIgnored)
                    {
                        return new Exclusion(ExclusionReason.GitIgnore, "Ignored by " + match.Pattern!.Describe() + ".", match.Pattern);
                    }
                }

                return default;
            }

            private static bool HasCacheDirTag(string directory)
            {
                string tag = Path.Combine(directory, "CACHEDIR.TAG");
                try
                {
                    if (!File.Exists(tag))
                    {
                        return false;
                    }

                    byte[] expected = Encoding.ASCII.GetBytes(CacheDirTagSignature);
                    var buffer = new byte[expected.Length];
                    using (var stream = new FileStream(tag, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                    {
                        int read = 0;
                        while (read < buffer.Length)
                        {
                            int n = stream.Read(buffer, read, buffer.Length - read);
                            if (n == 0)
                            {
                                return false;
                            }

                            read += n;
                        }
                    }

                    for (int i = 0; i < expected.Length; i++)
                    {
                        if (buffer[i] != expected[i])
                        {
                            return false;
                        }
                    }

                    return true;
                }
                catch (Exception e) when (IsIoFailure(e))
                {
                    return false;
                }
            }

            private bool IncludeCouldMatchBelow(byte[] relBytes) => _include != null && _include.AnchoredCouldMatchBelow(relBytes);

            private void CheckWindowsName(string rel, string full, string name)
            {
                string stem = WindowsNames.DeviceStem(name);
                if (WindowsNames.IsReservedDeviceName(name))
                {
                    AddProblem(SourceItemKind.Warning, rel, full, SourceProblem.WindowsReservedName,
                        "'" + name + "' uses the reserved Windows device name " + stem.ToUpperInvariant() + "; the sdist cannot be unpacked on Windows.");
                }

                int bad = name.IndexOfAny(ForbiddenInNames);
                if (bad >= 0)
                {
                    AddProblem(SourceItemKind.Warning, rel, full, SourceProblem.WindowsInvalidCharacter,
                        "'" + name + "' contains '" + name[bad].ToString(CultureInfo.InvariantCulture) + "', which Windows does not allow in names.");
                }

                if (WindowsNames.EndsWithDotOrSpace(name))
                {
                    AddProblem(SourceItemKind.Warning, rel, full, SourceProblem.WindowsTrailingDotOrSpace,
                        "'" + name + "' ends with a dot or a space, which Windows strips; it would not unpack under this name there.");
                }
            }

            private void CheckCaseCollisions()
            {
                // Every packed file and every directory that will hold one.
                var paths = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (SourceTreeItem item in _items)
                {
                    if (item.Kind != SourceItemKind.File)
                    {
                        continue;
                    }

                    paths[item.ArchivePath] = item.SourcePath;
                    string p = item.ArchivePath;
                    int slash;
                    while ((slash = p.LastIndexOf('/')) > 0)
                    {
                        p = p.Substring(0, slash);
                        if (!paths.ContainsKey(p))
                        {
                            paths[p] = Path.Combine(_root, p.Replace('/', Path.DirectorySeparatorChar));
                        }
                    }
                }

                var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (KeyValuePair<string, string> entry in paths)
                {
                    if (seen.TryGetValue(entry.Key, out string? first))
                    {
                        AddProblem(SourceItemKind.Warning, entry.Key, entry.Value, SourceProblem.CaseCollision,
                            "'" + entry.Key + "' differs from '" + first + "' only in letter case; they collide on case-insensitive file systems (Windows, macOS).");
                    }
                    else
                    {
                        seen.Add(entry.Key, entry.Key);
                    }
                }
            }

            private void AddExcluded(string rel, string full, string? target, bool isDirectory, ExclusionReason reason, GitIgnorePattern? pattern, string message)
            {
                _items.Add(new SourceTreeItem(SourceItemKind.Excluded, rel, full)
                {
                    LinkTarget = target,
                    IsDirectory = isDirectory,
                    Reason = reason,
                    Pattern = pattern,
                    Message = message,
                });
            }

            private void AddProblem(SourceItemKind kind, string rel, string full, SourceProblem problem, string message)
            {
                _items.Add(new SourceTreeItem(kind, rel, full) { Problem = problem, Message = message });
            }

            // Windows names are UTF-16 and may hold unpaired surrogates, which have no UTF-8 form either.
            private static bool HasLoneSurrogate(string name)
            {
                for (int i = 0; i < name.Length; i++)
                {
                    if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
                    {
                        i++;
                    }
                    else if (char.IsSurrogate(name[i]))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool HasControlCharacter(string name)
            {
                foreach (char c in name)
                {
                    if (MemberPath.IsControl(c))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "/" + name;

            private static bool IsIoFailure(Exception e) => e is IOException || e is UnauthorizedAccessException || e is SecurityException;
        }

        private readonly struct Exclusion
        {
            public Exclusion(ExclusionReason reason, string message, GitIgnorePattern? pattern = null)
            {
                Reason = reason;
                Message = message;
                Pattern = pattern;
            }

            public ExclusionReason Reason { get; }

            public string Message { get; }

            public GitIgnorePattern? Pattern { get; }
        }
    }
}
