using System;
using System.Diagnostics;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using PyPackaging.Inspection;

namespace PyPackaging.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project tests/PyPackaging.Benchmarks -- &lt;command&gt;
    ///   corpus DIR              generate bench sdists into DIR (50 MB / 2,500 files; 10 MB; 1 GB)
    ///   inspect FILE            inspect once in-process: MB/s (uncompressed) and peak working set
    ///   expand-corpus DIR       generate only the 50 MB sdist and the 4 GiB zero bomb into DIR
    ///   expand FILE [RUNS]      extract FILE with SdistExtractor, tar xzf and Python's tarfile (filter="data"): median wall times
    ///   expand-bomb FILE [streamed]  extract a bomb: must be refused; prints time and peak working set above baseline
    ///   build [DIR] [N]         Build-PySdist's pipeline on a ~2,500-file / ~50 MB tree: in-process, whole-process, tar czf, hatchling
    ///   build-modes [DIR] [N] [PYTHON]  the same project (in git, with an untracked venv) built natively, in Project mode
    ///                           (clean room + python -m build, and + the build_sdist hook) and by python -m build directly
    ///   cold-start MODULE_PSD1 [DIR] [RUNS] [--real-sources [ROOT]]  a CI step's cost: fresh pwsh + Import-Module + first
    ///                           Test/Expand/Build call, side by side with gzip -dc, twine check, tar xzf, Python's data
    ///                           filter, tar czf, hatchling; generated word salad, or with --real-sources 2,500 Python files
    ///                           of ROOT (python3's stdlib by default) built, checked and expanded
    ///                           (outputs under $PYPACKAGING_BENCH_WORK if set, e.g. /dev/shm to leave the disk out)
    ///   many MODULE_PSD1 CORPUS_DIR [COPIES] [RUNS]  every archive below CORPUS_DIR (COPIES times) in one Test-PySdist call:
    ///                           -ThrottleLimit 1 vs the default vs 4; seconds, speedup, peak working set, CPU and JIT time
    ///   allocations DIR         the engine over every archive below DIR once: sampled allocations by heap and type
    ///   bdn [BenchmarkDotNet args]  run the BenchmarkDotNet suites (set PYPACKAGING_BENCH_DIR to the corpus)
    ///   findings DIR [--archives]  Test-PySdist's engine over every archive below DIR: findings per rule and severity,
    ///                           archives with an Error (with --archives: one line per archive with its Error rules)
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var command = args.Length > 0 ? args[0] : "help";
            switch (command)
            {
                case "corpus":
                    var dir = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "pypackaging-bench");
                    Console.WriteLine(BenchCorpus.Generate(dir, "bench_50mb-1.0.tar.gz", 2500, 50L * 1024 * 1024));
                    Console.WriteLine(BenchCorpus.Generate(dir, "bench_10mb-1.0.tar.gz", 500, 10L * 1024 * 1024));
                    Console.WriteLine(BenchCorpus.Generate(dir, "bench_1gb-1.0.tar.gz", 20000, 1024L * 1024 * 1024));
                    Console.WriteLine(BenchCorpus.ZeroBomb(dir, "bomb_4gib-1.0.tar.gz", 4L * 1024 * 1024 * 1024));
                    return 0;
                case "generate":
                    // generate DIR NAME FILES MEGABYTES
                    Console.WriteLine(BenchCorpus.Generate(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
                        long.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024));
                    return 0;
                case "inspect":
                    var iterations = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
                    var limits = new PyPackaging.Archives.ArchiveLimits();
                    // optional: maxMemberSize=N to let a bomb reach the ratio limit instead of the declared-size limit
                    if (args.Length > 3 && args[3].StartsWith("maxMemberSize=", StringComparison.Ordinal))
                        limits.MaxMemberSize = long.Parse(args[3].Substring("maxMemberSize=".Length), System.Globalization.CultureInfo.InvariantCulture);
                    for (var i = 0; i < iterations; i++) Inspect(args[1], limits);
                    return 0;
                case "build":
                    // build [DIR] [ITERATIONS]: ~2,500 files / ~50 MB project; native in-process and whole-process vs tar czf and hatchling
                    return BuildBench.Run(args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "pypackaging-bench"),
                        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
                case "build-real":
                    // build-real DIR [ITERATIONS] [SOURCE_ROOT]: the same comparison on 2,500 real .py files (python3's stdlib by default)
                    return BuildBench.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5,
                        realSources: true, sourceRoot: args.Length > 3 ? args[3] : null);
                case "build-modes":
                    // build-modes [DIR] [ITERATIONS] [PYTHON]: native vs Project mode (clean room) vs python -m build directly
                    return BuildModesBench.Run(args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "pypackaging-bench"),
                        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3, args.Length > 3 ? args[3] : null);
                case "build-once":
                    // build-once PROJECT OUTDIR: one native build (what "whole-process" times)
                    Console.WriteLine(BuildBench.BuildOnce(args[1], args[2]));
                    return 0;
                case "expand-corpus":
                    var edir = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "pypackaging-bench");
                    Console.WriteLine(BenchCorpus.Generate(edir, "bench_50mb-1.0.tar.gz", 2500, 50L * 1024 * 1024));
                    Console.WriteLine(BenchCorpus.ZeroBomb(edir, "bomb_4gib-1.0.tar.gz", 4L * 1024 * 1024 * 1024));
                    return 0;
                case "expand":
                    return ExpandBench.Compare(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
                case "expand-once":
                    var sw = Stopwatch.StartNew();
                    var once = new PyPackaging.Extraction.SdistExtractor().Extract(args[1], args[2]);
                    Console.WriteLine($"{once.Failure} {sw.Elapsed.TotalSeconds:F3}s");
                    return once.Succeeded ? 0 : 1;
                case "expand-bomb":
                    return ExpandBench.Bomb(args[1], args.Length > 2 && args[2] == "streamed");
                case "findings":
                    return FindingCounts.Run(args[1], args.Length > 2 && args[2] == "--archives");
                case "cold-start":
                {
                    // cold-start MODULE_PSD1 [DIR] [RUNS] [--real-sources [ROOT]]
                    var real = Array.IndexOf(args, "--real-sources");
                    var positional = real < 0 ? args : args[..real];
                    return CiStepBench.ColdStart(positional[1], positional.Length > 2 ? positional[2] : Path.Combine(Path.GetTempPath(), "pypackaging-bench"),
                        positional.Length > 3 ? int.Parse(positional[3], System.Globalization.CultureInfo.InvariantCulture) : 5,
                        realSources: real >= 0, sourceRoot: real >= 0 && real + 1 < args.Length ? args[real + 1] : null);
                }
                case "many":
                    return CiStepBench.Many(args[1], args[2], args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5,
                        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 3);
                case "inspect-many":
                    // inspect-many DIR THREADS: the engine alone (no PowerShell) over every archive below DIR, THREADS at once
                    return InspectMany(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
                case "allocations":
                    return AllocationSampler.Run(args[1]);
                case "bdn":
                    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
                    return 0;
                default:
                    Console.WriteLine("commands: corpus DIR | expand-corpus DIR | inspect FILE | expand FILE [RUNS] | expand-bomb FILE | build [DIR] [N] | bdn [BenchmarkDotNet args]");
                    return 2;
            }
        }

        private static int InspectMany(string dir, int threads)
        {
            var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            var inspector = new SdistInspector();
            inspector.Inspect(files[0]);
            for (var round = 0; round < 3; round++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var gen2 = GC.CollectionCount(2);
                var gen0 = GC.CollectionCount(0);
                var allocated = GC.GetTotalAllocatedBytes(precise: false);
                var watch = Stopwatch.StartNew();
                System.Threading.Tasks.Parallel.ForEach(files, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = threads }, f =>
                {
                    try { inspector.Inspect(f); } catch (IOException) { }
                });
                watch.Stop();
                var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"archives={files.Length} threads={threads} wall={watch.Elapsed.TotalSeconds:F2}s cpu={used.TotalSeconds:F2}s gen0={GC.CollectionCount(0) - gen0} gen2={GC.CollectionCount(2) - gen2} allocatedMiB={(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1048576.0:F0}");
            }
            return 0;
        }

        private static int Inspect(string file, PyPackaging.Archives.ArchiveLimits limits)
        {
            GC.Collect();
            var baseline = Process.GetCurrentProcess().WorkingSet64;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = new SdistInspector(limits).Inspect(file);
            watch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var retained = GC.GetTotalMemory(forceFullCollection: true);
            foreach (var f in result.Findings.Findings) Console.WriteLine($"  finding {f.Rule.Id}: {f.Message}");
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var uncompressed = result.Snapshot.Statistics.UncompressedBytes;
            Console.WriteLine($"file={Path.GetFileName(file)} compressed={new FileInfo(file).Length} uncompressed={uncompressed} members={result.Snapshot.Members.Count} " +
                              $"seconds={watch.Elapsed.TotalSeconds:F3} MB/s={uncompressed / 1e6 / watch.Elapsed.TotalSeconds:F1} " +
                              $"findings={result.Findings.Findings.Count} completed={result.Snapshot.Completed} allocatedMiB={allocated / 1048576.0:F1} retainedMiB={retained / 1048576.0:F1} " +
                              $"baselineMiB={baseline / 1048576.0:F1} peakMiB={process.PeakWorkingSet64 / 1048576.0:F1}");
            return 0;
        }
    }

    /// <summary>Test-PySdist's engine over the 50 MB / 2,500-file corpus.</summary>
    [MemoryDiagnoser]
    public class InspectBenchmark
    {
        private string _file = "";

        [GlobalSetup]
        public void Setup()
        {
            var dir = Environment.GetEnvironmentVariable("PYPACKAGING_BENCH_DIR") ?? Path.Combine(Path.GetTempPath(), "pypackaging-bench");
            _file = Path.Combine(dir, "bench_50mb-1.0.tar.gz");
            if (!File.Exists(_file)) BenchCorpus.Generate(dir, "bench_50mb-1.0.tar.gz", 2500, 50L * 1024 * 1024);
        }

        [Benchmark]
        public int Inspect50MB() => new SdistInspector().Inspect(_file).Entries.Count;
    }
}
