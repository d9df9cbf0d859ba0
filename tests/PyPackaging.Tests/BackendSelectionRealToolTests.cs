using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PyPackaging.Tests.Infrastructure;

namespace PyPackaging.Tests
{
    /// <summary>
    /// The native file list against the real backend's sdist on the same tree (Debian flit_core 3.8 and hatchling
    /// 1.12.2 through /usr/bin/python3 -m build --sdist --no-isolation): equal, except the junk the backend wrongly
    /// packs, which each test names. Conventions as in <see cref="RealToolTests"/>: a missing tool fails in CI, skips
    /// elsewhere; PYPACKAGING_SKIP_PYTHON_TOOLS=1 skips. uv_build and pdm-backend are not installable here; their
    /// documented defaults are tested in PyPackaging.Core.Tests/Building/Selection/BackendScopeTests.cs.
    /// </summary>
    public class BackendSelectionRealToolTests
    {
        private const long Epoch = 1700000000;

        private const string FlitPyproject = "[build-system]\nrequires = [\"flit_core>=3.2.0,<4\"]\nbuild-backend = \"flit_core.buildapi\"\n\n" +
            "[project]\nname = \"tomli\"\nversion = \"2.0.1\"\ndescription = \"A lil' TOML parser\"\nreadme = \"README.md\"\n" +
            "license = { file = \"LICENSE\" }\nrequires-python = \">=3.7\"\n";

        private const string HatchPyproject = "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n" +
            "[project]\nname = \"hatched\"\nversion = \"0.3.0\"\ndescription = \"d\"\nreadme = \"README.md\"\n";

        /// <summary>
        /// A tomli-shaped tree: the package under src/, tests with data, docs, CI files, a benchmark, and the junk real
        /// trees carry — a stale setuptools build/, an egg-info, a venv with an absolute interpreter link, bytecode,
        /// and inside the package a .DS_Store and a tagged cache (which flit_core packs, since it packs the module's
        /// whole directory).
        /// </summary>
        private static string TomliTree(string parent, string tool)
        {
            string root = Path.Combine(parent, "tomli");
            BuildFixtures.Write(root, "pyproject.toml", FlitPyproject + tool);
            BuildFixtures.Write(root, "README.md", "# tomli\n");
            BuildFixtures.Write(root, "LICENSE", "MIT License\n");
            BuildFixtures.Write(root, "CHANGELOG.md", "# changes\n");
            BuildFixtures.Write(root, ".gitignore", "*.egg-info/\n");
            BuildFixtures.Write(root, "src/tomli/__init__.py", "\"\"\"A lil' TOML parser.\"\"\"\n");
            BuildFixtures.Write(root, "src/tomli/_parser.py", "def loads(s):\n    return {}\n");
            BuildFixtures.Write(root, "src/tomli/py.typed", "");
            BuildFixtures.Write(root, "src/tomli/__pycache__/_parser.cpython-311.pyc", "\u0001");
            BuildFixtures.Write(root, "src/tomli/.DS_Store", "finder");
            BuildFixtures.Write(root, "src/tomli/.pytest_cache/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n");
            BuildFixtures.Write(root, "src/tomli/.pytest_cache/v/cache/nodeids", "[]");
            BuildFixtures.Write(root, "tests/test_misc.py", "def test(): pass\n");
            BuildFixtures.Write(root, "tests/data/valid/array.toml", "a = [1]\n");
            BuildFixtures.Write(root, "tests/data/invalid/big.bin", "x");
            BuildFixtures.Write(root, "docs/index.md", "docs\n");
            BuildFixtures.Write(root, ".github/workflows/tests.yaml", "on: push\n");
            BuildFixtures.Write(root, "benchmark/run.py", "pass\n");
            BuildFixtures.Write(root, "build/lib/tomli/__init__.py", "stale\n");
            BuildFixtures.Write(root, "tomli.egg-info/PKG-INFO", "stale\n");
            BuildFixtures.Write(root, "venv/pyvenv.cfg", "home = /usr/bin\n");
            File.CreateSymbolicLink(Path.Combine(root, "venv", "python"), "/usr/bin/python3");
            return root;
        }

        /// <summary>A hatchling tree with the same junk at the top (hatchling packs all of it unless .gitignore lists it).</summary>
        private static string HatchTree(string parent, string tool)
        {
            string root = Path.Combine(parent, "hatched");
            BuildFixtures.Write(root, "pyproject.toml", HatchPyproject + tool);
            BuildFixtures.Write(root, "README.md", "# hatched\n");
            BuildFixtures.Write(root, "LICENSE.txt", "MIT\n");
            BuildFixtures.Write(root, ".gitignore", "*.log\n*.so\n");
            BuildFixtures.Write(root, "src/hatched/__init__.py", "");
            BuildFixtures.Write(root, "src/hatched/core.py", "x = 1\n");
            BuildFixtures.Write(root, "src/hatched/_speedups.so", "elf");
            BuildFixtures.Write(root, "src/hatched/data/values.json", "{}\n");
            BuildFixtures.Write(root, "tests/test_core.py", "def test(): pass\n");
            BuildFixtures.Write(root, "tests/fixtures/big.bin", "b");
            BuildFixtures.Write(root, "docs/index.md", "docs\n");
            BuildFixtures.Write(root, "docs/drafts/wip.md", "wip\n");
            BuildFixtures.Write(root, "scripts/release.py", "pass\n");
            BuildFixtures.Write(root, "debug.log", "noise\n");
            BuildFixtures.Write(root, "build/lib/hatched/__init__.py", "stale\n");
            BuildFixtures.Write(root, "build/bdist.linux-x86_64/wheel/hatched/__init__.py", "stale\n");
            BuildFixtures.Write(root, "src/hatched.egg-info/PKG-INFO", "stale\n");
            BuildFixtures.Write(root, "env/pyvenv.cfg", "home = /usr/bin\n");
            BuildFixtures.Write(root, "env/lib/python3.11/site-packages/six.py", "six\n");
            return root;
        }

