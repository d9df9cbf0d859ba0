using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using PyPackaging.Tests.Infrastructure;

namespace PyPackaging.Tests
{
    /// <summary>Build-PySdist in a hosted engine, through the staged module, on project trees made here.</summary>
    public class BuildPySdistTests
    {
        private static (List<PSObject> Output, PowerShell Shell) Build(string location, string arguments = "") =>
            ModuleHost.Run("Build-PySdist " + arguments, location);

        /// <summary>The one error a failing invocation reports, whether it surfaced as an exception or in the error stream.</summary>
        internal static ErrorRecord Failure(string script, string location)
        {
            var ps = ModuleHost.Create(location);
            ps.AddScript(script);
            return Failure(ps);
        }

        internal static ErrorRecord Failure(PowerShell ps)
        {
            try
            {
                ps.Invoke();
            }
            catch (RuntimeException ex)
            {
                return ex.ErrorRecord;
            }
            return Assert.Single(ps.Streams.Error);
        }

        private static List<string> Added(IEnumerable<PSObject> output) =>
            output.Where(o => o.Prop<string>("Action") == "Added" && o.Prop<string>("EntryType") == "File").Select(o => o.Prop<string>("Path")).ToList();

        [SkippableFact]
        public void Seed_project_builds_without_venv_cache_git_bytecode_or_ignored_files_and_the_link_becomes_a_file()
        {
            using var temp = new TempDir();
            string project = BuildFixtures.Seed(temp.Path);
            var (output, ps) = Build(project, "-IncludeExcluded");
            Assert.Empty(ps.Streams.Error);

            string sdist = Path.Combine(project, "dist", "demo_pkg-1.0.0.tar.gz");
            Assert.True(File.Exists(sdist));
            var archive = output.Single(o => o.Prop<string>("EntryType") == "Archive");
            Assert.Equal(sdist, archive.Prop<string>("Archive"));
            Assert.DoesNotContain(((IEnumerable<object>)archive.Properties["Findings"].Value).Select(PSObject.AsPSObject), f => f.Prop<string>("Severity") == "Error");
            Assert.All(output, o => Assert.Equal("PyPackaging.PySdistEntry#Action", o.TypeNames[0]));
            Assert.DoesNotContain(output, o => o.Prop<string>("Severity") == "Error"); // the selection never yields an Error finding

            var added = Added(output);
            Assert.Equal(new[]
            {
                "demo_pkg-1.0.0/.gitignore",
                "demo_pkg-1.0.0/PKG-INFO",
                "demo_pkg-1.0.0/README.md",
                "demo_pkg-1.0.0/pyproject.toml",
                "demo_pkg-1.0.0/scripts/run.sh",
                "demo_pkg-1.0.0/src/demo_pkg/.gitignore",
                "demo_pkg-1.0.0/src/demo_pkg/__init__.py",
                "demo_pkg-1.0.0/src/demo_pkg/core.py",
                "demo_pkg-1.0.0/src/demo_pkg/data/values.json",
                "demo_pkg-1.0.0/src/demo_pkg/linked.txt",
                "demo_pkg-1.0.0/src/demo_pkg/real.txt",
                "demo_pkg-1.0.0/tests/test_core.py",
            }, added);

            // The consumer's view: only regular files; the link was packed as a regular file with its target's content.
            var names = BuildFixtures.PythonTarNames(sdist);
            Assert.All(names, n => Assert.EndsWith("\tf", n));
            var linked = output.Single(o => o.Prop<string>("Path") == "demo_pkg-1.0.0/src/demo_pkg/linked.txt");
            Assert.Equal("File", linked.Prop<string>("EntryType"));
            Assert.Equal(13L, linked.Prop<long>("Size"));
            Assert.Equal("0755", output.Single(o => o.Prop<string>("Path") == "demo_pkg-1.0.0/scripts/run.sh").Prop<string>("Mode"));
            Assert.Equal("0644", linked.Prop<string>("Mode"));

            var excluded = output.Where(o => o.Prop<string>("Action") == "Excluded").ToDictionary(o => o.Prop<string>("Path"), o => o.Prop<string>("Reason"));
            Assert.StartsWith("VirtualEnvironment", excluded["demo_pkg-1.0.0/venv/"]);
            Assert.StartsWith("CacheDirectory", excluded["demo_pkg-1.0.0/.uv-cache/"]);
            Assert.StartsWith("VersionControl", excluded["demo_pkg-1.0.0/.git/"]);
            Assert.StartsWith("BytecodeCache", excluded["demo_pkg-1.0.0/src/demo_pkg/__pycache__/"]);
            Assert.StartsWith("GitIgnore", excluded["demo_pkg-1.0.0/src/demo_pkg/generated.txt"]);
            Assert.StartsWith("GitIgnore", excluded["demo_pkg-1.0.0/debug.log"]);
        }

