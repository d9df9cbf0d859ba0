using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PyPackaging.Building;
using PyPackaging.Core.Tests.Support;
using Xunit;

namespace PyPackaging.Core.Tests.Building.Versions
{
    /// <summary>
    /// The native dynamic version against the real backend on the same tree: Debian's /usr/bin/python3 with
    /// setuptools-scm 7.1.0, hatch-vcs 0.3.0, hatchling, flit_core 3.8.0 and setuptools 66 runs
    /// <c>python3 -m build --sdist --no-isolation</c>, and the test compares the sdist's version (file name and PKG-INFO
    /// <c>Version</c>), flit's Summary and the generated version file with the native plan. The native plan runs first,
    /// because the real backends write the version file into the tree. As in tests/PyPackaging.Tests/RealToolTests.cs:
    /// in CI (CI=true) a missing tool fails the test, PYPACKAGING_SKIP_PYTHON_TOOLS=1 skips, elsewhere it is skipped.
    /// </summary>
    public sealed class RealBackendVersionTests
    {
        private const string Python = "/usr/bin/python3";

        private const string HatchVcs = "[build-system]\nrequires = [\"hatchling\", \"hatch-vcs\"]\nbuild-backend = \"hatchling.build\"\n\n" +
            "[project]\nname = \"Demo.Vcs\"\ndynamic = [\"version\"]\ndescription = \"d\"\n\n[tool.hatch.version]\nsource = \"vcs\"\n\n" +
            "[tool.hatch.build.hooks.vcs]\nversion-file = \"src/demo_vcs/_version.py\"\n";

        private const string SetuptoolsScm = "[build-system]\nrequires = [\"setuptools>=64\", \"setuptools-scm>=7\"]\nbuild-backend = \"setuptools.build_meta\"\n\n" +
            "[project]\nname = \"Demo.Vcs\"\ndynamic = [\"version\"]\ndescription = \"d\"\n\n[tool.setuptools_scm]\nwrite_to = \"src/demo_vcs/_version.py\"\n";

        private static void RequireRealBackends()
        {
            bool skip = Environment.GetEnvironmentVariable("PYPACKAGING_SKIP_PYTHON_TOOLS") == "1";
            bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            bool present = ExternalTool.Succeeds("git", "--version")
                && ExternalTool.Succeeds(Python, "-c", "import build, hatchling, hatch_vcs, setuptools_scm, flit_core, setuptools");
            if (present) return;
            const string message = "The real-backend comparisons need git and " + Python + " with build, hatchling, hatch-vcs, setuptools-scm, flit_core and setuptools: "
                + "apt-get install -y python3-build python3-hatchling python3-hatch-vcs python3-setuptools-scm flit python3-setuptools git (.ci/run does this), or set PYPACKAGING_SKIP_PYTHON_TOOLS=1.";
            Skip.If(skip || !ci, message);
            throw new InvalidOperationException(message);
        }

        /// <summary>The states a VCS project's tree can be in, each reached with real git commands.</summary>
        public static IEnumerable<object[]> VcsCases()
        {
            foreach (var backend in new[] { "hatch-vcs", "setuptools-scm" })
            {
                foreach (var state in new[] { "exact", "distance-1", "distance-3", "dirty", "dirty-on-tag", "no-tags", "v-prefix-distance-2", "untracked-only" })
                {
                    yield return new object[] { backend, state };
                }
            }
        }

