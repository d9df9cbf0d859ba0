using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Building;
using PyPackaging.Building.Project;
using PyPackaging.Building.Vcs;
using PyPackaging.Building.Versions;
using PyPackaging.Core.Tests.Support;
using Xunit;

namespace PyPackaging.Core.Tests.Building.Versions
{
    /// <summary>
    /// Dynamic versions resolved natively on projects made here: real git repositories (git is a test dependency, as
    /// in CI) for the VCS sources, real files for the file sources. The comparisons with the real backends on the same
    /// trees are in <see cref="RealBackendVersionTests"/>.
    /// </summary>
    public sealed class DynamicVersionResolverTests
    {
        private const string HatchVcs = "[build-system]\nrequires = [\"hatchling\", \"hatch-vcs\"]\nbuild-backend = \"hatchling.build\"\n\n" +
            "[project]\nname = \"demo-vcs\"\ndynamic = [\"version\"]\n\n[tool.hatch.version]\nsource = \"vcs\"\n";

        private const string PdmScm = "[build-system]\nrequires = [\"pdm-backend\"]\nbuild-backend = \"pdm.backend\"\n\n" +
            "[project]\nname = \"demo-pdm\"\ndynamic = [\"version\"]\n\n[tool.pdm.version]\nsource = \"scm\"\n";

        private static readonly Func<string, string?> NoEnvironment = _ => null;

        private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1700000000);

        internal static void Git(string dir, params string[] args) => ExternalTool.Check("git", args, dir);

        internal static void InitRepository(string dir)
        {
            Git(dir, "init", "-q", "-b", "main");
            Git(dir, "config", "user.email", "t@example.org");
            Git(dir, "config", "user.name", "T");
            Git(dir, "config", "commit.gpgsign", "false");
            Git(dir, "config", "tag.gpgsign", "false");
        }

        internal static void Commit(string dir, string message)
        {
            Git(dir, "add", "-A");
            Git(dir, "commit", "-q", "--allow-empty", "-m", message);
        }

        private static DynamicVersionResult Resolve(string dir, Func<string, string?>? environment = null) =>
            DynamicVersionResolver.Resolve(PyprojectReader.Read(dir), dir, environment ?? NoEnvironment, Now);

        private static TempDir VcsProject(string pyproject = HatchVcs)
        {
            var temp = new TempDir();
            temp.File("pyproject.toml", pyproject);
            temp.File("src/demo_vcs/__init__.py", "");
            InitRepository(temp.Path);
            Commit(temp.Path, "one");
            return temp;
        }

        private static string Head(string dir) => ExternalTool.Check("git", new[] { "rev-parse", "--short=7", "HEAD" }, dir).Trim();

        [Fact]
        public void Tag_distance_dirty_and_prefix_follow_the_setuptools_scm_default_scheme()
        {
            using var temp = VcsProject();
            Git(temp.Path, "tag", "v1.2.0");
            var exact = Resolve(temp.Path);
            Assert.Equal("1.2.0", exact.Version);
            Assert.Contains("from git (tag v1.2.0) (setuptools-scm default scheme) via [tool.hatch.version] source = \"vcs\"", exact.Source);

            Commit(temp.Path, "two");
            Assert.Equal("1.2.1.dev1+g" + Head(temp.Path), Resolve(temp.Path).Version);
            Commit(temp.Path, "three");
            Commit(temp.Path, "four");
            Assert.Equal("1.2.1.dev3+g" + Head(temp.Path), Resolve(temp.Path).Version);

            temp.File("src/demo_vcs/__init__.py", "changed");
            Assert.Equal("1.2.1.dev3+g" + Head(temp.Path) + ".d20231114", Resolve(temp.Path).Version);

            // Dirty exactly on a tag: setuptools-scm counts distance 0.
            Commit(temp.Path, "five");
            Git(temp.Path, "tag", "v1.3.0");
            temp.File("src/demo_vcs/__init__.py", "changed again");
            Assert.Equal("1.3.1.dev0+g" + Head(temp.Path) + ".d20231114", Resolve(temp.Path).Version);

            // Untracked files do not make the tree dirty.
            Git(temp.Path, "checkout", "-q", "--", ".");
            temp.File("notes.txt", "untracked");
            Assert.Equal("1.3.0", Resolve(temp.Path).Version);
        }

        [Fact]
        public void No_tag_counts_every_commit_from_0_0_and_tags_without_digits_are_not_candidates()
        {
            using var temp = VcsProject();
            Commit(temp.Path, "two");
            Git(temp.Path, "tag", "release");
            Assert.Equal("0.1.dev2+g" + Head(temp.Path), Resolve(temp.Path).Version);
        }