        [SkippableFact]
        public void WhatIf_lists_the_plan_with_every_exclusion_and_writes_nothing()
        {
            using var temp = new TempDir();
            string project = BuildFixtures.Seed(temp.Path);
            var before = Directory.GetFileSystemEntries(project, "*", SearchOption.TopDirectoryOnly).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var (output, ps) = Build(project, "-WhatIf");
            Assert.Empty(ps.Streams.Error);
            Assert.False(Directory.Exists(Path.Combine(project, "dist")));
            Assert.Equal(before, Directory.GetFileSystemEntries(project, "*", SearchOption.TopDirectoryOnly).OrderBy(s => s, StringComparer.Ordinal).ToList());

            Assert.Contains("demo_pkg-1.0.0/PKG-INFO", Added(output));
            Assert.Contains("demo_pkg-1.0.0/src/demo_pkg/linked.txt", Added(output));
            var excluded = output.Where(o => o.Prop<string>("Action") == "Excluded").ToList();
            foreach (var path in new[] { "venv/", ".uv-cache/", ".git/", "src/demo_pkg/__pycache__/", "src/demo_pkg/generated.txt" })
            {
                var x = excluded.Single(o => o.Prop<string>("Path") == "demo_pkg-1.0.0/" + path);
                Assert.False(string.IsNullOrWhiteSpace(x.Prop<string>("Reason")));
            }
            Assert.Contains(excluded, o => o.Prop<string>("Reason").Contains("virtual environment", StringComparison.OrdinalIgnoreCase));
        }

        [SkippableFact]
        public void Two_builds_are_byte_identical_and_SOURCE_DATE_EPOCH_sets_entry_and_gzip_times()
        {
            Tool.RequirePythonAndGit();
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path);
            var (_, ps1) = ModuleHost.Run("Build-PySdist -OutputDirectory ../out1 -SourceDateEpoch 1700000000 | Out-Null; Build-PySdist -OutputDirectory ../out2 -SourceDateEpoch 1700000000 | Out-Null", project);
            Assert.Empty(ps1.Streams.Error);
            byte[] a = File.ReadAllBytes(Path.Combine(temp.Path, "out1", "demo_pkg-1.0.0.tar.gz"));
            byte[] b = File.ReadAllBytes(Path.Combine(temp.Path, "out2", "demo_pkg-1.0.0.tar.gz"));
            Assert.Equal(Convert.ToHexString(SHA256.HashData(a)), Convert.ToHexString(SHA256.HashData(b)));
            Assert.Equal(1700000000u, BitConverter.ToUInt32(a, 4)); // gzip MTIME (little-endian on every supported platform)

