using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PyPackaging.Building.Planning;
using PyPackaging.Building.Project;

namespace PyPackaging.Building.Selection
{
    /// <summary>
    /// What the project's build backend packs into its sdist on its own defaults, as data for
    /// <see cref="FileSelector"/>'s scope rule (it decides nothing itself). An empty <see cref="Patterns"/> list means
    /// "the whole tree" (hatchling without include/only-include). Files the metadata names (pyproject.toml, the readme,
    /// the license files) and the backend's include settings are always in scope; they are added by
    /// <see cref="BackendRuleSet"/>.
    /// <list type="bullet">
    /// <item>hatchling (builders/sdist.py, builders/config.py): the whole tree; <c>include</c> or <c>only-include</c>
    /// (from the sdist target, else from [tool.hatch.build]) restrict it; pyproject.toml, hatch.toml, hatch_build.py,
    /// .gitignore and .hgignore at the root are always packed, and so are its default license files
    /// (LICEN[CS]E*, COPYING*, NOTICE*, AUTHORS*) when project.license-files is not set.</item>
    /// <item>flit_core (sdist.py, common.Module): the module — <c>name</c>/ or <c>name</c>.py at the root or under
    /// src/ (name from [tool.flit.module] name, else the project name with '-' as '_') — plus the external-data
    /// directory; exactly one candidate must exist, as flit_core refuses otherwise.</item>
    /// <item>uv_build (docs.astral.sh/uv/concepts/build-backend, "File inclusion and exclusion"): the module
    /// <c>module-root</c>/<c>module-name</c> (default src/ and the normalized name with '-' and '.' as '_'; a
    /// "-stubs" name keeps its dash) plus the [tool.uv.build-backend.data] directories.</item>
    /// <item>pdm-backend (backend.pdm-project.org/build_config, "Default behavior"): <c>includes</c> when set; else
    /// the top-level packages under <c>package-dir</c> (default src/ when it exists, else the root), or its top-level
    /// *.py files when there is no package, plus tests/ for the sdist.</item>
    /// </list>
    /// </summary>
    public sealed class BackendScope
    {
        private static readonly IReadOnlyList<string> PyprojectOnly = new[] { "pyproject.toml" };
        private static readonly IReadOnlyList<string> HatchAlwaysKept = new[] { "pyproject.toml", "hatch.toml", "hatch_build.py", ".gitignore", ".hgignore" };

        private BackendScope(string backend, IReadOnlyList<(string Pattern, string Origin, string Shown)> patterns, IReadOnlyList<string> alwaysKept, string? problem)
        {
            Backend = backend;
            Patterns = patterns;
            AlwaysKept = alwaysKept;
            Problem = problem;
        }

        /// <summary>The backend's name as messages show it (hatchling, flit_core, uv_build, pdm-backend).</summary>
        public string Backend { get; }

        /// <summary>Root-anchored gitignore-style patterns with their origin; empty = the whole tree.</summary>
        public IReadOnlyList<(string Pattern, string Origin, string Shown)> Patterns { get; }

        /// <summary>Root-relative files the backend packs whatever its scope says.</summary>
        public IReadOnlyList<string> AlwaysKept { get; }

        /// <summary>Why the backend itself would refuse this tree (its module is missing or ambiguous); null when it would not.</summary>
        public string? Problem { get; }

        /// <summary>
        /// The backend never reads a directory outside its scope (false for hatchling's include, which it applies
        /// file by file after walking the whole tree; there a directory outside is judged file by file too).
        /// </summary>
        public bool SkipsDirectoriesOutside { get; private set; } = true;

        internal static BackendScope WholeTree { get; } = new BackendScope("the backend", Array.Empty<(string, string, string)>(), PyprojectOnly, null);

        /// <summary>
        /// The scope for the project's backend; the whole tree for a backend the native build does not model, or when
        /// <paramref name="projectRoot"/> is null and the scope depends on which files exist.
        /// </summary>
        public static BackendScope For(ProjectMetadata metadata, BackendFileRules? rules, string? projectRoot)
        {
            if (metadata == null) throw new ArgumentNullException(nameof(metadata));
            switch (ProjectBackends.KindOf(metadata.BuildSystem?.BuildBackend))
            {
                case BuildBackendKind.Hatch: return Hatch(metadata, rules);
                case BuildBackendKind.Flit: return projectRoot == null ? WholeTree : Flit(metadata, rules, projectRoot);
                case BuildBackendKind.Uv: return projectRoot == null ? WholeTree : Uv(metadata, rules, projectRoot);
                case BuildBackendKind.Pdm: return projectRoot == null && (rules == null || rules.Include.Count == 0) ? WholeTree : Pdm(rules, projectRoot ?? string.Empty);
                default: return WholeTree;
            }
        }

        // hatchling (metadata/core.py license_files) packs LICEN[CS]E*, COPYING*, NOTICE* and AUTHORS* at the root when
        // project.license-files is not set, whatever include/only-include say.
        private static readonly string[] HatchDefaultLicenseGlobs = { "LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*" };

