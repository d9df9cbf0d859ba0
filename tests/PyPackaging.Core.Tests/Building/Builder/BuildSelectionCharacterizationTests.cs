using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Building;
using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Building.Builder
{
    /// <summary>
    /// Pins the complete outcome of planning a build of one rich project tree, for each backend's include/exclude
    /// settings: every member (with its mode), every exclusion with its reason and message, every warning, problem and
    /// honoured setting. Written before the file selection was restructured (issue 11) so that the restructuring can
    /// be shown to change nothing; a change to any line here is a change of behaviour.
    /// Changed deliberately once since (issue 10, backend-faithful selection): flit_core, uv_build and pdm-backend
    /// pack their module (flit/uv) or their includes (pdm) plus the metadata files and their include settings, not the
    /// whole tree, as those backends do; directories outside that scope are one NotIncluded line each.
    /// </summary>
    public class BuildSelectionCharacterizationTests
    {
        private const string Project =
            "[project]\nname = \"rich\"\nversion = \"1.0\"\nreadme = \"README.md\"\nlicense = \"MIT\"\n" +
            "license-files = [\"LICEN[CS]E*\", \"LICENSES/*.txt\"]\n";

        /// <summary>The same tree for every variant; only pyproject.toml's [build-system] and tool table differ.</summary>
        private static string RichTree(TempDir t, string buildSystem, string tool)
        {
            string r = Path.Combine(t.Path, "proj");
            t.File("proj/pyproject.toml", buildSystem + Project + tool);
            t.File("proj/README.md", "# rich\n");
            t.File("proj/LICENSE", "MIT\n");
            t.File("proj/LICENSES/MIT.txt", "MIT\n");
            t.File("proj/LICENSES/notes.md", "n\n");
            t.File("proj/PKG-INFO", "stale\n");
            t.File("proj/src/rich/__init__.py", "");
            t.File("proj/src/rich/mod.py", "x = 1\n");
            t.File("proj/src/rich/old.pyc", "");
            t.File("proj/src/rich/__pycache__/mod.cpython-312.pyc", "");
            t.File("proj/tests/test_rich.py", "");
            t.File("proj/tests/data/blob.bin", "b");
            t.File("proj/tests/data/keep.txt", "k");
            t.File("proj/.venv/pyvenv.cfg", "home = /usr/bin\n");
            t.File("proj/.venv/lib/site.py", "");
            t.File("proj/env2/pyvenv.cfg", "home = /usr/bin\n");
            t.File("proj/env2/LICENSE.txt", "venv's own\n");
            t.File("proj/conda/conda-meta/history", "");
            t.File("proj/cachey/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n");
            t.File("proj/cachey/data", "");
            t.File("proj/oddcache/CACHEDIR.TAG", "not the signature\n");
            t.File("proj/.git/HEAD", "ref: refs/heads/main\n");
            t.File("proj/.git/info/exclude", "secret.txt\n");
            t.File("proj/secret.txt", "s\n");
            t.File("proj/.hg/store", "");
            t.File("proj/.tox/env", "");
            t.File("proj/.mypy_cache/x", "");
            t.File("proj/.DS_Store", "");
            t.File("proj/dist/old.tar.gz", "");
            t.File("proj/docs/dist/kept.txt", "");
            t.File("proj/.gitignore", "*.log\nbuild/\n!keep.log\n");
            t.File("proj/app.log", "");
            t.File("proj/keep.log", "");
            t.File("proj/build/gen.py", "");
            t.File("proj/build/other.py", "");
            t.File("proj/docs/.gitignore", "draft.md\n");
            t.File("proj/docs/draft.md", "");
            t.File("proj/docs/index.md", "");
            t.File("proj/sub/nested/.gitignore", "*.tmp\n/only-here.txt\n");
            t.File("proj/sub/nested/a.tmp", "");
            t.File("proj/sub/nested/only-here.txt", "");
            t.File("proj/sub/a.tmp", "");
            t.File("proj/sub/only-here.txt", "");
            t.File("proj/tools/run.sh", "#!/bin/sh\n");
            File.SetUnixFileMode(Path.Combine(r, "tools", "run.sh"), (UnixFileMode)Convert.ToInt32("755", 8));
            File.CreateSymbolicLink(Path.Combine(r, "mod_link.py"), Path.Combine("src", "rich", "mod.py"));
            Directory.CreateSymbolicLink(Path.Combine(r, "pkg_link"), Path.Combine("src", "rich"));
            Directory.CreateSymbolicLink(Path.Combine(r, "src", "rich", "loop"), "..");
            File.CreateSymbolicLink(Path.Combine(r, ".venv", "python"), "/usr/bin/python3");
            File.CreateSymbolicLink(Path.Combine(r, "gone.log"), "nowhere");
            return r;
        }

        private static string Render(SdistBuildPlan plan, string root)
        {
            var sb = new StringBuilder();
            sb.Append("ProblemId: ").Append(plan.ProblemId ?? "-").Append('\n');
            foreach (var m in plan.Members)
            {
                sb.Append("+ ").Append(m.ArchivePath).Append(' ').Append(Convert.ToString(m.Mode, 8)).Append(m.IsGenerated ? " generated" : string.Empty).Append('\n');
            }
            foreach (var x in plan.Exclusions)
            {
                sb.Append("- ").Append(x.RelativePath).Append(x.IsDirectory ? "/" : string.Empty).Append(" [").Append(x.Reason).Append("] ").Append(x.Message).Append('\n');
            }
            foreach (var w in plan.Warnings) sb.Append("W ").Append(w).Append('\n');
            foreach (var p in plan.Problems) sb.Append("E ").Append(p).Append('\n');
            foreach (var h in plan.Honoured) sb.Append("H ").Append(h).Append('\n');
            return sb.ToString().Replace(root, "<root>").Replace(Path.GetDirectoryName(root)!, "<tmp>");
        }

        private static string PlanOf(string buildSystem, string tool, Action<SdistBuildOptions>? configure = null, Action<string>? alterTree = null)
        {
            using var t = new TempDir();
            string root = RichTree(t, buildSystem, tool);
            alterTree?.Invoke(root);
            var options = new SdistBuildOptions(root);
            configure?.Invoke(options);
            return Render(SdistBuilder.Plan(options), root);
        }

        private static void AssertPlan(string expected, string actual, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
        {
            if (expected != actual)
            {
                // The whole rendering, so a failure shows every line that moved.
                string dump = Environment.GetEnvironmentVariable("PYPACKAGING_DUMP_PLANS") ?? string.Empty;
                if (dump.Length > 0) File.AppendAllText(dump, "===== " + test + "\n" + actual);
                Assert.Fail("The plan changed. Actual:\n" + actual);
            }
        }

        private const string Hatch = "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n";


        [Fact]
        public void Hatchling_without_settings_and_the_callers_include_and_exclude() => AssertPlan(HatchPlain, PlanOf(Hatch, string.Empty, o =>
        {
            o.Include.Add("build/gen.py");
            o.Include.Add("*.tmp");
            o.Exclude.Add("docs/index.md");
            o.Exclude.Add("tests/data/keep.txt");
        }));

        [Fact]
        public void Hatchling_exclude_and_include() => AssertPlan(HatchIncludeExclude, PlanOf(Hatch,
            "[tool.hatch.build.targets.sdist]\nexclude = [\"tests/data\", \"*.sh\"]\ninclude = [\"src\", \"tests\", \"docs\", \"*.md\", \"!docs/dist\"]\n"));

        [Fact]
        public void Hatchling_only_include() => AssertPlan(HatchOnlyInclude, PlanOf(Hatch,
            "[tool.hatch.build.targets.sdist]\nonly-include = [\"src\", \"tools\", \"../up\"]\n", o => o.Include.Add("keep.log")));

        [Fact]
        public void Uv_build_source_include_and_exclude_and_a_table_of_another_backend() => AssertPlan(Uv, PlanOf(
            "[build-system]\nrequires = [\"uv_build\"]\nbuild-backend = \"uv_build\"\n",
            "[tool.uv.build-backend]\nsource-include = [\"build/gen.py\"]\nsource-exclude = [\"*.bin\", \"/docs/index.md\"]\n[tool.hatch.build.targets.sdist]\nexclude = [\"src\"]\n"));

        [Fact]
        public void Flit_include_and_exclude() => AssertPlan(Flit, PlanOf(
            "[build-system]\nrequires = [\"flit_core\"]\nbuild-backend = \"flit_core.buildapi\"\n",
            "[tool.flit.sdist]\ninclude = [\"app.log\", \"build\"]\nexclude = [\"tests/data\", \"sub/*.tmp\"]\n"));

        [Fact]
        public void Pdm_source_includes_includes_and_excludes() => AssertPlan(Pdm, PlanOf(
            "[build-system]\nrequires = [\"pdm-backend\"]\nbuild-backend = \"pdm.backend\"\n",
            "[tool.pdm.build]\nsource-includes = [\"build/other.py\"]\nincludes = [\"src\"]\nexcludes = [\"docs\", \"LICENSE\"]\n"));

        [Fact]
        public void Links_that_escape_or_dangle_and_bad_names_are_problems_unless_excluded() => AssertPlan(BrokenLinks, PlanOf(Hatch,
            "[tool.hatch.build.targets.sdist]\nexclude = [\"escape_excluded_by_backend\"]\n",
            o => o.Exclude.Add("escape_excluded_by_caller"),
            root =>
            {
                File.WriteAllText(Path.Combine(root, "..", "outside.txt"), "o");
                File.CreateSymbolicLink(Path.Combine(root, "escape"), "../outside.txt");
                File.CreateSymbolicLink(Path.Combine(root, "escape_excluded_by_caller"), "../outside.txt");
                File.CreateSymbolicLink(Path.Combine(root, "escape_excluded_by_backend"), "../outside.txt");
                File.CreateSymbolicLink(Path.Combine(root, "dangling.txt"), "nowhere");
                File.WriteAllText(Path.Combine(root, "tab\tname.py"), "");
                File.WriteAllText(Path.Combine(root, "aux.py"), "");
                File.WriteAllText(Path.Combine(root, "Readme.md"), "");
            }));

        private const string HatchPlain = """
ProblemId: -
+ rich-1.0/.gitignore 644
+ rich-1.0/LICENSE 644
+ rich-1.0/LICENSES/MIT.txt 644
+ rich-1.0/LICENSES/notes.md 644
+ rich-1.0/PKG-INFO 644 generated
+ rich-1.0/README.md 644
+ rich-1.0/build/gen.py 644
+ rich-1.0/docs/.gitignore 644
+ rich-1.0/docs/dist/kept.txt 644
+ rich-1.0/keep.log 644
+ rich-1.0/mod_link.py 644
+ rich-1.0/oddcache/CACHEDIR.TAG 644
+ rich-1.0/pkg_link/__init__.py 644
+ rich-1.0/pkg_link/mod.py 644
+ rich-1.0/pyproject.toml 644
+ rich-1.0/src/rich/__init__.py 644
+ rich-1.0/src/rich/mod.py 644
+ rich-1.0/sub/a.tmp 644
+ rich-1.0/sub/nested/.gitignore 644
+ rich-1.0/sub/nested/a.tmp 644
+ rich-1.0/sub/only-here.txt 644
+ rich-1.0/tests/data/blob.bin 644
+ rich-1.0/tests/test_rich.py 644
+ rich-1.0/tools/run.sh 755
- .DS_Store [SystemFile] .DS_Store is macOS Finder metadata and is never packed.
- .git/ [VersionControl] Version-control metadata (.git) is never packed.
- .hg/ [VersionControl] Version-control metadata (.hg) is never packed.
- .mypy_cache/ [ToolDirectory] .mypy_cache belongs to a development tool (environment or cache) and is never packed.
- .tox/ [ToolDirectory] .tox belongs to a development tool (environment or cache) and is never packed.
- .venv/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- PKG-INFO [Generated] PKG-INFO is generated from pyproject.toml; the project's own file is not packed.
- app.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- build/ [GitIgnore] Ignored by 'build/' (.gitignore line 2).
- cachey/ [CacheDirectory] This directory is a cache directory (it contains a CACHEDIR.TAG with the cache-directory signature).
- conda/ [VirtualEnvironment] This directory is a conda environment (it contains conda-meta/); environments must not be packed.
- dist/ [OutputDirectory] This is the output directory of the build.
- docs/draft.md [GitIgnore] Ignored by 'draft.md' (docs/.gitignore line 1).
- docs/index.md [ExcludePattern] Left out by the Exclude pattern 'docs/index.md' (Exclude line 1).
- env2/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- gone.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- pkg_link/__pycache__/ [BytecodeCache] Compiled Python bytecode is never packed.
- pkg_link/loop/rich/ [SymlinkLoop] This leads back to a directory that contains it (<root>/src/rich); following it would never end.
- pkg_link/old.pyc [BytecodeCache] Compiled Python bytecode is never packed.
- secret.txt [GitIgnore] Ignored by 'secret.txt' (.git/info/exclude line 1).
- src/rich/__pycache__/ [BytecodeCache] Compiled Python bytecode is never packed.
- src/rich/loop/ [SymlinkLoop] This leads back to a directory that contains it (<root>/src); following it would never end.
- src/rich/old.pyc [BytecodeCache] Compiled Python bytecode is never packed.
- sub/nested/only-here.txt [GitIgnore] Ignored by '/only-here.txt' (sub/nested/.gitignore line 2).
- tests/data/keep.txt [ExcludePattern] Left out by the Exclude pattern 'tests/data/keep.txt' (Exclude line 2).

""";
        private const string HatchIncludeExclude = """
ProblemId: -
+ rich-1.0/.gitignore 644
+ rich-1.0/LICENSE 644
+ rich-1.0/LICENSES/MIT.txt 644
+ rich-1.0/LICENSES/notes.md 644
+ rich-1.0/PKG-INFO 644 generated
+ rich-1.0/README.md 644
+ rich-1.0/docs/.gitignore 644
+ rich-1.0/docs/index.md 644
+ rich-1.0/pyproject.toml 644
+ rich-1.0/src/rich/__init__.py 644
+ rich-1.0/src/rich/mod.py 644
+ rich-1.0/tests/test_rich.py 644
- .DS_Store [SystemFile] .DS_Store is macOS Finder metadata and is never packed.
- .git/ [VersionControl] Version-control metadata (.git) is never packed.
- .hg/ [VersionControl] Version-control metadata (.hg) is never packed.
- .mypy_cache/ [ToolDirectory] .mypy_cache belongs to a development tool (environment or cache) and is never packed.
- .tox/ [ToolDirectory] .tox belongs to a development tool (environment or cache) and is never packed.
- .venv/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- PKG-INFO [Generated] PKG-INFO is generated from pyproject.toml; the project's own file is not packed.
- app.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- build/ [GitIgnore] Ignored by 'build/' (.gitignore line 2).
- cachey/ [CacheDirectory] This directory is a cache directory (it contains a CACHEDIR.TAG with the cache-directory signature).
- conda/ [VirtualEnvironment] This directory is a conda environment (it contains conda-meta/); environments must not be packed.
- dist/ [OutputDirectory] This is the output directory of the build.
- docs/dist/kept.txt [NotIncluded] Not matched by tool.hatch.build.targets.sdist.include.
- docs/draft.md [GitIgnore] Ignored by 'draft.md' (docs/.gitignore line 1).
- env2/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- gone.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- keep.log [NotIncluded] Not matched by tool.hatch.build.targets.sdist.include.
- mod_link.py [NotIncluded] Not matched by tool.hatch.build.targets.sdist.include.
- oddcache/CACHEDIR.TAG [NotIncluded] Not matched by tool.hatch.build.targets.sdist.include.
- pkg_link/__init__.py [NotIncluded] Not matched by tool.hatch.build.targets.sdist.include.
- pkg_link/__pycache__/ [BytecodeCache] Compiled Python bytecode is never packed.
- pkg_link/loop/rich/ [SymlinkLoop] This leads back to a directory that contains it (<root>/src/rich); following it would never end.
- pkg_link/mod.py [NotIncluded] Not matched by tool.hatch.build.targets.sdist.include.
- pkg_link/old.pyc [BytecodeCache] Compiled Python bytecode is never packed.
- secret.txt [GitIgnore] Ignored by 'secret.txt' (.git/info/exclude line 1).
- src/rich/__pycache__/ [BytecodeCache] Compiled Python bytecode is never packed.
- src/rich/loop/ [SymlinkLoop] This leads back to a directory that contains it (<root>/src); following it would never end.
- src/rich/old.pyc [BytecodeCache] Compiled Python bytecode is never packed.
- sub/a.tmp [NotIncluded] Not matched by tool.hatch.build.targets.sdist.include.
- sub/nested/.gitignore [NotIncluded] Not matched by tool.hatch.build.targets.sdist.include.
- sub/nested/a.tmp [GitIgnore] Ignored by '*.tmp' (sub/nested/.gitignore line 1).
- sub/nested/only-here.txt [GitIgnore] Ignored by '/only-here.txt' (sub/nested/.gitignore line 2).
- sub/only-here.txt [NotIncluded] Not matched by tool.hatch.build.targets.sdist.include.
- tests/data/blob.bin [BackendExclude] Left out by tool.hatch.build.targets.sdist.exclude 'tests/data'.
- tests/data/keep.txt [BackendExclude] Left out by tool.hatch.build.targets.sdist.exclude 'tests/data'.
- tools/run.sh [BackendExclude] Left out by tool.hatch.build.targets.sdist.exclude '*.sh'.
H tool.hatch.build.targets.sdist.exclude 'tests/data' leaves out matching files.
H tool.hatch.build.targets.sdist.exclude '*.sh' leaves out matching files.
H tool.hatch.build.targets.sdist.include 'src' restricts the sdist to matching files.
H tool.hatch.build.targets.sdist.include 'tests' restricts the sdist to matching files.
H tool.hatch.build.targets.sdist.include 'docs' restricts the sdist to matching files.
H tool.hatch.build.targets.sdist.include '*.md' restricts the sdist to matching files.
H tool.hatch.build.targets.sdist.include '!docs/dist' restricts the sdist to matching files.

""";
        private const string HatchOnlyInclude = """
ProblemId: -
+ rich-1.0/.gitignore 644
+ rich-1.0/LICENSE 644
+ rich-1.0/LICENSES/MIT.txt 644
+ rich-1.0/PKG-INFO 644 generated
+ rich-1.0/README.md 644
+ rich-1.0/keep.log 644
+ rich-1.0/pyproject.toml 644
+ rich-1.0/src/rich/__init__.py 644
+ rich-1.0/src/rich/mod.py 644
+ rich-1.0/tools/run.sh 755
- .DS_Store [SystemFile] .DS_Store is macOS Finder metadata and is never packed.
- .git/ [VersionControl] Version-control metadata (.git) is never packed.
- .hg/ [VersionControl] Version-control metadata (.hg) is never packed.
- .mypy_cache/ [ToolDirectory] .mypy_cache belongs to a development tool (environment or cache) and is never packed.
- .tox/ [ToolDirectory] .tox belongs to a development tool (environment or cache) and is never packed.
- .venv/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- LICENSES/notes.md [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- PKG-INFO [Generated] PKG-INFO is generated from pyproject.toml; the project's own file is not packed.
- app.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- build/ [GitIgnore] Ignored by 'build/' (.gitignore line 2).
- cachey/ [CacheDirectory] This directory is a cache directory (it contains a CACHEDIR.TAG with the cache-directory signature).
- conda/ [VirtualEnvironment] This directory is a conda environment (it contains conda-meta/); environments must not be packed.
- dist/ [OutputDirectory] This is the output directory of the build.
- docs/.gitignore [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- docs/dist/kept.txt [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- docs/draft.md [GitIgnore] Ignored by 'draft.md' (docs/.gitignore line 1).
- docs/index.md [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- env2/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- gone.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- mod_link.py [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- oddcache/CACHEDIR.TAG [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- pkg_link/__init__.py [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- pkg_link/__pycache__/ [BytecodeCache] Compiled Python bytecode is never packed.
- pkg_link/loop/rich/ [SymlinkLoop] This leads back to a directory that contains it (<root>/src/rich); following it would never end.
- pkg_link/mod.py [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- pkg_link/old.pyc [BytecodeCache] Compiled Python bytecode is never packed.
- secret.txt [GitIgnore] Ignored by 'secret.txt' (.git/info/exclude line 1).
- src/rich/__pycache__/ [BytecodeCache] Compiled Python bytecode is never packed.
- src/rich/loop/ [SymlinkLoop] This leads back to a directory that contains it (<root>/src); following it would never end.
- src/rich/old.pyc [BytecodeCache] Compiled Python bytecode is never packed.
- sub/a.tmp [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- sub/nested/.gitignore [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- sub/nested/a.tmp [GitIgnore] Ignored by '*.tmp' (sub/nested/.gitignore line 1).
- sub/nested/only-here.txt [GitIgnore] Ignored by '/only-here.txt' (sub/nested/.gitignore line 2).
- sub/only-here.txt [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- tests/data/blob.bin [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- tests/data/keep.txt [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
- tests/test_rich.py [NotIncluded] Not matched by tool.hatch.build.targets.sdist.only-include.
W [tool.hatch.build.targets.sdist.only-include] '../up' is not applied: patterns must be relative to the project root, without '..', '~', '\' or drive letters.
H tool.hatch.build.targets.sdist.only-include 'src' restricts the sdist to matching files.
H tool.hatch.build.targets.sdist.only-include 'tools' restricts the sdist to matching files.

""";
        private const string Uv = """
ProblemId: -
+ rich-1.0/LICENSE 644
+ rich-1.0/LICENSES/MIT.txt 644
+ rich-1.0/PKG-INFO 644 generated
+ rich-1.0/README.md 644
+ rich-1.0/build/gen.py 644
+ rich-1.0/pyproject.toml 644
+ rich-1.0/src/rich/__init__.py 644
+ rich-1.0/src/rich/mod.py 644
- .DS_Store [SystemFile] .DS_Store is macOS Finder metadata and is never packed.
- .git/ [VersionControl] Version-control metadata (.git) is never packed.
- .gitignore [NotIncluded] Outside what uv_build packs (uv_build's module, tool.uv.build-backend.source-include, and the metadata files).
- .hg/ [VersionControl] Version-control metadata (.hg) is never packed.
- .mypy_cache/ [ToolDirectory] .mypy_cache belongs to a development tool (environment or cache) and is never packed.
- .tox/ [ToolDirectory] .tox belongs to a development tool (environment or cache) and is never packed.
- .venv/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- LICENSES/notes.md [NotIncluded] Outside what uv_build packs (uv_build's module, tool.uv.build-backend.source-include, and the metadata files).
- PKG-INFO [Generated] PKG-INFO is generated from pyproject.toml; the project's own file is not packed.
- app.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- build/ [GitIgnore] Ignored by 'build/' (.gitignore line 2).
- cachey/ [CacheDirectory] This directory is a cache directory (it contains a CACHEDIR.TAG with the cache-directory signature).
- conda/ [VirtualEnvironment] This directory is a conda environment (it contains conda-meta/); environments must not be packed.
- dist/ [OutputDirectory] This is the output directory of the build.
- docs/ [NotIncluded] Outside what uv_build packs (uv_build's module, tool.uv.build-backend.source-include, and the metadata files).
- env2/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- gone.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- keep.log [NotIncluded] Outside what uv_build packs (uv_build's module, tool.uv.build-backend.source-include, and the metadata files).
- mod_link.py [NotIncluded] Outside what uv_build packs (uv_build's module, tool.uv.build-backend.source-include, and the metadata files).
- oddcache/ [NotIncluded] Outside what uv_build packs (uv_build's module, tool.uv.build-backend.source-include, and the metadata files).
- pkg_link/ [NotIncluded] Outside what uv_build packs (uv_build's module, tool.uv.build-backend.source-include, and the metadata files).
- secret.txt [GitIgnore] Ignored by 'secret.txt' (.git/info/exclude line 1).
- src/rich/__pycache__/ [BytecodeCache] Compiled Python bytecode is never packed.
- src/rich/loop/ [SymlinkLoop] This leads back to a directory that contains it (<root>/src); following it would never end.
- src/rich/old.pyc [BytecodeCache] Compiled Python bytecode is never packed.
- sub/ [NotIncluded] Outside what uv_build packs (uv_build's module, tool.uv.build-backend.source-include, and the metadata files).
- tests/ [NotIncluded] Outside what uv_build packs (uv_build's module, tool.uv.build-backend.source-include, and the metadata files).
- tools/ [NotIncluded] Outside what uv_build packs (uv_build's module, tool.uv.build-backend.source-include, and the metadata files).
W [tool.hatch.build.targets.sdist] is not applied: the project's build backend is 'uv_build', not the backend that table configures.
H tool.uv.build-backend.source-include 'build/gen.py' packs matching files even when ignored.
H tool.uv.build-backend.source-exclude '*.bin' leaves out matching files.
H tool.uv.build-backend.source-exclude '/docs/index.md' leaves out matching files.
H uv_build's module 'src/rich' restricts the sdist to matching files.

""";
        private const string Flit = """
ProblemId: -
+ rich-1.0/LICENSE 644
+ rich-1.0/LICENSES/MIT.txt 644
+ rich-1.0/PKG-INFO 644 generated
+ rich-1.0/README.md 644
+ rich-1.0/app.log 644
+ rich-1.0/build/gen.py 644
+ rich-1.0/build/other.py 644
+ rich-1.0/pyproject.toml 644
+ rich-1.0/src/rich/__init__.py 644
+ rich-1.0/src/rich/mod.py 644
- .DS_Store [SystemFile] .DS_Store is macOS Finder metadata and is never packed.
- .git/ [VersionControl] Version-control metadata (.git) is never packed.
- .gitignore [NotIncluded] Outside what flit_core packs (flit_core's module, tool.flit.sdist.include, and the metadata files).
- .hg/ [VersionControl] Version-control metadata (.hg) is never packed.
- .mypy_cache/ [ToolDirectory] .mypy_cache belongs to a development tool (environment or cache) and is never packed.
- .tox/ [ToolDirectory] .tox belongs to a development tool (environment or cache) and is never packed.
- .venv/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- LICENSES/notes.md [NotIncluded] Outside what flit_core packs (flit_core's module, tool.flit.sdist.include, and the metadata files).
- PKG-INFO [Generated] PKG-INFO is generated from pyproject.toml; the project's own file is not packed.
- cachey/ [CacheDirectory] This directory is a cache directory (it contains a CACHEDIR.TAG with the cache-directory signature).
- conda/ [VirtualEnvironment] This directory is a conda environment (it contains conda-meta/); environments must not be packed.
- dist/ [OutputDirectory] This is the output directory of the build.
- docs/ [NotIncluded] Outside what flit_core packs (flit_core's module, tool.flit.sdist.include, and the metadata files).
- env2/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- gone.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- keep.log [NotIncluded] Outside what flit_core packs (flit_core's module, tool.flit.sdist.include, and the metadata files).
- mod_link.py [NotIncluded] Outside what flit_core packs (flit_core's module, tool.flit.sdist.include, and the metadata files).
- oddcache/ [NotIncluded] Outside what flit_core packs (flit_core's module, tool.flit.sdist.include, and the metadata files).
- pkg_link/ [NotIncluded] Outside what flit_core packs (flit_core's module, tool.flit.sdist.include, and the metadata files).
- secret.txt [GitIgnore] Ignored by 'secret.txt' (.git/info/exclude line 1).
- src/rich/__pycache__/ [BytecodeCache] Compiled Python bytecode is never packed.
- src/rich/loop/ [SymlinkLoop] This leads back to a directory that contains it (<root>/src); following it would never end.
- src/rich/old.pyc [BytecodeCache] Compiled Python bytecode is never packed.
- sub/ [NotIncluded] Outside what flit_core packs (flit_core's module, tool.flit.sdist.include, and the metadata files).
- tests/ [NotIncluded] Outside what flit_core packs (flit_core's module, tool.flit.sdist.include, and the metadata files).
- tools/ [NotIncluded] Outside what flit_core packs (flit_core's module, tool.flit.sdist.include, and the metadata files).
H tool.flit.sdist.include 'app.log' packs matching files even when ignored.
H tool.flit.sdist.include 'build' packs matching files even when ignored.
H tool.flit.sdist.exclude 'tests/data' leaves out matching files.
H tool.flit.sdist.exclude 'sub/*.tmp' leaves out matching files.
H flit_core's module 'src/rich' restricts the sdist to matching files.

""";
        private const string Pdm = """
ProblemId: -
+ rich-1.0/LICENSE 644
+ rich-1.0/LICENSES/MIT.txt 644
+ rich-1.0/PKG-INFO 644 generated
+ rich-1.0/README.md 644
+ rich-1.0/build/other.py 644
+ rich-1.0/pyproject.toml 644
+ rich-1.0/src/rich/__init__.py 644
+ rich-1.0/src/rich/mod.py 644
- .DS_Store [SystemFile] .DS_Store is macOS Finder metadata and is never packed.
- .git/ [VersionControl] Version-control metadata (.git) is never packed.
- .gitignore [NotIncluded] Outside what pdm-backend packs (tool.pdm.build.includes, tool.pdm.build.source-includes, and the metadata files).
- .hg/ [VersionControl] Version-control metadata (.hg) is never packed.
- .mypy_cache/ [ToolDirectory] .mypy_cache belongs to a development tool (environment or cache) and is never packed.
- .tox/ [ToolDirectory] .tox belongs to a development tool (environment or cache) and is never packed.
- .venv/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- LICENSES/notes.md [NotIncluded] Outside what pdm-backend packs (tool.pdm.build.includes, tool.pdm.build.source-includes, and the metadata files).
- PKG-INFO [Generated] PKG-INFO is generated from pyproject.toml; the project's own file is not packed.
- app.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- build/ [GitIgnore] Ignored by 'build/' (.gitignore line 2).
- cachey/ [CacheDirectory] This directory is a cache directory (it contains a CACHEDIR.TAG with the cache-directory signature).
- conda/ [VirtualEnvironment] This directory is a conda environment (it contains conda-meta/); environments must not be packed.
- dist/ [OutputDirectory] This is the output directory of the build.
- docs/ [NotIncluded] Outside what pdm-backend packs (tool.pdm.build.includes, tool.pdm.build.source-includes, and the metadata files).
- env2/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- gone.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- keep.log [NotIncluded] Outside what pdm-backend packs (tool.pdm.build.includes, tool.pdm.build.source-includes, and the metadata files).
- mod_link.py [NotIncluded] Outside what pdm-backend packs (tool.pdm.build.includes, tool.pdm.build.source-includes, and the metadata files).
- oddcache/ [NotIncluded] Outside what pdm-backend packs (tool.pdm.build.includes, tool.pdm.build.source-includes, and the metadata files).
- pkg_link/ [NotIncluded] Outside what pdm-backend packs (tool.pdm.build.includes, tool.pdm.build.source-includes, and the metadata files).
- secret.txt [GitIgnore] Ignored by 'secret.txt' (.git/info/exclude line 1).
- src/rich/__pycache__/ [BytecodeCache] Compiled Python bytecode is never packed.
- src/rich/loop/ [SymlinkLoop] This leads back to a directory that contains it (<root>/src); following it would never end.
- src/rich/old.pyc [BytecodeCache] Compiled Python bytecode is never packed.
- sub/ [NotIncluded] Outside what pdm-backend packs (tool.pdm.build.includes, tool.pdm.build.source-includes, and the metadata files).
- tests/ [NotIncluded] Outside what pdm-backend packs (tool.pdm.build.includes, tool.pdm.build.source-includes, and the metadata files).
- tools/ [NotIncluded] Outside what pdm-backend packs (tool.pdm.build.includes, tool.pdm.build.source-includes, and the metadata files).
H tool.pdm.build.source-includes 'build/other.py' packs matching files even when ignored.
H tool.pdm.build.excludes 'docs' leaves out matching files.
H tool.pdm.build.excludes 'LICENSE' leaves out matching files.
H tool.pdm.build.includes 'src' restricts the sdist to matching files.

""";
        private const string BrokenLinks = """
ProblemId: InvalidSourceTree
+ rich-1.0/.gitignore 644
+ rich-1.0/LICENSE 644
+ rich-1.0/LICENSES/MIT.txt 644
+ rich-1.0/LICENSES/notes.md 644
+ rich-1.0/README.md 644
+ rich-1.0/Readme.md 644
+ rich-1.0/aux.py 644
+ rich-1.0/docs/.gitignore 644
+ rich-1.0/docs/dist/kept.txt 644
+ rich-1.0/docs/index.md 644
+ rich-1.0/keep.log 644
+ rich-1.0/mod_link.py 644
+ rich-1.0/oddcache/CACHEDIR.TAG 644
+ rich-1.0/pkg_link/__init__.py 644
+ rich-1.0/pkg_link/mod.py 644
+ rich-1.0/pyproject.toml 644
+ rich-1.0/src/rich/__init__.py 644
+ rich-1.0/src/rich/mod.py 644
+ rich-1.0/sub/a.tmp 644
+ rich-1.0/sub/nested/.gitignore 644
+ rich-1.0/sub/only-here.txt 644
+ rich-1.0/tests/data/blob.bin 644
+ rich-1.0/tests/data/keep.txt 644
+ rich-1.0/tests/test_rich.py 644
+ rich-1.0/tools/run.sh 755
- .DS_Store [SystemFile] .DS_Store is macOS Finder metadata and is never packed.
- .git/ [VersionControl] Version-control metadata (.git) is never packed.
- .hg/ [VersionControl] Version-control metadata (.hg) is never packed.
- .mypy_cache/ [ToolDirectory] .mypy_cache belongs to a development tool (environment or cache) and is never packed.
- .tox/ [ToolDirectory] .tox belongs to a development tool (environment or cache) and is never packed.
- .venv/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- PKG-INFO [Generated] PKG-INFO is generated from pyproject.toml; the project's own file is not packed.
- app.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- build/ [GitIgnore] Ignored by 'build/' (.gitignore line 2).
- cachey/ [CacheDirectory] This directory is a cache directory (it contains a CACHEDIR.TAG with the cache-directory signature).
- conda/ [VirtualEnvironment] This directory is a conda environment (it contains conda-meta/); environments must not be packed.
- dist/ [OutputDirectory] This is the output directory of the build.
- docs/draft.md [GitIgnore] Ignored by 'draft.md' (docs/.gitignore line 1).
- env2/ [VirtualEnvironment] This directory is a virtual environment (it contains pyvenv.cfg); virtual environments must not be packed.
- escape_excluded_by_caller [ExcludePattern] Left out by the Exclude pattern 'escape_excluded_by_caller' (Exclude line 1).
- gone.log [GitIgnore] Ignored by '*.log' (.gitignore line 1).
- pkg_link/__pycache__/ [BytecodeCache] Compiled Python bytecode is never packed.
- pkg_link/loop/rich/ [SymlinkLoop] This leads back to a directory that contains it (<root>/src/rich); following it would never end.
- pkg_link/old.pyc [BytecodeCache] Compiled Python bytecode is never packed.
- secret.txt [GitIgnore] Ignored by 'secret.txt' (.git/info/exclude line 1).
- src/rich/__pycache__/ [BytecodeCache] Compiled Python bytecode is never packed.
- src/rich/loop/ [SymlinkLoop] This leads back to a directory that contains it (<root>/src); following it would never end.
- src/rich/old.pyc [BytecodeCache] Compiled Python bytecode is never packed.
- sub/nested/a.tmp [GitIgnore] Ignored by '*.tmp' (sub/nested/.gitignore line 1).
- sub/nested/only-here.txt [GitIgnore] Ignored by '/only-here.txt' (sub/nested/.gitignore line 2).
W Readme.md: 'Readme.md' differs from 'README.md' only in letter case; they collide on case-insensitive file systems (Windows, macOS).
W aux.py: 'aux.py' uses the reserved Windows device name AUX; the sdist cannot be unpacked on Windows.
E dangling.txt: This symbolic link points to 'nowhere', which does not exist (or the links never end); it was not packed. Remove it or exclude it.
E escape: This symbolic link points outside the project, to <tmp>/outside.txt; it was not packed. Copy the file into the project or exclude the link.
E escape_excluded_by_backend: This symbolic link points outside the project, to <tmp>/outside.txt; it was not packed. Copy the file into the project or exclude the link.
E tab	name.py: The name contains a control character; it was not packed. Rename it or exclude it.
H tool.hatch.build.targets.sdist.exclude 'escape_excluded_by_backend' leaves out matching files.

""";
    }
}
