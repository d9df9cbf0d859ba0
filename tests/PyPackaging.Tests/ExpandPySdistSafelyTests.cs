using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PyPackaging.Tests.Infrastructure;
using PyPackaging.TestKit;

namespace PyPackaging.Tests
{
    /// <summary>
    /// Expand-PySdistSafely in a hosted engine, through the staged module. Several archives, refusals, existing targets,
    /// -Verbose, -WhatIf and -Confirm are tested in real pwsh: tests/Module/Expand.Tests.ps1.
    /// </summary>
    public class ExpandPySdistSafelyTests
    {
        private static SortedDictionary<string, string> Tree(string root)
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (!Directory.Exists(root)) return result;
            foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(root, path).Replace('\\', '/');
                result[rel] = Directory.Exists(path) ? "dir" : Convert.ToBase64String(File.ReadAllBytes(path));
            }
            return result;
        }

        private static void Seed(string dest)
        {
            Directory.CreateDirectory(dest);
            File.WriteAllText(Path.Combine(dest, "keep.txt"), "keep");
        }

        private static (List<PSObject> Output, PowerShell Shell, Exception? Error) Expand(string script, IDictionary<string, object?> variables)
        {
            var ps = ModuleHost.Create();
            foreach (var pair in variables) ps.Runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
            ps.AddScript(script);
            var output = new PSDataCollection<PSObject>();
            Exception? error = null;
            try
            {
                ps.Invoke(null, output);
            }
            catch (RuntimeException ex)
            {
                error = ex;
            }
            if (error == null && ps.Streams.Error.Count > 0 && ps.Streams.Error[0].Exception is not IOException)
            {
                // A statement-terminating error from a cmdlet in a script lands in the error stream.
                error = ps.Streams.Error[0].Exception is RuntimeException r ? r : new RuntimeException(ps.Streams.Error[0].Exception.Message, ps.Streams.Error[0].Exception, ps.Streams.Error[0]);
            }
            return (output.ToList(), ps, error);
        }

        [Fact]
        public void Clean_sdist_is_extracted_with_one_Action_entry_per_member()
        {
            using var temp = new TempDir();
            var clean = Sdists.Clean(temp.Path);
            var dest = temp.Combine("out");
            var (output, ps, error) = Expand("Expand-PySdistSafely -LiteralPath $p -DestinationPath $d", new Dictionary<string, object?> { ["p"] = clean, ["d"] = dest });
            Assert.Null(error);
            Assert.Empty(ps.Streams.Error);
            Assert.Equal(6, output.Count); // the Archive entry, then the five members
            Assert.Equal("Archive", output[0].Prop<string>("EntryType"));
            Assert.All(output, o => Assert.Equal("PyPackaging.PySdistEntry#Action", o.TypeNames[0]));
            Assert.All(output, o => Assert.Equal("Extracted", o.Prop<string>("Action")));
            var pkgInfo = output.Single(o => o.Prop<string>("Path") == "demo-1.0/PKG-INFO");
            Assert.Equal(Path.Combine(dest, "demo-1.0", "PKG-INFO"), pkgInfo.Prop<string>("Destination"));
            Assert.Equal(Sdists.CleanPkgInfo, File.ReadAllText(Path.Combine(dest, "demo-1.0", "PKG-INFO")));
            Assert.Equal(new[] { "demo-1.0" }, Directory.GetFileSystemEntries(dest).Select(Path.GetFileName));
        }

        [Fact]
        public void Relative_destination_and_wildcard_path_resolve_against_the_runspace_location()
        {
            using var temp = new TempDir();
            Sdists.Clean(temp.Path);
            var (output, ps) = ModuleHost.Run("Expand-PySdistSafely -Path ./demo-*.tar.gz -DestinationPath out -StripTopLevel", location: temp.Path);
            Assert.True(ps.Streams.Error.Count == 0, string.Join("\n", ps.Streams.Error.Select(e => e.ToString())));
            Assert.Equal(6, output.Count); // the Archive entry and five members
            Assert.True(File.Exists(temp.Combine("out", "PKG-INFO")));
        }

        [Fact]
        public void SkipUnsafe_skips_the_offenders_and_extracts_the_rest()
        {
            using var temp = new TempDir();
            var seed = Sdists.Seed(temp.Path);
            var dest = temp.Combine("out");
            var (output, ps, error) = Expand("Expand-PySdistSafely -LiteralPath $p -DestinationPath $d -SkipUnsafe", new Dictionary<string, object?> { ["p"] = seed, ["d"] = dest });
            Assert.Null(error);
            Assert.Empty(ps.Streams.Error);
            var link = output.Single(o => o.Prop<string>("Path") == "demo-1.0/venv/bin/python");
            Assert.Equal("Skipped", link.Prop<string>("Action"));
            Assert.Contains("SymlinkAbsolute", link.Prop<string>("Reason"));
            Assert.True(File.Exists(Path.Combine(dest, "demo-1.0", "PKG-INFO")));
            Assert.False(File.Exists(Path.Combine(dest, "demo-1.0", "venv", "bin", "python")));
        }

        [Theory]
        [InlineData("crc", "InvalidArchive", ErrorCategory.InvalidData)]
        [InlineData("count", "LimitsExceeded", ErrorCategory.LimitsExceeded)]
        public void Corrupt_and_oversized_archives_are_refused_with_their_category(string kind, string id, ErrorCategory category)
        {
            using var temp = new TempDir();
            var tar = new TarCrafter().AddFile("demo-1.0/PKG-INFO", "x");
            for (var i = 0; i < 20; i++) tar.AddFile($"demo-1.0/f{i}", "y");
            var bytes = tar.Finish().ToTarGz();
            if (kind == "crc") bytes = GzipCrafter.CorruptCrc(bytes);
            var archive = TarCrafter.Save(temp.Path, "demo-1.0.tar.gz", bytes);
            var dest = temp.Combine("out");
            var extra = kind == "count" ? " -MaxMemberCount 5" : string.Empty;
            var (_, _, error) = Expand("Expand-PySdistSafely -LiteralPath $p -DestinationPath $d -SkipUnsafe" + extra, new Dictionary<string, object?> { ["p"] = archive, ["d"] = dest });
            var record = ((IContainsErrorRecord)error!).ErrorRecord;
            Assert.Equal(id + ",PyPackaging.Commands.ExpandPySdistSafelyCommand", record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
            Assert.False(Directory.Exists(dest));
            Assert.Equal(new[] { "demo-1.0.tar.gz" }, Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
        }

        [Fact]
        public void LinkMode_Skip_and_Copy()
        {
            using var temp = new TempDir();
            var archive = new TarCrafter().AddFile("demo-1.0/PKG-INFO", "x").AddFile("demo-1.0/a.txt", "A").AddSymlink("demo-1.0/b.txt", "a.txt")
                .Finish().SaveTarGz(temp.Path, "demo-1.0.tar.gz");
            var (output, ps, _) = Expand("Expand-PySdistSafely -LiteralPath $p -DestinationPath $d -LinkMode Skip", new Dictionary<string, object?> { ["p"] = archive, ["d"] = temp.Combine("skip") });
            Assert.Empty(ps.Streams.Error);
            Assert.Equal("Skipped", output.Single(o => o.Prop<string>("Path") == "demo-1.0/b.txt").Prop<string>("Action"));
            Assert.False(File.Exists(temp.Combine("skip", "demo-1.0", "b.txt")));
            (output, ps, _) = Expand("Expand-PySdistSafely -LiteralPath $p -DestinationPath $d", new Dictionary<string, object?> { ["p"] = archive, ["d"] = temp.Combine("copy") });
            Assert.Empty(ps.Streams.Error);
            Assert.Equal("A", File.ReadAllText(temp.Combine("copy", "demo-1.0", "b.txt")));
            Assert.Null(new FileInfo(temp.Combine("copy", "demo-1.0", "b.txt")).LinkTarget);
        }

        [Fact]
        public void A_write_failure_is_a_WriteError_and_leaves_nothing()
        {
            using var temp = new TempDir();
            var tar = new TarCrafter().AddFile("demo-1.0/PKG-INFO", "x");
            for (var i = 0; i < 50; i++) tar.AddFile($"demo-1.0/f{i}", "y");
            tar.AddFile("demo-1.0/" + new string('n', 300), "too long for one component");
            var archive = tar.Finish().SaveTarGz(temp.Path, "demo-1.0.tar.gz");
            var dest = temp.Combine("out");
            Seed(dest);
            var before = Tree(temp.Path);
            var (_, ps, error) = Expand("Expand-PySdistSafely -LiteralPath $p -DestinationPath $d", new Dictionary<string, object?> { ["p"] = archive, ["d"] = dest });
            Assert.Null(error);
            var record = ps.Streams.Error.Single();
            Assert.Equal("WriteFailed,PyPackaging.Commands.ExpandPySdistSafelyCommand", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.WriteError, record.CategoryInfo.Category);
            Assert.Equal(before, Tree(temp.Path));
        }

        [Fact]
        public void Stopping_midway_leaves_no_staging_directory_and_an_untouched_destination()
        {
            using var temp = new TempDir();
            var archive = GzipCrafter.SaveStreaming(temp.Path, "demo-1.0.tar.gz", s =>
            {
                var tar = new TarCrafter(s);
                tar.AddDirectory("demo-1.0/");
                for (var i = 0; i < 20000; i++) tar.AddFile($"demo-1.0/pkg/m{i}.py", new string('x', 3000));
                tar.Finish();
            });
            var dest = temp.Combine("out");
            Seed(dest);
            var before = Tree(temp.Path);

            using var ps = ModuleHost.Create();
            ps.Runspace.SessionStateProxy.SetVariable("p", archive);
            ps.Runspace.SessionStateProxy.SetVariable("d", dest);
            ps.AddScript("Expand-PySdistSafely -LiteralPath $p -DestinationPath $d");
            var midway = new System.Threading.ManualResetEventSlim();
            ps.Streams.Progress.DataAdded += (s, e) =>
            {
                var record = ps.Streams.Progress[e.Index];
                if (record.StatusDescription.Contains("members") && record.PercentComplete > 0) midway.Set();
            };
            var output = new PSDataCollection<PSObject>();
            var async = ps.BeginInvoke<PSObject, PSObject>(null, output);
            Assert.True(midway.Wait(TimeSpan.FromSeconds(120)), "no progress was reported");
            Assert.True(Directory.GetDirectories(dest, ".pypackaging-*").Length == 1, "the staging directory should exist while extracting");
            ps.Stop();
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(async));
            Assert.Empty(output);
            Assert.Equal(before, Tree(temp.Path));
        }
    }
}