        private static BackendScope Hatch(ProjectMetadata metadata, BackendFileRules? rules)
        {
            var patterns = new List<(string, string, string)>();
            bool walksAll = false;
            if (rules != null && rules.OnlyInclude.Count > 0)
            {
                // hatchling walks only these paths and then ignores include.
                patterns.AddRange(rules.OnlyInclude.Select(p => (Anchor(p), rules.OriginOf("only-include"), p)));
            }
            else if (rules != null && rules.Include.Count > 0)
            {
                patterns.AddRange(rules.Include.Select(p => (p, rules.OriginOf("include"), p)));
                walksAll = true;
            }

            if (patterns.Count > 0 && metadata.LicenseFiles.Count == 0 && metadata.LicenseFilePatterns.Count == 0)
            {
                patterns.AddRange(HatchDefaultLicenseGlobs.Select(g => ("/" + g, "hatchling's default license files", g)));
            }

            return new BackendScope("hatchling", patterns, HatchAlwaysKept, null) { SkipsDirectoriesOutside = !walksAll };
        }

        private static BackendScope Flit(ProjectMetadata metadata, BackendFileRules? rules, string root)
        {
            string? name = rules?.ModuleNames.FirstOrDefault() ?? metadata.Name?.Replace('-', '_');
            if (string.IsNullOrEmpty(name)) return WholeTree;
            string path = name!.Replace('.', '/');
            var found = FlitModuleLookup.Find(root, name).Select(l => l.RelativePath).ToList();
            string? problem = found.Count == 1 ? null
                : found.Count == 0
                    ? "flit_core would refuse this project: no module '" + name + "' (" + path + "/, " + path + ".py, src/" + path + "/ or src/" + path + ".py) exists. Create it, or name it with [tool.flit.module] name."
                    : "flit_core would refuse this project: more than one place could hold module '" + name + "' (" + string.Join(", ", found) + "). Remove all but one.";
            var patterns = found.Select(f => (Anchor(f), "flit_core's module", f)).ToList();
            if (rules != null)
            {
                patterns.AddRange(rules.DataDirectories.Select(d => (Anchor(d), rules.OriginOf("directory"), d)));
            }

            return new BackendScope("flit_core", patterns, PyprojectOnly, problem);
        }

        private static BackendScope Uv(ProjectMetadata metadata, BackendFileRules? rules, string root)
        {
            string moduleRoot = (rules?.ModuleRoot ?? "src").Replace('\\', '/').Trim('/');
            IReadOnlyList<string> names = rules != null && rules.ModuleNames.Count > 0 ? rules.ModuleNames : DefaultUvModule(metadata.Name);
            var patterns = new List<(string, string, string)>();
            var missing = new List<string>();
            foreach (string name in names)
            {
                string path = (moduleRoot.Length == 0 ? string.Empty : moduleRoot + "/") + name.Replace('.', '/');
                if (!Directory.Exists(Full(root, path))) missing.Add(path + "/");
                patterns.Add((Anchor(path), "uv_build's module", path));
            }

            if (rules != null)
            {
                patterns.AddRange(rules.DataDirectories.Select(d => (Anchor(d), "tool.uv.build-backend.data", d)));
            }

            string? problem = missing.Count == 0 ? null
                : "uv_build would refuse this project: its module directory " + string.Join(", ", missing) + " does not exist. Set [tool.uv.build-backend] module-root and module-name to where the module is.";
            return new BackendScope("uv_build", patterns, PyprojectOnly, problem);
        }

        private static BackendScope Pdm(BackendFileRules? rules, string root)
        {
            var patterns = new List<(string, string, string)>();
            if (rules != null && rules.Include.Count > 0)
            {
                patterns.AddRange(rules.Include.Select(p => (Anchor(p), rules.OriginOf("includes"), p)));
                return new BackendScope("pdm-backend", patterns, PyprojectOnly, null);
            }

            string packageDir = (rules?.ModuleRoot ?? (Directory.Exists(Full(root, "src")) ? "src" : string.Empty)).Replace('\\', '/').Trim('/');
            string prefix = packageDir.Length == 0 ? string.Empty : packageDir + "/";
            const string origin = "pdm-backend's default includes";
            if (Directory.Exists(Full(root, packageDir)))
            {
                foreach (var dir in new DirectoryInfo(Full(root, packageDir)).EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
                {
                    if (File.Exists(Path.Combine(dir.FullName, "__init__.py"))) patterns.Add((Anchor(prefix + dir.Name), origin, prefix + dir.Name));
                }
            }

            if (patterns.Count == 0) patterns.Add(("/" + prefix + "*.py", origin, prefix + "*.py"));
            if (Directory.Exists(Full(root, "tests"))) patterns.Add(("/tests", origin, "tests"));
            return new BackendScope("pdm-backend", patterns, PyprojectOnly, null);
        }

        private static IReadOnlyList<string> DefaultUvModule(string? projectName)
        {
            if (string.IsNullOrEmpty(projectName)) return Array.Empty<string>();
            string normalized = projectName!.ToLowerInvariant();
            if (normalized.EndsWith("-stubs", StringComparison.Ordinal))
            {
                return new[] { normalized.Substring(0, normalized.Length - 6).Replace('-', '_').Replace('.', '_') + "-stubs" };
            }

            return new[] { normalized.Replace('-', '_').Replace('.', '_') };
        }

        private static string Anchor(string p) => p.StartsWith("/", StringComparison.Ordinal) ? p : "/" + p;

        private static string Full(string root, string relative) =>
            relative.Length == 0 ? root : Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
    }
}
