using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PyPackaging.Building.CleanRoom
{
    /// <summary>The program that runs the project's PEP 517 backend in the clean room.</summary>
    public enum ProjectRunnerKind
    {
        /// <summary>Chosen by <see cref="ProjectRunner.Choose"/>.</summary>
        Auto = 0,

        /// <summary><c>python -m build --sdist</c> (pypa/build), when the interpreter has it.</summary>
        Build,

        /// <summary><c>uv build --sdist</c>, when uv is on PATH and the interpreter lacks pypa/build.</summary>
        Uv,

        /// <summary>The backend's <c>build_sdist</c> hook, called by a small inline script in the interpreter.</summary>
        Hook,
    }

    /// <summary>The chosen runner, its command line, and the sentence -WhatIf, -Verbose and BuildRunner show.</summary>
    public sealed class ProjectRunner
    {
        // The hook runner: PEP 517's build_sdist called in the interpreter's own environment. The project directory is
        // the working directory (as PEP 517 requires) but not on sys.path; backend-path entries come first.
        private const string HookScript =
            "import sys, os, importlib\n" +
            "sys.path[:] = [p for p in sys.path if p not in ('', os.getcwd())]\n" +
            "out, backend, paths = sys.argv[1], sys.argv[2], sys.argv[3:]\n" +
            "sys.path[:0] = paths\n" +
            "module, _, attrs = backend.partition(':')\n" +
            "hooks = importlib.import_module(module)\n" +
            "for a in filter(None, attrs.split('.')):\n" +
            "    hooks = getattr(hooks, a)\n" +
            "print('sdist=' + hooks.build_sdist(out, {}))\n";

        private ProjectRunner(ProjectRunnerKind kind, string program, string python, string name)
        {
            Kind = kind;
            Program = program;
            Python = python;
            Name = name;
        }

        public ProjectRunnerKind Kind { get; }

        /// <summary>The executable started: the interpreter, or uv.</summary>
        public string Program { get; }

        public string Python { get; }

        /// <summary>Short and stable, for the Archive entry's BuildRunner: "python -m build", "uv build" or "build_sdist hook".</summary>
        public string Name { get; }

        /// <summary>
        /// pypa/build when the interpreter has it, else uv when on PATH, else the hook. <paramref name="requested"/>
        /// other than Auto forces one (uv must then be on PATH, build importable).
        /// </summary>
        public static ProjectRunner Choose(PythonProbe probe, string? uv, ProjectRunnerKind requested = ProjectRunnerKind.Auto)
        {
            if (requested == ProjectRunnerKind.Build || (requested == ProjectRunnerKind.Auto && probe.HasBuild))
            {
                if (!probe.HasBuild) throw new ProjectBuildException("BuildRequirementsMissing", "The build frontend (pypa/build) is not installed for " + probe.Python + ": install it (python3 -m pip install build, or apt-get install python3-build).");
                return new ProjectRunner(ProjectRunnerKind.Build, probe.Python, probe.Python, "python -m build");
            }
            if (requested == ProjectRunnerKind.Uv || (requested == ProjectRunnerKind.Auto && uv != null))
            {
                if (uv == null) throw new ProjectBuildException("BuildRequirementsMissing", "uv is not on PATH: install it (https://docs.astral.sh/uv/).");
                return new ProjectRunner(ProjectRunnerKind.Uv, uv, probe.Python, "uv build");
            }
            return new ProjectRunner(ProjectRunnerKind.Hook, probe.Python, probe.Python, "build_sdist hook");
        }

        /// <summary>
        /// The arguments for a build of <paramref name="projectDirectory"/> into <paramref name="outputDirectory"/>.
        /// Without <paramref name="allowIsolation"/> nothing is downloaded: build gets --no-isolation, uv
        /// --no-build-isolation and --offline (and never fetches an interpreter).
        /// </summary>
        public IReadOnlyList<string> Arguments(string projectDirectory, string outputDirectory, string backend, IReadOnlyList<string> backendPath, bool allowIsolation)
        {
            switch (Kind)
            {
                case ProjectRunnerKind.Build:
                    var build = new List<string> { "-m", "build", "--sdist", "--outdir", outputDirectory };
                    // Without isolation, build's own requirement check is skipped: the probe has found the backend
                    // importable, and the check walks the requirements' metadata transitively, refusing e.g. Debian's
                    // python3-hatchling, which does not install editables (needed for editable wheels only). A missing
                    // plugin still fails, in the backend's own words.
                    if (!allowIsolation) build.AddRange(new[] { "--no-isolation", "--skip-dependency-check" });
                    build.Add(projectDirectory);
                    return build;
                case ProjectRunnerKind.Uv:
                    var uv = new List<string> { "build", "--sdist", "--out-dir", outputDirectory, "--python", Python, "--no-python-downloads" };
                    if (!allowIsolation) uv.AddRange(new[] { "--no-build-isolation", "--offline" });
                    uv.Add(projectDirectory);
                    return uv;
                default:
                    var hook = new List<string> { "-c", HookScript, outputDirectory, backend };
                    hook.AddRange(backendPath.Select(p => Path.GetFullPath(Path.Combine(projectDirectory, p))));
                    return hook;
            }
        }

        /// <summary>The command as a person would type it, for -WhatIf and -Verbose.</summary>
        public string Describe(bool allowIsolation)
        {
            switch (Kind)
            {
                case ProjectRunnerKind.Build:
                    return Python + " -m build --sdist" + (allowIsolation ? " (isolated: may download the build requirements)" : " --no-isolation --skip-dependency-check");
                case ProjectRunnerKind.Uv:
                    return Program + " build --sdist --python " + Python + (allowIsolation ? " (isolated: may download the build requirements)" : " --no-build-isolation --offline");
                default:
                    return Python + ": the backend's build_sdist hook, called directly";
            }
        }
    }
}
