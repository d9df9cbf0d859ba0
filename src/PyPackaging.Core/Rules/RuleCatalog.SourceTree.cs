namespace PyPackaging.Rules
{
    // Sdist vs source tree: check-sdist's question, asked by Build-PySdist of every sdist it writes and by
    // Compare-PySdist of an existing one. These rules need the project directory and git, so no ArchiveCheck reports
    // them: Building/Comparison/SourceTreeComparer does, on the Archive entry. Neither is an Error: no installer or
    // index refuses an sdist for holding more or fewer files than the repository, so both are Warnings whose messages
    // say what can go wrong. Ids are stable.
    public static partial class RuleCatalog
    {
        private const string SourceTreeReference = "check-sdist (https://github.com/henryiii/check-sdist): the sdist should hold the files git tracks, no more and no fewer, apart from what the backend generates";

        public static readonly PySdistRule TrackedFileNotInSdist = new PySdistRule(
            "TrackedFileNotInSdist", PySdistRuleCategory.Structure, PySdistSeverity.Warning,
            "A file git tracks in the project directory is not in the sdist. Whoever builds from the sdist (pip and uv building a wheel, distribution packagers, a rebuild of the sdist itself) does not get it; if the build or the tests need it, building from the sdist fails or yields a different wheel, as river 0.24.1's sdist did.",
            "Add the file to the backend's sdist selection (hatchling: [tool.hatch.build.targets.sdist] include, or narrow its exclude; flit_core: [tool.flit.sdist] include; setuptools: MANIFEST.in; pdm-backend: [tool.pdm.build] source-includes) and rebuild. If leaving it out is deliberate, list it (gitignore-style) in [tool.check-sdist] git-only in pyproject.toml, which check-sdist reads too.",
            SourceTreeReference)
        {
            Consumer = "whoever builds from the sdist: pip, uv, distribution packagers, a rebuild of the sdist",
            SeverityReason = "Nobody refuses the sdist, and many projects leave files out on purpose; it breaks only when the build needs the file: a Warning.",
            SummarizedPerArchive = true,
        };

        public static readonly PySdistRule UntrackedFileInSdist = new PySdistRule(
            "UntrackedFileInSdist", PySdistRuleCategory.Hygiene, PySdistSeverity.Warning,
            "The sdist holds a file that git does not track in the project directory and that the build backend does not generate (such as PKG-INFO, *.egg-info/ or a configured version file). It comes from the working tree, not from version control (it may be a local scratch file, a stale build output or a secret), so the same sdist cannot be rebuilt from the repository.",
            "Delete the file or add it to .gitignore (or to the backend's sdist exclude) and rebuild; if it belongs in the project, commit it. If the backend generates it, list it (gitignore-style) in [tool.check-sdist] sdist-only in pyproject.toml, which check-sdist reads too.",
            SourceTreeReference)
        {
            Consumer = "whoever publishes the sdist: what is not in version control was never reviewed there",
            SeverityReason = "Installers and PyPI accept the file; it is a hygiene problem that may leak local content: a Warning.",
            SummarizedPerArchive = true,
        };

        /// <summary>True for the rules the source-tree comparison reports (not an ArchiveCheck: it needs the project directory).</summary>
        public static bool IsReportedBySourceComparison(PySdistRule rule) =>
            ReferenceEquals(rule, TrackedFileNotInSdist) || ReferenceEquals(rule, UntrackedFileInSdist);
    }
}
