using System;
using System.Collections.Generic;
using System.Linq;

namespace PyPackaging.Building.Selection
{
    /// <summary>What a <see cref="SourceTreeItem"/> reports.</summary>
    public enum SourceItemKind
    {
        /// <summary>A file to pack.</summary>
        File = 0,

        /// <summary>A file or directory left out on purpose (see <see cref="SourceTreeItem.Reason"/>).</summary>
        Excluded = 1,

        /// <summary>A path that was not packed because it cannot be packed safely (see <see cref="SourceTreeItem.Problem"/>).</summary>
        Error = 2,

        /// <summary>A packed path that will cause trouble somewhere (for example on Windows).</summary>
        Warning = 3,
    }

    /// <summary>Why a path was left out.</summary>
    public enum ExclusionReason
    {
        None = 0,

        /// <summary>A directory containing pyvenv.cfg or conda-meta/, whatever its name.</summary>
        VirtualEnvironment,

        /// <summary>A directory containing a CACHEDIR.TAG with the cache-directory signature.</summary>
        CacheDirectory,

        /// <summary>Version-control metadata: .git (directory or file), .hg, .svn, .bzr, _darcs, CVS.</summary>
        VersionControl,

        /// <summary>__pycache__ directories and *.pyc / *.pyo files.</summary>
        BytecodeCache,

        /// <summary>Tool environments and caches: .tox, .nox, .venv, .pytest_cache, .mypy_cache, .ruff_cache, .hatch, .pixi.</summary>
        ToolDirectory,

        /// <summary>Operating-system litter such as .DS_Store.</summary>
        SystemFile,

        /// <summary>Build outputs: dist/ at the project root, *.egg-info directories, a root build/ holding a setuptools build tree.</summary>
        BuildOutput,

        /// <summary>The output directory of the current build.</summary>
        OutputDirectory,

        /// <summary>A .gitignore file or .git/info/exclude ignores the path.</summary>
        GitIgnore,

        /// <summary>A caller-given Exclude pattern matched.</summary>
        ExcludePattern,

        /// <summary>A directory link that leads back to a directory being walked.</summary>
        SymlinkLoop,

        /// <summary>Build only: PKG-INFO at the root, which the build generates from pyproject.toml.</summary>
        Generated,

        /// <summary>Build only: the active backend's exclude settings matched.</summary>
        BackendExclude,

        /// <summary>Build only: outside what the backend packs (its module, packages, include/only-include; see BackendScope).</summary>
        NotIncluded,
    }

    /// <summary>What is wrong with an Error or Warning item.</summary>
    public enum SourceProblem
    {
        None = 0,

        /// <summary>Error: a symbolic link whose target lies outside the project.</summary>
        LinkOutsideProject,

        /// <summary>Error: a symbolic link whose target does not exist (or a chain of links that never ends).</summary>
        DanglingLink,

        /// <summary>Error: a link or junction this runtime cannot read (netstandard2.0 / Windows PowerShell 5.1).</summary>
        UnresolvableLink,

        /// <summary>Error: the name is not valid UTF-8.</summary>
        InvalidUtf8Name,

        /// <summary>Error: the name contains a control character.</summary>
        ControlCharacterInName,

        /// <summary>Error: the entry could not be read.</summary>
        IoError,

        /// <summary>Error: a named pipe, socket or device (net8.0 on Unix only; see the walker's remarks).</summary>
        SpecialFile,

        /// <summary>Warning: a reserved Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9).</summary>
        WindowsReservedName,

        /// <summary>Warning: a character Windows does not allow in names (: &lt; &gt; " | ? * \).</summary>
        WindowsInvalidCharacter,

        /// <summary>Warning: a name ending in a dot or a space, which Windows strips.</summary>
        WindowsTrailingDotOrSpace,

        /// <summary>Warning: two packed paths differ only in letter case.</summary>
        CaseCollision,

        /// <summary>Warning: a .gitignore that is a symbolic link is not read for rules (git does not follow it either).</summary>
        IgnoreFileNotRead,
    }

    /// <summary>One path of the project tree and what the walk decided about it.</summary>
    public sealed class SourceTreeItem
    {
        public SourceTreeItem(SourceItemKind kind, string archivePath, string sourcePath)
        {
            Kind = kind;
            ArchivePath = archivePath ?? throw new ArgumentNullException(nameof(archivePath));
            SourcePath = sourcePath ?? throw new ArgumentNullException(nameof(sourcePath));
        }

        public SourceItemKind Kind { get; }

