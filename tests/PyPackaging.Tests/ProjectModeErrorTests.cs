using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading;
using PyPackaging.Tests.Infrastructure;

namespace PyPackaging.Tests
{
    /// <summary>
    /// Project mode's decisions and failures through the cmdlet: -WhatIf, the Auto choice, the hook runner with an
    /// in-tree backend (backend-path), no Python, no backend, a failing backend, Ctrl+C — and nothing left behind.
    /// </summary>
    public class ProjectModeErrorTests
    {
        private static string Python => Tool.DebianPython;

        /// <summary>An in-tree, stdlib-only backend (backend-path = ["_backend"]); <paramref name="body"/> runs first in build_sdist.</summary>
        private static string InTreeBackendProject(string parent, string body, string name = "intree")
        {
            string root = Path.Combine(parent, name);
            BuildFixtures.Write(root, "pyproject.toml", "[build-system]\nrequires = []\nbuild-backend = \"inline_backend\"\nbackend-path = [\"_backend\"]\n");
            BuildFixtures.Write(root, "_backend/inline_backend.py",
                "import io, os, sys, tarfile\n" +
                "def build_sdist(sdist_directory, config_settings=None):\n" +
                body +
                "    name = 'inline_demo-0.3'\n" +
                "    with tarfile.open(os.path.join(sdist_directory, name + '.tar.gz'), 'w:gz', format=tarfile.PAX_FORMAT) as t:\n" +
                "        files = {'PKG-INFO': b'Metadata-Version: 2.1\\nName: inline-demo\\nVersion: 0.3\\n'}\n" +
                "        for rel in sorted(os.listdir('.')):\n" +
                "            if os.path.isfile(rel): files[rel] = open(rel, 'rb').read()\n" +
                "        for rel, data in sorted(files.items()):\n" +
                "            info = tarfile.TarInfo(name + '/' + rel); info.size = len(data); info.mode = 0o644; info.mtime = 1700000000\n" +
                "            t.addfile(info, io.BytesIO(data))\n" +
                "    return name + '.tar.gz'\n");
            BuildFixtures.Write(root, "hello.txt", "hello\n");
            return root;
        }

        private static (List<PSObject> Output, PowerShell Shell) Run(string script, string project, string? python = null) =>
            ModuleHost.Run(script, project, new Dictionary<string, object?> { ["p"] = project, ["py"] = python ?? Python });

        private static ErrorRecord Failure(string script, string project, string? python = null)
        {
            var ps = ModuleHost.Create(project);
            ps.Runspace.SessionStateProxy.SetVariable("p", project);
            ps.Runspace.SessionStateProxy.SetVariable("py", python ?? Python);
            ps.AddScript(script);
            return BuildPySdistTests.Failure(ps);
        }

        /// <summary>A venv of Debian's Python without pypa/build: the hook runner is chosen (uv is not on PATH here).</summary>
        private static string BareVenvPython(TempDir temp)
        {
            string venv = temp.Combine("bare-venv");
            Tool.Check(Python, new[] { "-m", "venv", "--without-pip", venv });
            return Path.Combine(venv, "bin", "python");
        }

        /// <summary>The "What if:" line goes to the host (checked in tests/Module/ProjectMode.Tests.ps1); -Verbose says the same.</summary>
        [SkippableFact]
        public void WhatIf_with_Verbose_says_which_mode_would_run_why_and_with_which_runner_and_writes_nothing()
        {
            Tool.RequireRealTools();
            using var temp = new TempDir();
            string setuptools = ProjectFixtures.SetuptoolsSetupPy(temp.Path);
            var (output, ps) = Run("Build-PySdist $p -Python $py -WhatIf -Verbose", setuptools);
            Assert.Empty(ps.Streams.Error);
            Assert.Empty(output);
            var verbose = ps.Streams.Verbose.Select(v => v.Message).ToList();
            Assert.Contains("Build mode: Project (the build backend 'setuptools.build_meta' (setuptools) is not one the native build imitates (hatchling, flit_core, pdm-backend, uv_build)).", verbose);
            Assert.Contains(verbose, v => v.StartsWith("Project mode runner: " + Python + " -m build --sdist --no-isolation --skip-dependency-check (Python 3.", StringComparison.Ordinal));
            Assert.False(Directory.Exists(Path.Combine(setuptools, "dist")));

            string hatch = BuildFixtures.Clean(temp.Path, "hatch");
            var (plan, ps2) = Run("Build-PySdist $p -WhatIf -Verbose", hatch);
            Assert.Contains(ps2.Streams.Verbose, v => v.Message == "Build mode: Native (hatchling with static [project] metadata: the native build reproduces it).");
            Assert.Contains(plan, o => o.Prop<string>("Action") == "Added");
            Assert.False(Directory.Exists(Path.Combine(hatch, "dist")));
        }

