using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PyPackaging.Archives;
using PyPackaging.Building;
using PyPackaging.Building.Comparison;
using PyPackaging.Building.Vcs;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Rules;
using Xunit;

namespace PyPackaging.Core.Tests.Building.Comparison
{
    /// <summary>
    /// The sdist-vs-git comparison against real git repositories made here (git is a test dependency, as in CI), with
    /// member tables as an sdist's reader produces them and with sdists the native build writes. The comparison with
    /// a real hatchling sdist is in PyPackaging.Tests (ComparePySdistTests), where the real-tool switches live.
    /// </summary>
    public sealed class SourceTreeComparerTests
    {
        private const string Hatch = "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n[project]\nname = \"demo\"\nversion = \"1.0\"\n";

        private static void Git(string dir, params string[] args) => ExternalTool.Check("git", args, dir);

        private static TempDir Repository(params string[] files)
        {
            var temp = new TempDir();
            Git(temp.Path, "init", "-q", "-b", "main");
            Git(temp.Path, "config", "user.email", "t@example.org");
            Git(temp.Path, "config", "user.name", "T");
            foreach (var f in files) temp.File(f, f == "pyproject.toml" ? Hatch : "x\n");
            Git(temp.Path, "add", "-A");
            Git(temp.Path, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "one");
            return temp;
        }

        private static List<ArchiveMember> Members(params string[] paths) =>
            paths.Select((p, i) => new ArchiveMember { Index = i, Path = p, Type = p.EndsWith("/", StringComparison.Ordinal) ? PySdistEntryType.Directory : PySdistEntryType.File }).ToList();

        private static SourceTreeComparison Compare(TempDir repo, params string[] members)
        {
            var result = SourceTreeComparer.TryCompareWithGit(Members(members), repo.Path, ComparisonSettings.Read(repo.Path), out string whyNot, out var unavailable);
            Assert.True(result != null, whyNot);
            Assert.Equal(ComparisonUnavailable.None, unavailable);
            return result!;
        }

        [Fact]
        public void A_tracked_data_file_missing_and_an_untracked_member_are_both_named()
        {
            using var repo = Repository("pyproject.toml", "src/demo/__init__.py", "src/demo/data/schema.json", "README.md");
            var c = Compare(repo, "demo-1.0/", "demo-1.0/PKG-INFO", "demo-1.0/pyproject.toml", "demo-1.0/README.md",
                "demo-1.0/src/demo/__init__.py", "demo-1.0/notes.txt");
            Assert.Equal(new[] { "src/demo/data/schema.json" }, c.TrackedNotInSdist);
            var untracked = Assert.Single(c.UntrackedMembers);
            Assert.Equal("demo-1.0/notes.txt", untracked.MemberPath);
            Assert.Equal("notes.txt", untracked.RelativePath);
            Assert.Equal(5, untracked.Position); // zero-based, in archive order
            Assert.False(c.Matches);

            var findings = c.Findings("/x/demo-1.0.tar.gz", "demo-1.0.tar.gz");
            Assert.Equal(new[] { RuleCatalog.TrackedFileNotInSdist.Id, RuleCatalog.UntrackedFileInSdist.Id }, findings.Select(f => f.RuleId));
            Assert.All(findings, f => Assert.Equal(PySdistSeverity.Warning, f.Severity));
            Assert.Contains("`src/demo/data/schema.json` is tracked by git", findings[0].Message);
            Assert.Contains("`demo-1.0/notes.txt` is in the sdist", findings[1].Message);
            Assert.All(findings, f => Assert.Equal("demo-1.0.tar.gz", f.Path));
        }

        [Fact]
        public void Generated_members_and_the_default_git_only_files_are_expected()
        {
            using var repo = Repository("pyproject.toml", "src/demo/__init__.py", ".github/workflows/ci.yml", ".pre-commit-config.yaml", "noxfile.py", "docs/.readthedocs.yaml");
            var c = Compare(repo, "demo-1.0/PKG-INFO", "demo-1.0/pyproject.toml", "demo-1.0/src/demo/__init__.py",
                "demo-1.0/src/demo.egg-info/PKG-INFO", "demo-1.0/src/demo.egg-info/SOURCES.txt");
            Assert.True(c.Matches, string.Join(", ", c.TrackedNotInSdist.Concat(c.UntrackedMembers.Select(u => u.MemberPath))));
            // setup.cfg is expected only from setuptools, which writes it; hatchling does not.
            var withCfg = Compare(repo, "demo-1.0/pyproject.toml", "demo-1.0/src/demo/__init__.py", "demo-1.0/setup.cfg");
            Assert.Equal("setup.cfg", Assert.Single(withCfg.UntrackedMembers).RelativePath);
        }

