using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PyPackaging.Tests.Infrastructure
{
    /// <summary>Real-shaped projects for Project-mode builds, and the real backends run on them directly.</summary>
    public static class ProjectFixtures
    {
        /// <summary>Debian's Python with build and every backend the Project-mode comparisons use.</summary>
        public static void RequireBackends()
        {
            Tool.RequireRealTools();
            foreach (var module in new[] { "setuptools", "setuptools_scm", "hatch_vcs", "poetry.core", "flit_core" })
            {
                if (Tool.SkipPythonTools) Skip.If(true, "PYPACKAGING_SKIP_PYTHON_TOOLS=1");
                if (Tool.Run(Tool.DebianPython, new[] { "-c", "import " + module }).ExitCode != 0)
                {
                    bool inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
                    string message = Tool.DebianPython + " lacks " + module + ": apt-get install -y python3-setuptools python3-setuptools-scm python3-hatch-vcs flit python3-poetry-core (.ci/run does this).";
                    Skip.If(!inCi, message);
                    throw new InvalidOperationException(message);
                }
            }
        }

        public static void Git(string dir, params string[] args) => Tool.Check("git", args, dir);

        /// <summary>git init with a fixed identity, everything committed.</summary>
        public static void CommitAll(string dir, string message = "initial", bool init = true)
        {
            if (init)
            {
                Git(dir, "init", "-q", "-b", "main");
                Git(dir, "config", "user.email", "t@example.org");
                Git(dir, "config", "user.name", "T");
                Git(dir, "config", "commit.gpgsign", "false");
            }
            Git(dir, "add", "-A");
            Git(dir, "commit", "-q", "-m", message);
        }

        /// <summary>setuptools with setup.py (version and packages there) and a MANIFEST.in that adds a data file.</summary>
        public static string SetuptoolsSetupPy(string parent, string name = "setuppy")
        {
            string root = Path.Combine(parent, name);
            BuildFixtures.Write(root, "pyproject.toml", "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n");
            BuildFixtures.Write(root, "setup.py", "from setuptools import setup, find_packages\nsetup(name='legacydemo', version='2.5.0', description='A legacy demo', packages=find_packages('src'), package_dir={'': 'src'})\n");
            BuildFixtures.Write(root, "MANIFEST.in", "include data/*.csv\nrecursive-include docs *.rst\n");
            BuildFixtures.Write(root, "README.rst", "Legacy demo\n===========\n");
            BuildFixtures.Write(root, "data/values.csv", "a,b\n1,2\n");
            BuildFixtures.Write(root, "data/notes.txt", "not in MANIFEST.in\n");
            BuildFixtures.Write(root, "docs/index.rst", "Docs\n");
            BuildFixtures.Write(root, "src/legacy_demo/__init__.py", "ANSWER = 42\n");
            BuildFixtures.Write(root, "src/legacy_demo/sub/__init__.py", "");
            BuildFixtures.Write(root, "tests/test_x.py", "def test(): pass\n");
            return root;
        }

        /// <summary>setuptools + setuptools-scm ([project] with a dynamic version), in git.</summary>
        public static string SetuptoolsScm(string parent, string name = "scm", string scmOptions = "")
        {
            string root = Path.Combine(parent, name);
            BuildFixtures.Write(root, "pyproject.toml", "[build-system]\nrequires = [\"setuptools>=61\", \"setuptools-scm>=7\"]\nbuild-backend = \"setuptools.build_meta\"\n\n" +
                "[project]\nname = \"scmdemo\"\ndynamic = [\"version\"]\n\n[tool.setuptools_scm]\n" + scmOptions);
            BuildFixtures.Write(root, "src/scmdemo/__init__.py", "");
            BuildFixtures.Write(root, "README.md", "# scm demo\n");
            BuildFixtures.Write(root, "notes/tracked.txt", "setuptools-scm's file finder packs every tracked file\n");
            return root;
        }

        /// <summary>poetry-core, metadata in [tool.poetry] only (no [project] table).</summary>
        public static string Poetry(string parent, string name = "poetry")
        {
            string root = Path.Combine(parent, name);
            BuildFixtures.Write(root, "pyproject.toml", "[build-system]\nrequires = [\"poetry-core>=1.0.0\"]\nbuild-backend = \"poetry.core.masonry.api\"\n\n" +
                "[tool.poetry]\nname = \"poetry-demo\"\nversion = \"0.4.1\"\ndescription = \"A poetry demo\"\nauthors = [\"Ada <ada@example.org>\"]\nreadme = \"README.md\"\n" +
                "packages = [{ include = \"poetry_demo\" }]\n\n[tool.poetry.dependencies]\npython = \">=3.8\"\n");
            BuildFixtures.Write(root, "README.md", "# poetry demo\n");
            BuildFixtures.Write(root, "poetry_demo/__init__.py", "");
            BuildFixtures.Write(root, "poetry_demo/core.py", "X = 1\n");
            BuildFixtures.Write(root, "tests/test_core.py", "def test(): pass\n");
            return root;
        }

        /// <summary>setuptools with static [project] metadata and a flat layout (package discovery by setuptools).</summary>
        public static string FlatSetuptools(string parent, string name = "flat")
        {
            string root = Path.Combine(parent, name);
            BuildFixtures.Write(root, "pyproject.toml", "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"flatdemo\"\nversion = \"1.0\"\n");
            BuildFixtures.Write(root, "flatdemo/__init__.py", "");
            BuildFixtures.Write(root, "README.md", "# flat demo\n");
            return root;
        }

        /// <summary>hatchling + hatch-vcs: the version from git tags.</summary>
        public static string HatchVcs(string parent, string name = "hatchvcs")
        {
            string root = Path.Combine(parent, name);
            BuildFixtures.Write(root, "pyproject.toml", "[build-system]\nrequires = [\"hatchling\", \"hatch-vcs\"]\nbuild-backend = \"hatchling.build\"\n\n" +
                "[project]\nname = \"vcs-demo\"\ndynamic = [\"version\"]\n\n[tool.hatch.version]\nsource = \"vcs\"\n");
            BuildFixtures.Write(root, "src/vcs_demo/__init__.py", "");
            BuildFixtures.Write(root, "README.md", "# vcs demo\n");
            return root;
        }

        /// <summary>
        /// The uv#14897 shape on top of a committed project: an untracked virtual environment (python3 -m venv: pyvenv.cfg
        /// and bin/python, an absolute link to the interpreter), .uv-cache/ with CACHEDIR.TAG, and a stale setuptools
        /// build/lib tree; .gitignore lists none of them.
        /// </summary>
        public static void AddUv14897Junk(string root, string venv = "py311")
        {
            Tool.Check(Tool.DebianPython, new[] { "-m", "venv", "--without-pip", Path.Combine(root, venv) });
            BuildFixtures.Write(root, venv + "/lib/python3.11/site-packages/leftover.py", "# installed by someone\n");
            BuildFixtures.Write(root, ".uv-cache/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by uv.\n");
            BuildFixtures.Write(root, ".uv-cache/sdists-v9/x/demo.py", "cached\n");
            BuildFixtures.Write(root, "build/lib/stale_module.py", "# left by an earlier setuptools run\n");
        }

        /// <summary>python -m build --sdist --no-isolation --skip-dependency-check run directly on the tree, as a user would; the sdist's path.</summary>
        public static string BuildDirectly(string project, string output)
        {
            // --skip-dependency-check: Debian's python3-hatchling lacks its dependency editables (see ProjectRunner).
            Tool.Check(Tool.DebianPython, new[] { "-m", "build", "--sdist", "--no-isolation", "--skip-dependency-check", "--outdir", output, project }, project);
            return Directory.GetFiles(output, "*.tar.gz").Single();
        }

        /// <summary>Member names of an sdist (files and directories as tarfile lists them), sorted.</summary>
        public static List<string> Members(string sdist) =>
            BuildFixtures.PythonTarNames(sdist).Select(l => l.Split('\t')[0].TrimEnd('/')).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