        [Fact]
        public void SOURCE_DATE_EPOCH_dates_a_dirty_tree_for_setuptools_scm()
        {
            using var temp = VcsProject();
            Git(temp.Path, "tag", "1.0");
            temp.File("src/demo_vcs/__init__.py", "changed");
            var result = DynamicVersionResolver.Resolve(PyprojectReader.Read(temp.Path), temp.Path, n => n == "SOURCE_DATE_EPOCH" ? "86400" : null);
            Assert.Equal("1.1.dev0+g" + Head(temp.Path) + ".d19700102", result.Version);
        }

        [Fact]
        public void Pretend_versions_win_and_the_named_one_needs_a_dist_name()
        {
            using var temp = VcsProject();
            var env = new Dictionary<string, string> { ["SETUPTOOLS_SCM_PRETEND_VERSION"] = "2.0", ["SETUPTOOLS_SCM_PRETEND_VERSION_FOR_DEMO_VCS"] = "3.0" };
            var hatch = Resolve(temp.Path, n => env.TryGetValue(n, out var v) ? v : null);
            Assert.Equal("2.0", hatch.Version); // hatch-vcs passes no dist_name to setuptools-scm
            Assert.Contains("from SETUPTOOLS_SCM_PRETEND_VERSION via", hatch.Source);

            temp.File("pyproject.toml", HatchVcs + "raw-options = { dist_name = \"demo-vcs\" }\n");
            Assert.Equal("3.0", Resolve(temp.Path, n => env.TryGetValue(n, out var v) ? v : null).Version);

            temp.File("pyproject.toml", PdmScm);
            Assert.Equal("4.0", Resolve(temp.Path, n => n == "PDM_BUILD_SCM_VERSION" ? "4.0" : env.TryGetValue(n, out var v) ? v : null).Version);
        }

        [Fact]
        public void Without_a_repository_the_fallbacks_apply_else_a_clear_error()
        {
            using var temp = new TempDir();
            temp.File("pyproject.toml", HatchVcs);
            var none = Resolve(temp.Path);
            Assert.Equal(DynamicVersionResolver.UnresolvedId, none.ProblemId);
            Assert.Contains("there is no .git in", none.Problem);
            Assert.Contains("fallback-version", none.Problem);

            temp.File("pyproject.toml", HatchVcs + "fallback-version = \"0.0.0\"\n");
            Assert.Equal("0.0.0", Resolve(temp.Path).Version);

            // An unpacked sdist: setuptools-scm reads PKG-INFO before the fallback version.
            temp.File("PKG-INFO", "Metadata-Version: 2.1\nName: demo-vcs\nVersion: 1.4.2\n\nbody\n");
            var fromPkgInfo = Resolve(temp.Path);
            Assert.Equal("1.4.2", fromPkgInfo.Version);
            Assert.Contains("from PKG-INFO", fromPkgInfo.Source);

            temp.File("pyproject.toml", PdmScm);
            Assert.Contains("PDM_BUILD_SCM_VERSION", Resolve(temp.Path).Problem);
            temp.File("pyproject.toml", PdmScm + "fallback_version = \"0.9\"\n");
            Assert.Equal("0.9", Resolve(temp.Path).Version);
        }

        [Fact]
        public void A_project_below_the_repository_root_needs_root_or_search_parent_directories()
        {
            using var temp = new TempDir();
            temp.File("pkg/pyproject.toml", HatchVcs);
            InitRepository(temp.Path);
            Commit(temp.Path, "one");
            Git(temp.Path, "tag", "1.0");
            string project = Path.Combine(temp.Path, "pkg");
            var refused = Resolve(project);
            Assert.Equal(DynamicVersionResolver.UnresolvedId, refused.ProblemId);

            Assert.Contains("set root = \"..\"", refused.Problem);

            temp.File("pkg/pyproject.toml", HatchVcs + "raw-options = { root = \"..\" }\n");
            Commit(temp.Path, "root");
            Git(temp.Path, "tag", "1.1");
            Assert.Equal("1.1", Resolve(project).Version);
            temp.File("pkg/pyproject.toml", HatchVcs + "raw-options = { search_parent_directories = true }\n");
            Commit(temp.Path, "search");
            Git(temp.Path, "tag", "1.2");
            Assert.Equal("1.2", Resolve(project).Version);
        }

        /// <summary>
        /// pdm-backend is not installable here: the expectation is its documented behaviour (pdm-backend docs, "Dynamic
        /// project version": source = "scm", PDM_BUILD_SCM_VERSION, write_to/write_template) and its source
        /// (src/pdm/backend/hooks/version/scm.py: git describe --match *.*, distance 0 read as exact even when dirty,
        /// then "+d{date}"; an unmatched tag reads as 0.0.0).
        /// </summary>
        [Fact]
        public void Pdm_scm_matches_only_dotted_tags_and_keeps_the_tag_when_dirty_on_it()
        {
            using var temp = VcsProject(PdmScm);
            Git(temp.Path, "tag", "v2");
            Assert.Equal("0.1.dev1+g" + Head(temp.Path), Resolve(temp.Path).Version);
            Git(temp.Path, "tag", "v2.1");
            temp.File("src/demo_vcs/__init__.py", "changed");
            Assert.Equal("2.1+d" + DateTimeOffset.UtcNow.ToString("yyyyMMdd"), DynamicVersionResolver.Resolve(PyprojectReader.Read(temp.Path), temp.Path, NoEnvironment).Version);
        }

