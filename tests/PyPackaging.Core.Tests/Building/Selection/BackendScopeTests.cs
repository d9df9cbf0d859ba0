using System;
using System.IO;
using System.Linq;
using PyPackaging.Building;
using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Building.Selection
{
    /// <summary>
    /// What each backend packs on its defaults, through the native plan. flit_core and hatchling are also compared with
    /// the real backends in tests/PyPackaging.Tests/BackendSelectionRealToolTests.cs; uv_build and pdm-backend are not
    /// installable here, so their cases follow their documentation (cited on each test).
    /// </summary>
    public class BackendScopeTests
    {
        private static string Head(string backend, string name = "demo") =>
            "[build-system]\nrequires = [\"x\"]\nbuild-backend = \"" + backend + "\"\n[project]\nname = \"" + name + "\"\nversion = \"1.0\"\nreadme = \"README.md\"\n";

        private static SdistBuildPlan PlanOf(string root, Action<SdistBuildOptions>? configure = null)
        {
            var options = new SdistBuildOptions(root);
            configure?.Invoke(options);
            return SdistBuilder.Plan(options);
        }

        private static string[] Packed(SdistBuildPlan plan) =>
            plan.Members.Select(m => m.RelativePath).OrderBy(p => p, StringComparer.Ordinal).ToArray();

        private static string Reason(SdistBuildPlan plan, string path) =>
            plan.Exclusions.Single(x => x.RelativePath == path).Reason;

        /// <summary>A tree every backend sees: a module, tests, docs, a stray script, a stale setuptools build and egg-info.</summary>
        private static string Tree(TempDir t, string pyproject, string module = "src/demo")
        {
            t.File("p/pyproject.toml", pyproject);
            t.File("p/README.md", "# demo\n");
            t.File("p/" + module + "/__init__.py", "");
            t.File("p/" + module + "/data.json", "{}");
            t.File("p/tests/test_demo.py", "");
            t.File("p/docs/index.md", "");
            t.File("p/tools/gen.py", "");
            t.File("p/build/lib/demo/__init__.py", "stale");
            t.File("p/build/bdist.linux-x86_64/wheel/demo/__init__.py", "stale");
            t.File("p/demo.egg-info/PKG-INFO", "stale");
            t.File("p/src/demo.egg-info/SOURCES.txt", "stale");
            return Path.Combine(t.Path, "p");
        }

        [Fact]
        public void A_stale_setuptools_build_tree_and_egg_info_are_build_outputs_but_a_projects_own_build_directory_is_not()
        {
            using var t = new TempDir();
            string root = Tree(t, Head("hatchling.build"));
            t.File("p/docs/build/html/index.html", "");
            var plan = PlanOf(root);
            Assert.True(plan.CanBuild, string.Join("\n", plan.Problems));
            Assert.Equal("BuildOutput", Reason(plan, "build"));
            Assert.Contains("setuptools build tree (build/bdist.linux-x86_64)", plan.Exclusions.Single(x => x.RelativePath == "build").Message);
            Assert.Equal("BuildOutput", Reason(plan, "demo.egg-info"));
            Assert.Equal("BuildOutput", Reason(plan, "src/demo.egg-info"));
            Assert.Contains("docs/build/html/index.html", Packed(plan));
            Assert.DoesNotContain(Packed(plan), p => p.StartsWith("build/", StringComparison.Ordinal) || p.Contains(".egg-info/", StringComparison.Ordinal));

            // A root build/ that holds no setuptools tree is the project's own (some projects keep build scripts there).
            using var t2 = new TempDir();
            t2.File("p/pyproject.toml", Head("hatchling.build"));
            t2.File("p/README.md", "");
            t2.File("p/build/make_release.py", "");
            Assert.Contains("build/make_release.py", Packed(PlanOf(Path.Combine(t2.Path, "p"))));
        }

        /// <summary>flit_core's SdistBuilder.select_files: the module (common.Module: name/ or name.py, at the root or in src/), pyproject.toml, readme and license files.</summary>
        [Fact]
        public void Flit_packs_its_module_and_the_metadata_files_only_and_never_looks_elsewhere()
        {
            using var t = new TempDir();
            string root = Tree(t, Head("flit_core.buildapi") + "license = { file = \"LICENSE\" }\n");
            t.File("p/LICENSE", "MIT\n");
            // A link escaping the project in a directory flit_core never reads is not the native build's business either.
            File.CreateSymbolicLink(Path.Combine(root, "docs", "escape.md"), "/etc/hostname");
            var plan = PlanOf(root);
            Assert.True(plan.CanBuild, string.Join("\n", plan.Problems));
            Assert.Equal(new[] { "LICENSE", "PKG-INFO", "README.md", "pyproject.toml", "src/demo/__init__.py", "src/demo/data.json" }, Packed(plan));
            Assert.Equal("NotIncluded", Reason(plan, "docs"));
            Assert.Contains("Outside what flit_core packs", plan.Exclusions.Single(x => x.RelativePath == "tests").Message);
        }

        [Fact]
        public void Flit_single_file_module_module_name_override_and_the_refusals_flit_core_makes()
        {
            using var t = new TempDir();
            t.File("a/pyproject.toml", Head("flit_core.buildapi", "my-tool"));
            t.File("a/README.md", "");
            t.File("a/my_tool.py", "");
            t.File("a/other.py", "");
            Assert.Equal(new[] { "PKG-INFO", "README.md", "my_tool.py", "pyproject.toml" }, Packed(PlanOf(Path.Combine(t.Path, "a"))));

            t.File("b/pyproject.toml", Head("flit_core.buildapi", "dist-name") + "[tool.flit.module]\nname = \"importable\"\n");
            t.File("b/README.md", "");
            t.File("b/src/importable/__init__.py", "");
            Assert.Equal(new[] { "PKG-INFO", "README.md", "pyproject.toml", "src/importable/__init__.py" }, Packed(PlanOf(Path.Combine(t.Path, "b"))));

            t.File("c/pyproject.toml", Head("flit_core.buildapi"));
            t.File("c/README.md", "");
            var missing = PlanOf(Path.Combine(t.Path, "c"));
            Assert.Equal("InvalidSourceTree", missing.ProblemId);
            Assert.Contains(missing.Problems, p => p.Contains("no module 'demo'", StringComparison.Ordinal));

            t.File("c/demo.py", "");
            t.File("c/src/demo/__init__.py", "");
            var twice = PlanOf(Path.Combine(t.Path, "c"));
            Assert.Contains(twice.Problems, p => p.Contains("more than one place", StringComparison.Ordinal) && p.Contains("demo.py, src/demo", StringComparison.Ordinal));
        }

        [Fact]
        public void An_unanchored_Include_still_wins_over_the_backends_scope()
        {
            using var t = new TempDir();
            string root = Tree(t, Head("flit_core.buildapi"));
            var plan = PlanOf(root, o => o.Include.Add("*.md"));
            Assert.Contains("docs/index.md", Packed(plan));
            Assert.DoesNotContain("tests/test_demo.py", Packed(plan));
            Assert.Equal("NotIncluded", Reason(plan, "tests/test_demo.py"));
        }

        /// <summary>
        /// uv_build, documented at docs.astral.sh/uv/concepts/build-backend ("Modules", "File inclusion and exclusion"):
        /// the sdist holds pyproject.toml, the module under module-root (default src/, name normalized with '_'), the
        /// readme and license files, the data directories and source-include; source-exclude and __pycache__/*.pyc/*.pyo
        /// are removed.
        /// </summary>
        [Fact]
        public void Uv_build_packs_the_module_under_module_root_data_directories_and_source_include()
        {
            using var t = new TempDir();
            string root = Tree(t, Head("uv_build", "Demo.Pkg") + "[tool.uv.build-backend]\nsource-include = [\"tools/gen.py\"]\nsource-exclude = [\"*.json\"]\n" +
                "[tool.uv.build-backend.data]\ndata = \"assets\"\n", "src/demo_pkg");
            t.File("p/assets/share/x.txt", "");
            t.File("p/src/other/__init__.py", "");
            var plan = PlanOf(root);
            Assert.True(plan.CanBuild, string.Join("\n", plan.Problems));
            Assert.Equal(new[] { "PKG-INFO", "README.md", "assets/share/x.txt", "pyproject.toml", "src/demo_pkg/__init__.py", "tools/gen.py" }, Packed(plan));
            Assert.Equal("BackendExclude", Reason(plan, "src/demo_pkg/data.json"));
            Assert.Equal("NotIncluded", Reason(plan, "src/other"));

            t.File("flat/pyproject.toml", Head("uv_build") + "[tool.uv.build-backend]\nmodule-root = \"\"\nmodule-name = \"FOO\"\n");
            t.File("flat/README.md", "");
            t.File("flat/FOO/__init__.py", "");
            t.File("flat/demo/__init__.py", "");
            Assert.Equal(new[] { "FOO/__init__.py", "PKG-INFO", "README.md", "pyproject.toml" }, Packed(PlanOf(Path.Combine(t.Path, "flat"))));

            t.File("none/pyproject.toml", Head("uv_build"));
            t.File("none/README.md", "");
            var missing = PlanOf(Path.Combine(t.Path, "none"));
            Assert.Equal("InvalidSourceTree", missing.ProblemId);
            Assert.Contains(missing.Problems, p => p.Contains("src/demo/", StringComparison.Ordinal) && p.Contains("module-root", StringComparison.Ordinal));
        }

        /// <summary>
        /// pdm-backend, documented at backend.pdm-project.org/build_config ("Default behavior"): without includes, the
        /// top-level packages under package-dir (src/ when it exists) and tests/ for the sdist; with no package, the
        /// top-level *.py files; includes replace the defaults, source-includes add, excludes remove.
        /// </summary>
        [Fact]
        public void Pdm_backend_packs_its_packages_and_tests_or_what_includes_says()
        {
            using var t = new TempDir();
            string root = Tree(t, Head("pdm.backend"));
            t.File("p/src/loose.py", "");
            var plan = PlanOf(root);
            Assert.True(plan.CanBuild, string.Join("\n", plan.Problems));
            Assert.Equal(new[] { "PKG-INFO", "README.md", "pyproject.toml", "src/demo/__init__.py", "src/demo/data.json", "tests/test_demo.py" }, Packed(plan));

            t.File("flat/pyproject.toml", Head("pdm.backend"));
            t.File("flat/README.md", "");
            t.File("flat/demo.py", "");
            t.File("flat/docs/conf.py", "");
            Assert.Equal(new[] { "PKG-INFO", "README.md", "demo.py", "pyproject.toml" }, Packed(PlanOf(Path.Combine(t.Path, "flat"))));

            t.File("inc/pyproject.toml", Head("pdm.backend") + "[tool.pdm.build]\nincludes = [\"demo\", \"data/*.json\"]\nsource-includes = [\"docs\"]\nexcludes = [\"demo/skip.py\"]\n");
            t.File("inc/README.md", "");
            t.File("inc/demo/__init__.py", "");
            t.File("inc/demo/skip.py", "");
            t.File("inc/data/a.json", "");
            t.File("inc/data/a.csv", "");
            t.File("inc/docs/index.md", "");
            t.File("inc/tests/test_demo.py", "");
            Assert.Equal(new[] { "PKG-INFO", "README.md", "data/a.json", "demo/__init__.py", "docs/index.md", "pyproject.toml" }, Packed(PlanOf(Path.Combine(t.Path, "inc"))));
        }

        [Fact]
        public void Hatch_settings_fall_back_to_tool_hatch_build_and_artifacts_bring_in_ignored_files()
        {
            using var t = new TempDir();
            string root = Tree(t, Head("hatchling.build") + "[tool.hatch.build]\nexclude = [\"docs\"]\nartifacts = [\"*.so\"]\n");
            t.File("p/.gitignore", "*.so\n");
            t.File("p/src/demo/_speedups.so", "elf");
            var plan = PlanOf(root);
            Assert.True(plan.CanBuild, string.Join("\n", plan.Problems));
            Assert.Contains("src/demo/_speedups.so", Packed(plan));
            Assert.Equal("BackendExclude", Reason(plan, "docs/index.md"));
            Assert.Contains(plan.Exclusions, x => x.Message.Contains("tool.hatch.build.exclude", StringComparison.Ordinal));
            Assert.DoesNotContain(plan.Warnings, w => w.Contains("[tool.hatch.build] exclude", StringComparison.Ordinal));

            // The sdist target's own key wins over [tool.hatch.build]; a renaming force-include is warned about.
            File.AppendAllText(Path.Combine(root, "pyproject.toml"), "[tool.hatch.build.targets.sdist]\nexclude = [\"tests\"]\n[tool.hatch.build.targets.sdist.force-include]\n\"tools/gen.py\" = \"gen.py\"\n");
            var target = PlanOf(root);
            Assert.Contains("docs/index.md", Packed(target));
            Assert.Equal("BackendExclude", Reason(target, "tests/test_demo.py"));
            Assert.Contains(target.Warnings, w => w.Contains("'tools/gen.py' = 'gen.py' is not applied", StringComparison.Ordinal));
        }
    }
}
