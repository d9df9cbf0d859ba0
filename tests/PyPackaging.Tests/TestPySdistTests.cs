using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PyPackaging.Tests.Infrastructure;
using PyPackaging.TestKit;

namespace PyPackaging.Tests
{
    /// <summary>
    /// Test-PySdist in a hosted engine, through the staged module, on archives crafted here. How users call it (paths,
    /// pipelines, -Quiet, errors, rule selection) is tested in real pwsh: tests/Module/Gate.Tests.ps1, Inputs.Tests.ps1.
    /// </summary>
    public class TestPySdistTests
    {
        [Fact]
        public void Seed_sdist_error_filter_returns_the_venv_link_with_member_reason_and_fix()
        {
            using var temp = new TempDir();
            var seed = Sdists.Seed(temp.Path);
            var (output, ps) = ModuleHost.Run("Test-PySdist -LiteralPath $p | Where-Object { $_.Findings.Severity -contains 'Error' }",
                variables: new Dictionary<string, object?> { ["p"] = seed });
            Assert.Empty(ps.Streams.Error);
            var venvLink = output.Single(o => o.Prop<string>("Path") == "demo-1.0/venv/bin/python");
            Assert.Equal("SymbolicLink", venvLink.Prop<string>("EntryType"));
            Assert.Equal("/usr/local/bin/python3", venvLink.Prop<string>("LinkTarget"));
            var messages = ((IEnumerable<object>)venvLink.Properties["Findings"].Value).Select(f => PSObject.AsPSObject(f)).ToList();
            // The link is the Error (pip and uv refuse it); the environment around it is the hygiene Warning.
            var linkFinding = messages.Single(f => f.Prop<string>("RuleId") == "SymlinkAbsolute");
            Assert.Contains("`demo-1.0/venv/bin/python`", linkFinding.Prop<string>("Message"));
            Assert.Contains("`demo-1.0/venv/`", linkFinding.Prop<string>("Message"));
            Assert.Contains("/usr/local/bin/python3", linkFinding.Prop<string>("Message"));
            Assert.Equal("Error", linkFinding.Prop<string>("Severity"));
            Assert.False(string.IsNullOrWhiteSpace(linkFinding.Prop<string>("Remedy")));
            var venvFinding = messages.Single(f => f.Prop<string>("RuleId") == "VirtualEnvironment");
            Assert.Equal("Warning", venvFinding.Prop<string>("Severity"));
            Assert.NotEqual(linkFinding.Prop<string>("Message"), venvFinding.Prop<string>("Message"));
            // the cache's interpreter link is caught too
            Assert.Contains(output, o => o.Prop<string>("Path") == "demo-1.0/.uv-cache/builds-v0/env/bin/python");
        }

