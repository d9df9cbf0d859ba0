using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using PyPackaging.Building;
using PyPackaging.Building.Planning;
using PyPackaging.Building.Project;

using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Building.Builder
{
    public class SourceDateEpochTests
    {
        private const long ReproducibleTimestampDefault = PyPackaging.Building.Writing.ReproducibleTimestamp.DefaultEpoch;

        [Theory]
        [InlineData("0", 0L)]
        [InlineData("1700000000", 1700000000L)]
        [InlineData(" 315532800\n", 315532800L)]
        [InlineData("4294967295", 4294967295L)]
        public void Valid_values_parse(string text, long expected)
        {
            Assert.True(SourceDateEpoch.TryParse(text, out long seconds, out string? error), error);
            Assert.Equal(expected, seconds);
        }

        [Theory]
        [InlineData("-1")]
        [InlineData("1.5")]
        [InlineData("1e9")]
        [InlineData("yesterday")]
        [InlineData("4294967296")]
        [InlineData("99999999999999999999")]
        public void Malformed_values_are_errors(string text)
        {
            Assert.False(SourceDateEpoch.TryParse(text, out _, out string? error));
            Assert.Contains("SOURCE_DATE_EPOCH", error);
            Assert.Throws<FormatException>(() => SourceDateEpoch.Resolve(null, text));
        }

        [Fact]
        public void Explicit_value_wins_then_environment_then_the_hatchling_default()
        {
            Assert.Equal(5, SourceDateEpoch.Resolve(5, "7"));
            Assert.Equal(7, SourceDateEpoch.Resolve(null, "7"));
            Assert.Equal(1580601600, SourceDateEpoch.Resolve(null, null));
            Assert.Equal(1580601600, SourceDateEpoch.Resolve(null, ""));
            Assert.Equal(ReproducibleTimestampDefault, SourceDateEpoch.Default);
            Assert.Throws<FormatException>(() => SourceDateEpoch.Resolve(-1, null));
        }
    }

    public class BackendRuleSetTests
    {
        private const string Head = "[build-system]\nrequires = [\"x\"]\nbuild-backend = \"{0}\"\n[project]\nname = \"p\"\nversion = \"1\"\n";

        private static BackendRuleSet Rules(string backend, string tool) =>
            BackendRuleSet.From(PyprojectReader.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, Head, backend) + tool, Path.GetTempPath()));

        [Fact]
        public void Uv_source_include_forces_and_source_exclude_is_unanchored_unless_slashed()
        {
            var r = Rules("uv_build", "[tool.uv.build-backend]\nsource-include = [\"data/*.bin\"]\nsource-exclude = [\"fixtures\", \"/top.txt\"]\n");
            Assert.Equal(new[] { "/data/*.bin" }, r.ForceInclude);
            Assert.NotNull(BackendRuleSet.Match(r.Exclude, "tests/fixtures/a.txt"));
            Assert.NotNull(BackendRuleSet.Match(r.Exclude, "top.txt"));
            Assert.Null(BackendRuleSet.Match(r.Exclude, "sub/top.txt"));
            Assert.Empty(r.Warnings);
        }

        [Fact]
        public void Flit_and_pdm_patterns_are_root_relative_and_pdm_includes_are_the_sdist_scope()
        {
            var flit = Rules("flit_core.buildapi", "[tool.flit.sdist]\ninclude = [\"docs/\"]\nexclude = [\"docs/*.tmp\"]\n");
            Assert.Equal(new[] { "/docs/" }, flit.ForceInclude);
            Assert.NotNull(BackendRuleSet.Match(flit.Exclude, "docs/a.tmp"));
            Assert.Null(BackendRuleSet.Match(flit.Exclude, "x/docs/a.tmp"));

            var pdm = Rules("pdm.backend", "[tool.pdm.build]\nincludes = [\"src/p\"]\nsource-includes = [\"tests\"]\nexcludes = [\"tests/big\"]\n");
            Assert.Contains("/tests", pdm.ForceInclude);
            Assert.NotNull(BackendRuleSet.Match(pdm.Scope, "src/p/mod.py"));
            Assert.NotNull(BackendRuleSet.Match(pdm.Scope, "tests/test_p.py"));
            Assert.Null(BackendRuleSet.Match(pdm.Scope, "docs/index.md"));
            Assert.NotNull(BackendRuleSet.Match(pdm.Exclude, "tests/big/file.bin"));
            // includes replace pdm-backend's default packages: they (and source-includes) are the whole sdist scope.
            Assert.Empty(pdm.Warnings);
        }

        [Fact]
        public void Hatch_include_restricts_only_include_is_anchored_and_unsafe_paths_and_other_tables_warn()
        {
            var r = Rules("hatchling.build", "[tool.hatch.build.targets.sdist]\ninclude = [\"*.py\"]\nonly-include = [\"src\", \"../etc\"]\nexclude = [\"*.log\"]\n[tool.uv.build-backend]\nsource-exclude = [\"x\"]\n");
            Assert.NotNull(BackendRuleSet.Match(r.Scope, "src/deep/file.txt"));
            // hatchling walks only the only-include paths and then ignores include (plugin/interface.py
            // recurse_explicit_files), so "*.py" selects nothing outside src/.
            Assert.Null(BackendRuleSet.Match(r.Scope, "other/a.py"));
            Assert.Null(BackendRuleSet.Match(r.Scope, "other/src/a.txt"));
            Assert.NotNull(BackendRuleSet.Match(r.Exclude, "a/b.log"));
            Assert.Contains(r.Warnings, w => w.Contains("../etc"));
            Assert.Contains(r.Warnings, w => w.Contains("tool.uv.build-backend"));
        }
    }

    public class UnreadSettingsTests
    {
        [Fact]
        public void Settings_the_native_build_does_not_apply_are_each_warned_about()
        {
            using var t = new TempDir();
            // [tool.hatch.build] exclude is applied now (hatchling reads it when the sdist target does not set the key);
            // packages is not.
            t.File("pyproject.toml", "[project]\nname = \"p\"\nversion = \"1\"\n[tool.hatch.build]\nexclude = [\"x\"]\npackages = [\"p\"]\n[tool.hatch.build.targets.sdist]\nexclude = [\"y\"]\n" +
                "[tool.poetry]\ninclude = [\"a\"]\npackages = []\n[tool.scikit-build.sdist]\ninclude = [\"z\"]\n");
            t.File("MANIFEST.in", "include x\n");
            var warnings = UnreadSettings.Find(t.Path);
            Assert.Equal(5, warnings.Count);
            Assert.Contains(warnings, w => w.StartsWith("[tool.hatch.build] packages", StringComparison.Ordinal));
            Assert.DoesNotContain(warnings, w => w.StartsWith("[tool.hatch.build] exclude", StringComparison.Ordinal));
            Assert.Contains(warnings, w => w.StartsWith("[tool.poetry] include", StringComparison.Ordinal));
            Assert.Contains(warnings, w => w.StartsWith("[tool.poetry] packages", StringComparison.Ordinal));
            Assert.Contains(warnings, w => w.StartsWith("[tool.scikit-build.sdist] include", StringComparison.Ordinal));
            Assert.Contains(warnings, w => w.StartsWith("MANIFEST.in", StringComparison.Ordinal));

            var plan = SdistBuilder.Plan(new SdistBuildOptions(t.Path));
            Assert.Contains(plan.Warnings, w => w.StartsWith("MANIFEST.in", StringComparison.Ordinal));
        }
    }

    public class SdistBuilderTests
    {
        private const string Pyproject = "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n[project]\nname = \"My.Pkg\"\nversion = \"2.0\"\nreadme = \"README.md\"\n";

        private static string Project(TempDir t)
        {
            t.File("proj/pyproject.toml", Pyproject);
            t.File("proj/README.md", "# hi\n");
            t.File("proj/src/my_pkg/__init__.py", "");
            t.File("proj/src/my_pkg/Z.py", "");
            t.File("proj/PKG-INFO", "stale\n");
            t.File("proj/.gitignore", "README.md\n");
            return Path.Combine(t.Path, "proj");
        }

        [Fact]
        public void Plan_orders_members_ordinally_generates_PKG_INFO_and_forces_the_readme()
        {
            using var t = new TempDir();
            var plan = SdistBuilder.Plan(new SdistBuildOptions(Project(t)));
            Assert.True(plan.CanBuild, string.Join("\n", plan.Problems));
            Assert.Equal("my_pkg-2.0", plan.TopDirectory);
            Assert.Equal(Path.Combine(t.Path, "proj", "dist", "my_pkg-2.0.tar.gz"), plan.ArchivePath);
            var paths = plan.Members.Select(m => m.ArchivePath).ToList();
            Assert.Equal(paths.OrderBy(p => p, StringComparer.Ordinal), paths);
            Assert.Contains("my_pkg-2.0/README.md", paths); // ignored by .gitignore but named by the metadata
            var pkgInfo = plan.Members.Single(m => m.RelativePath == "PKG-INFO");
            Assert.True(pkgInfo.IsGenerated);
            Assert.Contains(plan.Exclusions, x => x.RelativePath == "PKG-INFO" && x.Reason == "Generated");
        }

        [Fact]
        public void Excluding_a_file_the_metadata_needs_is_a_problem()
        {
            using var t = new TempDir();
            var options = new SdistBuildOptions(Project(t));
            options.Exclude.Add("README.md");
            var plan = SdistBuilder.Plan(options);
            Assert.False(plan.CanBuild);
            Assert.Contains(plan.Problems, p => p.StartsWith("README.md", StringComparison.Ordinal));
            Assert.Throws<InvalidOperationException>(() => SdistBuilder.Write(plan));
        }

        [Fact]
        public void Write_is_byte_identical_for_the_same_epoch_and_sets_the_gzip_mtime()
        {
            using var t = new TempDir();
            string root = Project(t);
            byte[] Build(string outDir)
            {
                var o = new SdistBuildOptions(root) { OutputDirectory = Path.Combine(t.Path, outDir), SourceDateEpoch = 1234567890 };
                var result = SdistBuilder.Write(SdistBuilder.Plan(o));
                Assert.True(result.Written);
                return File.ReadAllBytes(result.ArchivePath);
            }

            byte[] a = Build("o1");
            byte[] b = Build("o2");
            Assert.Equal(a, b);
            Assert.Equal(1234567890u, BitConverter.ToUInt32(a, 4));
        }

        [Fact]
        public void Cancelled_write_leaves_nothing_and_existing_target_needs_force()
        {
            using var t = new TempDir();
            string root = Project(t);
            var plan = SdistBuilder.Plan(new SdistBuildOptions(root));
            using (var cts = new CancellationTokenSource())
            {
                cts.Cancel();
                Assert.ThrowsAny<OperationCanceledException>(() => SdistBuilder.Write(plan, cts.Token));
            }
            Assert.False(Directory.Exists(plan.OutputDirectory)); // created for the build, removed again

            Directory.CreateDirectory(plan.OutputDirectory);
            File.WriteAllText(Path.Combine(plan.OutputDirectory, "my_pkg-2.0.tar.gz"), "old");
            var again = SdistBuilder.Plan(new SdistBuildOptions(root));
            Assert.True(again.TargetExists);
            Assert.Throws<SdistExistsException>(() => SdistBuilder.Write(again));
            var forced = SdistBuilder.Plan(new SdistBuildOptions(root) { Force = true });
            Assert.True(SdistBuilder.Write(forced).Written);
            Assert.Equal(new[] { "my_pkg-2.0.tar.gz" }, Directory.GetFiles(plan.OutputDirectory).Select(Path.GetFileName));
        }
    
        [Fact]
        public void Check_while_writing_sees_the_same_bytes_as_a_check_of_the_file()
        {
            using var t = new TempDir();
            string root = Project(t);
            for (int i = 0; i < 300; i++) t.File("proj/src/my_pkg/m" + i + ".py", new string('x', i * 97));
            var result = SdistBuilder.Write(SdistBuilder.Plan(new SdistBuildOptions(root)));
            Assert.True(result.Written);
            var again = new PyPackaging.Inspection.SdistInspector().Inspect(result.ArchivePath);
            Assert.Equal(again.Entries.Count, result.Inspection.Entries.Count);
            for (int i = 0; i < again.Entries.Count; i++)
            {
                Assert.Equal(again.Entries[i].Path, result.Inspection.Entries[i].Path);
                Assert.Equal(again.Entries[i].Size, result.Inspection.Entries[i].Size);
                Assert.Equal(again.Entries[i].Findings.Select(f => f.RuleId), result.Inspection.Entries[i].Findings.Select(f => f.RuleId));
            }
        }

        [Fact]
        public void An_error_finding_from_the_check_removes_the_file_and_keeps_an_existing_sdist()
        {
            using var t = new TempDir();
            string root = Project(t);
            var plan = SdistBuilder.Plan(new SdistBuildOptions(root) { Force = true, InspectionLimits = new PyPackaging.Archives.ArchiveLimits { MaxMembers = 2 } });
            Directory.CreateDirectory(plan.OutputDirectory);
            File.WriteAllText(plan.ArchivePath, "old");
            var result = SdistBuilder.Write(plan);
            Assert.False(result.Written);
            Assert.NotEmpty(result.ErrorFindings);
            Assert.Equal("old", File.ReadAllText(plan.ArchivePath));
            Assert.Single(Directory.GetFiles(plan.OutputDirectory));
        }

        [Fact]
        public void Uv_and_flit_settings_apply_end_to_end_and_the_callers_Include_beats_a_backend_exclude()
        {
            using var t = new TempDir();
            t.File("uv/pyproject.toml", "[build-system]\nrequires = [\"uv_build\"]\nbuild-backend = \"uv_build\"\n[project]\nname = \"u\"\nversion = \"1\"\n" +
                "[tool.uv.build-backend]\nsource-include = [\"data/gen.bin\"]\nsource-exclude = [\"*.tmp\"]\n");
            t.File("uv/.gitignore", "data/\n");
            t.File("uv/data/gen.bin", "g");
            t.File("uv/data/other.bin", "o");
            t.File("uv/src/u/__init__.py", "");
            t.File("uv/src/u/scratch.tmp", "s");
            t.File("uv/keep.tmp", "k");
            var options = new SdistBuildOptions(Path.Combine(t.Path, "uv"));
            options.Include.Add("/keep.tmp");
            var plan = SdistBuilder.Plan(options);
            Assert.True(plan.CanBuild, string.Join("\n", plan.Problems));
            var packed = plan.Members.Select(m => m.RelativePath).ToList();
            Assert.Contains("data/gen.bin", packed);
            Assert.DoesNotContain("data/other.bin", packed);
            Assert.DoesNotContain("src/u/scratch.tmp", packed);
            Assert.Contains("keep.tmp", packed);
            Assert.Contains(plan.Exclusions, x => x.RelativePath == "src/u/scratch.tmp" && x.Reason == "BackendExclude" && x.Message.Contains("tool.uv.build-backend.source-exclude"));

            t.File("flit/pyproject.toml", "[build-system]\nrequires = [\"flit_core\"]\nbuild-backend = \"flit_core.buildapi\"\n[project]\nname = \"f\"\nversion = \"1\"\ndescription = \"d\"\n" +
                "[tool.flit.sdist]\nexclude = [\"docs/drafts\"]\n");
            t.File("flit/f.py", "");
            t.File("flit/docs/index.md", "");
            t.File("flit/docs/drafts/a.md", "");
            t.File("flit/docs/keep.md", "");
            File.AppendAllText(Path.Combine(t.Path, "flit", "pyproject.toml"), "include = [\"docs\"]\n");
            var flit = SdistBuilder.Plan(new SdistBuildOptions(Path.Combine(t.Path, "flit")));
            // flit_core packs its module (f.py), pyproject.toml and what [tool.flit.sdist] include adds, minus exclude.
            Assert.Equal(new[] { "PKG-INFO", "docs/index.md", "docs/keep.md", "f.py", "pyproject.toml" }, flit.Members.Select(m => m.RelativePath).OrderBy(p => p, StringComparer.Ordinal));
            Assert.DoesNotContain("docs/drafts/a.md", flit.Members.Select(m => m.RelativePath));
        }
    }
}
