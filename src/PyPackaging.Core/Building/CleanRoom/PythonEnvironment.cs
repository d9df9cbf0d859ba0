using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace PyPackaging.Building.CleanRoom
{
    /// <summary>What the chosen interpreter offers a Project build (one probe process, read-only).</summary>
    public sealed class PythonProbe
    {
        internal PythonProbe(string python, string version, bool hasBuild, string? backendError)
        {
            Python = python;
            Version = version;
            HasBuild = hasBuild;
            BackendError = backendError;
        }

        /// <summary>The interpreter's full path.</summary>
        public string Python { get; }

        /// <summary>e.g. 3.11.2.</summary>
        public string Version { get; }

        /// <summary>The <c>build</c> frontend (pypa/build) is importable.</summary>
        public bool HasBuild { get; }

        /// <summary>Why the backend module cannot be found (the Python exception line); null when it can.</summary>
        public string? BackendError { get; }
    }

    /// <summary>Finds the interpreter and uv, and asks the interpreter what it has.</summary>
    public static class PythonEnvironment
    {
        // Run with -c: drops the current directory from sys.path (a project module named like the backend must not
        // shadow it), puts backend-path first as PEP 517 says, and only looks the backend up (find_spec imports the
        // parent packages, not the backend module itself).
        private const string ProbeScript =
            "import sys, os, importlib.util\n" +
            "sys.path[:] = [p for p in sys.path if p not in ('', os.getcwd())]\n" +
            "backend, paths = sys.argv[1], sys.argv[2:]\n" +
            "sys.path[:0] = paths\n" +
            "print('version=' + '.'.join(map(str, sys.version_info[:3])))\n" +
            "print('build=' + str(importlib.util.find_spec('build') is not None))\n" +
            "try:\n" +
            "    found = importlib.util.find_spec(backend.split(':')[0]) is not None\n" +
            "    print('backend=' + ('ok' if found else 'No module named ' + repr(backend.split(':')[0])))\n" +
            "except Exception as e:\n" +
            "    print('backend=' + type(e).__name__ + ': ' + str(e).replace('\\n', ' '))\n";

        /// <summary>
        /// The interpreter: <paramref name="requested"/> (a path, or a command name looked up on PATH) when given, else
        /// <c>python3</c>, then <c>python</c>, on PATH. Throws PythonNotFound when there is none.
        /// </summary>
        public static string FindPython(string? requested)
        {
            if (!string.IsNullOrEmpty(requested))
            {
                if (requested!.IndexOfAny(new[] { '/', '\\' }) >= 0)
                {
                    string full = Path.GetFullPath(requested);
                    if (File.Exists(full)) return full;
                    throw new ProjectBuildException("PythonNotFound", "The Python interpreter '" + requested + "' does not exist. Pass the path of an interpreter that has the project's build backend installed (for example -Python /usr/bin/python3).");
                }
                return FindOnPath(requested)
                    ?? throw new ProjectBuildException("PythonNotFound", "The Python interpreter '" + requested + "' is not on PATH. Pass its full path with -Python.");
            }
            return FindOnPath("python3") ?? FindOnPath("python")
                ?? throw new ProjectBuildException("PythonNotFound",
                    "Project mode runs the project's own build backend, which needs Python, but neither python3 nor python is on PATH. " +
                    "Install Python 3 (https://www.python.org/downloads/ or your system's package manager) with the backend, pass -Python <path>, " +
                    "or use -Backend Native if the project has static [project] metadata.");
        }

        /// <summary>uv on PATH, or null.</summary>
        public static string? FindUv() => FindOnPath("uv");

        /// <summary>Runs the probe (no bytecode written, no network): version, pypa/build, whether the backend module is importable.</summary>
        public static PythonProbe Probe(string python, string projectDirectory, string backend, IReadOnlyList<string> backendPath, CancellationToken cancellationToken)
        {
            var arguments = new List<string> { "-c", ProbeScript, backend };
            arguments.AddRange(backendPath.Select(p => Path.GetFullPath(Path.Combine(projectDirectory, p))));
            var env = new Dictionary<string, string?> { ["PYTHONDONTWRITEBYTECODE"] = "1" };
            var result = ChildProcess.TryRun(python, arguments, projectDirectory, env, cancellationToken, keepOutput: true)
                ?? throw new ProjectBuildException("PythonNotFound", "The Python interpreter '" + python + "' could not be started. Pass a working interpreter with -Python.");
            var answers = result.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("="))
                .GroupBy(l => l.Substring(0, l.IndexOf('=')), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Substring(g.Key.Length + 1), StringComparer.Ordinal);
            if (!result.Succeeded || !answers.TryGetValue("version", out string? version))
            {
                throw new ProjectBuildException("PythonNotFound", "'" + python + "' did not answer as a Python 3 interpreter (exit code " + result.ExitCode + "): " +
                    string.Join(" ", result.Tail.Skip(Math.Max(0, result.Tail.Count - 3))) + ". Pass a working interpreter with -Python.");
            }
            answers.TryGetValue("backend", out string? backendAnswer);
            return new PythonProbe(python, version, answers.TryGetValue("build", out string? b) && b == "True",
                backendAnswer == "ok" ? null : backendAnswer ?? "unknown");
        }

        private static string? FindOnPath(string name)
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            bool windows = Path.DirectorySeparatorChar == '\\';
            var suffixes = windows ? new[] { ".exe", string.Empty } : new[] { string.Empty };
            foreach (string dir in path.Split(Path.PathSeparator))
            {
                if (dir.Length == 0) continue;
                foreach (string suffix in suffixes)
                {
                    string candidate;
                    try { candidate = Path.Combine(dir, name + suffix); }
                    catch (ArgumentException) { continue; }
                    if (File.Exists(candidate)) return candidate;
                }
            }
            return null;
        }
    }
}
