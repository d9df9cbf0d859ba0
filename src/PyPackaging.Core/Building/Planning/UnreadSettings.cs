using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PyPackaging.Building.Project;
using Tomlyn;
using Tomlyn.Model;

namespace PyPackaging.Building.Planning
{
    /// <summary>
    /// Finds file-selection settings the native build does not apply, so each can be warned about instead of being
    /// ignored silently: hatchling's <c>[tool.hatch.build]</c> packages/sources/only-packages/ignore-vcs/… keys, poetry's include/exclude/packages,
    /// setuptools' package settings and MANIFEST.in, maturin's and scikit-build-core's sdist settings.
    /// (Unknown keys inside the four tables that are read are reported by the pyproject reader.)
    /// </summary>
    public static class UnreadSettings
    {
        private static readonly string[] HatchBuildKeys =
        {
            "packages", "sources", "only-packages", "ignore-vcs", "skip-excluded-dirs", "reproducible", "directory", "dev-mode-dirs", "require-runtime-dependencies",
        };

        public static IReadOnlyList<string> Find(string projectDirectory)
        {
            var warnings = new List<string>();
            TomlTable? root = null;
            try
            {
                string text = File.ReadAllText(Path.Combine(projectDirectory, "pyproject.toml"));
                root = TomlSerializer.Deserialize<TomlTable>(text);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is TomlException || ex is ArgumentException || ex is InvalidOperationException)
            {
                // The pyproject reader reports unreadable or invalid files.
            }

            if (root != null && PyprojectReader.Descend(root, "tool") is TomlTable tool)
            {
                if (PyprojectReader.Descend(tool, "hatch", "build") is TomlTable hatchBuild)
                {
                    foreach (var key in hatchBuild.Keys.Where(k => HatchBuildKeys.Contains(k)))
                    {
                        warnings.Add("[tool.hatch.build] " + key + " is not applied by the native build (include, exclude, only-include, artifacts and force-include are); check the file list with -WhatIf and use -Include/-Exclude.");
                    }
                }
                if (PyprojectReader.Descend(tool, "poetry") is TomlTable poetry)
                {
                    foreach (var key in new[] { "include", "exclude", "packages" }.Where(poetry.ContainsKey))
                    {
                        warnings.Add("[tool.poetry] " + key + " is not applied by the native build; check the file list with -WhatIf and use -Include/-Exclude.");
                    }
                }
                if (PyprojectReader.Descend(tool, "setuptools") is TomlTable setuptools)
                {
                    foreach (var key in new[] { "packages", "package-data", "exclude-package-data", "include-package-data", "data-files" }.Where(setuptools.ContainsKey))
                    {
                        warnings.Add("[tool.setuptools] " + key + " is not applied by the native build; check the file list with -WhatIf and use -Include/-Exclude.");
                    }
                }
                if (PyprojectReader.Descend(tool, "maturin") is TomlTable maturin)
                {
                    foreach (var key in new[] { "include", "exclude", "sdist-include", "sdist-generator" }.Where(maturin.ContainsKey))
                    {
                        warnings.Add("[tool.maturin] " + key + " is not applied by the native build; check the file list with -WhatIf and use -Include/-Exclude.");
                    }
                }
                if (PyprojectReader.Descend(tool, "scikit-build", "sdist") is TomlTable skbuild)
                {
                    foreach (var key in skbuild.Keys)
                    {
                        warnings.Add("[tool.scikit-build.sdist] " + key + " is not applied by the native build; check the file list with -WhatIf and use -Include/-Exclude.");
                    }
                }
            }
            if (File.Exists(Path.Combine(projectDirectory, "MANIFEST.in")))
            {
                warnings.Add("MANIFEST.in is not applied by the native build (it packs the whole tree minus the exclusions); check the file list with -WhatIf and use -Include/-Exclude.");
            }
            return warnings;
        }
    }
}
