using System;
using System.Collections.Generic;
using System.IO;
using PyPackaging.Building.Project;
using Tomlyn;
using Tomlyn.Model;

namespace PyPackaging.Building.Comparison
{
    /// <summary>
    /// What the sdist-vs-git comparison expects to differ, read from the project's pyproject.toml:
    /// <list type="bullet">
    /// <item><see cref="GitOnly"/>: tracked files that are meant to stay out of the sdist. By default the list check-sdist
    /// ships (CI configuration, pre-commit and Read the Docs settings, nox file, coverage data), plus the project's
    /// <c>[tool.check-sdist] git-only</c>; <c>default-ignore = false</c> drops the defaults, as in check-sdist, so one
    /// table configures both tools.</item>
    /// <item><see cref="SdistOnly"/>: members a backend generates: PKG-INFO, <c>*.egg-info/</c> and <c>*.dist-info/</c>,
    /// setuptools' <c>setup.cfg</c>, the version files hatch-vcs, setuptools-scm and pdm-backend write when configured,
    /// plus <c>[tool.check-sdist] sdist-only</c>. A native build adds the members it generated itself.</item>
    /// </list>
    /// All patterns are gitignore-style, relative to the project directory. A pyproject.toml that is missing or does
    /// not parse gives the defaults (the build and the checks report a broken pyproject.toml; this only reads it).
    /// </summary>
    public sealed class ComparisonSettings
    {
        /// <summary>Tracked files check-sdist leaves out of the comparison by default (its default-ignore list, both Read the Docs spellings).</summary>
        public static readonly IReadOnlyList<string> DefaultGitOnly = new[]
        {
            ".github/", ".pre-commit-config.yaml", ".readthedocs.yml", ".readthedocs.yaml", "noxfile.py", ".coverage",
            "codecov.yml", "*.pyc",
        };

        /// <summary>Members every backend may generate (always expected, whatever the settings say).</summary>
        public static readonly IReadOnlyList<string> GeneratedByBackends = new[] { "/PKG-INFO", "*.egg-info/", "*.dist-info/" };

        private readonly List<string> _gitOnly = new List<string>();
        private readonly List<string> _sdistOnly = new List<string>(GeneratedByBackends);
        private readonly List<string> _warnings = new List<string>();

        /// <summary>Gitignore-style patterns of tracked files expected to be missing from the sdist.</summary>
        public IReadOnlyList<string> GitOnly => _gitOnly;

        /// <summary>Gitignore-style patterns of members expected although git does not track them.</summary>
        public IReadOnlyList<string> SdistOnly => _sdistOnly;

        /// <summary>Settings that could not be used (a wrong type in [tool.check-sdist]), one sentence each.</summary>
        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>Reads pyproject.toml in <paramref name="projectDirectory"/>.</summary>
        public static ComparisonSettings Read(string projectDirectory)
        {
            TomlTable? root = null;
            try
            {
                string path = Path.Combine(projectDirectory, "pyproject.toml");
                if (File.Exists(path)) root = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is TomlException || ex is ArgumentException || ex is InvalidOperationException)
            {
                // Reported by the pyproject reader (Build-PySdist) or the sdist's own checks; the defaults apply.
            }
            return FromTable(root);
        }

        /// <summary>Settings from an already parsed pyproject.toml (null: none).</summary>
        public static ComparisonSettings FromTable(TomlTable? root)
        {
            var settings = new ComparisonSettings();
            var tool = root == null ? null : PyprojectReader.Descend(root, "tool");
            var own = tool == null ? null : PyprojectReader.Descend(tool, "check-sdist");
            bool defaults = true;
            if (own != null && own.TryGetValue("default-ignore", out var flag))
            {
                if (flag is bool b) defaults = b;
                else settings._warnings.Add("[tool.check-sdist] default-ignore must be true or false; the default list is used.");
            }
            if (defaults) settings._gitOnly.AddRange(DefaultGitOnly);
            settings.AddStrings(own, "git-only", settings._gitOnly);
            settings.AddStrings(own, "sdist-only", settings._sdistOnly);

            if (IsSetuptools(root)) settings._sdistOnly.Add("/setup.cfg");
            if (tool != null) settings.AddVersionFiles(tool);
            return settings;
        }

        /// <summary>Adds members the caller knows were generated (a native build's PKG-INFO, a version file), as project-relative paths.</summary>
        public void AddGenerated(IEnumerable<string> relativePaths)
        {
            foreach (var p in relativePaths) _sdistOnly.Add("/" + Escape(p.Replace('\\', '/').TrimStart('/')));
        }

        // The version files of the VCS plugins: hatch-vcs writes [tool.hatch.build.hooks.vcs] version-file,
        // setuptools-scm [tool.setuptools_scm] version_file (write_to before 8.0), pdm-backend [tool.pdm.version] write_to.
        private void AddVersionFiles(TomlTable tool)
        {
            AddPath(PyprojectReader.Descend(tool, "hatch", "build", "hooks", "vcs"), "version-file");
            var scm = PyprojectReader.Descend(tool, "setuptools_scm");
            AddPath(scm, "version_file");
            AddPath(scm, "write_to");
            // pdm-backend's documentation gives write_to without saying what it is relative to; in a src layout the
            // file lands below src/, so both readings are expected.
            AddPath(PyprojectReader.Descend(tool, "pdm", "version"), "write_to", "", "src/");
        }

        private void AddPath(TomlTable? table, string key, params string[] prefixes)
        {
            if (table == null || !table.TryGetValue(key, out var value) || !(value is string text) || text.Length == 0) return;
            string path = text.Replace('\\', '/');
            while (path.StartsWith("./", StringComparison.Ordinal)) path = path.Substring(2);
            foreach (var prefix in prefixes.Length == 0 ? new[] { string.Empty } : prefixes)
            {
                _sdistOnly.Add("/" + Escape(prefix + path.TrimStart('/')));
            }
        }

        private void AddStrings(TomlTable? table, string key, List<string> into)
        {
            if (table == null || !table.TryGetValue(key, out var value)) return;
            if (value is TomlArray array)
            {
                foreach (var item in array)
                {
                    if (item is string s) into.Add(s);
                    else _warnings.Add("[tool.check-sdist] " + key + " holds a value that is not a string; it is left out.");
                }
            }
            else
            {
                _warnings.Add("[tool.check-sdist] " + key + " must be an array of gitignore-style patterns; it is left out.");
            }
        }

        private static bool IsSetuptools(TomlTable? root)
        {
            // No [build-system] means setuptools' legacy backend, as pip and build assume.
            var buildSystem = root == null ? null : PyprojectReader.Descend(root, "build-system");
            if (buildSystem == null || !buildSystem.TryGetValue("build-backend", out var backend)) return true;
            return backend is string s && s.StartsWith("setuptools.build_meta", StringComparison.Ordinal);
        }

        // A literal path as a gitignore pattern: glob characters and a leading '!' or '#' escaped.
        private static string Escape(string path)
        {
            var text = new System.Text.StringBuilder(path.Length + 4);
            foreach (char c in path)
            {
                if (c == '*' || c == '?' || c == '[' || c == '\\') text.Append('\\');
                text.Append(c);
            }
            return text.ToString();
        }
    }
}
