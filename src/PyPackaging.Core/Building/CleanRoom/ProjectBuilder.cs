using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using PyPackaging.Building.Project;
using PyPackaging.Building.Selection;
using PyPackaging.Building.Vcs;

namespace PyPackaging.Building.CleanRoom
{
    /// <summary>Project-mode settings on top of <see cref="SdistBuildOptions"/>.</summary>
    public sealed class ProjectBuildOptions
    {
        /// <summary>The interpreter (path or command name); null: python3, then python, on PATH.</summary>
        public string? Python { get; set; }

        /// <summary>Let pypa/build or uv create an isolated environment, downloading the build requirements.</summary>
        public bool AllowIsolation { get; set; }

        /// <summary>Which runner; Auto: build, then uv, then the hook.</summary>
        public ProjectRunnerKind Runner { get; set; }

        /// <summary>SOURCE_DATE_EPOCH for the backend, when the caller gave one explicitly.</summary>
        public long? SourceDateEpoch { get; set; }

        /// <summary>Where the clean room is created (default: the system's temporary directory).</summary>
        public string? TemporaryDirectory { get; set; }
    }

    /// <summary>Everything decided before the clean room is made: interpreter, backend, runner.</summary>
    public sealed class ProjectBuildPlan
    {
        internal ProjectBuildPlan(SdistBuildOptions options, ProjectBuildOptions project, string outputDirectory, string backend, IReadOnlyList<string> backendPath,
            IReadOnlyList<string> requires, PythonProbe probe, ProjectRunner runner)
        {
            Options = options;
            Project = project;
            OutputDirectory = outputDirectory;
            Backend = backend;
            BackendPath = backendPath;
            Requires = requires;
            Probe = probe;
            Runner = runner;
        }

        public SdistBuildOptions Options { get; }

        public ProjectBuildOptions Project { get; }

        public string OutputDirectory { get; }

        /// <summary>build-system.build-backend, or PEP 517's setuptools fallback.</summary>
        public string Backend { get; }

        public IReadOnlyList<string> BackendPath { get; }

        public IReadOnlyList<string> Requires { get; }

        public PythonProbe Probe { get; }

        public ProjectRunner Runner { get; }

        /// <summary>The runner's command line as a person would type it.</summary>
        public string RunnerDescription => Runner.Describe(Project.AllowIsolation);
    }

    /// <summary>The outcome of a Project build.</summary>
    public sealed class ProjectBuildResult
    {
        internal ProjectBuildResult(SdistBuildResult sdist, CleanRoomSelection selection, IReadOnlyList<string> log)
        {
            Sdist = sdist;
            Selection = selection;
            Log = log;
        }

        /// <summary>The self-checked sdist (written, or refused by the check), as a native build's.</summary>
        public SdistBuildResult Sdist { get; }

        /// <summary>What entered the clean room.</summary>
        public CleanRoomSelection Selection { get; }

        /// <summary>What happened, line by line, for -Verbose (the runner's last lines included).</summary>
        public IReadOnlyList<string> Log { get; }
    }

    /// <summary>
    /// Project mode: the project's own PEP 517 backend, run on a clean copy of its source files
    /// (<see cref="CleanRoomFiles"/>) with a git view for VCS-versioning plugins (<see cref="GitCleanRoomClone"/>), by
    /// pypa/build, uv or the build_sdist hook (<see cref="ProjectRunner"/>); the sdist it produces goes through the
    /// same self-check as a native build (<see cref="SdistBuilder.WriteChecked"/>) before it reaches the output
    /// directory. The temporary directory is removed whatever happens; Ctrl+C kills the runner.
    /// </summary>
    public static class ProjectBuilder
    {
        /// <summary>Finds the interpreter, probes it and picks the runner. Writes nothing (the -WhatIf path).</summary>
        public static ProjectBuildPlan Plan(SdistBuildOptions options, ProjectBuildOptions project, CancellationToken cancellationToken = default)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            project = project ?? new ProjectBuildOptions();
            string root = Path.GetFullPath(options.ProjectDirectory);
            BuildSystemInfo? buildSystem = File.Exists(Path.Combine(root, "pyproject.toml")) ? PyprojectReader.Read(root).BuildSystem : null;
            string backend = buildSystem?.BuildBackend ?? NativeBuildSupport.LegacyBackend;
            IReadOnlyList<string> backendPath = buildSystem?.BackendPath ?? Array.Empty<string>();
            IReadOnlyList<string> requires = buildSystem?.Requires ?? new[] { "setuptools" };