        [Fact]
        public void Clean_sdist_has_no_findings_and_lists_every_member_plus_the_archive_entry()
        {
            using var temp = new TempDir();
            var clean = Sdists.Clean(temp.Path);
            var (output, ps) = ModuleHost.Run("Test-PySdist -LiteralPath $p", variables: new Dictionary<string, object?> { ["p"] = clean });
            Assert.Empty(ps.Streams.Error);
            Assert.Equal(6, output.Count);
            Assert.Equal("Archive", output[0].Prop<string>("EntryType"));
            Assert.Equal("demo-1.0.tar.gz", output[0].Prop<string>("Path"));
            Assert.All(output, o => Assert.Equal(clean, o.Prop<string>("Archive")));
            var findings = output.SelectMany(o => ((IEnumerable<object>)o.Properties["Findings"].Value).Select(PSObject.AsPSObject)).ToList();
            Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => f.Prop<string>("RuleId") + ": " + f.Prop<string>("Message"))));
            var pkgInfo = output.Single(o => o.Prop<string>("Path") == "demo-1.0/PKG-INFO");
            Assert.Equal("File", pkgInfo.Prop<string>("EntryType"));
            Assert.Equal(Sdists.CleanPkgInfo.Length, pkgInfo.Prop<long>("Size"));
            Assert.Equal("0644", pkgInfo.Prop<string>("Mode"));
            Assert.Equal("None", pkgInfo.Prop<string>("Severity"));
            Assert.NotNull(pkgInfo.Properties["LastWriteTime"].Value);
            Assert.Contains("PyPackaging.PySdistEntry", pkgInfo.TypeNames);
        }

        [Fact]
        public void Garbage_file_is_a_finding_not_an_error()
        {
            using var temp = new TempDir();
            var junk = Path.Combine(temp.Path, "demo-1.0.tar.gz");
            File.WriteAllText(junk, "this is not an archive at all\n");
            var (output, ps) = ModuleHost.Run("Test-PySdist -LiteralPath $p", variables: new Dictionary<string, object?> { ["p"] = junk });
            Assert.Empty(ps.Streams.Error);
            var archive = output.Single(o => o.Prop<string>("EntryType") == "Archive");
            Assert.Equal("Error", archive.Prop<string>("Severity"));
        }

        [Fact]
        public void Limit_parameters_turn_into_Limits_findings()
        {
            using var temp = new TempDir();
            var clean = Sdists.Clean(temp.Path);
            var (output, ps) = ModuleHost.Run("Test-PySdist -LiteralPath $p -MaxMemberCount 2 | ForEach-Object Findings | Where-Object Category -eq Limits",
                variables: new Dictionary<string, object?> { ["p"] = clean });
            Assert.Empty(ps.Streams.Error);
            var finding = Assert.Single(output);
            Assert.Equal("Error", finding.Prop<string>("Severity"));
        }

        [Fact]
        public void Progress_is_reported_and_completed()
        {
            using var temp = new TempDir();
            var clean = Sdists.Clean(temp.Path);
            var (_, ps) = ModuleHost.Run("Test-PySdist -LiteralPath $p", variables: new Dictionary<string, object?> { ["p"] = clean });
            Assert.NotEmpty(ps.Streams.Progress);
            Assert.Equal(ProgressRecordType.Completed, ps.Streams.Progress.Last().RecordType);
        }

        [Fact]
        public void Stopping_the_pipeline_midway_stops_reading()
        {
            using var temp = new TempDir();
            // ~1,500 members x 2 archives: long enough to stop in the middle
            var paths = new List<string>();
            for (var a = 0; a < 8; a++)
            {
                var tar = new TarCrafter(TarFlavor.Pax).AddDirectory("demo-1.0/");
                for (var i = 0; i < 1500; i++) tar.AddFile($"demo-1.0/pkg/m{i}.py", new string('x', 2000));
                var dir = Directory.CreateDirectory(temp.Combine("a" + a)).FullName;
                paths.Add(tar.Finish().SaveTarGz(dir, "demo-1.0.tar.gz"));
            }
            using var ps = ModuleHost.Create();
            ps.Runspace.SessionStateProxy.SetVariable("p", paths.ToArray());
            ps.AddScript("Test-PySdist -LiteralPath $p");
            var output = new PSDataCollection<PSObject>();
            var stopped = new System.Threading.ManualResetEventSlim();
            output.DataAdded += (s, e) => { if (output.Count >= 10) stopped.Set(); };
            var async = ps.BeginInvoke<PSObject, PSObject>(null, output);
            Assert.True(stopped.Wait(TimeSpan.FromSeconds(60)));
            ps.Stop();
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(async));
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.True(output.Count < 8 * 1501, $"output had {output.Count} entries: the pipeline did not stop");
        }

        [Fact]
        public void Example_script_runs_with_core_commands_only()
        {
            var script = Path.Combine(ModuleHost.RepoRoot, "examples", "Test-ExampleSdists.ps1");
            using var ps = ModuleHost.Create();
            ps.AddCommand(script).AddParameter("ModulePath", ModuleHost.StagedManifest);
            var output = ps.Invoke().Select(o => o.ToString()).ToList();
            Assert.Empty(ps.Streams.Error);
            Assert.Equal("demo_pkg-1.0.0.tar.gz passes: True", output[0]);
            Assert.Contains(output, line => line.Contains("virtual environment") && line.Contains("leaky_pkg-1.0.0/venv/"));
        }
    }
}