        /// <summary>Path relative to the project root with '/' separators (the member path below the sdist's top directory).</summary>
        public string ArchivePath { get; }

        /// <summary>Full path as walked (for a link: the link itself).</summary>
        public string SourcePath { get; }

        /// <summary>For links: the fully resolved target (the file whose content is packed); otherwise null.</summary>
        public string? LinkTarget { get; internal set; }

        /// <summary>The path is (or the link leads to) a directory.</summary>
        public bool IsDirectory { get; internal set; }

        /// <summary>File size in bytes (File items).</summary>
        public long Size { get; internal set; }

        /// <summary>The owner-execute bit is set (File items; always false where the runtime cannot tell, such as Windows).</summary>
        public bool IsExecutable { get; internal set; }

        /// <summary>Why the path was left out (Excluded items).</summary>
        public ExclusionReason Reason { get; internal set; }

        /// <summary>What is wrong (Error and Warning items).</summary>
        public SourceProblem Problem { get; internal set; }

        /// <summary>The ignore pattern that decided (GitIgnore and ExcludePattern exclusions), else null.</summary>
        public GitIgnorePattern? Pattern { get; internal set; }

        /// <summary>A sentence explaining the exclusion, error or warning; null for File items.</summary>
        public string? Message { get; internal set; }

        public override string ToString() => Kind + " " + ArchivePath + (Message is null ? string.Empty : ": " + Message);
    }

    /// <summary>The outcome of a walk: every item in ordinal archive-path order, plus filtered views.</summary>
    public sealed class SourceTreeResult
    {
        internal SourceTreeResult(string projectRoot, IReadOnlyList<SourceTreeItem> items)
        {
            ProjectRoot = projectRoot;
            Items = items;
            Files = items.Where(i => i.Kind == SourceItemKind.File).ToList();
            Excluded = items.Where(i => i.Kind == SourceItemKind.Excluded).ToList();
            Errors = items.Where(i => i.Kind == SourceItemKind.Error).ToList();
            Warnings = items.Where(i => i.Kind == SourceItemKind.Warning).ToList();
        }

        /// <summary>The project root as a full path.</summary>
        public string ProjectRoot { get; }

        /// <summary>All items, sorted by <see cref="SourceTreeItem.ArchivePath"/> (ordinal), then by kind.</summary>
        public IReadOnlyList<SourceTreeItem> Items { get; }

        public IReadOnlyList<SourceTreeItem> Files { get; }

        public IReadOnlyList<SourceTreeItem> Excluded { get; }

        public IReadOnlyList<SourceTreeItem> Errors { get; }

        public IReadOnlyList<SourceTreeItem> Warnings { get; }

        public bool HasErrors => Errors.Count > 0;
    }

    /// <summary>What to walk and which extra rules apply.</summary>
    public sealed class SourceTreeOptions
    {
        public SourceTreeOptions(string projectRoot)
        {
            ProjectRoot = projectRoot ?? throw new ArgumentNullException(nameof(projectRoot));
        }

        /// <summary>The project directory (the one holding pyproject.toml).</summary>
        public string ProjectRoot { get; }

        /// <summary>
        /// Gitignore-style patterns relative to the project root whose matches are packed whatever the built-in
        /// rules and the ignore files say (a matching directory brings everything below it). Exclude still wins,
        /// and errors (escaping links, bad names) still apply. Only patterns with a '/' reach into directories that
        /// are excluded (a virtual environment, a cache, an ignored directory): "*.pyi" does not, "src/**/*.pyi" does.
        /// </summary>
        public IList<string> Include { get; } = new List<string>();

        /// <summary>
        /// Root-anchored gitignore-style patterns of the license files (project.license-files): matching files are
        /// packed like Include matches, but these patterns never reach inside junk (VCS metadata, environments,
        /// caches, bytecode, build outputs, the output directory) and never bring in a directory as a whole.
        /// </summary>
        public IList<string> LicenseFiles { get; } = new List<string>();

        /// <summary>Gitignore-style patterns relative to the project root whose matches are never packed. Wins over everything.</summary>
        public IList<string> Exclude { get; } = new List<string>();

        /// <summary>Where the build writes its output; left out when it lies inside the project.</summary>
        public string? OutputDirectory { get; set; }

        /// <summary>Honour .gitignore files and .git/info/exclude (default true).</summary>
        public bool UseGitIgnore { get; set; } = true;

        /// <summary>The build-only rules (set by <see cref="FileSelector.ForBuild"/>); null for a plain walk.</summary>
        internal BuildSelection? Build { get; set; }
    }
}
