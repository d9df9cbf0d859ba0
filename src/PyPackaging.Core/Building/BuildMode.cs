using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PyPackaging.Building.Project;
using PyPackaging.Building.Versions;

namespace PyPackaging.Building
{
    /// <summary>How Build-PySdist builds: natively (no Python), through the project's own PEP 517 backend in a clean room, or the best of the two.</summary>
    public enum BuildMode
    {
        /// <summary>Native when <see cref="NativeBuildSupport.Assess"/> says the native build reproduces the project, else Project.</summary>
        Auto = 0,

        /// <summary>The native builder: static metadata, FileSelector's file list, no Python.</summary>
        Native = 1,

        /// <summary>The project's PEP 517 backend, run on a clean copy of the source files.</summary>
        Project = 2,
    }

    /// <summary>The mode chosen for one project and the sentence saying why (shown by -WhatIf and -Verbose).</summary>
    public sealed class BuildModeDecision
    {
        public BuildModeDecision(BuildMode mode, string reason)
        {
            Mode = mode;
            Reason = reason;
        }

        /// <summary>Native or Project (never Auto).</summary>
        public BuildMode Mode { get; }

        public string Reason { get; }

        public override string ToString() => Mode + " (" + Reason + ")";
    }

    /// <summary>
    /// The one answer to "can the native build reproduce this project?". Native only when all hold: the backend is one
    /// the native builder imitates (hatchling, flit_core, pdm-backend, uv_build), there is a <c>[project]</c> table, and
    /// nothing in it is dynamic except a version <see cref="DynamicVersionResolver"/> computes (and flit's description,
    /// read with it).
    /// Everything else — setuptools (with or without setup.py), poetry-core, maturin, scikit-build-core, any other
    /// backend, no <c>[build-system]</c> (PEP 517's fallback is setuptools), other dynamic fields — is Project.
    /// A pyproject.toml that cannot be parsed stays Native, so that its syntax errors are reported as today.
    /// </summary>
    public static class NativeBuildSupport
    {
        /// <summary>The backends the native builder imitates, by their <c>build-system.build-backend</c> value.</summary>
        public static readonly IReadOnlyDictionary<string, string> NativeBackends = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hatchling.build"] = "hatchling",
            ["flit_core.buildapi"] = "flit_core",
            ["pdm.backend"] = "pdm-backend",
            ["uv_build"] = "uv_build",
        };

        /// <summary>PEP 517's backend when <c>[build-system]</c> or its build-backend key is absent.</summary>
        public const string LegacyBackend = "setuptools.build_meta:__legacy__";

        /// <summary>Decides for a project directory; <paramref name="requested"/> Native or Project is taken as given.</summary>
        public static BuildModeDecision Assess(string projectDirectory, BuildMode requested = BuildMode.Auto)
        {
            if (projectDirectory == null) throw new ArgumentNullException(nameof(projectDirectory));
            if (requested == BuildMode.Native) return new BuildModeDecision(BuildMode.Native, "-Backend Native was given");
            if (requested == BuildMode.Project) return new BuildModeDecision(BuildMode.Project, "-Backend Project was given");
            if (!File.Exists(Path.Combine(projectDirectory, "pyproject.toml")))
            {
                return File.Exists(Path.Combine(projectDirectory, "setup.py"))
                    ? new BuildModeDecision(BuildMode.Project, "there is no pyproject.toml but a setup.py, which only setuptools can run")
                    : new BuildModeDecision(BuildMode.Native, "there is neither pyproject.toml nor setup.py, so there is no backend to run");
            }
            return Assess(PyprojectReader.Read(projectDirectory), projectDirectory);
        }

        /// <summary>Decides from metadata already read (Auto).</summary>
        public static BuildModeDecision Assess(ProjectMetadata metadata, string projectDirectory)
        {
            if (metadata == null) throw new ArgumentNullException(nameof(metadata));
            if (IsUnparsable(metadata))
            {
                return new BuildModeDecision(BuildMode.Native, "pyproject.toml cannot be read, so the native reader reports why");
            }

            string? backend = metadata.BuildSystem?.BuildBackend;
            if (backend == null)
            {
                return new BuildModeDecision(BuildMode.Project, "pyproject.toml names no build-system.build-backend, so PEP 517 builds it with setuptools (" + LegacyBackend + ")");
            }
            if (!NativeBackends.TryGetValue(backend, out string? backendName))
            {
                return new BuildModeDecision(BuildMode.Project, "the build backend '" + backend + "'" + Known(backend) + " is not one the native build imitates (hatchling, flit_core, pdm-backend, uv_build)");
            }
            if (!metadata.HasProjectTable)
            {
                return new BuildModeDecision(BuildMode.Project, "there is no [project] table, so the metadata lives in " + backendName + "'s own configuration");
            }
            // flit_core's dynamic description comes with the version, from the same module docstring (issue 10a).
            bool flitDescription = backend == "flit_core.buildapi" && metadata.Dynamic.Contains("version");
            var otherDynamic = metadata.Dynamic.Where(d => d != "version" && !(flitDescription && d == "description")).ToList();
            if (otherDynamic.Count > 0)
            {
                return new BuildModeDecision(BuildMode.Project, "project.dynamic lists " + string.Join(", ", otherDynamic.Select(d => "'" + d + "'")) + ", which only " + backendName + " can compute");
            }
            bool dynamicVersion = metadata.Dynamic.Contains("version");
            if (dynamicVersion)
            {
                // The resolver the native build uses (Building/Versions): native exactly when it can compute the version.
                var version = metadata.Version != null ? null : DynamicVersionResolver.Resolve(metadata, projectDirectory);
                if (version != null && version.ProblemId != null)
                {
                    return new BuildModeDecision(BuildMode.Project, "the dynamic version cannot be computed natively (" + version.ProblemId + "), so " + backendName + " computes it");
                }
            }
            return new BuildModeDecision(BuildMode.Native, backendName + " with " + (dynamicVersion ? "a version computed natively" : "static [project] metadata") + ": the native build reproduces it");
        }

        // A TOML syntax error or an unreadable/non-UTF-8 file: file-level problems and no [build-system] or [project] read.
        private static bool IsUnparsable(ProjectMetadata metadata) =>
            metadata.BuildSystem == null && !metadata.HasProjectTable
            && metadata.Problems.Any(p => p.Severity == ProjectProblemSeverity.Error && p.KeyPath.Length == 0);

        private static string Known(string backend)
        {
            string module = backend.Split(':')[0];
            if (module.StartsWith("setuptools", StringComparison.Ordinal)) return " (setuptools)";
            if (module.StartsWith("poetry", StringComparison.Ordinal)) return " (poetry-core)";
            if (module == "maturin") return " (maturin)";
            if (module.StartsWith("scikit_build_core", StringComparison.Ordinal)) return " (scikit-build-core)";
            if (module.StartsWith("mesonpy", StringComparison.Ordinal)) return " (meson-python)";
            return string.Empty;
        }
    }
}
