using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PyPackaging.Building.Project;
using Tomlyn.Model;

namespace PyPackaging.Building.Versions
{
    /// <summary>Where a dynamic version comes from.</summary>
    public enum VersionSourceKind
    {
        /// <summary>flit_core: <c>__version__</c> in the module, read statically.</summary>
        FlitModule,

        /// <summary>hatchling's regex source: <c>[tool.hatch.version] path</c> (+ <c>pattern</c>).</summary>
        HatchRegex,

        /// <summary>pdm-backend: <c>[tool.pdm.version] source = "file"</c>.</summary>
        PdmFile,

        /// <summary>A version computed from git tags (hatch-vcs, setuptools-scm, pdm-backend <c>source = "scm"</c>).</summary>
        Scm,
    }

    /// <summary>Which tool computes an SCM version: they share setuptools-scm's scheme but differ in details.</summary>
    public enum ScmFlavor
    {
        /// <summary>setuptools-scm through setuptools (<c>[tool.setuptools_scm]</c>).</summary>
        SetuptoolsScm,

        /// <summary>hatch-vcs (setuptools-scm underneath; <c>[tool.hatch.version] source = "vcs"</c>).</summary>
        HatchVcs,

        /// <summary>pdm-backend's own port of setuptools-scm (<c>[tool.pdm.version] source = "scm"</c>).</summary>
        PdmBackend,
    }

    /// <summary>
    /// The dynamic-version configuration of a project, read from pyproject.toml's <c>[tool]</c> for the backend named
    /// in <c>[build-system]</c>. <see cref="NotNative"/> says why a native build cannot reproduce it (a custom scheme, a
    /// version computed by running code); the build then needs the project's own backend.
    /// </summary>
    public sealed class DynamicVersionConfig
    {
        private DynamicVersionConfig(VersionSourceKind kind, string origin)
        {
            Kind = kind;
            Origin = origin;
        }

        public VersionSourceKind Kind { get; }

        /// <summary>Where the configuration was read, for messages: <c>[tool.hatch.version] source = "vcs"</c>.</summary>
        public string Origin { get; }

        /// <summary>The file read for a file source, relative to the project ('/' or the OS separator as written).</summary>
        public string? Path { get; private set; }

        /// <summary>hatchling's <c>pattern</c> (Python regex syntax), or null for its default.</summary>
        public string? Pattern { get; private set; }

        /// <summary>flit: the module name (dotted for a namespace package).</summary>
        public string? ModuleName { get; private set; }

        public ScmFlavor Flavor { get; private set; }

        /// <summary>The tag regex (Python syntax), or null for the tool's default.</summary>
        public string? TagRegex { get; private set; }

        public string? FallbackVersion { get; private set; }

        /// <summary>setuptools-scm's <c>root</c>, relative to the project directory.</summary>
        public string Root { get; private set; } = ".";

        public bool SearchParentDirectories { get; private set; }

        /// <summary>setuptools-scm's local scheme: node-and-date (the default), node-and-timestamp, dirty-tag or no-local-version.</summary>
        public string LocalScheme { get; private set; } = "node-and-date";

        /// <summary>The name SETUPTOOLS_SCM_PRETEND_VERSION_FOR_… is looked up with; null when the tool passes none.</summary>
        public string? PretendDistName { get; private set; }

        /// <summary>The generated version file (relative to the project), or null when none is configured.</summary>
        public string? VersionFile { get; private set; }

        /// <summary>The configured template for it, or null for the tool's default.</summary>
        public string? VersionFileTemplate { get; private set; }

        /// <summary>Why a native build cannot compute this version; null when it can.</summary>
        public string? NotNative { get; private set; }

        /// <summary>
        /// The configuration for <paramref name="metadata"/> (whose <c>project.dynamic</c> lists "version"), or a
        /// configuration with <see cref="NotNative"/> set when the backend's way of finding the version is not one the
        /// native build reproduces.
        /// </summary>
        public static DynamicVersionConfig Read(ProjectMetadata metadata, string projectDirectory)
        {
            if (metadata == null) throw new ArgumentNullException(nameof(metadata));
            var tool = metadata.ToolTable ?? new TomlTable();
            string? backend = metadata.BuildSystem?.BuildBackend;
            string root = backend == null ? "setuptools" : backend.Split(':')[0].Split('.')[0];
            switch (root)
            {
                case "flit_core":
                    return Flit(tool, metadata.Name);
                case "hatchling":
                    return Hatch(tool);
                case "pdm":
                    return Pdm(tool, projectDirectory);
                case "setuptools":
                    if (Table(tool, "setuptools_scm") is TomlTable scm) return SetuptoolsScm(scm, metadata.Name);
                    return Unsupported("[tool.setuptools.dynamic]", "setuptools computes this version from [tool.setuptools.dynamic] (or setup.py); only setuptools-scm ([tool.setuptools_scm]) versions are computed natively.");
                default:
                    return Unsupported("build-system.build-backend = \"" + backend + "\"", "the backend '" + backend + "' computes the dynamic version itself; the native build knows how flit_core, hatchling, pdm-backend and setuptools-scm do it.");
            }
        }

