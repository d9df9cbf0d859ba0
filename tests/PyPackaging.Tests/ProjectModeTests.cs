using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PyPackaging.Tests.Infrastructure;

namespace PyPackaging.Tests
{
    /// <summary>
    /// Build-PySdist in Project mode (the project's own PEP 517 backend in a clean room) on real-shaped projects, compared
    /// with the same backend run directly by python -m build on the same tree (Debian's /usr/bin/python3 with build,
    /// setuptools, setuptools-scm, hatchling, hatch-vcs and poetry-core). Nothing here uses the network.
    /// </summary>
    public class ProjectModeTests
    {
        private static string Python => Tool.DebianPython;

        private static (List<PSObject> Output, PowerShell Shell) Build(string project, string output, string arguments = "") =>
            ModuleHost.Run("Build-PySdist -Path $p -OutputDirectory $o -Python $py " + arguments, project,
                new Dictionary<string, object?> { ["p"] = project, ["o"] = output, ["py"] = Python });

        private static PSObject ArchiveEntry(List<PSObject> output, PowerShell ps)
        {
            Assert.True(ps.Streams.Error.Count == 0, string.Join(Environment.NewLine, ps.Streams.Error.Select(e => e.ToString())));
            return output.Single(o => o.Prop<string>("EntryType") == "Archive");
        }

        /// <summary>Builds in Project mode, then runs the backend directly, and compares the file names and member lists.</summary>
        private static string CompareWithBackend(TempDir temp, string project, string arguments = "")
        {
            var (output, ps) = Build(project, temp.Combine("ours"), arguments);
            var archive = ArchiveEntry(output, ps);
            Assert.Equal("Project", archive.Prop<string>("BuildMode"));
            Assert.Equal("python -m build", archive.Prop<string>("BuildRunner"));
            string ours = archive.Prop<string>("Archive");
            Assert.True(File.Exists(ours));

            string theirs = ProjectFixtures.BuildDirectly(project, temp.Combine("theirs"));
            Assert.Equal(Path.GetFileName(theirs), Path.GetFileName(ours)); // name and version
            Assert.Equal(ProjectFixtures.Members(theirs), ProjectFixtures.Members(ours));
            Assert.Equal(ProjectFixtures.Members(ours).Count(m => !m.EndsWith("/", StringComparison.Ordinal)) + 1, output.Count(o => o.Prop<string>("Action") == "Added"));
            return ours;
        }

        [SkippableFact]
        public void Setuptools_with_setup_py_and_MANIFEST_in_is_built_by_setuptools_as_run_directly()
        {
            ProjectFixtures.RequireBackends();
            using var temp = new TempDir();
            string project = ProjectFixtures.SetuptoolsSetupPy(temp.Path);
            string ours = CompareWithBackend(temp, project); // Auto: setuptools is Project mode
            Assert.Equal("legacydemo-2.5.0.tar.gz", Path.GetFileName(ours));
            var members = ProjectFixtures.Members(ours);
            Assert.Contains("legacydemo-2.5.0/data/values.csv", members);
            Assert.DoesNotContain("legacydemo-2.5.0/data/notes.txt", members);
        }

        /// <summary>A tag, one commit since, a modified tracked file and an untracked one, as setuptools-scm sees them.</summary>
        private static string ScmProjectAtDistanceOneAndDirty(TempDir temp, string name, string scmOptions)
        {
            string project = ProjectFixtures.SetuptoolsScm(temp.Path, name, scmOptions);
            ProjectFixtures.CommitAll(project);
            ProjectFixtures.Git(project, "tag", "v1.2.0");
            BuildFixtures.Write(project, "src/scmdemo/more.py", "X = 1\n");
            ProjectFixtures.CommitAll(project, "second", init: false);
            BuildFixtures.Write(project, "src/scmdemo/__init__.py", "# changed, not committed\n");
            BuildFixtures.Write(project, "untracked.txt", "new, not ignored\n");
            return project;
        }

        [SkippableFact]
        public void Setuptools_scm_gets_the_same_version_and_files_from_tags_and_distance_as_in_the_users_tree()
        {
            ProjectFixtures.RequireBackends();
            using var temp = new TempDir();
            string project = ScmProjectAtDistanceOneAndDirty(temp, "scm", "local_scheme = \"no-local-version\"\n");
            string ours = CompareWithBackend(temp, project);
            Assert.Equal("scmdemo-1.2.1.dev1.tar.gz", Path.GetFileName(ours));
            Assert.Contains(ProjectFixtures.Members(ours), m => m.EndsWith("/notes/tracked.txt", StringComparison.Ordinal)); // the git file finder ran
        }

