using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PyPackaging.Building;
using PyPackaging.Building.CleanRoom;

namespace PyPackaging.Benchmarks
{
    /// <summary>
    /// build-modes [DIR] [N] [PYTHON]: the same ~2,500-file / ~50 MB hatchling project (a git repository with every file
    /// committed, plus an untracked venv) built three ways, side by side: the native build (in-process), Project mode
    /// (the clean room: git's file list minus junk, a shared clone, the copy, python -m build inside, the self-check) and
    /// python -m build --sdist --no-isolation run directly on the tree. Median wall seconds of N runs each.
    /// </summary>
    public static class BuildModesBench
    {
        public static int Run(string dir, int iterations, string? python)
        {
            python ??= File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            string project = BuildBench.EnsureProject(Path.Combine(dir, "modes"));
            if (!Directory.Exists(Path.Combine(project, ".git")))
            {
                Git(project, "init", "-q", "-b", "main");
                Git(project, "-c", "user.email=b@example.org", "-c", "user.name=B", "add", "-A");
                Git(project, "-c", "user.email=b@example.org", "-c", "user.name=B", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "bench");
                Run(python, "-m", "venv", "--without-pip", Path.Combine(project, "venv"));
            }
            int files = Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories).Count(f => !f.Contains(Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar));
            Console.WriteLine($"project={project} files={files} python={python} cores={Environment.ProcessorCount}");
            string outDir = Path.Combine(dir, "modes-out");

            BuildBench.BuildOnce(project, Path.Combine(outDir, "warmup"));
            var native = Time(iterations, () => BuildBench.BuildOnce(project, Path.Combine(outDir, "native")));
            Report("native (in-process)", native);

            foreach (var runner in new[] { ProjectRunnerKind.Build, ProjectRunnerKind.Hook })
            {
                var options = new SdistBuildOptions(project) { OutputDirectory = Path.Combine(outDir, "project-" + runner), Force = true };
                var settings = new ProjectBuildOptions { Python = python, Runner = runner };
                var times = Time(iterations, () =>
                {
                    var plan = ProjectBuilder.Plan(options, settings);
                    var result = ProjectBuilder.Build(plan);
                    if (!result.Sdist.Written) throw new InvalidOperationException("the self-check refused the sdist");
                    return result.Sdist.ArchivePath;
                });
                Report("Project mode, " + (runner == ProjectRunnerKind.Build ? "python -m build" : "build_sdist hook"), times);
            }

            string direct = Path.Combine(outDir, "direct");
            var directTimes = Time(iterations, () =>
            {
                Run(python, "-m", "build", "--sdist", "--no-isolation", "--skip-dependency-check", "--outdir", direct, project);
                return direct;
            });
            Report("python -m build (directly)", directTimes);
            string packed = Directory.GetFiles(direct, "*.tar.gz").Single();
            Console.WriteLine("direct build packed the venv: " + Run("tar", "tzf", packed).Contains("/venv/pyvenv.cfg"));
            return 0;
        }

        private static List<double> Time(int iterations, Func<string>? action)
        {
            var times = new List<double>();
            for (int i = 0; i < iterations && action != null; i++)
            {
                var w = Stopwatch.StartNew();
                action();
                times.Add(w.Elapsed.TotalSeconds);
            }
            return times;
        }

        private static void Git(string dir, params string[] args) => Run("git", new[] { "-C", dir }.Concat(args).ToArray());

        private static string Run(string file, params string[] args)
        {
            var psi = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var e = p.StandardError.ReadToEndAsync();
            string o = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException(file + " " + string.Join(" ", args) + " failed: " + e.Result);
            return o;
        }

        private static double Median(List<double> v) => v.Count == 0 ? 0 : v.OrderBy(x => x).ElementAt(v.Count / 2);

        private static void Report(string what, List<double> seconds) =>
            Console.WriteLine($"{what,-34} median={Median(seconds):F2}s min={seconds.Min():F2}s max={seconds.Max():F2}s runs={seconds.Count}");
    }
}
