using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Building;

namespace PyPackaging.Benchmarks
{
    /// <summary>
    /// The Build-PySdist benchmark: a generated ~2,500-file, ~50 MB project tree, built in-process (SdistBuilder,
    /// what the cmdlet runs), as a whole process (this executable's build-once command: runtime start-up included),
    /// and, for comparison, by <c>tar czf</c> and by hatchling through <c>python3 -m build --sdist --no-isolation</c>.
    /// </summary>
    public static class BuildBench
    {
        private static readonly string[] Words =
        {
            "def", "class", "return", "import", "from", "self", "value", "result", "if", "else", "for", "in", "range", "None",
            "True", "False", "path", "data", "config", "parser", "token", "buffer", "archive", "member", "version", "name",
            "raise", "ValueError", "try", "except", "with", "open", "yield", "lambda", "async", "await", "items", "keys",
        };

        /// <summary>Creates the project tree (once; an existing tree is reused) and returns its root.</summary>
        public static string EnsureProject(string dir, int files = 2500, long totalBytes = 50L * 1024 * 1024)
        {
            string root = Path.Combine(dir, "bench-project");
            string marker = Path.Combine(root, ".complete");
            if (File.Exists(marker)) return root;
            if (Directory.Exists(root)) Directory.Delete(root, true);
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "pyproject.toml"),
                "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n[project]\nname = \"bench-pkg\"\nversion = \"1.0\"\n" +
                "description = \"Build-PySdist benchmark project\"\nreadme = \"README.md\"\nrequires-python = \">=3.8\"\n");
            File.WriteAllText(Path.Combine(root, "README.md"), "# bench-pkg\n\nGenerated for the Build-PySdist benchmark.\n");
            File.WriteAllText(Path.Combine(root, ".gitignore"), "*.log\n");
            var random = new Random(42);
            int perFile = (int)(totalBytes / files);
            var text = new StringBuilder(perFile + 256);
            for (int i = 0; i < files - 2; i++)
            {
                string sub = Path.Combine(root, "src", "bench_pkg", "m" + (i / 50).ToString("D3", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(sub);
                text.Clear();
                while (text.Length < perFile)
                {
                    int indent = random.Next(0, 3) * 4;
                    text.Append(' ', indent);
                    int n = random.Next(3, 12);
                    for (int w = 0; w < n; w++)
                    {
                        text.Append(Words[random.Next(Words.Length)]);
                        text.Append(w == n - 1 ? '\n' : ' ');
                    }
                    if (random.Next(8) == 0) text.Append("    x_").Append(random.Next(1000000).ToString(CultureInfo.InvariantCulture)).Append(" = ").Append(random.Next().ToString(CultureInfo.InvariantCulture)).Append('\n');
                }
                File.WriteAllText(Path.Combine(sub, "f" + i.ToString("D4", CultureInfo.InvariantCulture) + ".py"), text.ToString());
            }
            File.WriteAllText(Path.Combine(root, "src", "bench_pkg", "__init__.py"), "");
            File.WriteAllText(marker, "");
            File.AppendAllText(Path.Combine(root, ".gitignore"), ".complete\n");
            return root;
        }

        /// <summary>One build, in-process; returns the sdist path.</summary>
        public static string BuildOnce(string project, string output)
        {
            var options = new SdistBuildOptions(project) { OutputDirectory = output, Force = true, SourceDateEpoch = 1700000000,
                DegreeOfParallelism = int.TryParse(Environment.GetEnvironmentVariable("PYPACKAGING_BENCH_DOP"), out int dop) ? dop : 0 };
            var w = Stopwatch.StartNew();
            var plan = SdistBuilder.Plan(options);
            if (!plan.CanBuild) throw new InvalidOperationException(string.Join(Environment.NewLine, plan.Problems));
            double planned = w.Elapsed.TotalSeconds;
            if (Environment.GetEnvironmentVariable("PYPACKAGING_BENCH_PHASES") == "1")
            {
                // The writer alone (to Stream.Null, no check), for the phase split.
                var ww = Stopwatch.StartNew();
                PyPackaging.Building.Writing.SdistWriter.Write(Stream.Null, plan.Members.Select(m => m.SourcePath == null
                    ? PyPackaging.Building.Writing.SdistWriterEntry.FromBytes(m.ArchivePath, System.Text.Encoding.UTF8.GetBytes("x"), m.Mode)
                    : PyPackaging.Building.Writing.SdistWriterEntry.FromFile(m.ArchivePath, m.SourcePath, m.Mode)), 1700000000);
                Console.WriteLine($"  writer-only={ww.Elapsed.TotalSeconds:F3}s");
                w.Restart();
                planned = 0;
            }
            var result = SdistBuilder.Write(plan);
            if (Environment.GetEnvironmentVariable("PYPACKAGING_BENCH_PHASES") == "1")
                Console.WriteLine($"  plan={planned:F3}s write+check={w.Elapsed.TotalSeconds - planned:F3}s");
            if (!result.Written) throw new InvalidOperationException("post-build check failed");
            return result.ArchivePath;
        }

        /// <summary>
        /// A project of real Python sources: 2,500 .py files of at least 5,000 bytes picked (seeded) from
        /// <paramref name="sourceRoot"/> (default: python3's standard library), which compress like real code —
        /// the generated corpus of <see cref="EnsureProject"/> is a worst case for deflate's level 6.
        /// </summary>
        public static string EnsureRealProject(string dir, string? sourceRoot)
        {
            string root = Path.Combine(dir, "bench-project");
            string marker = Path.Combine(root, ".complete");
            if (File.Exists(marker)) return root;
            if (Directory.Exists(root)) Directory.Delete(root, true);
            sourceRoot ??= Tool("python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Trim();
            var candidates = Directory.EnumerateFiles(sourceRoot, "*.py", SearchOption.AllDirectories)
                .Where(f => new FileInfo(f).Length >= 5000).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var random = new Random(7);
            foreach (var file in candidates.OrderBy(_ => random.Next()).Take(2500))
            {
                string target = Path.Combine(root, "src", "bench_pkg", Path.GetRelativePath(sourceRoot, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            File.WriteAllText(Path.Combine(root, "pyproject.toml"),
                "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n[project]\nname = \"bench-pkg\"\nversion = \"1.0\"\n" +
                "description = \"Build-PySdist benchmark project (real Python sources)\"\nreadme = \"README.md\"\nrequires-python = \">=3.8\"\n");
            File.WriteAllText(Path.Combine(root, "README.md"), "# bench-pkg\n");
            File.WriteAllText(Path.Combine(root, ".gitignore"), "*.log\n");
            File.WriteAllText(marker, "");
            return root;
        }

        private static string Tool(string file, params string[] args)
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return output;
        }

        public static int Run(string dir, int iterations, bool realSources = false, string? sourceRoot = null)
        {
            string project = realSources ? EnsureRealProject(dir, sourceRoot) : EnsureProject(dir);
            long bytes = Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            int count = Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories).Count();
            Console.WriteLine($"project={project} files={count} bytes={bytes} cores={Environment.ProcessorCount}");
            string outDir = Path.Combine(dir, "bench-out");

            // In-process: the pipeline as Build-PySdist runs it (plan + write + post-build check), warm.
            BuildOnce(project, Path.Combine(outDir, "warmup"));
            var inProcess = new List<double>();
            string sdist = "";
            for (int i = 0; i < iterations; i++)
            {
                var w = Stopwatch.StartNew();
                sdist = BuildOnce(project, Path.Combine(outDir, "native"));
                inProcess.Add(w.Elapsed.TotalSeconds);
            }
            Report("native in-process", inProcess, new FileInfo(sdist).Length);

            // Whole process: this executable's build-once command (runtime start-up and JIT included).
            string self = Environment.ProcessPath!;
            var selfArgs = new List<string>();
            if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) selfArgs.Add(typeof(BuildBench).Assembly.Location);
            selfArgs.AddRange(new[] { "build-once", project, Path.Combine(outDir, "process") });
            var whole = Time(self, selfArgs, iterations);
            Report("native whole-process", whole, new FileInfo(Path.Combine(outDir, "process", Path.GetFileName(sdist))).Length);

            // tar czf (GNU tar + gzip -6, one core): the floor for "pack and compress these bytes".
            string tarOut = Path.Combine(outDir, "tar");
            Directory.CreateDirectory(tarOut);
            string tarFile = Path.Combine(tarOut, "bench.tar.gz");
            var tar = Time("tar", new[] { "czf", tarFile, "-C", Path.GetDirectoryName(project)!, "--exclude=.complete", Path.GetFileName(project) }, iterations);
            Report("tar czf", tar, new FileInfo(tarFile).Length);

            // hatchling through python -m build (Debian python3-hatchling + python3-build, no isolation).
            string python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            string hatchOut = Path.Combine(outDir, "hatchling");
            var env = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" };
            var hatch = Time(python, new[] { "-m", "build", "--sdist", "--no-isolation", "--skip-dependency-check", "--outdir", hatchOut, project }, Math.Min(iterations, 3), env);
            var hatchFile = Directory.Exists(hatchOut) ? Directory.GetFiles(hatchOut, "*.tar.gz").FirstOrDefault() : null;
            if (hatchFile != null) Report("hatchling (python -m build)", hatch, new FileInfo(hatchFile).Length);
            Console.WriteLine($"ratios: hatchling/native-in-process={Median(hatch) / Median(inProcess):F1}x hatchling/native-whole-process={Median(hatch) / Median(whole):F1}x " +
                              $"native-in-process/tar={Median(inProcess) / Median(tar):F2}x native-whole-process/tar={Median(whole) / Median(tar):F2}x");
            return 0;
        }

        private static List<double> Time(string file, IEnumerable<string> args, int iterations, IDictionary<string, string>? env = null)
        {
            var times = new List<double>();
            for (int i = 0; i < iterations; i++)
            {
                var psi = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var a in args) psi.ArgumentList.Add(a);
                if (env != null) foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
                var w = Stopwatch.StartNew();
                using var p = Process.Start(psi)!;
                var o = p.StandardOutput.ReadToEndAsync();
                var e = p.StandardError.ReadToEndAsync();
                p.WaitForExit();
                w.Stop();
                if (p.ExitCode != 0) throw new InvalidOperationException(file + " failed: " + o.Result + e.Result);
                times.Add(w.Elapsed.TotalSeconds);
            }
            return times;
        }

        private static double Median(List<double> v)
        {
            var s = v.OrderBy(x => x).ToList();
            return s[s.Count / 2];
        }

        private static void Report(string what, List<double> seconds, long size) =>
            Console.WriteLine($"{what,-30} median={Median(seconds):F3}s min={seconds.Min():F3}s runs={seconds.Count} archive={size}");
    }
}