        private static List<string> Native(string project, string output)
        {
            var (result, ps) = ModuleHost.Run("Build-PySdist -OutputDirectory $o -SourceDateEpoch " + Epoch, project, new Dictionary<string, object?> { ["o"] = output });
            Assert.Empty(ps.Streams.Error);
            var archive = result.Single(o => o.Prop<string>("EntryType") == "Archive");
            return Names(archive.Prop<string>("Archive"));
        }

        private static List<string> RealBackend(string project, string output)
        {
            var build = Tool.Run(Tool.DebianPython, new[] { "-m", "build", "--sdist", "--no-isolation", "--skip-dependency-check", "--outdir", output, project },
                env: new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.True(build.ExitCode == 0, build.ToString());
            return Names(Assert.Single(Directory.GetFiles(output, "*.tar.gz")));
        }

        private static List<string> Names(string archive) =>
            BuildFixtures.PythonTarNames(archive).Where(l => l.EndsWith("\tf", StringComparison.Ordinal) || l.EndsWith("\tl", StringComparison.Ordinal))
                .Select(l => l.Split('\t')[0]).OrderBy(n => n, StringComparer.Ordinal).ToList();

        /// <summary>Native equals real minus the named junk, and every named junk path was really packed by the backend.</summary>
        private static void AssertSameExceptJunk(List<string> real, List<string> native, string top, params string[] junkPrefixes)
        {
            var junk = real.Where(n => junkPrefixes.Any(j => n.StartsWith(top + "/" + j, StringComparison.Ordinal))).ToList();
            foreach (string j in junkPrefixes)
            {
                Assert.True(junk.Any(n => n.StartsWith(top + "/" + j, StringComparison.Ordinal)), "the backend was expected to pack " + j + " but did not: " + string.Join(", ", real));
            }

            Assert.Equal(real.Except(junk), native);
        }

        [SkippableTheory]
        [InlineData("")]
        [InlineData("[tool.flit.sdist]\ninclude = [\"tests/\", \"CHANGELOG.md\"]\nexclude = [\"tests/data/invalid\"]\n")]
        public void Flit_core_packs_the_same_files_as_the_native_build_except_the_junk_in_its_module(string tool)
        {
            Tool.RequireRealTools();
            Tool.RequirePythonModule(Tool.DebianPython, "flit_core");
            using var temp = new TempDir();
            string project = TomliTree(temp.Path, tool);
            var native = Native(project, temp.Combine("native"));
            var real = RealBackend(project, temp.Combine("real"));
            // What flit_core packs wrongly: the Finder file and the tagged pytest cache inside the package directory.
            AssertSameExceptJunk(real, native, "tomli-2.0.1", "src/tomli/.DS_Store", "src/tomli/.pytest_cache/");
            Assert.Equal(tool.Length == 0 ? 7 : 10, native.Count);
            Assert.DoesNotContain(native, n => n.Contains("/build/", StringComparison.Ordinal) || n.Contains("egg-info", StringComparison.Ordinal) || n.Contains("/venv/", StringComparison.Ordinal));
        }

        [SkippableTheory]
        [InlineData("plain", "")]
        [InlineData("include-exclude", "[tool.hatch.build.targets.sdist]\ninclude = [\"src\", \"tests\", \"/*.md\", \"build\", \"env\"]\nexclude = [\"tests/fixtures\"]\n")]
        [InlineData("only-include-artifacts", "[tool.hatch.build.targets.sdist]\nonly-include = [\"src\", \"docs\", \"build\"]\nartifacts = [\"*.so\"]\n")]
        [InlineData("global-exclude", "[tool.hatch.build]\nexclude = [\"docs/drafts\", \"scripts\"]\n")]
        public void Hatchling_packs_the_same_files_as_the_native_build_except_build_outputs_and_environments(string kind, string tool)
        {
            Tool.RequireRealTools();
            Tool.RequirePythonModule(Tool.DebianPython, "hatchling");
            using var temp = new TempDir();
            string project = HatchTree(temp.Path, tool);
            var native = Native(project, temp.Combine("native"));
            var real = RealBackend(project, temp.Combine("real"));
            // What hatchling 1.12.2 packs wrongly: the stale setuptools build tree, the egg-info and the virtual
            // environment (its directory is not named .venv and .gitignore does not list it).
            string[] junk = kind switch
            {
                "plain" => new[] { "build/", "src/hatched.egg-info/", "env/" },
                "include-exclude" => new[] { "build/", "src/hatched.egg-info/", "env/" },
                "only-include-artifacts" => new[] { "build/", "src/hatched.egg-info/" },
                _ => new[] { "build/", "src/hatched.egg-info/", "env/" },
            };
            AssertSameExceptJunk(real, native, "hatched-0.3.0", junk);
            if (kind == "only-include-artifacts") Assert.Contains("hatched-0.3.0/src/hatched/_speedups.so", native);
        }
    }
}
