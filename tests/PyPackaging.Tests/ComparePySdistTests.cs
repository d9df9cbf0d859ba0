using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PyPackaging.Tests.Infrastructure;

namespace PyPackaging.Tests
{
    /// <summary>
    /// Sdist vs source tree through the staged module: Compare-PySdist on an sdist the real hatchling built (Debian
    /// python3-hatchling via python3 -m build) from a git repository made here, and Build-PySdist's Archive entry on
    /// the same tree. The tree has a tracked data file hatchling's sdist exclude leaves out (river 0.24.1's shape) and
    /// an untracked, not ignored file written after the commit (what a code generator leaves behind).
    /// </summary>
    public class ComparePySdistTests
    {
        private const string Pyproject = "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n" +
            "[project]\nname = \"river-like\"\nversion = \"0.24.1\"\ndescription = \"A tracked data file left out\"\n\n" +
            "[tool.hatch.build.targets.sdist]\nexclude = [\"*.csv\"]\n";

        private static void Git(string dir, params string[] args) =>
            Tool.Check("git", new[] { "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false" }.Concat(args), dir);

        /// <summary>A committed project; <c>src/river_like/generated.py</c> is written after the commit (untracked, not ignored).</summary>
        private static string Project(string parent)
        {
            Tool.RequirePythonAndGit();
            string root = Path.Combine(parent, "project");
            BuildFixtures.Write(root, "pyproject.toml", Pyproject);
            BuildFixtures.Write(root, "src/river_like/__init__.py", "");
            BuildFixtures.Write(root, "src/river_like/datasets/trump_approval.csv", "date,approve\n2017-01-20,45\n");
            BuildFixtures.Write(root, "tests/test_x.py", "def test_x():\n    pass\n");
            BuildFixtures.Write(root, ".github/workflows/ci.yml", "on: push\n");
            BuildFixtures.Write(root, ".gitignore", "dist/\n");
            Git(root, "init", "-q");
            Git(root, "add", "-A");
            Git(root, "commit", "-q", "-m", "one");
            BuildFixtures.Write(root, "src/river_like/generated.py", "TABLE = {}\n");
            return root;
        }

        private static string BuildWithHatchling(string project, string outDir)
        {
            var build = Tool.Run(Tool.DebianPython, new[] { "-m", "build", "--sdist", "--no-isolation", "--skip-dependency-check", "--outdir", outDir, project });
            Assert.True(build.ExitCode == 0, build.ToString());
            return Assert.Single(Directory.GetFiles(outDir, "*.tar.gz"));
        }

        private static List<PSObject> Findings(PSObject entry) =>
            ((IEnumerable<object>)entry.Properties["Findings"].Value).Select(PSObject.AsPSObject).ToList();

        [SkippableFact]
        public void Hatchling_sdist_missing_a_tracked_data_file_and_holding_an_untracked_one_is_reported_like_the_native_build()
        {
            Tool.RequireRealTools();
            Tool.RequirePythonModule(Tool.DebianPython, "hatchling");
            using var temp = new TempDir();
            string project = Project(temp.Path);
            string sdist = BuildWithHatchling(project, temp.Combine("hatchling"));

            // -ProjectDirectory defaults to the current location.
            var (output, ps) = ModuleHost.Run("Compare-PySdist -Path $p", project, new Dictionary<string, object?> { ["p"] = Path.Combine(temp.Path, "hatchling", "*.tar.gz") });
            Assert.Empty(ps.Streams.Error);
            var archive = output[0];
            Assert.Equal("Archive", archive.Prop<string>("EntryType"));
            Assert.Equal(sdist, archive.Prop<string>("Archive"));
            Assert.Equal("Warning", archive.Prop<string>("Severity"));
            var findings = Findings(archive);
            Assert.Equal(new[] { "TrackedFileNotInSdist", "UntrackedFileInSdist" }, findings.Select(f => f.Prop<string>("RuleId")));
            Assert.Contains("`src/river_like/datasets/trump_approval.csv` is tracked by git", findings[0].Prop<string>("Message"));
            Assert.Contains("`river_like-0.24.1/src/river_like/generated.py` is in the sdist", findings[1].Prop<string>("Message"));
            // .github/ is on check-sdist's default git-only list; PKG-INFO is generated: neither is reported.
            Assert.DoesNotContain(".github", findings[0].Prop<string>("Message"));

            // Then exactly the untracked member: matching members are not written.
            var member = Assert.Single(output.Skip(1));
            Assert.Equal("river_like-0.24.1/src/river_like/generated.py", member.Prop<string>("Path"));
            Assert.Equal(Path.Combine(project, "src", "river_like", "generated.py"), member.Prop<string>("SourcePath"));
            Assert.StartsWith("Not tracked by git", member.Prop<string>("Reason"));

            // The native build of the same tree applies the same exclude and packs the same untracked file: the same two findings.
            var (built, buildShell) = ModuleHost.Run("Build-PySdist -OutputDirectory $o", project, new Dictionary<string, object?> { ["o"] = temp.Combine("ours") });
            Assert.Empty(buildShell.Streams.Error);
            var ours = Findings(built[0]).Where(f => f.Prop<string>("RuleId").EndsWith("InSdist", StringComparison.Ordinal)).ToList();
            Assert.Equal(findings.Select(f => f.Prop<string>("RuleId")), ours.Select(f => f.Prop<string>("RuleId")));
            Assert.Equal(findings[0].Prop<string>("Message"), ours[0].Prop<string>("Message"));
            Assert.Equal(findings[1].Prop<string>("Message"), ours[1].Prop<string>("Message"));
        }