        [Fact]
        public void No_git_is_an_error_naming_git()
        {
            using var temp = VcsProject();
            GitProcess.ExecutableOverride.Value = Path.Combine(temp.Path, "no-such-git");
            try
            {
                var result = Resolve(temp.Path);
                Assert.Equal(DynamicVersionResolver.UnresolvedId, result.ProblemId);
                Assert.Contains("git is not installed", result.Problem);
            }
            finally
            {
                GitProcess.ExecutableOverride.Value = null;
            }
        }

        [Fact]
        public void Version_files_use_the_tools_templates_and_land_where_the_tool_writes_them()
        {
            using var temp = VcsProject(HatchVcs + "\n[tool.hatch.build.hooks.vcs]\nversion-file = \"src/demo_vcs/_version.py\"\n");
            Git(temp.Path, "tag", "1.0.0");
            var result = Resolve(temp.Path);
            // The template cases below edit the tracked pyproject.toml (a dirty tree): the version is pretended.
            Func<string, string?> pretend = n => n == "SETUPTOOLS_SCM_PRETEND_VERSION" || n == "PDM_BUILD_SCM_VERSION" ? "1.0.0" : null;
            Assert.Equal("src/demo_vcs/_version.py", result.VersionFilePath);
            Assert.Equal("# file generated by setuptools_scm\n# don't change, don't track in version control\n__version__ = version = '1.0.0'\n__version_tuple__ = version_tuple = (1, 0, 0)\n",
                Encoding.UTF8.GetString(result.VersionFileContent!));

            temp.File("pyproject.toml", HatchVcs + "\n[tool.hatch.build.hooks.vcs]\nversion-file = \"VERSION.txt\"\n");
            Assert.Equal("1.0.0", Encoding.UTF8.GetString(Resolve(temp.Path, pretend).VersionFileContent!));
            temp.File("pyproject.toml", HatchVcs + "\n[tool.hatch.build.hooks.vcs]\nversion-file = \"v.cfg\"\ntemplate = \"[v]\\nversion = {version}\\n\"\n");
            Assert.Equal("[v]\nversion = 1.0.0\n", Encoding.UTF8.GetString(Resolve(temp.Path, pretend).VersionFileContent!));
            temp.File("pyproject.toml", HatchVcs + "\n[tool.hatch.build.hooks.vcs]\nversion-file = \"v.cfg\"\n");
            Assert.Equal(DynamicVersionResolver.UnresolvedId, Resolve(temp.Path, pretend).ProblemId);

            // pdm-backend: write_template formatted with the version, below src/ when the project has one.
            temp.File("pyproject.toml", PdmScm + "write_to = \"demo_vcs/_version.py\"\nwrite_template = \"__version__ = '{}'\"\n");
            var pdm = Resolve(temp.Path, pretend);
            Assert.Equal("src/demo_vcs/_version.py", pdm.VersionFilePath);
            Assert.Equal("__version__ = '1.0.0'", Encoding.UTF8.GetString(pdm.VersionFileContent!));

            // The plan packs the generated file (replacing a stale one) and PKG-INFO carries the version.
            temp.File("pyproject.toml", HatchVcs + "\n[tool.hatch.build.hooks.vcs]\nversion-file = \"src/demo_vcs/_version.py\"\n");
            temp.File("src/demo_vcs/_version.py", "stale");
            temp.File(".gitignore", "src/demo_vcs/_version.py\n");
            Commit(temp.Path, "ignore");
            Git(temp.Path, "tag", "1.0.1");
            var plan = SdistBuilder.Plan(new SdistBuildOptions(temp.Path));
            Assert.True(plan.CanBuild, string.Join("\n", plan.Problems));
            Assert.Equal("demo_vcs-1.0.1.tar.gz", Path.GetFileName(plan.ArchivePath));
            var versionFile = Assert.Single(plan.Members, m => m.RelativePath == "src/demo_vcs/_version.py");
            Assert.Contains("__version__ = version = '1.0.1'", Encoding.UTF8.GetString(versionFile.Content!));
            Assert.Contains("\nVersion: 1.0.1\n", Encoding.UTF8.GetString(plan.Members.Single(m => m.RelativePath == "PKG-INFO").Content!));
            Assert.Contains("tag 1.0.1", plan.VersionSource);
        }

