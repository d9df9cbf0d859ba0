namespace PyPackaging.Rules
{
    // Hygiene rules: content that does not belong in an sdist (the uv#14897 mechanism: a backend packs a virtual
    // environment or cache, and the sdist is refused when it is unpacked again), and names Windows cannot hold.
    // Ids are stable.
    public static partial class RuleCatalog
    {
        private const string HygieneSdistSpec = "https://packaging.python.org/en/latest/specifications/source-distribution-format/";
        private const string HygieneWindowsNames = "Windows file naming rules (learn.microsoft.com 'Naming Files, Paths, and Namespaces'); Python tarfile docs, 'Hints for further verification'";

        public static readonly PySdistRule VirtualEnvironment = new PySdistRule(
            "VirtualEnvironment", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "The sdist contains a virtual environment (a directory with pyvenv.cfg, conda-meta/, bin/python next to lib/pythonX.Y, or Scripts/python.exe). It does not belong in an sdist; its interpreter links usually point outside the archive, and those links (reported as SymlinkAbsolute or SymlinkEscapes) make pip and uv refuse the sdist (uv#14897).",
            "Exclude the environment's directory from the build (for example in .gitignore, or the backend's exclude setting) and rebuild.",
            "uv#14897; PEP 721; " + HygieneSdistSpec)
        {
            Consumer = "the author (pip and uv refuse the environment's outside links, reported as SymlinkAbsolute)",
            SeverityReason = "Hygiene: the environment itself is not refused; its links are reported on their own as Errors.",
        };

        public static readonly PySdistRule CacheDirectory = new PySdistRule(
            "CacheDirectory", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "The sdist contains a tool cache: a directory tagged with CACHEDIR.TAG, or __pycache__, .tox, .nox, .pytest_cache, .mypy_cache, .ruff_cache, .hatch, .pixi. Caches are machine-specific, bloat the sdist and can hold virtual environments (uv#14834).",
            "Exclude the cache directory from the build (for example in .gitignore), or move the cache out of the project (e.g. UV_CACHE_DIR), and rebuild.",
            "Cache Directory Tagging Specification (bford.info/cachedir); uv#14834")
        {
            Consumer = "the author",
            SeverityReason = "Hygiene: no installer refuses it, but the author should remove it.",
        };

        public static readonly PySdistRule CacheDirTagUnsigned = new PySdistRule(
            "CacheDirTagUnsigned", PySdistRuleCategory.Hygiene, PySdistSeverity.Information,
            "A CACHEDIR.TAG file does not start with the standard signature, so tools do not treat its directory as a cache. The directory is probably a cache all the same.",
            "Exclude the directory from the build if it is a cache; otherwise rename the CACHEDIR.TAG file.",
            "Cache Directory Tagging Specification (bford.info/cachedir)")
        {
            Consumer = "the author",
            SeverityReason = "A hint: the directory may be a cache.",
        };

        public static readonly PySdistRule VcsDirectory = new PySdistRule(
            "VcsDirectory", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "The sdist contains version-control data (.git, .hg, .svn, .bzr, _darcs, CVS). It bloats the sdist and can leak history, credentials in remotes, or unpublished branches.",
            "Exclude the version-control directory from the build (build backends skip it by default; check custom include settings and MANIFEST.in graft lines) and rebuild.",
            HygieneSdistSpec)
        {
            Consumer = "the author",
            SeverityReason = "Hygiene: no installer refuses it, but the author should remove it.",
        };

        public static readonly PySdistRule CompiledBytecode = new PySdistRule(
            "CompiledBytecode", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "The sdist contains compiled bytecode (*.pyc, *.pyo) outside a cache directory. Bytecode is interpreter-specific and is regenerated on install; stale files can shadow the sources. Reported once per archive, with a count and the first members.",
            "Exclude *.pyc and *.pyo from the build (for example in .gitignore, or 'global-exclude *.py[co]' in MANIFEST.in) and rebuild.",
            HygieneSdistSpec)
        {
            Consumer = "the author",
            SeverityReason = "Hygiene: no installer refuses it, but the author should remove it.",
            SummarizedPerArchive = true,
        };

        public static readonly PySdistRule BuildOutput = new PySdistRule(
            "BuildOutput", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "The sdist contains build outputs: a top-level build/ or dist/ directory, a wheel (*.whl), or an *.egg-info directory other than the one setuptools adds at the top or in src/. Earlier build artefacts bloat the sdist and can be picked up by the next build.",
            "Delete build/ and dist/ before building or exclude them (for example in .gitignore), and rebuild.",
            HygieneSdistSpec)
        {
            Consumer = "the author",
            SeverityReason = "Hygiene: no installer refuses it, but the author should remove it.",
        };

        public static readonly PySdistRule NativeBinary = new PySdistRule(
            "NativeBinary", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "The sdist contains a compiled native library (*.so, *.pyd, *.dll, *.dylib). An sdist is built from source on the installing machine; a prebuilt binary is platform-specific and cannot be reviewed.",
            "Exclude compiled extension modules from the build (for example in .gitignore) and rebuild; ship binaries in wheels instead.",
            HygieneSdistSpec)
        {
            Consumer = "the author and reviewers",
            SeverityReason = "Hygiene: no installer refuses it, but the author should remove it.",
        };

        public static readonly PySdistRule CaseCollision = new PySdistRule(
            "CaseCollision", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "Two paths differ only in letter case. On case-insensitive file systems (Windows, macOS by default) one overwrites the other.",
            "Rename one of the two files or directories in the project so the names differ by more than case, and rebuild.",
            HygieneWindowsNames)
        {
            Consumer = "Case-insensitive file systems (Windows, macOS by default) when the sdist is unpacked there; Expand-PySdistSafely refuses the member on such a volume",
            SeverityReason = "Installers on Linux accept it; on Windows the file is lost, renamed or not written: a portability problem, not a refusal.",
        };

        public static readonly PySdistRule WindowsReservedName = new PySdistRule(
            "WindowsReservedName", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "A path component is a Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also with an extension such as aux.txt or with superscript digits). Windows opens the device instead of a file, so the sdist cannot be unpacked there.",
            "Rename the file or directory in the project and rebuild.",
            HygieneWindowsNames)
        {
            Consumer = "Windows when the sdist is unpacked there; Expand-PySdistSafely refuses the member on Windows",
            SeverityReason = "Installers on Linux accept it; on Windows the file is lost, renamed or not written: a portability problem, not a refusal.",
        };

        public static readonly PySdistRule TrailingDotOrSpace = new PySdistRule(
            "TrailingDotOrSpace", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "A path component ends with a dot or a space. Windows strips them, so the file is written under another name (and may collide with one).",
            "Rename the file or directory in the project and rebuild.",
            HygieneWindowsNames)
        {
            Consumer = "Windows when the sdist is unpacked there; Expand-PySdistSafely refuses the member on Windows",
            SeverityReason = "Installers on Linux accept it; on Windows the file is lost, renamed or not written: a portability problem, not a refusal.",
        };

        public static readonly PySdistRule WindowsForbiddenCharacter = new PySdistRule(
            "WindowsForbiddenCharacter", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "A path contains a character Windows does not allow in file names (: < > \" | ? *). ':' even selects an NTFS alternate data stream.",
            "Rename the file or directory in the project and rebuild.",
            HygieneWindowsNames)
        {
            Consumer = "Windows when the sdist is unpacked there; Expand-PySdistSafely refuses the member on Windows",
            SeverityReason = "Installers on Linux accept it; on Windows the file is lost, renamed or not written: a portability problem, not a refusal.",
        };

        public static readonly PySdistRule LeadingWhitespaceInName = new PySdistRule(
            "LeadingWhitespaceInName", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "A path component starts with whitespace. Such names are easy to confuse, are rejected by strict extractors (uv's tar-codec) and break many scripts.",
            "Rename the file or directory in the project and rebuild.",
            "Python tarfile docs, 'Hints for further verification'")
        {
            Consumer = "uv's strict tar-codec back end (opt-in in uv 0.12) refuses it; scripts break on it",
            SeverityReason = "Most extractors accept it: a hygiene problem.",
        };

        public static readonly PySdistRule WindowsPathTooLong = new PySdistRule(
            "WindowsPathTooLong", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "A member path is longer than 260 characters, the classic Windows MAX_PATH. Without long-path support, unpacking on Windows fails (the extraction directory adds even more).",
            "Shorten directory and file names in the project and rebuild.",
            HygieneWindowsNames)
        {
            Consumer = "Windows (and case-insensitive file systems) when the sdist is unpacked there",
            SeverityReason = "Installers on Linux accept it; on Windows the file is lost, renamed or not written: a portability problem, not a refusal.",
        };
    }
}