        [Fact]
        public void Check_sdist_settings_and_configured_version_files_are_honoured()
        {
            using var repo = Repository("pyproject.toml", "src/demo/__init__.py", "docs/index.md", "docs/api.md", ".github/ci.yml");
            File.AppendAllText(Path.Combine(repo.Path, "pyproject.toml"),
                "[tool.hatch.build.hooks.vcs]\nversion-file = \"src/demo/_version.py\"\n[tool.check-sdist]\ngit-only = [\"docs/\"]\nsdist-only = [\"*.mo\"]\ndefault-ignore = false\n");
            var c = Compare(repo, "demo-1.0/pyproject.toml", "demo-1.0/src/demo/__init__.py", "demo-1.0/src/demo/_version.py", "demo-1.0/src/demo/fr.mo");
            Assert.Equal(new[] { ".github/ci.yml" }, c.TrackedNotInSdist); // default-ignore = false: .github/ counts again
            Assert.Empty(c.UntrackedMembers);
            Assert.Empty(c.Warnings);
        }

        [Fact]
        public void Version_files_of_setuptools_scm_and_pdm_backend_are_expected_wherever_they_are_written()
        {
            using var t = new TempDir();
            t.File("pyproject.toml", "[build-system]\nbuild-backend = \"setuptools.build_meta\"\n[tool.setuptools_scm]\nversion_file = \"./src/demo/_version.py\"\n" +
                "[tool.pdm.version]\nsource = \"scm\"\nwrite_to = \"demo/VERSION\"\n");
            var settings = ComparisonSettings.Read(t.Path);
            var c = SourceTreeComparer.Compare(Members("demo-1.0/pyproject.toml", "demo-1.0/setup.cfg", "demo-1.0/src/demo/_version.py", "demo-1.0/src/demo/VERSION",
                "demo-1.0/src/demo.egg-info/SOURCES.txt", "demo-1.0/src/other.py"), new[] { "pyproject.toml" }, settings, t.Path);
            Assert.Equal(new[] { "src/other.py" }, c.UntrackedMembers.Select(u => u.RelativePath));
        }

        [Fact]
        public void Wrong_types_in_the_check_sdist_table_are_warnings_and_the_defaults_apply()
        {
            using var repo = Repository("pyproject.toml", "a.py");
            File.AppendAllText(Path.Combine(repo.Path, "pyproject.toml"), "[tool.check-sdist]\ngit-only = \"docs/\"\ndefault-ignore = \"yes\"\n");
            var settings = ComparisonSettings.Read(repo.Path);
            Assert.Equal(2, settings.Warnings.Count);
            Assert.Contains(".github/", settings.GitOnly);
        }

        [Fact]
        public void Five_hundred_left_out_docs_pages_are_one_finding_naming_five_and_the_count()
        {
            var tracked = Enumerable.Range(0, 500).Select(i => $"docs/page{i:D3}.md").Append("pyproject.toml").ToList();
            var c = SourceTreeComparer.Compare(Members("demo-1.0/pyproject.toml", "demo-1.0/PKG-INFO"), tracked, ComparisonSettings.FromTable(null), "/p");
            Assert.Equal(500, c.TrackedNotInSdist.Count); // every path is reachable
            var finding = Assert.Single(c.Findings("/x/demo-1.0.tar.gz", "demo-1.0.tar.gz"));
            Assert.StartsWith("500 files git tracks in /p are not in the sdist: `docs/page000.md`, `docs/page001.md`", finding.Message);
            Assert.Contains("`docs/page004.md` and 495 more.", finding.Message);
            Assert.DoesNotContain("page005", finding.Message);
        }