        [SkippableTheory]
        [MemberData(nameof(VcsCases))]
        public void Vcs_version_name_and_version_file_match_the_real_backend(string backend, string state)
        {
            RequireRealBackends();
            using var temp = new TempDir();
            string project = temp.Path;
            temp.File("pyproject.toml", backend == "hatch-vcs" ? HatchVcs : SetuptoolsScm);
            temp.File("src/demo_vcs/__init__.py", "\"\"\"Demo.\"\"\"\n");
            temp.File(".gitignore", "src/demo_vcs/_version.py\n*.egg-info/\ndist/\nout/\n");
            DynamicVersionResolverTests.InitRepository(project);
            DynamicVersionResolverTests.Commit(project, "one");
            string tag = state.StartsWith("v-prefix", StringComparison.Ordinal) ? "v1.2.0" : "1.2.0";
            if (state != "no-tags") DynamicVersionResolverTests.Git(project, "tag", tag);
            int distance = state switch { "distance-1" => 1, "distance-3" => 3, "dirty" => 2, "no-tags" => 2, "v-prefix-distance-2" => 2, _ => 0 };
            for (int i = 0; i < distance; i++)
            {
                temp.File("src/demo_vcs/__init__.py", "\"\"\"Demo.\"\"\"\nx = " + i + "\n");
                DynamicVersionResolverTests.Commit(project, "c" + i);
            }
            if (state.StartsWith("dirty", StringComparison.Ordinal)) temp.File("src/demo_vcs/__init__.py", "\"\"\"Demo.\"\"\"\n# edited\n");
            if (state == "untracked-only") temp.File("src/demo_vcs/new.py", "");

            var plan = SdistBuilder.Plan(new SdistBuildOptions(project) { OutputDirectory = Path.Combine(project, "out") });
            Assert.True(plan.Problems.Count == 0, string.Join("\n", plan.Problems));
            string ourVersion = Regex.Match(Member(plan, "PKG-INFO"), "^Version: (.*)$", RegexOptions.Multiline).Groups[1].Value;
            string ourVersionFile = Member(plan, "src/demo_vcs/_version.py");

            var (theirName, theirs) = BuildReal(project, temp);
            string theirVersion = Regex.Match(theirs["PKG-INFO"], "^Version: (.*)$", RegexOptions.Multiline).Groups[1].Value;
            Assert.Equal(theirVersion, ourVersion);
            Assert.Equal(theirs["src/demo_vcs/_version.py"], ourVersionFile);
            // setuptools 66 (Debian) names the sdist before PEP 625 normalisation ("Demo.Vcs-…"); hatchling and the
            // native build write "demo_vcs-…". The version part is the same string.
            Assert.Equal("demo_vcs-" + theirVersion + ".tar.gz", Path.GetFileName(plan.ArchivePath));
            Assert.EndsWith("-" + theirVersion + ".tar.gz", theirName);
            if (backend == "hatch-vcs") Assert.Equal(theirName, Path.GetFileName(plan.ArchivePath));

            string expectedShape = state switch
            {
                "exact" => @"^1\.2\.0$",
                "untracked-only" => @"^1\.2\.0$",
                "distance-1" => @"^1\.2\.1\.dev1\+g[0-9a-f]{7}$",
                "distance-3" => @"^1\.2\.1\.dev3\+g[0-9a-f]{7}$",
                "dirty" => @"^1\.2\.1\.dev2\+g[0-9a-f]{7}\.d\d{8}$",
                "dirty-on-tag" => @"^1\.2\.1\.dev0\+g[0-9a-f]{7}\.d\d{8}$",
                "no-tags" => @"^0\.1\.dev3\+g[0-9a-f]{7}$",
                _ => @"^1\.2\.1\.dev2\+g[0-9a-f]{7}$",
            };
            Assert.Matches(expectedShape, ourVersion);
        }

        [SkippableFact]
        public void Flit_version_and_docstring_summary_match_flit_core()
        {
            RequireRealBackends();
            using var temp = new TempDir();
            temp.File("pyproject.toml", "[build-system]\nrequires = [\"flit_core >=3.2,<4\"]\nbuild-backend = \"flit_core.buildapi\"\n\n" +
                "[project]\nname = \"flit-demo\"\ndynamic = [\"version\", \"description\"]\n");
            temp.File("src/flit_demo/__init__.py", "# -*- coding: utf-8 -*-\n\"\"\"\n\tA demo\tmodule — with tabs.\n\nMore.\n\"\"\"\nimport os; __version__ = version = \"1.0.0-RC1\"  # normalised\n");
            var plan = SdistBuilder.Plan(new SdistBuildOptions(temp.Path) { OutputDirectory = Path.Combine(temp.Path, "out") });
            Assert.True(plan.Problems.Count == 0, string.Join("\n", plan.Problems));
            var (theirName, theirs) = BuildReal(temp.Path, temp);
            // flit_core 3.8 (Debian) names the sdist before PEP 625 normalisation; the version part is the same.
            Assert.Equal("flit-demo-1.0.0rc1.tar.gz", theirName);
            Assert.Equal("flit_demo-1.0.0rc1.tar.gz", Path.GetFileName(plan.ArchivePath));
            Assert.Equal(Header(theirs["PKG-INFO"], "Version"), Header(Member(plan, "PKG-INFO"), "Version"));
            Assert.Equal(Header(theirs["PKG-INFO"], "Summary"), Header(Member(plan, "PKG-INFO"), "Summary"));
        }