        [SkippableFact]
        public void IncludeMissing_writes_one_entry_per_tracked_file_the_sdist_lacks_and_the_finding_names_five()
        {
            using var temp = new TempDir();
            string project = Project(temp.Path);
            for (int i = 0; i < 12; i++) BuildFixtures.Write(project, $"docs/page{i:D2}.md", "# page\n");
            Git(project, "add", "docs");
            Git(project, "commit", "-q", "-m", "docs");
            var (_, buildShell) = ModuleHost.Run("Build-PySdist -OutputDirectory $o -Exclude 'docs/'", project, new Dictionary<string, object?> { ["o"] = temp.Combine("out") });
            Assert.Empty(buildShell.Streams.Error);

            var (output, ps) = ModuleHost.Run("Compare-PySdist $p -ProjectDirectory $d -IncludeMissing", temp.Path,
                new Dictionary<string, object?> { ["p"] = temp.Combine("out", "river_like-0.24.1.tar.gz"), ["d"] = "project" });
            Assert.Empty(ps.Streams.Error);
            var message = Findings(output[0]).Single(f => f.Prop<string>("RuleId") == "TrackedFileNotInSdist").Prop<string>("Message");
            Assert.StartsWith("13 files git tracks in " + project + " are not in the sdist: `docs/page00.md`", message);
            Assert.Contains("and 8 more", message);
            var missing = output.Where(o => (o.Prop<string>("Reason") ?? string.Empty).StartsWith("Tracked by git", StringComparison.Ordinal)).ToList();
            Assert.Equal(13, missing.Count);
            Assert.Contains(missing, m => m.Prop<string>("Path") == "river_like-0.24.1/docs/page11.md" && m.Prop<int>("Index") == -1 &&
                                          m.Prop<string>("SourcePath") == Path.Combine(project, "docs", "page11.md"));
        }

        [SkippableFact]
        public void Outside_a_work_tree_it_stops_with_NotAGitRepository_before_reading_any_sdist()
        {
            using var temp = new TempDir();
            string project = Project(temp.Path);
            ModuleHost.Run("Build-PySdist -OutputDirectory $o", project, new Dictionary<string, object?> { ["o"] = temp.Combine("out") });
            Directory.CreateDirectory(temp.Combine("plain"));
            var error = BuildPySdistTests.Failure("Compare-PySdist -Path '" + temp.Combine("out", "*.tar.gz") + "'", temp.Combine("plain"));
            Assert.Equal("NotAGitRepository,PyPackaging.Commands.ComparePySdistCommand", error.FullyQualifiedErrorId);
            Assert.Contains("is not inside a git work tree", error.Exception.Message);

            var missingDir = BuildPySdistTests.Failure("Compare-PySdist -Path '" + temp.Combine("out", "*.tar.gz") + "' -ProjectDirectory ./nope", temp.Path);
            Assert.Equal("PathNotFound,PyPackaging.Commands.ComparePySdistCommand", missingDir.FullyQualifiedErrorId);
        }

        [SkippableFact]
        public void A_build_outside_git_has_no_comparison_findings_and_says_why_with_verbose()
        {
            Tool.RequirePythonAndGit();
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path);
            var (output, ps) = ModuleHost.Run("Build-PySdist -Verbose", project);
            Assert.Empty(ps.Streams.Error);
            Assert.DoesNotContain(Findings(output[0]), f => f.Prop<string>("RuleId").EndsWith("InSdist", StringComparison.Ordinal));
            Assert.Contains(ps.Streams.Verbose, v => v.Message.StartsWith("Not compared with git", StringComparison.Ordinal) && v.Message.Contains("not inside a git work tree"));
        }
    }
}