        [SkippableFact]
        public void Auto_builds_static_hatchling_natively_and_Backend_Project_runs_hatchling_for_the_same_name_and_version()
        {
            Tool.RequireRealTools();
            using var temp = new TempDir();
            string project = BuildFixtures.Clean(temp.Path);
            var (auto, ps1) = Run("Build-PySdist $p -OutputDirectory ./native", project);
            Assert.Empty(ps1.Streams.Error);
            var nativeArchive = auto.Single(o => o.Prop<string>("EntryType") == "Archive");
            Assert.Equal("Native", nativeArchive.Prop<string>("BuildMode"));
            Assert.Equal("native", nativeArchive.Prop<string>("BuildRunner"));

            var (project2, ps2) = Run("Build-PySdist $p -OutputDirectory ./backend -Backend Project -Python $py -Verbose", project);
            Assert.Empty(ps2.Streams.Error);
            var backendArchive = project2.Single(o => o.Prop<string>("EntryType") == "Archive");
            Assert.Equal("Project", backendArchive.Prop<string>("BuildMode"));
            Assert.Equal(Path.GetFileName(nativeArchive.Prop<string>("Archive")), Path.GetFileName(backendArchive.Prop<string>("Archive")));
            Assert.Contains(ps2.Streams.Verbose, v => v.Message.StartsWith("Build mode: Project (-Backend Project was given)", StringComparison.Ordinal));
            Assert.Contains(ps2.Streams.Verbose, v => v.Message.StartsWith("Project mode runner: " + Python + " -m build --sdist --no-isolation", StringComparison.Ordinal));
            // SourcePath points at the user's files, not at the clean room's copies.
            var readme = project2.Single(o => o.Prop<string>("Path").EndsWith("/README.md", StringComparison.Ordinal));
            Assert.Equal(Path.Combine(project, "README.md"), readme.Prop<string>("SourcePath"));
        }

        [SkippableFact]
        public void Without_pypa_build_the_hook_runner_calls_an_in_tree_backend_from_backend_path()
        {
            Tool.RequireRealTools();
            using var temp = new TempDir();
            string python = BareVenvPython(temp);
            string project = InTreeBackendProject(temp.Path, "    pass\n");
            var (output, ps) = Run("Build-PySdist $p -Python $py", project, python);
            Assert.Empty(ps.Streams.Error);
            var archive = output.Single(o => o.Prop<string>("EntryType") == "Archive");
            Assert.Equal("build_sdist hook", archive.Prop<string>("BuildRunner"));
            Assert.True(File.Exists(Path.Combine(project, "dist", "inline_demo-0.3.tar.gz")));
            Assert.Contains("inline_demo-0.3/hello.txt", output.Select(o => o.Prop<string>("Path")));
            Assert.False(Directory.Exists(Path.Combine(project, "_backend", "__pycache__"))); // nothing written into the user's tree
        }

        [SkippableFact]
        public void A_missing_interpreter_is_PythonNotFound_and_nothing_is_written()
        {
            Tool.RequireRealTools();
            using var temp = new TempDir();
            string project = ProjectFixtures.SetuptoolsSetupPy(temp.Path);
            var rec = Failure("Build-PySdist $p -Python $py", project, temp.Combine("no", "python3"));
            Assert.Equal("PythonNotFound,PyPackaging.Commands.BuildPySdistCommand", rec.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.NotInstalled, rec.CategoryInfo.Category);
            Assert.Contains("does not exist", rec.Exception.Message);
            Assert.Contains("Project mode", rec.Exception.Message);
            Assert.False(Directory.Exists(Path.Combine(project, "dist")));
        }