        private static DynamicVersionConfig Flit(TomlTable tool, string? name)
        {
            string? module = Table(tool, "flit", "module") is TomlTable m && m.TryGetValue("name", out var n) ? n as string : null;
            var config = new DynamicVersionConfig(VersionSourceKind.FlitModule, module != null ? "[tool.flit.module] name = \"" + module + "\"" : "the module named after the project (flit_core)");
            config.ModuleName = module ?? name?.Replace('-', '_');
            if (config.ModuleName == null) config.NotNative = "the project has no valid name to find its module by.";
            return config;
        }

        private static DynamicVersionConfig Hatch(TomlTable tool)
        {
            if (!(Table(tool, "hatch", "version") is TomlTable v))
            {
                return Unsupported("[tool.hatch.version]", "hatchling needs a [tool.hatch.version] table for a dynamic version (for example path = \"src/pkg/__init__.py\"); it is missing.");
            }
            string source = v.TryGetValue("source", out var s) && s is string ss ? ss : "regex";
            if (source == "regex")
            {
                var config = new DynamicVersionConfig(VersionSourceKind.HatchRegex, "[tool.hatch.version] path");
                config.Path = v.TryGetValue("path", out var p) ? p as string : null;
                if (string.IsNullOrEmpty(config.Path)) config.NotNative = "[tool.hatch.version] has no path (hatchling: option `path` must be specified).";
                if (v.TryGetValue("pattern", out var pattern))
                {
                    if (pattern is string ps && ps.Length > 0) config.Pattern = ps;
                    else if (!(pattern is bool) && !(pattern is string)) config.NotNative = "[tool.hatch.version] pattern must be a string.";
                }
                return config;
            }
            if (source == "vcs")
            {
                var config = new DynamicVersionConfig(VersionSourceKind.Scm, "[tool.hatch.version] source = \"vcs\"") { Flavor = ScmFlavor.HatchVcs };
                if (v.TryGetValue("tag-pattern", out var tp) && tp is string tps && tps.Length > 0) config.TagRegex = tps;
                if (v.TryGetValue("fallback-version", out var fb) && fb is string fbs && fbs.Length > 0) config.FallbackVersion = fbs;
                if (v.TryGetValue("raw-options", out var raw))
                {
                    if (raw is TomlTable rawTable) config.ApplySetuptoolsScmOptions(rawTable, "raw-options", forHatch: true);
                    else config.NotNative = "[tool.hatch.version] raw-options must be a table.";
                }
                if (Table(tool, "hatch", "build", "hooks", "vcs") is TomlTable hook)
                {
                    config.VersionFile = hook.TryGetValue("version-file", out var vf) ? vf as string : null;
                    if (string.IsNullOrEmpty(config.VersionFile)) config.NotNative = "[tool.hatch.build.hooks.vcs] needs version-file (hatch-vcs: option `version-file` is required).";
                    if (hook.TryGetValue("template", out var t) && t is string ts && ts.Length > 0) config.VersionFileTemplate = ts;
                }
                return config;
            }
            return Unsupported("[tool.hatch.version] source = \"" + source + "\"", "hatchling's '" + source + "' version source runs code or plugins; the native build computes the 'regex' (path) and 'vcs' sources.");
        }