            string python = PythonEnvironment.FindPython(project.Python);
            var probe = PythonEnvironment.Probe(python, root, backend, backendPath, cancellationToken);
            var runner = ProjectRunner.Choose(probe, PythonEnvironment.FindUv(), project.Runner);
            bool isolated = project.AllowIsolation && runner.Kind != ProjectRunnerKind.Hook;
            if (probe.BackendError != null && !isolated)
            {
                throw new ProjectBuildException("BuildBackendNotFound",
                    "The build backend '" + backend + "' cannot be imported by " + python + " (" + probe.BackendError + "). Project mode runs the backend installed in that interpreter and downloads nothing. " +
                    "Install the build requirements there (" + string.Join(", ", requires) + "; for example " + Path.GetFileName(python) + " -m pip install " + string.Join(" ", requires.Select(Quote)) +
                    ", or your system's packages), pass -Python with an interpreter that has them, or add -AllowBuildIsolation to let " + (runner.Kind == ProjectRunnerKind.Hook ? "pypa/build or uv (install one)" : runner.Name) + " download them.");
            }
            string output = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(root, "dist"));
            return new ProjectBuildPlan(options, project, output, backend, backendPath, requires, probe, runner);
        }

        /// <summary>Makes the clean room, runs the backend there, checks the sdist and moves it into the output directory.</summary>
        /// <exception cref="ProjectBuildException">The backend failed or produced no sdist; nothing was written.</exception>
        /// <exception cref="SdistExistsException">The sdist exists and Force is off.</exception>
        public static ProjectBuildResult Build(ProjectBuildPlan plan, CancellationToken cancellationToken = default)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            string root = Path.GetFullPath(plan.Options.ProjectDirectory);
            var log = new List<string>();
            using (var room = CleanRoomDirectory.Create(plan.Project.TemporaryDirectory))
            {
                var git = GitRepository.TryOpen(root, out string whyNoGit, cancellationToken);
                CleanRoomSelection selection;
                try
                {
                    selection = CleanRoomFiles.Select(root, plan.OutputDirectory, git, plan.Options.Exclude, cancellationToken);
                }
                catch (Exception e) when (e is GitException || e is TimeoutException)
                {
                    throw new ProjectBuildException("CleanRoomFailed", "git could not list the project's files for the clean room, nothing was written: " + e.Message, e);
                }
                if (git != null && selection.Files.Count == 0)
                {
                    log.Add("git lists no file of the project (is it ignored by an enclosing repository?): the clean room takes the .gitignore-filtered tree instead.");
                    git = null;
                    selection = CleanRoomFiles.Select(root, plan.OutputDirectory, null, plan.Options.Exclude, cancellationToken);
                }
                string roomProject;
                try
                {
                    roomProject = PrepareRoom(room, root, git, selection, log, cancellationToken);
                }
                catch (Exception e) when (e is GitException || e is TimeoutException)
                {
                    throw new ProjectBuildException("CleanRoomFailed", "Preparing the clean room's git view failed, nothing was written: " + e.Message, e);
                }
                if (git == null) log.Add("No git view in the clean room: " + (whyNoGit.Length > 0 ? whyNoGit : "git is not used") + ".");
                log.Add("Clean room: " + selection.Files.Count + " files (" + selection.TotalBytes + " bytes) from " + (selection.FromGit ? "git's file list" : "the .gitignore-filtered tree") + ", " + selection.LeftOut.Count + " paths kept out.");
                log.AddRange(selection.LeftOut.Select(l => "Kept out of the clean room: " + l));

                string produced = RunBackend(plan, room, roomProject, log, cancellationToken);
                string archivePath = Path.Combine(plan.OutputDirectory, Path.GetFileName(produced));
                if (File.Exists(archivePath) && !plan.Options.Force) throw new SdistExistsException(archivePath);
                var sdist = SdistBuilder.WriteChecked(archivePath, plan.Options, (stream, ct) =>
                {
                    using (var source = new FileStream(produced, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
                    {
                        source.CopyTo(stream, 1 << 16);
                    }
                }, cancellationToken, computedVersion: true); // the project's own backend chose the version (a VCS plugin may add +g<hash>)
                return new ProjectBuildResult(sdist, selection, log);
            }
        }

        /// <summary>Copies the selection into the room (below the project's path inside its repository) with the git view; returns the room's project directory.</summary>
        private static string PrepareRoom(CleanRoomDirectory room, string root, GitRepository? git, CleanRoomSelection selection, List<string> log, CancellationToken cancellationToken)
        {
            string roomProject = room.SourceRoot;
            string? prefix = git == null ? null : RelativeToWorkTree(root, git.WorkTreeRoot);
            string? noGitView = null;
            if (git != null && prefix != null)
            {
                roomProject = prefix.Length == 0 ? room.SourceRoot : Path.Combine(room.SourceRoot, prefix);
                noGitView = GitCleanRoomClone.Create(git, room.SourceRoot, cancellationToken);
            }
            else if (git != null)
            {
                noGitView = "the project directory could not be placed inside the repository's work tree " + git.WorkTreeRoot;
            }

            try
            {
                Directory.CreateDirectory(roomProject);
                foreach (var file in selection.Files)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    CleanRoomDirectory.CopyFile(file.SourcePath, roomProject, file.RelativePath, file.IsExecutable);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ProjectBuildException("CleanRoomFailed", "Copying the project into the clean room " + room.Root + " failed, nothing was written: " + e.Message, e);
            }

            if (git != null && noGitView == null) noGitView = GitCleanRoomClone.Align(git, room.SourceRoot, cancellationToken);
            if (git != null && noGitView != null)
            {
                log.Add("No git view in the clean room (VCS-versioning plugins see no history): " + noGitView);
                string gitDir = Path.Combine(room.SourceRoot, ".git");
                if (Directory.Exists(gitDir)) Directory.Delete(gitDir, recursive: true);
            }
            else if (git != null)
            {
                log.Add("Git view: a clone sharing " + git.WorkTreeRoot + "'s objects, at its HEAD, with its working-tree changes.");
            }
            return roomProject;
        }

        private static string RunBackend(ProjectBuildPlan plan, CleanRoomDirectory room, string roomProject, List<string> log, CancellationToken cancellationToken)
        {
            var arguments = plan.Runner.Arguments(roomProject, room.OutputDirectory, plan.Backend, plan.BackendPath, plan.Project.AllowIsolation);
            log.Add("Running " + plan.RunnerDescription + " (Python " + plan.Probe.Version + ", backend " + plan.Backend + ") in " + roomProject);
            var env = new Dictionary<string, string?>
            {
                ["PYTHONDONTWRITEBYTECODE"] = "1",
                // git run by a plugin never climbs out of the temporary directory into an enclosing repository.
                ["GIT_CEILING_DIRECTORIES"] = room.Root,
                ["GIT_DIR"] = null, ["GIT_WORK_TREE"] = null, ["GIT_INDEX_FILE"] = null, ["GIT_OBJECT_DIRECTORY"] = null,
                ["GIT_ALTERNATE_OBJECT_DIRECTORIES"] = null, ["GIT_COMMON_DIR"] = null,
            };
            // Only an explicit -SourceDateEpoch is passed on ($env:SOURCE_DATE_EPOCH is inherited anyway): the native
            // default epoch would change what the backend writes, e.g. setuptools-scm's dirty-tree date.
            if (plan.Project.SourceDateEpoch is long epoch) env["SOURCE_DATE_EPOCH"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!plan.Project.AllowIsolation)
            {
                env["PIP_NO_INDEX"] = "1";
                env["UV_OFFLINE"] = "1";
            }
            var result = ChildProcess.TryRun(plan.Runner.Program, arguments, roomProject, env, cancellationToken, keepOutput: plan.Runner.Kind == ProjectRunnerKind.Hook)
                ?? throw new ProjectBuildException("PythonNotFound", "'" + plan.Runner.Program + "' could not be started.");
            log.AddRange(result.Tail.Select(l => plan.Runner.Name + ": " + l));
            if (!result.Succeeded)
            {
                throw new ProjectBuildException("BuildBackendFailed",
                    "The build backend '" + plan.Backend + "' failed in the clean room (" + plan.Runner.Name + ", exit code " + result.ExitCode + "); nothing was written. " +
                    "If it names a missing module, install the build requirements (" + string.Join(", ", plan.Requires) + ") for " + plan.Probe.Python + ". Its last lines:" +
                    Environment.NewLine + string.Join(Environment.NewLine, result.Tail.Select(l => "  " + l)));
            }

            var sdists = Directory.GetFiles(room.OutputDirectory).Where(f => f.EndsWith(".tar.gz", StringComparison.Ordinal) || f.EndsWith(".zip", StringComparison.Ordinal)).ToList();
            if (sdists.Count != 1)
            {
                throw new ProjectBuildException("BuildBackendFailed", "The build backend '" + plan.Backend + "' (" + plan.Runner.Name + ") reported success but produced " + sdists.Count + " sdists in the clean room's output; nothing was written.");
            }
            return sdists[0];
        }

        private static string? RelativeToWorkTree(string projectDirectory, string workTreeRoot)
        {
            string project = FileSystemLinks.RealPathOrSelf(projectDirectory).TrimEnd(Path.DirectorySeparatorChar);
            string top = FileSystemLinks.RealPathOrSelf(workTreeRoot).TrimEnd(Path.DirectorySeparatorChar);
            if (string.Equals(project, top, FileSystemLinks.PathComparison)) return string.Empty;
            if (!project.StartsWith(top + Path.DirectorySeparatorChar, FileSystemLinks.PathComparison)) return null;
            return project.Substring(top.Length + 1);
        }

        private static string Quote(string requirement) => requirement.IndexOfAny(new[] { ' ', '<', '>', ';', '=' }) >= 0 ? "\"" + requirement + "\"" : requirement;
    }
}
