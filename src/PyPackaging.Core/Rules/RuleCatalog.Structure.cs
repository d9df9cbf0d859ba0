namespace PyPackaging.Rules
{
    // Structure rules: container, layout, presence of PKG-INFO / pyproject.toml and the tar dialect, judged from the
    // member table only (the metadata rules read the files themselves). Ids are stable.
    public static partial class RuleCatalog
    {
        private const string StructureSdistSpec = "https://packaging.python.org/en/latest/specifications/source-distribution-format/";
        private const string StructurePep625 = "PEP 625; " + StructureSdistSpec;

        public static readonly PySdistRule ContainerNotTarGz = new PySdistRule(
            "ContainerNotTarGz", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "The file is not a gzip-compressed tar archive. Sdists must be {name}-{version}.tar.gz (PEP 517, PEP 625); legacy .zip sdists and other compressions are not accepted by PyPI, and uv rejects .tar.bz2 and .tar.xz.",
            "Rebuild the sdist with a PEP 517 frontend (python -m build --sdist, uv build --sdist), which writes a .tar.gz.",
            StructurePep625)
        {
            Consumer = "PyPI's upload check (.tar.gz only for sdists, PEP 625); uv refuses .tar.bz2 and .tar.xz",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule TopLevelNotSingle = new PySdistRule(
            "TopLevelNotSingle", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "The archive does not hold exactly one top-level directory. PyPI refuses it ('Incorrect number of top-level directories in sdist') and twine check fails.",
            "Rebuild the sdist with a PEP 517 build backend, which puts every file below a single {name}-{version}/ directory.",
            StructurePep625)
        {
            Consumer = "PyPI's upload check ('Incorrect number of top-level directories in sdist')",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule TopLevelMismatch = new PySdistRule(
            "TopLevelMismatch", PySdistRuleCategory.Structure, PySdistSeverity.Warning,
            "The single top-level directory is not named like the file's stem ({name}-{version}). The sdist specification requires the same stem for both; PyPI and installers do not check it, they use whatever single directory is there.",
            "Rebuild the sdist with a PEP 517 build backend and do not rename the resulting file.",
            StructurePep625)
        {
            Consumer = "nobody refuses it: PyPI and installers use whatever single directory is there",
            SeverityReason = "A violation of the sdist specification that consumers tolerate: a Warning.",
        };

        public static readonly PySdistRule MemberOutsideTopLevel = new PySdistRule(
            "MemberOutsideTopLevel", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "Members are stored beside the {name}-{version}/ directory instead of inside it. PyPI refuses the sdist ('Incorrect number of top-level directories in sdist'), and pip, which strips a leading directory only when every member shares it, unpacks the archive as is.",
            "Rebuild the sdist with a PEP 517 build backend so every file is below {name}-{version}/.",
            StructurePep625)
        {
            Consumer = "PyPI's upload check ('Incorrect number of top-level directories in sdist'); Expand-PySdistSafely refuses the member with -StripTopLevel (it cannot place it) or past its cap on top-level entries",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule TopLevelFile = new PySdistRule(
            "TopLevelFile", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "A file (or link) is stored at the top level of the archive instead of inside the {name}-{version}/ directory. PyPI counts it as another top-level entry and refuses the sdist ('Incorrect number of top-level directories in sdist').",
            "Rebuild the sdist with a PEP 517 build backend so every file is below {name}-{version}/.",
            StructureSdistSpec)
        {
            Consumer = "PyPI's upload check ('Incorrect number of top-level directories in sdist'); Expand-PySdistSafely refuses the member with -StripTopLevel (it cannot place it) or past its cap on top-level entries",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule MissingPkgInfo = new PySdistRule(
            "MissingPkgInfo", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "{top}/PKG-INFO is missing. PyPI refuses the upload ('PKG-INFO not found at {top}/PKG-INFO'), twine check fails, and installers cannot read the metadata without building.",
            "Build the sdist with a PEP 517 build backend, which writes PKG-INFO; do not create sdists with a plain tar command.",
            StructureSdistSpec)
        {
            Consumer = "PyPI's upload check ('PKG-INFO not found at {top}/PKG-INFO')",
            SeverityReason = "PyPI's upload check refuses it.",
        };

        public static readonly PySdistRule PkgInfoNotRegular = new PySdistRule(
            "PkgInfoNotRegular", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "{top}/PKG-INFO is not a regular file (a directory, link or other type). twine check fails ('PKG-INFO is not a regular file') and readers cannot rely on it.",
            "Store PKG-INFO as a regular file: rebuild the sdist with a PEP 517 build backend.",
            StructureSdistSpec)
        {
            Consumer = "twine check ('PKG-INFO is not a regular file') and PyPI's upload check",
            SeverityReason = "twine and PyPI refuse it.",
        };

        public static readonly PySdistRule MissingPyprojectToml = new PySdistRule(
            "MissingPyprojectToml", PySdistRuleCategory.Structure, PySdistSeverity.Information,
            "{top}/pyproject.toml is missing: this is a legacy sdist. The current sdist specification requires pyproject.toml and leaves the legacy format alone; PyPI accepts legacy sdists, and pip and uv build them through setup.py with setuptools' legacy backend.",
            "Add a pyproject.toml with a [build-system] table (and [project] metadata) to the project and rebuild.",
            StructureSdistSpec)
        {
            Consumer = "nobody refuses it: pip and uv build legacy sdists through setup.py, PyPI accepts them",
            SeverityReason = "A fact about the legacy sdist format, which the sdist specification leaves alone: Information.",
        };

        public static readonly PySdistRule PyprojectTomlNotRegular = new PySdistRule(
            "PyprojectTomlNotRegular", PySdistRuleCategory.Structure, PySdistSeverity.Warning,
            "{top}/pyproject.toml is not a regular file (a directory, link or other type). pip treats a pyproject.toml that is not a file as absent and falls back to a legacy build; other frontends may fail to read it.",
            "Store pyproject.toml as a regular file (not a symbolic link) in the project and rebuild.",
            StructureSdistSpec)
        {
            Consumer = "build frontends (pip treats a non-file pyproject.toml as absent)",
            SeverityReason = "Consumers fall back to a legacy build rather than refuse it: a Warning.",
        };

        public static readonly PySdistRule NonPaxHeader = new PySdistRule(
            "NonPaxHeader", PySdistRuleCategory.Structure, PySdistSeverity.Information,
            "Members use GNU or pre-POSIX (v7) tar headers. The sdist format asks for POSIX.1-2001 pax (ustar headers plus pax extended headers); pip, uv, CPython's tarfile and PyPI read GNU and v7 headers all the same, but v7 headers cannot carry UTF-8 names or long paths.",
            "Build with a backend that writes pax archives (hatchling, setuptools, flit, poetry-core, scikit-build-core), or write the archive with tarfile.PAX_FORMAT, and rebuild.",
            StructureSdistSpec)
        {
            Consumer = "nobody refuses it: pip, uv, CPython and PyPI read GNU and v7 headers",
            SeverityReason = "A fact about the tar dialect (the specification asks for pax): Information.",
        };
    }
}
