namespace PyPackaging.Rules
{
    // Safety rules: what installers refuse when they unpack an sdist (PEP 721 and CPython's tarfile data filter),
    // judged lexically and the same on every OS. Ids are stable.
    public static partial class RuleCatalog
    {
        private const string SafetyPep721 = "PEP 721; https://packaging.python.org/en/latest/specifications/source-distribution-format/#source-distribution-archive-features";
        private const string SafetyDataFilter = "PEP 706 (tarfile data filter); " + SafetyPep721;
        private const string SafetyHints = "Python tarfile docs, 'Hints for further verification'; " + SafetyPep721;

        // ----- member paths -----

        public static readonly PySdistRule AbsolutePath = new PySdistRule(
            "AbsolutePath", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member path starts with '/'. Installers strip the slash or refuse the archive; no sdist member is legitimately absolute.",
            "Build the sdist with a PEP 517 build backend (python -m build --sdist, uv build --sdist) so every member is stored relative to the {name}-{version}/ directory.",
            SafetyDataFilter)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors); pip and uv refuse it",
            SeverityReason = "Installers refuse it; unpacking it writes outside the destination.",
        };

        public static readonly PySdistRule DriveLetterPath = new PySdistRule(
            "DriveLetterPath", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member path starts with a Windows drive letter (C:, C:/, or drive-relative C:foo), which is absolute or drive-relative on Windows.",
            "Rebuild the sdist with a PEP 517 build backend; member paths must be relative POSIX paths below {name}-{version}/.",
            SafetyHints)
        {
            Consumer = "Windows extractors; CPython's data filter on Windows",
            SeverityReason = "Unpacking is unsafe on Windows and differs between operating systems.",
        };

        public static readonly PySdistRule UncPath = new PySdistRule(
            "UncPath", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member path starts with two separators (//server/share or \\\\server), a UNC network path on Windows.",
            "Rebuild the sdist with a PEP 517 build backend; member paths must be relative POSIX paths below {name}-{version}/.",
            SafetyHints)
        {
            Consumer = "Windows extractors; CPython's data filter on Windows",
            SeverityReason = "Unpacking is unsafe on Windows and differs between operating systems.",
        };

        public static readonly PySdistRule BackslashInPath = new PySdistRule(
            "BackslashInPath", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member path contains '\\'. POSIX reads it as part of a file name, Windows as a separator, so the same member lands in different places.",
            "Store paths with '/' separators only: build the sdist with a PEP 517 build backend instead of a hand-written archiver, and rename files whose names contain '\\'.",
            SafetyHints)
        {
            Consumer = "POSIX versus Windows extractors",
            SeverityReason = "The same member lands in different places per operating system: unpacking is ambiguous.",
        };

        public static readonly PySdistRule PathTraversal = new PySdistRule(
            "PathTraversal", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member path climbs above the archive root with '..'. It would be written outside the extraction directory; installers MUST NOT unpack it.",
            "Remove the '..' components: build the sdist with a PEP 517 build backend from inside the project directory.",
            SafetyPep721)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors); pip and uv refuse it (PEP 721)",
            SeverityReason = "Installers refuse it; unpacking it writes outside the destination.",
        };

        public static readonly PySdistRule ParentComponentInPath = new PySdistRule(
            "ParentComponentInPath", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member path contains a '..' component that stays inside the archive. The spec allows refusing it, and strict extractors (uv's tar-codec) do.",
            "Store normalised paths without '..' components; build the sdist with a PEP 517 build backend.",
            SafetyPep721)
        {
            Consumer = "uv's strict tar-codec back end (opt-in in uv 0.12) refuses it; PEP 721 allows installers to refuse it",
            SeverityReason = "A '..' component makes where the member lands depend on the directories before it: unpacking is ambiguous, and a strict installer back end refuses it.",
        };

        public static readonly PySdistRule ControlCharacterInPath = new PySdistRule(
            "ControlCharacterInPath", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member path or link target contains NUL, another control character or DEL. Readers truncate or reject such names, so tools disagree about the member.",
            "Rename the offending file in the project so its name has printable characters only, then rebuild.",
            SafetyHints)
        {
            Consumer = "tar readers truncate or reject such names",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule EmptyPath = new PySdistRule(
            "EmptyPath", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member has an empty path, or a non-directory member's path names the archive root itself ('.', './').",
            "Rebuild the sdist with a PEP 517 build backend; every member needs a path below {name}-{version}/.",
            SafetyHints)
        {
            Consumer = "tar readers (reject or write over the destination)",
            SeverityReason = "Unpacking is ambiguous or unsafe.",
        };

        public static readonly PySdistRule UnsafeLinkTarget = new PySdistRule(
            "UnsafeLinkTarget", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A link target contains '\\' or ':'. Windows reads them as separators, drive letters or alternate data streams, so the link resolves differently per OS.",
            "Replace the link by the file it points to (most build backends can dereference links), or use a relative target with '/' separators only.",
            SafetyHints)
        {
            Consumer = "Windows extractors",
            SeverityReason = "The link resolves differently per operating system: unpacking is ambiguous.",
        };

        // ----- symbolic links -----

        public static readonly PySdistRule SymlinkAbsolute = new PySdistRule(
            "SymlinkAbsolute", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A symbolic link points to an absolute path (or a drive letter or UNC path), outside the archive. pip and uv refuse to install such an sdist (this is the uv#14897 case: a packed virtual environment).",
            "Exclude the link from the build (for a virtual environment or cache, exclude its whole directory, for example in .gitignore), or replace it by the file it points to, then rebuild.",
            SafetyDataFilter)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors): pip and uv >= 0.8 refuse the sdist",
            SeverityReason = "Installers refuse it (uv#14897).",
        };

        public static readonly PySdistRule SymlinkEscapes = new PySdistRule(
            "SymlinkEscapes", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A symbolic link resolves outside the archive root, directly with '..' or through a chain of other links. Installers MUST NOT unpack it.",
            "Exclude the link from the build, or replace it by a copy of the file it points to, then rebuild.",
            SafetyPep721)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors): pip and uv >= 0.8 refuse the sdist",
            SeverityReason = "Installers refuse it (PEP 721).",
        };

        public static readonly PySdistRule SymlinkLeavesTopLevel = new PySdistRule(
            "SymlinkLeavesTopLevel", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A symbolic link inside the {name}-{version}/ directory resolves outside it. pip strips that directory while unpacking, so for pip the link points outside the destination and the install fails.",
            "Point the link at a file inside the project directory, or replace it by a copy of its target, then rebuild.",
            SafetyDataFilter)
        {
            Consumer = "pip (strips the top-level directory, then the data filter refuses the link)",
            SeverityReason = "pip refuses it.",
        };

        public static readonly PySdistRule SymlinkToRoot = new PySdistRule(
            "SymlinkToRoot", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A symbolic link resolves to the archive root, the extraction destination itself. Such a link can redirect every later member (CPython gh-149486).",
            "Remove the link from the project or exclude it from the build, then rebuild.",
            "CPython gh-149486; " + SafetyPep721)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors) (gh-149486)",
            SeverityReason = "Unpacking is unsafe: the link can redirect later members.",
        };

        public static readonly PySdistRule SymlinkLoop = new PySdistRule(
            "SymlinkLoop", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A symbolic link is part of (or leads into) a cycle of links, so it never resolves.",
            "Break the cycle: remove or correct one of the links in the project, then rebuild.",
            SafetyHints)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors) (refuses links it cannot resolve)",
            SeverityReason = "Installers fail on it.",
        };

        public static readonly PySdistRule SymlinkTooDeep = new PySdistRule(
            "SymlinkTooDeep", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "Resolving a symbolic link needs more than 256 nested link expansions. Long chains defeated CPython's containment check (CVE-2025-4517).",
            "Replace the chain of links by direct links or copies of the files, then rebuild.",
            "CVE-2025-4517; " + SafetyPep721)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors) (CVE-2025-4517)",
            SeverityReason = "Unpacking is unsafe.",
        };

        public static readonly PySdistRule SymlinkEmptyTarget = new PySdistRule(
            "SymlinkEmptyTarget", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A symbolic link has an empty target. Extractors reject it or create a broken link.",
            "Remove the broken link from the project or exclude it from the build, then rebuild.",
            SafetyHints)
        {
            Consumer = "extractors (reject it or create a broken link)",
            SeverityReason = "Unpacking is ambiguous.",
        };

        public static readonly PySdistRule SymlinkDangling = new PySdistRule(
            "SymlinkDangling", PySdistRuleCategory.Safety, PySdistSeverity.Warning,
            "A symbolic link resolves inside the archive, but no member is there. Installers may refuse it, and extractors that copy link targets skip it.",
            "Include the link's target in the sdist, or remove the link, then rebuild.",
            SafetyPep721)
        {
            Consumer = "extractors that copy link targets skip it",
            SeverityReason = "Most installers accept it: a Warning.",
        };

        public static readonly PySdistRule SymlinkAsParent = new PySdistRule(
            "SymlinkAsParent", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member is stored below a path that an earlier member made a symbolic link, so extracting it writes through the link.",
            "Do not store both a link and files below it: let the build backend follow directory links (or exclude the link), then rebuild.",
            "CVE-2025-4138; " + SafetyPep721)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors) (CVE-2025-4138)",
            SeverityReason = "Unpacking writes through the link: unsafe.",
        };

        public static readonly PySdistRule NonDirectoryAsParent = new PySdistRule(
            "NonDirectoryAsParent", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member is stored below a path that an earlier member made a file (or another non-directory). Extraction fails or replaces the file, depending on the tool.",
            "Rename the file or the directory in the project so the two paths differ, then rebuild.",
            SafetyHints)
        {
            Consumer = "tar readers (fail or replace the file)",
            SeverityReason = "Readers disagree: unpacking is ambiguous.",
        };

        public static readonly PySdistRule PathTypeChange = new PySdistRule(
            "PathTypeChange", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "The same path is stored twice with different kinds (for example a directory later replaced by a symbolic link). Tools disagree on the result, and a replaced directory was the CVE-2024-12718 attack.",
            "Make sure each path is stored once: rebuild the sdist with a PEP 517 build backend from a clean checkout.",
            "CVE-2024-12718; " + SafetyHints)
        {
            Consumer = "tar readers (CVE-2024-12718)",
            SeverityReason = "Readers disagree and a replaced directory is an attack: unsafe.",
        };

        public static readonly PySdistRule DuplicatePath = new PySdistRule(
            "DuplicatePath", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "Two members have the same path after normalisation. A later member silently overwrites the earlier one, and tools disagree about which content is the sdist's.",
            "Store each file once: rebuild the sdist with a PEP 517 build backend; if you add files by hand, remove the duplicates.",
            SafetyHints)
        {
            Consumer = "tar readers (the later member wins in some, the earlier in others)",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        // ----- hard links -----

        public static readonly PySdistRule HardlinkAbsolute = new PySdistRule(
            "HardlinkAbsolute", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A hard link points to an absolute path, outside the archive. Installers MUST NOT unpack it.",
            "Store the file itself instead of a hard link (copy it into the project), then rebuild.",
            SafetyDataFilter)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors); pip and uv",
            SeverityReason = "Installers refuse it.",
        };

        public static readonly PySdistRule HardlinkEscapes = new PySdistRule(
            "HardlinkEscapes", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A hard link's target climbs above the archive root with '..'. Installers MUST NOT unpack it.",
            "Store the file itself instead of a hard link, then rebuild.",
            SafetyPep721)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors); pip and uv",
            SeverityReason = "Installers refuse it.",
        };

        public static readonly PySdistRule HardlinkToMissing = new PySdistRule(
            "HardlinkToMissing", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A hard link's target is not a member of the archive (or is empty). Extractors fail or fall back to copying, a path that has been exploited (CVE-2025-4330).",
            "Store the file itself instead of a hard link, then rebuild.",
            "CVE-2025-4330; " + SafetyPep721)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors) (CVE-2025-4330)",
            SeverityReason = "Installers fail or fall back to an exploitable copy: unsafe.",
        };

        public static readonly PySdistRule HardlinkToLater = new PySdistRule(
            "HardlinkToLater", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A hard link's target only appears later in the archive, so it does not exist yet when the link is extracted.",
            "Store the file itself instead of a hard link, or rebuild so the target comes first.",
            SafetyHints)
        {
            Consumer = "tar readers",
            SeverityReason = "Installers fail on it.",
        };

        public static readonly PySdistRule HardlinkToSelf = new PySdistRule(
            "HardlinkToSelf", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A hard link points to its own path, so it has no content.",
            "Store the file itself instead of a hard link, then rebuild.",
            SafetyHints)
        {
            Consumer = "tar readers",
            SeverityReason = "Installers fail on it.",
        };

        public static readonly PySdistRule HardlinkToNonRegular = new PySdistRule(
            "HardlinkToNonRegular", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A hard link points to a symbolic link, through a symbolic link, or to a device or other non-regular member. Linking duplicates the link itself, which then reads and changes files outside the destination (CPython gh-157190).",
            "Store the file itself instead of a hard link, then rebuild.",
            "CPython gh-157190; " + SafetyPep721)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors) (gh-157190)",
            SeverityReason = "Unpacking is unsafe.",
        };

        public static readonly PySdistRule HardlinkToDirectory = new PySdistRule(
            "HardlinkToDirectory", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A hard link points to a directory. Hard links to directories are not allowed by file systems and are refused by extractors.",
            "Remove the hard link from the archive, then rebuild.",
            SafetyHints)
        {
            Consumer = "file systems and extractors refuse it",
            SeverityReason = "Installers fail on it.",
        };

        // ----- types and modes -----

        public static readonly PySdistRule SpecialFile = new PySdistRule(
            "SpecialFile", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member is a character device, block device or FIFO. Installers MUST NOT unpack device files.",
            "Exclude the device or FIFO from the build (it never belongs in a source tree), then rebuild.",
            SafetyPep721)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors); pip refuses device files (PEP 721)",
            SeverityReason = "Installers refuse it.",
        };

        public static readonly PySdistRule SpecialModeBits = new PySdistRule(
            "SpecialModeBits", PySdistRuleCategory.Safety, PySdistSeverity.Warning,
            "A member's mode has the setuid, setgid or sticky bit. Installers MUST clear them (CPython's data filter does), so users never get the stored mode, and such bits in an sdist are a red flag. Reported once per archive, with a count and the first members.",
            "Give files mode 644 (755 for executables) and directories 755 before building, or use a build backend that normalises modes (hatchling, flit, uv_build), and rebuild.",
            SafetyPep721)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors) clears the bits",
            SeverityReason = "Extractors normalise it, but special bits in an sdist are a red flag: a Warning.", SummarizedPerArchive = true,
        };

        public static readonly PySdistRule WritableMode = new PySdistRule(
            "WritableMode", PySdistRuleCategory.Safety, PySdistSeverity.Information,
            "Members are writable by group or others (for example 664, 666, 775, 777). CPython's tarfile data filter and every safe extractor (Expand-PySdistSafely included) clear these bits, so users get 644/755. Reported once per archive, with a count and the first members.",
            "Build with a umask of 022, or use a build backend that normalises modes to 644/755 (hatchling, flit, uv_build), and rebuild.",
            SafetyDataFilter)
        {
            Consumer = "CPython's tarfile data filter (pip with Python 3.12+, uv's extractors) and every safe extractor clear the bits",
            SeverityReason = "What an extractor normalises: Information.", SummarizedPerArchive = true,
        };

        public static readonly PySdistRule SymlinkAmbiguousTarget = new PySdistRule(
            "SymlinkAmbiguousTarget", PySdistRuleCategory.Safety, PySdistSeverity.Warning,
            "A symbolic link's target has '..' after a normal component (a/../b). Whether it passes through a depends on what a is when the link is followed, so readers disagree; uv's strict tar backend (tar-codec) refuses such targets.",
            "Use a normalised relative target without 'name/..' sequences (or replace the link by a copy of its target), and rebuild.",
            SafetyHints)
        {
            Consumer = "uv's strict tar-codec back end (opt-in in uv 0.12) refuses such targets; other extractors accept them",
            SeverityReason = "Readers may resolve it differently: a Warning.",
        };
    }
}