        [SkippableTheory]
        [InlineData("__version__ = 'v2.0.0'\n", null)]
        [InlineData("VERSION = \"3.1.post2\"\n", null)]
        [InlineData("__version__ = '9'\nrelease = \"4.0b1\"\n", "release = \\\"(?P<version>[^\\\"]+)\\\"")]
        public void Hatch_regex_source_matches_hatchling(string about, string? pattern)
        {
            RequireRealBackends();
            using var temp = new TempDir();
            temp.File("pyproject.toml", "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n" +
                "[project]\nname = \"hatch-demo\"\ndynamic = [\"version\"]\n\n[tool.hatch.version]\npath = \"src/hatch_demo/__about__.py\"\n"
                + (pattern == null ? string.Empty : "pattern = \"" + pattern + "\"\n"));
            temp.File("src/hatch_demo/__init__.py", "");
            temp.File("src/hatch_demo/__about__.py", "# about\n" + about);
            var plan = SdistBuilder.Plan(new SdistBuildOptions(temp.Path) { OutputDirectory = Path.Combine(temp.Path, "out") });
            Assert.True(plan.Problems.Count == 0, string.Join("\n", plan.Problems));
            var (theirName, theirs) = BuildReal(temp.Path, temp);
            Assert.Equal(theirName, Path.GetFileName(plan.ArchivePath));
            Assert.Equal(Header(theirs["PKG-INFO"], "Version"), Header(Member(plan, "PKG-INFO"), "Version"));
        }

        private static string Member(SdistBuildPlan plan, string relative) =>
            Encoding.UTF8.GetString(plan.Members.Single(m => m.RelativePath == relative).Content!);

        private static string Header(string pkgInfo, string name) =>
            Regex.Match(pkgInfo, "^" + name + ": (.*)$", RegexOptions.Multiline).Groups[1].Value;

        /// <summary>Runs the real backend; returns the sdist's file name and its PKG-INFO and version file (paths below the top directory).</summary>
        private static (string Name, Dictionary<string, string> Files) BuildReal(string project, TempDir temp)
        {
            string outDir = Path.Combine(temp.Path, "..", Path.GetFileName(temp.Path) + "-real");
            try
            {
                var (exitCode, stdout, stderr) = ExternalTool.RunIn(project, Python, new[] { "-m", "build", "--sdist", "--no-isolation", "--skip-dependency-check", "--outdir", outDir, "." });
                Assert.True(exitCode == 0, "python3 -m build failed:\n" + stdout + "\n" + stderr);
                string sdist = Directory.GetFiles(outDir, "*.tar.gz").Single();
                var files = new Dictionary<string, string>(StringComparer.Ordinal);
                using (var gz = new GZipStream(File.OpenRead(sdist), CompressionMode.Decompress))
                using (var tar = new TarReader(gz))
                {
                    for (TarEntry? e; (e = tar.GetNextEntry()) != null;)
                    {
                        string name = e.Name.Substring(e.Name.IndexOf('/') + 1);
                        if ((name == "PKG-INFO" || name.EndsWith("_version.py", StringComparison.Ordinal)) && e.DataStream != null && !files.ContainsKey(name))
                        {
                            using var reader = new StreamReader(e.DataStream, Encoding.UTF8);
                            files[name] = reader.ReadToEnd();
                        }
                    }
                }
                return (Path.GetFileName(sdist), files);
            }
            finally
            {
                if (Directory.Exists(outDir)) Directory.Delete(outDir, true);
            }
        }
    }
}
