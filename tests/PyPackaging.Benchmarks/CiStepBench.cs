using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PyPackaging.Benchmarks
{
    /// <summary>
    /// What a CI step pays, measured as whole processes side by side in one run (A, B, C, A, B, C, …, so drift in a
    /// shared machine's speed hits every command alike): a fresh pwsh that imports the staged module and makes its
    /// first call, against the tools a pipeline would otherwise use on the same input. And many archives in one call,
    /// one after another (-ThrottleLimit 1) against concurrently (the default).
    /// </summary>
    internal static class CiStepBench
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>
        /// cold-start MODULE_PSD1 [DIR] [RUNS] [--real-sources [ROOT]]: check, expand and build, first call in a fresh pwsh
        /// vs the anchors. The default corpus is generated word salad (a 50 MB / 2,500-file sdist and a 59 MB / 2,500-file
        /// project), which is a worst case for deflate level 6: gzip -6 and zlib-ng's level 6 run at 13–17 MB/s on it, a
        /// third of their speed on real text. With --real-sources all three steps use one real corpus instead: 2,500
        /// Python files of ROOT (python3's stdlib by default), built as a project, and the sdist Build-PySdist makes of
        /// it checked and expanded.
        /// </summary>
        public static int ColdStart(string module, string dir, int runs, bool realSources = false, string? sourceRoot = null)
        {
            module = Path.GetFullPath(module);
            string file, project;
            if (realSources)
            {
                project = BuildBench.EnsureRealProject(Path.Combine(dir, "real-project"), sourceRoot);
                var built = Path.Combine(dir, "real-sdist");
                file = Directory.Exists(built) ? Directory.GetFiles(built, "*.tar.gz").FirstOrDefault() ?? "" : "";
                if (file.Length == 0) file = BuildBench.BuildOnce(project, built);
            }
            else
            {
                file = Path.Combine(dir, "bench_50mb-1.0.tar.gz");
                if (!File.Exists(file)) BenchCorpus.Generate(dir, "bench_50mb-1.0.tar.gz", 2500, 50L * 1024 * 1024);
                project = BuildBench.EnsureProject(Path.Combine(dir, "build-project"));
            }
            // Where the commands write (expand destinations, built sdists): the temp directory, or $PYPACKAGING_BENCH_WORK
            // (a tmpfs such as /dev/shm takes the disk out, when its write-back noise swamps the tools' own cost).
            var workRoot = Environment.GetEnvironmentVariable("PYPACKAGING_BENCH_WORK");
            var work = Path.Combine(string.IsNullOrEmpty(workRoot) ? Path.GetTempPath() : workRoot, "pypackaging-coldstart-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(work);
            var pwsh = PwshCommand();
            Console.WriteLine($"pwsh: {string.Join(" ", pwsh)}");
            Console.WriteLine($"module: {module}");
            Console.WriteLine($"input: {Path.GetFileName(file)} {new FileInfo(file).Length / 1048576.0:F1} MB; project: {project}; outputs under {work}");
            try
            {
                var n = 0;
                string Fresh(string name) => Path.Combine(work, name + "-" + (n++).ToString(Invariant));
                string Quote(string s) => "'" + s.Replace("'", "''") + "'";
                // The script times itself too (Import-Module + the call, without pwsh's own start): the marker line carries it.
                string[] Pwsh(string script) => pwsh.Concat(new[] { "-NoProfile", "-NonInteractive", "-Command",
                    "$pypkgWatch = [Diagnostics.Stopwatch]::StartNew(); " + script + "; [Console]::Out.WriteLine('" + ElapsedMarker + "' + $pypkgWatch.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture))" }).ToArray();
                // Debian's python3 has build and hatchling; a pyenv python3 earlier in PATH may not, but it may be the
                // one new enough for tarfile's filter="data" (3.11.4+, 3.12): each anchor takes the python that has it.
                var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
                var filterPython = Capture(new[] { "python3", "-c", "import tarfile; print(hasattr(tarfile, 'data_filter'))" }).Trim() == "True" ? "python3" : python;

                // The same first call with the plain IL (PYPACKAGING_READYTORUN=0), where the module ships ReadyToRun
                // images for this runtime, and without the warm-up the import starts on a background thread
                // (PYPACKAGING_WARMUP=0): the before/after of each, in the same run.
                string[] With(string setting, string[] command) => new[] { "env", setting }.Concat(command).ToArray();
                string[] Check() => Pwsh($"Import-Module {Quote(module)}; $null = Test-PySdist -LiteralPath {Quote(file)} -Quiet");
                string[] Expand(string output) => Pwsh($"Import-Module {Quote(module)}; $null = Expand-PySdistSafely -LiteralPath {Quote(file)} -DestinationPath {Quote(Fresh(output))}");
                string[] Build(string output) => Pwsh($"Import-Module {Quote(module)}; $null = Build-PySdist -Path {Quote(project)} -OutputDirectory {Quote(Fresh(output))}");
                const string PlainIl = "PYPACKAGING_READYTORUN=0", NoWarmup = "PYPACKAGING_WARMUP=0";
                // The anchors are other people's tools: name the one that is missing and how to get it, rather than
                // fail at its first start with a stack trace.
                var missing = new[] { ("twine", "twine"), ("gzip", "gzip"), ("tar", "tar") }
                    .Where(t => !OnPath(t.Item1)).Select(t => t.Item2)
                    .Concat(!Succeeds(new[] { python, "-c", "import build, hatchling" }) ? new[] { "python3-build python3-hatchling" } : Array.Empty<string>())
                    .ToList();
                if (missing.Count > 0)
                {
                    Console.Error.WriteLine($"cold-start: the anchor tools are not all installed; install them first (Debian): apt-get install {string.Join(" ", missing)}");
                    return 2;
                }
                var commands = new List<(string Group, string Name, Func<string[]> Command)>
                {
                    ("start", "pwsh -Command exit (no module)", () => Pwsh("exit 0")),
                    ("start", "pwsh Import-Module only", () => Pwsh($"Import-Module {Quote(module)}")),
                    ("check", "pwsh Import-Module + Test-PySdist -Quiet", () => Check()),
                    ("check", "  same, plain IL (PYPACKAGING_READYTORUN=0)", () => With(PlainIl, Check())),
                    ("check", "  same, no warm-up (PYPACKAGING_WARMUP=0)", () => With(NoWarmup, Check())),
                    ("check", "gzip -dc", () => new[] { "sh", "-c", $"gzip -dc '{file}' > /dev/null" }),
                    ("check", "twine check", () => new[] { "twine", "check", file }),
                    ("expand", "pwsh Import-Module + Expand-PySdistSafely", () => Expand("ours")),
                    ("expand", "  same, plain IL (PYPACKAGING_READYTORUN=0)", () => With(PlainIl, Expand("il"))),
                    ("expand", "  same, no warm-up (PYPACKAGING_WARMUP=0)", () => With(NoWarmup, Expand("nowarm"))),
                    ("expand", "tar xzf", () => { var d = Fresh("tar"); Directory.CreateDirectory(d); return new[] { "tar", "-xzf", file, "-C", d }; }),
                    ("expand", "python tarfile filter=data", () => new[] { filterPython, "-c", "import sys,tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2], filter='data')", file, Fresh("py") }),
                    ("build", "pwsh Import-Module + Build-PySdist", () => Build("build")),
                    ("build", "  same, plain IL (PYPACKAGING_READYTORUN=0)", () => With(PlainIl, Build("ilbuild"))),
                    ("build", "tar czf", () => new[] { "tar", "-czf", Path.Combine(work, "tar-" + (n++).ToString(Invariant) + ".tar.gz"), "-C", Path.GetDirectoryName(project)!, Path.GetFileName(project) }),
                    ("build", "python -m build --sdist (hatchling)", () => new[] { python, "-m", "build", "--sdist", "--no-isolation", "--skip-dependency-check", "--outdir", Fresh("hatch"), project }),
                };

                var times = commands.Select(_ => new List<double>()).ToList();
                var inside = commands.Select(_ => new List<double>()).ToList();
                for (var run = -1; run < runs; run++) // run -1 warms the file cache and the tools' own caches; not counted
                {
                    // Each run starts at another command, so no command always runs first, right after the clean-up's
                    // deletions (which the file system is still writing back and which slow the next writer down).
                    for (var j = 0; j < commands.Count; j++)
                    {
                        var i = (j + Math.Max(run, 0)) % commands.Count;
                        var (seconds, inProcess) = TimeProcess(commands[i].Command());
                        if (run < 0) continue;
                        times[i].Add(seconds);
                        if (inProcess.HasValue) inside[i].Add(inProcess.Value);
                    }
                    CleanUp(work);
                    if (File.Exists("/bin/sync")) TimeProcess(new[] { "/bin/sync" });
                }

                Console.WriteLine($"runs={runs} (median, min–max of whole-process wall seconds)");
                foreach (var group in commands.Select(c => c.Group).Distinct())
                {
                    var members = Enumerable.Range(0, commands.Count).Where(i => commands[i].Group == group).ToList();
                    var ours = Median(times[members[0]]);
                    foreach (var i in members)
                    {
                        var median = Median(times[i]);
                        var ratio = i == members[0] ? "" : $"  whole pwsh/this={ours / median:F2}x  import+call/this={Median(inside[members[0]]) / median:F2}x";
                        var self = inside[i].Count > 0 ? $"  import+call in-process={Median(inside[i]):F3}s" : "";
                        Console.WriteLine($"  {group,-6} {commands[i].Name,-44} {median,7:F3}s ({times[i].Min():F3}–{times[i].Max():F3}){self}{ratio}");
                    }
                }
                return 0;
            }
            finally
            {
                try { Directory.Delete(work, recursive: true); } catch (IOException) { }
            }
        }

        /// <summary>
        /// many MODULE_PSD1 CORPUS_DIR [COPIES] [RUNS]: every archive below CORPUS_DIR, replicated COPIES times into a
        /// temporary directory, checked in one Test-PySdist call in a fresh pwsh: -ThrottleLimit 1 against the default.
        /// </summary>
        public static int Many(string module, string corpus, int copies, int runs)
        {
            module = Path.GetFullPath(module);
            var sources = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal).ToList();
            var work = Path.Combine(Path.GetTempPath(), "pypackaging-many-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                long bytes = 0;
                for (var c = 0; c < copies; c++)
                {
                    var copyDir = Path.Combine(work, "copy" + c.ToString(Invariant));
                    Directory.CreateDirectory(copyDir);
                    foreach (var source in sources)
                    {
                        File.Copy(source, Path.Combine(copyDir, Path.GetFileName(source)), overwrite: true);
                        bytes += new FileInfo(source).Length;
                    }
                }
                var largest = sources.Max(f => new FileInfo(f).Length);
                Console.WriteLine($"archives={sources.Count * copies} ({copies} copies of {sources.Count}) total={bytes / 1048576.0:F0} MB largest={largest / 1048576.0:F1} MB processors={Environment.ProcessorCount}");

                var pwsh = PwshCommand();
                // The call is timed inside the process (after Import-Module and a one-archive warm-up, so the first
                // compilation is paid before), and the process reports its peak working set, the CPU time, full
                // collections and the runtime's JIT time during the call (CPU time still compares when other processes
                // leave the cores busy; the JIT time is what one after another gets for free on the idle core and two
                // workers pay, so a parallel run's wall time follows it).
                string Script(string throttle) =>
                    $"Import-Module '{module}'; $files = @(Get-ChildItem -LiteralPath '{work}' -Recurse -File | Sort-Object FullName); " +
                    $"$null = Test-PySdist -LiteralPath $files[0].FullName -Quiet; [GC]::Collect(); $p = [Diagnostics.Process]::GetCurrentProcess(); $base = $p.WorkingSet64; $cpu = $p.TotalProcessorTime; $gen2 = [GC]::CollectionCount(2); $jit = [System.Runtime.JitInfo]::GetCompilationTime(); " +
                    $"$sw = [Diagnostics.Stopwatch]::StartNew(); $answers = @(Test-PySdist -LiteralPath $files.FullName -Quiet {throttle} -ErrorAction SilentlyContinue); $sw.Stop(); $p.Refresh(); " +
                    "'{0} {1} {2} {3} {4} {5} {6}' -f $sw.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture), $answers.Count, [math]::Round($p.PeakWorkingSet64 / 1MB), [math]::Round($base / 1MB), ($p.TotalProcessorTime - $cpu).TotalSeconds.ToString('F2', [cultureinfo]::InvariantCulture), ([GC]::CollectionCount(2) - $gen2), [math]::Round(([System.Runtime.JitInfo]::GetCompilationTime() - $jit).TotalMilliseconds)";
                var modes = new[] { ("-ThrottleLimit 1", "-ThrottleLimit 1"), ("default (processor count)", ""), ("-ThrottleLimit 4", "-ThrottleLimit 4") };
                var results = modes.Select(_ => new List<(double Seconds, string Line)>()).ToList();
                for (var run = 0; run < runs; run++)
                {
                    for (var m = 0; m < modes.Length; m++)
                    {
                        var output = Capture(pwsh.Concat(new[] { "-NoProfile", "-NonInteractive", "-Command", Script(modes[m].Item2) }).ToArray()).Trim();
                        var parts = output.Split(' ');
                        results[m].Add((double.Parse(parts[0], Invariant), output));
                    }
                }
                var sequential = Median(results[0].Select(r => r.Seconds).ToList());
                for (var m = 0; m < modes.Length; m++)
                {
                    var median = Median(results[m].Select(r => r.Seconds).ToList());
                    var last = results[m][results[m].Count - 1].Line.Split(' ');
                    Console.WriteLine($"  {modes[m].Item1,-26} median={median:F3}s speedup={sequential / median:F2}x quiet-answer-count={last[1]} peakWS={last[2]} MB (after warm-up {last[3]} MB) cpu={last[4]}s gen2={last[5]} jit={last[6]}ms  runs: " +
                                      string.Join(" ", results[m].Select(r => r.Seconds.ToString("F2", Invariant))));
                }
                return 0;
            }
            finally
            {
                try { Directory.Delete(work, recursive: true); } catch (IOException) { }
            }
        }

        /// <summary>The command that starts the repository's pwsh (the local .NET tool): dotnet path/to/pwsh.dll, or $PYPACKAGING_PWSH.</summary>
        private static string[] PwshCommand()
        {
            var configured = Environment.GetEnvironmentVariable("PYPACKAGING_PWSH");
            if (!string.IsNullOrEmpty(configured)) return configured.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var home = Capture(new[] { "dotnet", "pwsh", "-NoProfile", "-NonInteractive", "-Command", "$PSHOME" }).Trim();
            var dll = Path.Combine(home, "pwsh.dll");
            return File.Exists(dll) ? new[] { "dotnet", dll } : new[] { "dotnet", "pwsh" };
        }

        private const string ElapsedMarker = "PYPACKAGING-BENCH-ELAPSED ";

        /// <summary>Whole-process wall seconds, and the seconds the process reported for itself (pwsh scripts), if any.</summary>
        private static (double Seconds, double? InProcess) TimeProcess(string[] command)
        {
            double? inProcess = null;
            var watch = Stopwatch.StartNew();
            using var process = Start(command, redirect: false, line =>
            {
                if (line != null && line.StartsWith(ElapsedMarker, StringComparison.Ordinal))
                    inProcess = double.Parse(line.Substring(ElapsedMarker.Length), Invariant);
            });
            process.WaitForExit();
            return (watch.Elapsed.TotalSeconds, inProcess);
        }

        private static string Capture(string[] command)
        {
            using var process = Start(command, redirect: true);
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }

        /// <summary>Whether the command starts and exits with 0 (its output discarded).</summary>
        private static bool Succeeds(string[] command)
        {
            try
            {
                using var process = Start(command, redirect: true);
                process.StandardOutput.ReadToEnd();
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }

        private static bool OnPath(string name) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Any(d => d.Length > 0 && File.Exists(Path.Combine(d, name)));

        private static Process Start(string[] command, bool redirect, Action<string?>? onLine = null)
        {
            var info = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in command.Skip(1)) info.ArgumentList.Add(a);
            var process = Process.Start(info)!;
            if (!redirect)
            {
                process.OutputDataReceived += (_, e) => onLine?.Invoke(e.Data);
                process.ErrorDataReceived += (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }
            return process;
        }

        private static void CleanUp(string work)
        {
            foreach (var d in Directory.GetDirectories(work)) Directory.Delete(d, recursive: true);
            foreach (var f in Directory.GetFiles(work)) File.Delete(f);
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
        }
    }
}