        [Fact]
        public void File_sources_hatch_regex_pdm_file_and_flit_module()
        {
            using var temp = new TempDir();
            const string hatch = "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n[project]\nname = \"demo\"\ndynamic = [\"version\"]\n[tool.hatch.version]\n";
            temp.File("src/demo/__about__.py", "# x\nVERSION = 'v1.0.0-beta.2'\n__version__ = \"9\"\n");
            temp.File("pyproject.toml", hatch + "path = \"src/demo/__about__.py\"\n");
            var r = Resolve(temp.Path);
            Assert.Equal("1.0.0b2", r.Version);
            Assert.Equal("version 1.0.0b2 from src/demo/__about__.py (line 2) via [tool.hatch.version] path", r.Source);
            temp.File("pyproject.toml", hatch + "path = \"src/demo/__about__.py\"\npattern = \"__version__ = \\\"(?P<version>[^\\\"]+)\\\"\"\n");
            Assert.Equal("9", Resolve(temp.Path).Version);
            temp.File("pyproject.toml", hatch + "path = \"src/demo/missing.py\"\n");
            Assert.Contains("file does not exist: src/demo/missing.py", Resolve(temp.Path).Problem);
            temp.File("pyproject.toml", hatch + "source = \"code\"\npath = \"x.py\"\n");
            Assert.Equal(DynamicVersionResolver.NotSupportedId, Resolve(temp.Path).ProblemId);

            const string pdm = "[build-system]\nrequires = [\"pdm-backend\"]\nbuild-backend = \"pdm.backend\"\n[project]\nname = \"demo\"\ndynamic = [\"version\"]\n[tool.pdm.version]\nsource = \"file\"\npath = \"src/demo/__about__.py\"\n";
            temp.File("pyproject.toml", pdm);
            Assert.Equal("9", Resolve(temp.Path).Version);

            const string flit = "[build-system]\nrequires = [\"flit_core\"]\nbuild-backend = \"flit_core.buildapi\"\n[project]\nname = \"demo\"\ndynamic = [\"version\", \"description\"]\n";
            temp.File("src/demo/__init__.py", "\"\"\"The demo.\"\"\"\n__version__ = '2.0'\n");
            temp.File("pyproject.toml", flit);
            var f = Resolve(temp.Path);
            Assert.Equal(("2.0", "The demo."), (f.Version, f.Summary));
            temp.File("demo.py", "__version__ = '3.0'\n");
            Assert.Contains("multiple files or folders could be module demo", Resolve(temp.Path).Problem);
            File.Delete(Path.Combine(temp.Path, "demo.py"));
            temp.File("src/demo/__init__.py", "\"\"\"The demo.\"\"\"\nfrom ._v import __version__\n");
            Assert.Equal(DynamicVersionResolver.NotSupportedId, Resolve(temp.Path).ProblemId);
            temp.File("pyproject.toml", flit.Replace("name = \"demo\"", "name = \"other\"") + "[tool.flit.module]\nname = \"demo\"\n");
            temp.File("src/demo/__init__.py", "'''Doc.'''\n__version__ = '4.0'\n");
            Assert.Equal("4.0", Resolve(temp.Path).Version);
        }

        [Fact]
        public void A_flit_version_that_needs_an_import_is_the_only_problem_and_keeps_its_id()
        {
            using var temp = new TempDir();
            temp.File("pyproject.toml", "[build-system]\nrequires = [\"flit_core\"]\nbuild-backend = \"flit_core.buildapi\"\n[project]\nname = \"demo\"\ndynamic = [\"version\", \"description\"]\n");
            temp.File("demo.py", "\"\"\"Doc.\"\"\"\nfrom importlib.metadata import version\n__version__ = version('demo')\n");
            var plan = SdistBuilder.Plan(new SdistBuildOptions(temp.Path));
            Assert.Equal(DynamicVersionResolver.NotSupportedId, plan.ProblemId);
            Assert.Contains("flit_core would import the module", Assert.Single(plan.Problems));
        }

        [Fact]
        public void Unsupported_schemes_are_not_native()
        {
            using var temp = VcsProject(HatchVcs + "raw-options = { version_scheme = \"post-release\" }\n");
            var r = Resolve(temp.Path);
            Assert.Equal(DynamicVersionResolver.NotSupportedId, r.ProblemId);
            Assert.Contains("version_scheme", r.Problem);

            temp.File("pyproject.toml", "[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n[project]\nname = \"x\"\ndynamic = [\"version\"]\n[tool.setuptools.dynamic]\nversion = { attr = \"x.__version__\" }\n");
            Assert.Equal(DynamicVersionResolver.NotSupportedId, Resolve(temp.Path).ProblemId);
        }
    }
}