            // From the environment, as reproducible-builds tools set it.
            var ps = ModuleHost.Create(project);
            ps.AddScript("$env:SOURCE_DATE_EPOCH = '1600000000'; try { Build-PySdist -OutputDirectory out3 } finally { $env:SOURCE_DATE_EPOCH = $null }");
            var output = ps.Invoke().ToList();
            Assert.Empty(ps.Streams.Error);
            byte[] c = File.ReadAllBytes(Path.Combine(project, "out3", "demo_pkg-1.0.0.tar.gz"));
            Assert.Equal(1600000000u, BitConverter.ToUInt32(c, 4));
            var times = Tool.Check("python3", new[] { "-c", "import sys, tarfile\nprint(sorted({m.mtime for m in tarfile.open(sys.argv[1])}))", Path.Combine(project, "out3", "demo_pkg-1.0.0.tar.gz") });
            Assert.Equal("[1600000000]", times.Output.Trim());
            Assert.All(output.Where(o => o.Prop<string>("EntryType") == "File"),
                o => Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1600000000).UtcDateTime, o.Prop<DateTime>("LastWriteTime")));
        }

        [SkippableFact]
        public void Default_epoch_is_hatchlings_2020_02_02_and_a_malformed_SOURCE_DATE_EPOCH_is_an_error()
        {
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path);
            var ps = ModuleHost.Create(project);
            ps.AddScript("$env:SOURCE_DATE_EPOCH = $null; Build-PySdist | Out-Null");
            ps.Invoke();
            Assert.Empty(ps.Streams.Error);
            byte[] bytes = File.ReadAllBytes(Path.Combine(project, "dist", "demo_pkg-1.0.0.tar.gz"));
            Assert.Equal(1580601600u, BitConverter.ToUInt32(bytes, 4));

            var bad = ModuleHost.Create(project);
            bad.AddScript("$env:SOURCE_DATE_EPOCH = 'yesterday'; try { Build-PySdist -OutputDirectory other } finally { $env:SOURCE_DATE_EPOCH = $null }");
            Assert.Equal("InvalidSourceDateEpoch,PyPackaging.Commands.BuildPySdistCommand", Failure(bad).FullyQualifiedErrorId);
            Assert.False(Directory.Exists(Path.Combine(project, "other")));
        }

        [SkippableFact]
        public void Existing_sdist_needs_Force_and_Force_replaces_it()
        {
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path);
            string sdist = Path.Combine(project, "dist", "demo_pkg-1.0.0.tar.gz");
            Directory.CreateDirectory(Path.GetDirectoryName(sdist)!);
            File.WriteAllText(sdist, "old");
            var (_, ps) = Build(project);
            var error = Assert.Single(ps.Streams.Error);
            Assert.Equal("ResourceExists,PyPackaging.Commands.BuildPySdistCommand", error.FullyQualifiedErrorId);
            Assert.Equal("ResourceExists", error.CategoryInfo.Category.ToString());
            Assert.Equal("old", File.ReadAllText(sdist));

            var (_, forced) = Build(project, "-Force");
            Assert.Empty(forced.Streams.Error);
            Assert.NotEqual("old", File.ReadAllText(sdist));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(sdist)!, "*.tmp"));
        }

        [SkippableFact]
        public void Metadata_problems_are_one_terminating_error_listing_all_of_them_and_nothing_is_written()
        {
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path, pyproject:
                "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n[project]\nname = \"bad name!\"\nversion = \"one\"\nrequires-python = \"banana\"\n");
            var rec = Failure("Build-PySdist", project);
            Assert.Equal("InvalidProjectMetadata,PyPackaging.Commands.BuildPySdistCommand", rec.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, rec.CategoryInfo.Category);
            Assert.Equal(project, rec.TargetObject);
            Assert.Contains("project.name", rec.Exception.Message);
            Assert.Contains("project.version", rec.Exception.Message);
            Assert.Contains("project.requires-python", rec.Exception.Message);
            Assert.False(Directory.Exists(Path.Combine(project, "dist")));
        }

        [SkippableFact]
        public void Dynamic_fields_and_a_missing_project_table_are_clear_errors()
        {
            using var temp = new TempDir();
            string dynamicProject = BuildFixtures.Clean(temp.Path, "dyn",
                "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n[project]\nname = \"dyn\"\ndynamic = [\"version\"]\n");
            // A dynamic version hatchling has no configuration for: the only problem, with its own id. -Backend Native:
            // Auto would hand these to the project's backend (ProjectModeTests).
            var rec = Failure("Build-PySdist -Backend Native", dynamicProject);
            Assert.Equal("DynamicVersionNotSupported,PyPackaging.Commands.BuildPySdistCommand", rec.FullyQualifiedErrorId);
            Assert.Contains("[tool.hatch.version]", rec.Exception.Message);

            string dynamicReadme = BuildFixtures.Clean(temp.Path, "dynreadme",
                "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n[project]\nname = \"dyn\"\nversion = \"1\"\ndynamic = [\"readme\"]\n");
            rec = Failure("Build-PySdist -Backend Native", dynamicReadme);
            Assert.Equal("InvalidProjectMetadata,PyPackaging.Commands.BuildPySdistCommand", rec.FullyQualifiedErrorId);
            Assert.Contains("'readme'", rec.Exception.Message);

            string noProject = BuildFixtures.Clean(temp.Path, "noproj", "[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n");
            Assert.Contains("native build", Failure("Build-PySdist -Backend Native", noProject).Exception.Message);
            Assert.False(Directory.Exists(Path.Combine(noProject, "dist")));
        }

        [SkippableFact]
        public void Escaping_and_dangling_links_are_listed_in_one_error_and_nothing_is_written()
        {
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path);
            File.WriteAllText(Path.Combine(temp.Path, "outside.txt"), "secret");
            File.CreateSymbolicLink(Path.Combine(project, "src", "escape.txt"), "../../outside.txt");
            File.CreateSymbolicLink(Path.Combine(project, "src", "dangling.txt"), "nowhere.txt");
            var rec = Failure("Build-PySdist", project);
            Assert.Equal("InvalidSourceTree,PyPackaging.Commands.BuildPySdistCommand", rec.FullyQualifiedErrorId);
            Assert.Contains("src/escape.txt", rec.Exception.Message);
            Assert.Contains("src/dangling.txt", rec.Exception.Message);
            Assert.False(Directory.Exists(Path.Combine(project, "dist")));
        }

        [SkippableFact]
        public void Relative_paths_resolve_against_the_runspace_location_and_Include_Exclude_win()
        {
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path);
            var (output, ps) = ModuleHost.Run("Build-PySdist project -OutputDirectory artefacts -Include debug.log -Exclude tests/", temp.Path);
            Assert.Empty(ps.Streams.Error);
            Assert.True(File.Exists(Path.Combine(temp.Path, "artefacts", "demo_pkg-1.0.0.tar.gz")));
            var added = Added(output);
            Assert.Contains("demo_pkg-1.0.0/debug.log", added);
            Assert.DoesNotContain(added, p => p.Contains("/tests/"));
        }

        [SkippableFact]
        public void Hatch_include_and_exclude_are_honoured_and_foreign_tables_warn()
        {
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path, pyproject: BuildFixtures.SimplePyproject +
                "\n[tool.hatch.build.targets.sdist]\ninclude = [\"/src\", \"/tests\"]\nexclude = [\"*.json\"]\n\n[tool.flit.sdist]\nexclude = [\"tests\"]\n");
            var (output, ps) = Build(project, "-IncludeExcluded");
            Assert.Empty(ps.Streams.Error);
            var added = Added(output);
            Assert.Contains("demo_pkg-1.0.0/src/demo_pkg/core.py", added);
            Assert.Contains("demo_pkg-1.0.0/tests/test_core.py", added);
            Assert.Contains("demo_pkg-1.0.0/README.md", added); // the readme is always packed
            Assert.DoesNotContain("demo_pkg-1.0.0/scripts/run.sh", added);
            Assert.DoesNotContain("demo_pkg-1.0.0/src/demo_pkg/data/values.json", added);
            var excluded = output.Where(o => o.Prop<string>("Action") == "Excluded").ToDictionary(o => o.Prop<string>("Path"), o => o.Prop<string>("Reason"));
            Assert.StartsWith("NotIncluded", excluded["demo_pkg-1.0.0/scripts/run.sh"]);
            Assert.StartsWith("BackendExclude", excluded["demo_pkg-1.0.0/src/demo_pkg/data/values.json"]);
            Assert.Contains(ps.Streams.Warning, w => w.Message.Contains("tool.flit.sdist"));
        }

        [SkippableFact]
        public void Stop_during_a_large_build_leaves_no_file_behind()
        {
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path);
            var rnd = new Random(7);
            var buffer = new byte[1 << 20];
            for (int i = 0; i < 60; i++)
            {
                rnd.NextBytes(buffer);
                File.WriteAllBytes(Path.Combine(project, "src", "demo_pkg", "blob" + i + ".bin"), buffer);
            }
            var ps = ModuleHost.Create(project);
            ps.AddScript("Build-PySdist");
            var async = ps.BeginInvoke();
            System.Threading.Thread.Sleep(400);
            ps.Stop();
            try { ps.EndInvoke(async); } catch (PipelineStoppedException) { }
            string dist = Path.Combine(project, "dist");
            if (Directory.Exists(dist))
            {
                // Either the build finished before the stop (then only the sdist) or it was stopped (then not even dist/).
                var files = Directory.GetFileSystemEntries(dist);
                Assert.True(files.Length == 1 && files[0].EndsWith("demo_pkg-1.0.0.tar.gz", StringComparison.Ordinal), string.Join(", ", files));
            }
        }

        [SkippableFact]
        public void Piped_directory_binds_and_Verbose_reports_each_exclusion()
        {
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path);
            Directory.CreateDirectory(Path.Combine(project, "src", "demo_pkg", "__pycache__"));
            File.WriteAllText(Path.Combine(project, "src", "demo_pkg", "__pycache__", "x.pyc"), "x");
            var (output, ps) = ModuleHost.Run("[pscustomobject]@{ PSPath = $p } | Build-PySdist -Verbose", temp.Path, new Dictionary<string, object?> { ["p"] = project });
            Assert.Empty(ps.Streams.Error);
            Assert.True(File.Exists(Path.Combine(project, "dist", "demo_pkg-1.0.0.tar.gz")));
            Assert.Contains(ps.Streams.Verbose, v => v.Message.Contains("src/demo_pkg/__pycache__/") && v.Message.Contains("BytecodeCache"));
            Assert.Contains(ps.Streams.Verbose, v => v.Message.Contains("debug.log") && v.Message.Contains("GitIgnore"));
            Assert.DoesNotContain(output, o => o.Prop<string>("Action") == "Excluded");
        }
    }
}