        /// <summary>
        /// With setuptools-scm's default local scheme the dirty tree shows in the version (+g&lt;hash&gt;.d&lt;date&gt;), the
        /// same in the clean room as directly. pip and uv install such a development build and only PyPI's upload refuses
        /// the local label, so the build keeps the sdist (as the backend does); its Archive entry's verdict is Error and
        /// PKG-INFO's entry carries PkgInfoLocalVersion, the Error Test-PySdist and Assert-PySdist stop an upload with — as for a native build.
        /// </summary>
        [SkippableFact]
        public void Setuptools_scm_dirty_local_version_is_the_backends_and_the_Archive_entry_says_PyPI_refuses_it()
        {
            ProjectFixtures.RequireBackends();
            using var temp = new TempDir();
            string project = ScmProjectAtDistanceOneAndDirty(temp, "scmlocal", string.Empty);
            var (output, ps) = Build(project, temp.Combine("ours"));
            var archive = ArchiveEntry(output, ps);
            string ours = archive.Prop<string>("Archive");
            Assert.True(File.Exists(ours));
            Assert.Equal("Error", archive.Prop<object>("Severity")!.ToString());
            var errorRules = output.SelectMany(o => ((System.Collections.IEnumerable)o.Prop<object>("Findings")!).Cast<object>())
                .Select(f => PSObject.AsPSObject(f))
                .Where(f => f.Prop<object>("Severity")!.ToString() == "Error")
                .Select(f => f.Prop<string>("RuleId")).Distinct().ToArray();
            Assert.Equal(new[] { "PkgInfoLocalVersion" }, errorRules);

            string theirs = Path.GetFileName(ProjectFixtures.BuildDirectly(project, temp.Combine("theirs")));
            Assert.Matches(@"^scmdemo-1\.2\.1\.dev1\+g[0-9a-f]+\.d[0-9]{8}\.tar\.gz$", theirs);
            Assert.Equal(theirs, Path.GetFileName(ours));
        }

        [SkippableFact]
        public void Poetry_core_without_a_project_table_is_built_by_poetry_core_as_run_directly()
        {
            ProjectFixtures.RequireBackends();
            using var temp = new TempDir();
            string project = ProjectFixtures.Poetry(temp.Path);
            string ours = CompareWithBackend(temp, project);
            Assert.Equal("poetry_demo-0.4.1.tar.gz", Path.GetFileName(ours));
        }

        [SkippableFact]
        public void Hatch_vcs_in_Project_mode_matches_hatchling_run_directly_on_a_clean_commit()
        {
            ProjectFixtures.RequireBackends();
            using var temp = new TempDir();
            string project = ProjectFixtures.HatchVcs(temp.Path);
            ProjectFixtures.CommitAll(project);
            ProjectFixtures.Git(project, "tag", "0.9.0");
            string ours = CompareWithBackend(temp, project, "-Backend Project");
            Assert.Equal("vcs_demo-0.9.0.tar.gz", Path.GetFileName(ours));
        }

        /// <summary>
        /// uv#14897: the backends pack what they find in the tree. Run directly, hatchling packs the untracked venv (its
        /// absolute interpreter link too), the uv cache and the stale build/; setuptools' package discovery fails on the
        /// venv (a flat layout with two top-level "packages"). Through the clean room neither sees any of it.
        /// </summary>
        [SkippableTheory]
        [InlineData("hatchling")]
        [InlineData("setuptools")]
        public void The_uv_14897_tree_built_in_Project_mode_has_no_venv_cache_or_stale_build_while_the_backend_run_directly_takes_them(string backend)
        {
            ProjectFixtures.RequireBackends();
            using var temp = new TempDir();
            string project = backend == "hatchling" ? BuildFixtures.Clean(temp.Path, "uv14897") : ProjectFixtures.FlatSetuptools(temp.Path, "uv14897");
            File.WriteAllText(Path.Combine(project, ".gitignore"), "*.log\n"); // lists none of the junk
            ProjectFixtures.CommitAll(project);
            ProjectFixtures.AddUv14897Junk(project);

            var (output, ps) = Build(project, temp.Combine("ours"), "-Backend Project");
            string ours = ArchiveEntry(output, ps).Prop<string>("Archive");
            var clean = ProjectFixtures.Members(ours).Select(m => m.Substring(m.IndexOf('/') + 1)).ToList();
            Assert.DoesNotContain(clean, m => m.StartsWith("py311", StringComparison.Ordinal) || m.StartsWith(".uv-cache", StringComparison.Ordinal) || m.StartsWith("build/", StringComparison.Ordinal));
            Assert.Contains(clean, m => m.EndsWith("__init__.py", StringComparison.Ordinal));

            if (backend == "hatchling")
            {
                string theirs = ProjectFixtures.BuildDirectly(project, temp.Combine("theirs"));
                Assert.Equal(Path.GetFileName(theirs), Path.GetFileName(ours));
                var direct = ProjectFixtures.Members(theirs).Select(m => m.Substring(m.IndexOf('/') + 1)).ToList();
                Assert.Contains("py311/pyvenv.cfg", direct);
                Assert.Contains("py311/bin/python", direct); // the absolute link to the interpreter
                Assert.Contains(".uv-cache/CACHEDIR.TAG", direct);
                Assert.Contains("build/lib/stale_module.py", direct);
            }
            else
            {
                var r = Tool.Run(Python, new[] { "-m", "build", "--sdist", "--no-isolation", "--skip-dependency-check", "--outdir", temp.Combine("theirs"), project }, project);
                Assert.NotEqual(0, r.ExitCode);
                Assert.Contains("py311", r.Output + r.Error); // "Multiple top-level packages discovered in a flat-layout"
                Assert.Equal("flatdemo-1.0.tar.gz", Path.GetFileName(ours));
            }
        }
    }
}