        [SkippableFact]
        public void A_backend_the_interpreter_lacks_is_BuildBackendNotFound_naming_the_requirements()
        {
            Tool.RequireRealTools();
            using var temp = new TempDir();
            string project = Path.Combine(temp.Path, "maturin");
            BuildFixtures.Write(project, "pyproject.toml", "[build-system]\nrequires = [\"maturin>=1.0,<2.0\"]\nbuild-backend = \"maturin\"\n[project]\nname = \"rusty\"\nversion = \"1.0\"\n");
            var rec = Failure("Build-PySdist $p -Python $py", project);
            Assert.Equal("BuildBackendNotFound,PyPackaging.Commands.BuildPySdistCommand", rec.FullyQualifiedErrorId);
            Assert.Contains("'maturin' cannot be imported by " + Python, rec.Exception.Message);
            Assert.Matches("Install the build requirements there \\(maturin[<>=0-9.,]+; for example python3 -m pip install \"maturin[<>=0-9.,]+\"", rec.Exception.Message);
            Assert.Contains("-AllowBuildIsolation", rec.Exception.Message);
            Assert.False(Directory.Exists(Path.Combine(project, "dist")));
        }

        [SkippableFact]
        public void A_failing_backend_is_BuildBackendFailed_with_its_last_lines_and_the_clean_room_is_removed()
        {
            Tool.RequireRealTools();
            using var temp = new TempDir();
            string project = InTreeBackendProject(temp.Path,
                "    print('room=' + os.getcwd(), file=sys.stderr, flush=True)\n    raise RuntimeError('the backend broke on purpose')\n");
            var rec = Failure("Build-PySdist $p -Python $py", project);
            Assert.Equal("BuildBackendFailed,PyPackaging.Commands.BuildPySdistCommand", rec.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, rec.CategoryInfo.Category);
            Assert.Contains("the backend broke on purpose", rec.Exception.Message);
            string room = Regex.Match(rec.Exception.Message, "room=(\\S+)").Groups[1].Value;
            Assert.Contains("pypackaging-build-", room);
            Assert.False(Directory.Exists(room));
            Assert.False(Directory.Exists(Path.Combine(project, "dist")));
        }

        /// <summary>Ctrl+C (StopProcessing) kills the backend and its children and removes the clean room.</summary>
        [SkippableFact]
        public void Stopping_the_pipeline_kills_the_backend_and_removes_the_clean_room()
        {
            Tool.RequireRealTools();
            using var temp = new TempDir();
            string marker = temp.Combine("marker.txt");
            string project = InTreeBackendProject(temp.Path,
                "    import time\n    open(" + PyString(marker) + ", 'w').write(str(os.getpid()) + ' ' + os.getcwd())\n    time.sleep(120)\n");
            var ps = ModuleHost.Create(project);
            ps.AddScript("Build-PySdist $p -Python $py").AddParameter("p", project);
            ps.Runspace.SessionStateProxy.SetVariable("p", project);
            ps.Runspace.SessionStateProxy.SetVariable("py", BareVenvPython(temp));
            var async = ps.BeginInvoke();
            var clock = Stopwatch.StartNew();
            while (!File.Exists(marker) || new FileInfo(marker).Length == 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the backend did not start");
                Thread.Sleep(100);
            }
            Thread.Sleep(200);
            string[] parts = File.ReadAllText(marker).Split(' ', 2);
            ps.Stop();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(110), "Stop waited for the backend to finish");
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(async));
            Assert.False(IsRunning(int.Parse(parts[0])), "the backend process is still running");
            Assert.False(Directory.Exists(parts[1]));
            Assert.False(Directory.Exists(Path.Combine(project, "dist")));
        }

        private static bool IsRunning(int pid)
        {
            try
            {
                using var p = Process.GetProcessById(pid);
                return !p.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static string PyString(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
    }
}
