using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace PyPackaging.Tests.Infrastructure
{
    /// <summary>Runs external programs (python3, git, tar) with a timeout; never touches the network.</summary>
    public static class Tool
    {
        /// <summary>PYPACKAGING_SKIP_PYTHON_TOOLS=1 skips the real-tool tests on purpose.</summary>
        public static bool SkipPythonTools => Environment.GetEnvironmentVariable("PYPACKAGING_SKIP_PYTHON_TOOLS") == "1";

        /// <summary>CI sets CI=true; there a missing tool is a failure (.ci/run installs them), elsewhere a reported skip.</summary>
        private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        private static readonly Dictionary<string, bool> Available = new Dictionary<string, bool>();

        private static bool Works(string file, params string[] args)
        {
            var key = file + " " + string.Join(" ", args);
            lock (Available)
            {
                if (Available.TryGetValue(key, out var known)) return known;
                bool ok;
                try { ok = Run(file, args, timeoutSeconds: 60).ExitCode == 0; }
                catch (InvalidOperationException) { ok = false; }
                Available[key] = ok;
                return ok;
            }
        }

        private static void Require(bool available, string what)
        {
            if (available) return;
            var message = what + " is not available. " + InstallHint;
            // On a machine with only the .NET SDK these tests are reported as skipped; in CI they must run.
            Skip.If(SkipPythonTools || !InCi, message);
            throw new InvalidOperationException(message);
        }

        /// <summary>The interpreter Debian's python3-* packages install into (a pyenv python3 on PATH does not see them).</summary>
        public static string DebianPython => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

        /// <summary>python3 (with venv) and git, which the seed-project fixtures need.</summary>
        public static void RequirePythonAndGit()
        {
            Require(Works("python3", "-c", "import venv, tarfile"), "python3");
            Require(Works("git", "--version"), "git");
        }

        /// <summary>Debian's Python with hatchling, build and twine (the real-tool comparisons), plus python3 and git.</summary>
        public static void RequireRealTools()
        {
            RequirePythonAndGit();
            Require(Works(DebianPython, "-c", "import hatchling, build, twine"), DebianPython + " with hatchling, build and twine");
        }

        public sealed class Result
        {
            public int ExitCode { get; set; }
            public string Output { get; set; } = string.Empty;
            public string Error { get; set; } = string.Empty;

            public override string ToString() => "exit " + ExitCode + Environment.NewLine + Output + Environment.NewLine + Error;
        }

        public static Result Run(string file, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? env = null, int timeoutSeconds = 300)
        {
            var psi = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (var a in args) psi.ArgumentList.Add(a);
            // No network and no user configuration for pip; fixed git identity.
            psi.Environment["PIP_NO_INDEX"] = "1";
            psi.Environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
            psi.Environment["PIP_NO_CACHE_DIR"] = "1";
            psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
            psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
            psi.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
            if (env != null)
            {
                foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
            }
            Process p;
            try
            {
                p = Process.Start(psi)!;
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("'" + file + "' is not installed or not on PATH (" + ex.Message + "). " + InstallHint, ex);
            }
            using (p)
            {
                var stdout = p.StandardOutput.ReadToEndAsync();
                var stderr = p.StandardError.ReadToEndAsync();
                if (!p.WaitForExit(timeoutSeconds * 1000))
                {
                    try { p.Kill(true); } catch (InvalidOperationException) { }
                    throw new TimeoutException(file + " " + string.Join(" ", args) + " did not finish in " + timeoutSeconds + " s.");
                }
                p.WaitForExit();
                return new Result { ExitCode = p.ExitCode, Output = stdout.Result, Error = stderr.Result };
            }
        }

        public static Result Check(string file, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? env = null, int timeoutSeconds = 300)
        {
            var r = Run(file, args, workingDirectory, env, timeoutSeconds);
            if (r.ExitCode != 0) throw new InvalidOperationException(file + " " + string.Join(" ", args) + " failed: " + r);
            return r;
        }

        public const string InstallHint = "The real-tool tests need python3 with venv, hatchling, build, twine and git: apt-get install -y --no-install-recommends python3-hatchling python3-build twine git (.ci/run does this), or set PYPACKAGING_SKIP_PYTHON_TOOLS=1 to skip them.";

        /// <summary>Fails clearly when a Python module is missing (unless skipping was asked for).</summary>
        public static void RequirePythonModule(string python, string module)
        {
            var r = Run(python, new[] { "-c", "import " + module });
            if (r.ExitCode != 0) throw new InvalidOperationException("The Python module '" + module + "' is missing for " + python + ". " + InstallHint + Environment.NewLine + r.Error);
        }
    }

    /// <summary>Project trees for Build-PySdist tests.</summary>
    public static class BuildFixtures
    {
        public const string SimplePyproject = "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n" +
            "[project]\nname = \"Demo.Pkg\"\nversion = \"1.0.0\"\ndescription = \"A demo package\"\nreadme = \"README.md\"\nrequires-python = \">=3.8\"\n" +
            "authors = [{ name = \"Ada Lovelace\", email = \"ada@example.org\" }]\nkeywords = [\"demo\", \"sdist\"]\n" +
            "classifiers = [\"Programming Language :: Python :: 3\", \"License :: OSI Approved :: MIT License\"]\n" +
            "dependencies = [\"requests>=2\", \"tomli; python_version < '3.11'\"]\n\n" +
            "[project.optional-dependencies]\ntest = [\"pytest>=7\"]\n\n" +
            "[project.urls]\nHomepage = \"https://example.org/demo\"\n";

        public static string Write(string root, string relative, string content)
        {
            string full = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, Encoding.UTF8.GetBytes(content));
            return full;
        }

        /// <summary>A clean static-metadata hatchling project (src layout, a script with an execute bit, a test).</summary>
        public static string Clean(string parent, string name = "project", string? pyproject = null)
        {
            string root = Path.Combine(parent, name);
            Directory.CreateDirectory(root);
            Write(root, "pyproject.toml", pyproject ?? SimplePyproject);
            Write(root, "README.md", "# Demo.Pkg\n\nA demo package for Build-PySdist tests.\n");
            Write(root, "src/demo_pkg/__init__.py", "__version__ = \"1.0.0\"\n");
            Write(root, "src/demo_pkg/core.py", "def answer():\n    return 42\n");
            Write(root, "src/demo_pkg/data/values.json", "{\"a\": 1}\n");
            Write(root, "tests/test_core.py", "from demo_pkg.core import answer\n\ndef test_answer():\n    assert answer() == 42\n");
            string script = Write(root, "scripts/run.sh", "#!/bin/sh\necho hi\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
            Write(root, ".gitignore", "*.log\nbuild/\n");
            Write(root, "debug.log", "noise\n");
            return root;
        }

        /// <summary>
        /// The uv#14897 seed: a clean project plus venv/ (python3 -m venv --without-pip: an absolute interpreter link),
        /// .uv-cache/ with CACHEDIR.TAG and an interpreter link, .git/ (git init), __pycache__/, a nested .gitignore
        /// and an in-tree symlinked file.
        /// </summary>
        public static string Seed(string parent, string name = "seed")
        {
            Tool.RequirePythonAndGit();
            string root = Clean(parent, name);
            Tool.Check("python3", new[] { "-m", "venv", "--without-pip", Path.Combine(root, "venv") });
            Write(root, ".uv-cache/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by uv.\n");
            Write(root, ".uv-cache/.gitignore", "*\n");
            Directory.CreateDirectory(Path.Combine(root, ".uv-cache/builds-v0/env/bin"));
            File.CreateSymbolicLink(Path.Combine(root, ".uv-cache/builds-v0/env/bin/python"), "/usr/bin/python3");
            Tool.Check("git", new[] { "init", "-q", root });
            Write(root, "src/demo_pkg/__pycache__/core.cpython-311.pyc", "\u0001bytecode");
            Write(root, "src/demo_pkg/.gitignore", "generated.txt\n");
            Write(root, "src/demo_pkg/generated.txt", "generated at build time\n");
            Write(root, "src/demo_pkg/real.txt", "real content\n");
            File.CreateSymbolicLink(Path.Combine(root, "src/demo_pkg/linked.txt"), "real.txt");
            return root;
        }

        /// <summary>Member names and contents of a .tar.gz, read by Python's tarfile (the consumer's view).</summary>
        public static List<string> PythonTarNames(string archive)
        {
            var r = Tool.Check("python3", new[] { "-c", "import sys, tarfile\nwith tarfile.open(sys.argv[1]) as t:\n    for m in t.getmembers():\n        print(m.name + '\\t' + ('f' if m.isfile() else 'd' if m.isdir() else 'l'))", archive });
            return r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
    }
}