        [Fact]
        public void Tracked_files_deleted_from_the_working_tree_are_not_expected()
        {
            using var repo = Repository("pyproject.toml", "a.py", "gone.py");
            File.Delete(Path.Combine(repo.Path, "gone.py"));
            var c = Compare(repo, "demo-1.0/pyproject.toml", "demo-1.0/a.py");
            Assert.True(c.Matches);
        }

        [Fact]
        public void A_project_in_a_subfolder_compares_paths_relative_to_the_project()
        {
            using var repo = Repository("pkg/pyproject.toml", "pkg/src/a.py", "other/b.py");
            var result = SourceTreeComparer.TryCompareWithGit(Members("demo-1.0/pyproject.toml", "demo-1.0/src/a.py"), Path.Combine(repo.Path, "pkg"),
                ComparisonSettings.Read(Path.Combine(repo.Path, "pkg")), out _, out _);
            Assert.True(result!.Matches);
        }

        [Fact]
        public void Without_a_work_tree_nothing_tracked_or_git_missing_there_is_no_comparison_and_the_reason_says_which()
        {
            using var plain = new TempDir();
            var members = Members("demo-1.0/a.py");
            Assert.Null(SourceTreeComparer.TryCompareWithGit(members, plain.Path, ComparisonSettings.FromTable(null), out string why, out var kind));
            Assert.Equal(ComparisonUnavailable.NotAWorkTree, kind);
            Assert.Contains("not inside a git work tree", why);

            Git(plain.Path, "init", "-q");
            Assert.Null(SourceTreeComparer.TryCompareWithGit(members, plain.Path, ComparisonSettings.FromTable(null), out why, out kind));
            Assert.Equal(ComparisonUnavailable.NothingTracked, kind);
            Assert.Contains("git tracks no file", why);

            GitProcess.ExecutableOverride.Value = Path.Combine(plain.Path, "no-such-git");
            try
            {
                Assert.Null(SourceTreeComparer.TryCompareWithGit(members, plain.Path, ComparisonSettings.FromTable(null), out why, out kind));
                Assert.Equal(ComparisonUnavailable.GitMissing, kind);
                Assert.Contains("git is not installed", why);
            }
            finally
            {
                GitProcess.ExecutableOverride.Value = null;
            }
        }

        [Fact]
        public void A_native_build_reports_the_comparison_on_its_archive_entry_and_treats_its_own_PKG_INFO_as_expected()
        {
            using var repo = Repository("pyproject.toml", "src/demo/__init__.py", "src/demo/data.json", "tests/test_a.py");
            repo.File("local-notes.txt", "not committed\n"); // untracked, not ignored: the native build packs it
            var options = new SdistBuildOptions(repo.Path) { OutputDirectory = Path.Combine(repo.Path, "dist") };
            options.Exclude.Add("*.json");
            repo.File(".git/info/exclude", "dist/\n");
            var result = SdistBuilder.Write(SdistBuilder.Plan(options));
            Assert.True(result.Written);
            Assert.Null(result.SourceComparisonSkipped);

            var archive = result.Inspection.Entries[0];
            var missing = Assert.Single(archive.Findings, f => f.RuleId == "TrackedFileNotInSdist");
            Assert.Contains("`src/demo/data.json`", missing.Message);
            var untracked = Assert.Single(archive.Findings, f => f.RuleId == "UntrackedFileInSdist");
            Assert.Contains("`demo-1.0/local-notes.txt`", untracked.Message);
            Assert.DoesNotContain("PKG-INFO", untracked.Message);
            Assert.Equal(PySdistSeverity.Warning, archive.Severity);
            Assert.True(archive.WarningCount >= 2);
        }

        [Fact]
        public void A_native_build_outside_git_is_written_and_says_why_it_was_not_compared()
        {
            using var t = new TempDir();
            t.File("pyproject.toml", Hatch);
            t.File("a.py", "");
            var result = SdistBuilder.Write(SdistBuilder.Plan(new SdistBuildOptions(t.Path)));
            Assert.True(result.Written);
            Assert.Null(result.SourceComparison);
            Assert.Contains("not inside a git work tree", result.SourceComparisonSkipped);
            Assert.DoesNotContain(result.Inspection.Entries[0].Findings, f => RuleCatalog.Find(f.RuleId) is { } r && RuleCatalog.IsReportedBySourceComparison(r));
        }
    }
}
