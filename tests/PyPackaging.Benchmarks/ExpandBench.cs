using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PyPackaging.Extraction;

namespace PyPackaging.Benchmarks
{
    /// <summary>Expand-PySdistSafely's engine against GNU tar and CPython's tarfile data filter on the same file.</summary>
    internal static class ExpandBench
    {
        public static int Compare(string file, int runs)
        {
            var work = Path.Combine(Path.GetTempPath(), "pypackaging-expand-bench-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(work);
            try
            {
                // Warm-up (JIT) so the numbers compare steady-state extraction.
                Ours(file, Path.Combine(work, "warm"));
                // Interleaved (ours, tar, python, ours, ...) so that load on a shared machine hits all three alike.
                var ourTimes = new List<double>();
                var tarTimes = new List<double>();
                var pyTimes = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    ourTimes.Add(Time(() => Ours(file, Path.Combine(work, "ours" + i)), work));
                    tarTimes.Add(Time(() => Run("tar", new[] { "-xzf", file, "-C", Dir(Path.Combine(work, "tar" + i)) }), work));
                    pyTimes.Add(Time(() => Run("python3", new[] { "-c", "import sys,tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2], filter='data')", file, Dir(Path.Combine(work, "py" + i)) }), work));
                }
                var ours = Median(ourTimes);
                var tar = Median(tarTimes);
                var py = Median(pyTimes);
                Console.WriteLine("ours:   " + string.Join(" ", ourTimes.Select(t => t.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
                Console.WriteLine("tar:    " + string.Join(" ", tarTimes.Select(t => t.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
                Console.WriteLine("python: " + string.Join(" ", pyTimes.Select(t => t.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
                Console.WriteLine($"file={Path.GetFileName(file)} size={new FileInfo(file).Length} runs={runs}");
                Console.WriteLine($"ours   median={ours:F3}s");
                Console.WriteLine($"tar    median={tar:F3}s  ours/tar={ours / tar:F2}");
                Console.WriteLine($"python median={py:F3}s  ours/python={ours / py:F2}");
                return 0;
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        private static string Dir(string path)
        {
            Directory.CreateDirectory(path);
            return path;
        }

        private static void Ours(string file, string dest)
        {
            var result = new SdistExtractor().Extract(file, dest);
            if (!result.Succeeded) throw new InvalidOperationException(result.FailureMessage);
        }

        private static double Time(Action action, string work)
        {
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            foreach (var d in Directory.GetDirectories(work)) Directory.Delete(d, recursive: true); // same empty start for every run
            return watch.Elapsed.TotalSeconds;
        }

        private static double Median(List<double> times)
        {
            var sorted = times.OrderBy(t => t).ToList();
            return sorted[sorted.Count / 2];
        }

        private static void Run(string exe, IEnumerable<string> args)
        {
            var psi = new ProcessStartInfo(exe) { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException(exe + " failed: " + err);
        }

        /// <param name="streamed">Lift the declared-size limits so the data is inflated (and written to staging) until the ratio limit stops it.</param>
        public static int Bomb(string file, bool streamed)
        {
            var options = new ExtractionOptions();
            if (streamed) options.Limits = new PyPackaging.Archives.ArchiveLimits { MaxMemberSize = long.MaxValue, MaxTotalSize = long.MaxValue };
            return BombOnce(file, options);
        }

        private static int BombOnce(string file, ExtractionOptions options)
        {
            var dest = Path.Combine(Path.GetTempPath(), "pypackaging-bomb-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var baseline = process.WorkingSet64;
            var watch = Stopwatch.StartNew();
            var result = new SdistExtractor(options).Extract(file, dest);
            watch.Stop();
            process.Refresh();
            var peak = process.PeakWorkingSet64;
            Console.WriteLine($"file={Path.GetFileName(file)} failure={result.Failure} seconds={watch.Elapsed.TotalSeconds:F2} " +
                              $"baselineMiB={baseline / 1048576.0:F1} peakMiB={peak / 1048576.0:F1} aboveBaselineMiB={(peak - baseline) / 1048576.0:F1} " +
                              $"destinationExists={Directory.Exists(dest)}");
            Console.WriteLine(result.FailureMessage);
            if (Directory.Exists(dest)) Directory.Delete(dest, recursive: true);
            return result.Succeeded ? 1 : 0;
        }
    }
}
