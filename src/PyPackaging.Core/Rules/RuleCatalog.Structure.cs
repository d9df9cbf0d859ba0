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
            StructurePep625);

        public static readonly PySdistRule TopLevelNotSingle = new PySdistRule(
            "TopLevelNotSingle", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "The archive does not hold exactly one top-level directory. PyPI refuses it ('Incorrect number of top-level directories in sdist') and twine check fails.",
            "Rebuild the sdist with a PEP 517 build backend, which puts every file below a single {name}-{version}/ directory.",
            StructurePep625);

        public static readonly PySdistRule TopLevelMismatch = new PySdistRule(
            "TopLevelMismatch", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "The single top-level directory is not named like the file's stem ({name}-{version}). The spec requires the same stem for both, and tools that derive the directory from the file name look in the wrong place.",
            "Rebuild the sdist with a PEP 517 build backend and do not rename the resulting file.",
            StructurePep625);

        public static readonly PySdistRule MemberOutsideTopLevel = new PySdistRule(
            "MemberOutsideTopLevel", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "Members are stored beside the {name}-{version}/ directory instead of inside it. PyPI refuses the sdist, and installers that strip the top-level directory drop or misplace them.",
            "Rebuild the sdist with a PEP 517 build backend so every file is below {name}-{version}/.",
            StructurePep625);

        public static readonly PySdistRule TopLevelFile = new PySdistRule(
            "TopLevelFile", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "A file (or link) is stored at the top level of the archive instead of inside the {name}-{version}/ directory.",
            "Rebuild the sdist with a PEP 517 build backend so every file is below {name}-{version}/.",
            StructureSdistSpec);

        public static readonly PySdistRule MissingPkgInfo = new PySdistRule(
            "MissingPkgInfo", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "{top}/PKG-INFO is missing. PyPI refuses the upload ('PKG-INFO not found at {top}/PKG-INFO'), twine check fails, and installers cannot read the metadata without building.",
            "Build the sdist with a PEP 517 build backend, which writes PKG-INFO; do not create sdists with a plain tar command.",
            StructureSdistSpec);

        public static readonly PySdistRule PkgInfoNotRegular = new PySdistRule(
            "PkgInfoNotRegular", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "{top}/PKG-INFO is not a regular file (a directory, link or other type). twine check fails ('PKG-INFO is not a regular file') and readers cannot rely on it.",
            "Store PKG-INFO as a regular file: rebuild the sdist with a PEP 517 build backend.",
            StructureSdistSpec);

        public static readonly PySdistRule MissingPyprojectToml = new PySdistRule(
            "MissingPyprojectToml", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "{top}/pyproject.toml is missing. The current sdist specification requires it, and frontends fall back to legacy setup.py builds without it.",
            "Add a pyproject.toml with a [build-system] table (and [project] metadata) to the project and rebuild.",
            StructureSdistSpec);

        public static readonly PySdistRule PyprojectTomlNotRegular = new PySdistRule(
            "PyprojectTomlNotRegular", PySdistRuleCategory.Structure, PySdistSeverity.Error,
            "{top}/pyproject.toml is not a regular file (a directory, link or other type), so frontends cannot read the build configuration reliably.",
            "Store pyproject.toml as a regular file (not a symbolic link) in the project and rebuild.",
            StructureSdistSpec);

        public static readonly PySdistRule NonPaxHeader = new PySdistRule(
            "NonPaxHeader", PySdistRuleCategory.Structure, PySdistSeverity.Warning,
            "Members use GNU or pre-POSIX (v7) tar headers. The sdist format is POSIX.1-2001 pax (ustar headers plus pax extended headers); strict readers reject GNU long-name entries, and v7 headers cannot carry UTF-8 names or long paths.",
            "Build with a backend that writes pax archives (hatchling, setuptools, flit, poetry-core, scikit-build-core), or write the archive with tarfile.PAX_FORMAT, and rebuild.",
            StructureSdistSpec);
    }
}