        private static DynamicVersionConfig Pdm(TomlTable tool, string projectDirectory)
        {
            if (!(Table(tool, "pdm", "version") is TomlTable v) || !(v.TryGetValue("source", out var s) && s is string source))
            {
                return Unsupported("[tool.pdm.version]", "pdm-backend needs [tool.pdm.version] source = \"file\" or \"scm\" for a dynamic version; it is missing.");
            }
            if (source == "file")
            {
                var config = new DynamicVersionConfig(VersionSourceKind.PdmFile, "[tool.pdm.version] source = \"file\"");
                config.Path = v.TryGetValue("path", out var p) ? p as string : null;
                if (string.IsNullOrEmpty(config.Path)) config.NotNative = "[tool.pdm.version] source = \"file\" needs path.";
                return config;
            }
            if (source == "scm")
            {
                var config = new DynamicVersionConfig(VersionSourceKind.Scm, "[tool.pdm.version] source = \"scm\"") { Flavor = ScmFlavor.PdmBackend };
                config.TagRegex = v.TryGetValue("tag_regex", out var tr) ? tr as string : null;
                config.FallbackVersion = v.TryGetValue("fallback_version", out var fb) ? fb as string : null;
                if (v.ContainsKey("version_format")) config.NotNative = "[tool.pdm.version] version_format names a Python function that formats the version.";
                if (v.ContainsKey("tag_filter")) config.NotNative = "[tool.pdm.version] tag_filter names a Python function that filters the tags.";
                if (v.TryGetValue("write_to", out var wt) && wt is string wts)
                {
                    // pdm-backend writes it below the package directory in an sdist ([tool.pdm.build] package-dir, else src/ when it exists).
                    string? packageDir = Table(tool, "pdm", "build") is TomlTable b && b.TryGetValue("package-dir", out var pd) ? pd as string : null;
                    if (packageDir == null && Directory.Exists(System.IO.Path.Combine(projectDirectory, "src"))) packageDir = "src";
                    config.VersionFile = string.IsNullOrEmpty(packageDir) ? wts : packageDir!.TrimEnd('/') + "/" + wts;
                    config.VersionFileTemplate = v.TryGetValue("write_template", out var tpl) && tpl is string tpls ? tpls : null;
                }
                return config;
            }
            return Unsupported("[tool.pdm.version] source = \"" + source + "\"", "pdm-backend's '" + source + "' version source calls Python code; the native build computes the 'file' and 'scm' sources.");
        }

        private static DynamicVersionConfig SetuptoolsScm(TomlTable scm, string? name)
        {
            var config = new DynamicVersionConfig(VersionSourceKind.Scm, "[tool.setuptools_scm]") { Flavor = ScmFlavor.SetuptoolsScm };
            config.PretendDistName = name;
            config.ApplySetuptoolsScmOptions(scm, "tool.setuptools_scm", forHatch: false);
            return config;
        }

        /// <summary>setuptools-scm's own option names (in [tool.setuptools_scm] or hatch-vcs's raw-options).</summary>
        private void ApplySetuptoolsScmOptions(TomlTable options, string where, bool forHatch)
        {
            foreach (var kv in options)
            {
                string? text = kv.Value as string;
                switch (kv.Key)
                {
                    case "root": if (text != null) Root = text; break;
                    case "tag_regex": if (!string.IsNullOrEmpty(text)) TagRegex = text; break;
                    case "fallback_version": if (text != null) FallbackVersion = text; break;
                    case "search_parent_directories": SearchParentDirectories = kv.Value is bool b && b; break;
                    case "dist_name": if (text != null) PretendDistName = text; break;
                    case "version_scheme":
                        if (text != "guess-next-dev") NotNative = where + " version_scheme = '" + kv.Value + "': only setuptools-scm's default scheme (guess-next-dev) is computed natively.";
                        break;
                    case "local_scheme":
                        if (text != null && ScmVersionScheme.LocalSchemes.Contains(text)) LocalScheme = text;
                        else NotNative = where + " local_scheme = '" + kv.Value + "': the native build computes setuptools-scm's local schemes " + string.Join(", ", ScmVersionScheme.LocalSchemes) + ", not this one.";
                        break;
                    case "write_to":
                    case "version_file":
                        // hatch-vcs drops write_to: only its build hook writes a file.
                        if (!forHatch && text != null) VersionFile = text;
                        break;
                    case "write_to_template":
                    case "version_file_template":
                        if (!forHatch && text != null) VersionFileTemplate = text;
                        break;
                    case "normalize":
                        if (!(kv.Value is bool nb && nb)) NotNative = where + " normalize = false keeps tags unnormalised; the native build writes normalised versions.";
                        break;
                    case "git_describe_command":
                    case "parse":
                    case "version_cls":
                        NotNative = where + " " + kv.Key + " changes how setuptools-scm finds or parses the version; the native build uses its default.";
                        break;
                }
            }
        }

        private static DynamicVersionConfig Unsupported(string origin, string reason) =>
            new DynamicVersionConfig(VersionSourceKind.Scm, origin) { NotNative = reason };

        private static TomlTable? Table(TomlTable table, params string[] keys) => PyprojectReader.Descend(table, keys);
    }
}
