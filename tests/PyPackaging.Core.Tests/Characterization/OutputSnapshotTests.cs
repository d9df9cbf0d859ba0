using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Extraction;
using PyPackaging.Inspection;
using Xunit.Abstractions;

namespace PyPackaging.Core.Tests.Characterization
{
    /// <summary>
    /// Pins what users see — every entry and finding (rule, severity, message, remedy) from inspection, and every
    /// entry, action, reason and problem from extraction with and without -SkipUnsafe — over the real-sdist corpus and
    /// the bundled examples, as one SHA-256 per archive and run in output-snapshot.tsv. Restructuring the core must keep
    /// every line. A deliberate behaviour change regenerates the file: PYPACKAGING_UPDATE_SNAPSHOT=1 dotnet test
    /// --filter OutputSnapshotTests (then copy bin/.../Characterization/output-snapshot.tsv back and say why in the commit).
    /// On a mismatch the full text dumps of the differing archives are written to a temp folder named in the failure.
    /// </summary>
    public class OutputSnapshotTests
    {
        private const string CorpusDir = "corpus/real-sdists";
        private readonly ITestOutputHelper _output;

        public OutputSnapshotTests(ITestOutputHelper output) => _output = output;

        [SharedDataFact(CorpusDir)]
        public void OutputsMatchTheSnapshot()
        {
            var snapshotFile = Path.Combine(AppContext.BaseDirectory, "Characterization", "output-snapshot.tsv");
            var expected = File.ReadLines(snapshotFile)
                .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
                .Select(l => l.Split('\t'))
                .ToDictionary(p => p[0] + "\t" + p[1], p => p[2], StringComparer.Ordinal);

            var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var dumps = new Dictionary<string, string>(StringComparer.Ordinal);
            using var temp = new TempDir();
            foreach (var (name, path) in Archives())
            {
                foreach (var (run, dump) in Runs(name, path, temp.Path))
                {
                    var key = name + "\t" + run;
                    actual[key] = Sha256(dump);
                    dumps[key] = dump;
                }
            }

            if (Environment.GetEnvironmentVariable("PYPACKAGING_UPDATE_SNAPSHOT") == "1")
            {
                var lines = new List<string> { "# archive\trun\tsha256 of the output dump (see OutputSnapshotTests)" };
                lines.AddRange(actual.Select(kv => kv.Key + "\t" + kv.Value));
                File.WriteAllLines(snapshotFile, lines);
                _output.WriteLine("snapshot rewritten: " + snapshotFile);
                return;
            }

            var differing = actual.Where(kv => !expected.TryGetValue(kv.Key, out var hash) || hash != kv.Value).Select(kv => kv.Key).ToList();
            var missing = expected.Keys.Where(k => !actual.ContainsKey(k)).ToList();
            if (differing.Count > 0)
            {
                var folder = Path.Combine(Path.GetTempPath(), "pypackaging-snapshot-" + Guid.NewGuid().ToString("N").Substring(0, 8));
                Directory.CreateDirectory(folder);
                foreach (var key in differing)
                {
                    File.WriteAllText(Path.Combine(folder, key.Replace('\t', '.').Replace('/', '_') + ".txt"), dumps[key]);
                }
                _output.WriteLine("dumps of the differing outputs: " + folder);
            }
            Assert.True(actual.Count > 400, $"only {actual.Count} runs");
            Assert.True(differing.Count == 0 && missing.Count == 0,
                $"{differing.Count} outputs differ from the snapshot ({string.Join(", ", differing.Take(10))}); {missing.Count} missing ({string.Join(", ", missing.Take(10))})");
        }

        private static IEnumerable<(string Name, string Path)> Archives()
        {
            var corpus = SharedData.PathOf(CorpusDir);
            var examples = Path.Combine(RepoRoot(), "examples", "sdists");
            return Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                .Select(f => ("corpus/" + Path.GetRelativePath(corpus, f).Replace('\\', '/'), f))
                .Concat(Directory.EnumerateFiles(examples).Select(f => ("examples/" + Path.GetFileName(f), f)))
                .OrderBy(a => a.Item1, StringComparer.Ordinal);
        }

        private static IEnumerable<(string Run, string Dump)> Runs(string name, string path, string temp)
        {
            // Inspection under a stable archive name, so the dump does not depend on where the corpus lies.
            using (var stream = File.OpenRead(path))
            {
                var inspection = new SdistInspector().Inspect(stream, name);
                var text = new StringBuilder();
                foreach (var entry in inspection.Entries) AppendEntry(text, entry);
                yield return ("inspect", text.ToString());
            }

            foreach (var skipUnsafe in new[] { false, true })
            {
                var destination = Path.Combine(temp, Guid.NewGuid().ToString("N"));
                var result = new SdistExtractor(new ExtractionOptions { SkipUnsafe = skipUnsafe }).Extract(path, destination);
                var text = new StringBuilder();
                text.Append("failure=").Append(result.Failure).Append(" extracted=").Append(result.ExtractedCount).Append(" skipped=").Append(result.SkippedCount).Append('\n');
                text.Append("message=").Append(result.FailureMessage).Append('\n');
                foreach (var problem in result.Problems) text.Append("problem ").Append(problem).Append('\n');
                if (result.ArchiveEntry != null) AppendEntry(text, result.ArchiveEntry);
                foreach (var entry in result.Entries) AppendEntry(text, entry);
                // Paths that depend on this run's folders become placeholders.
                var dump = text.ToString().Replace(destination, "<dest>").Replace(path, "<archive>").Replace(Path.GetFileName(path), "<archive-name>");
                yield return (skipUnsafe ? "expand-skipunsafe" : "expand", dump);
            }
        }

        private static void AppendEntry(StringBuilder text, PySdistEntry e)
        {
            text.Append("entry ").Append(e.EntryType).Append(" | ").Append(e.Path).Append(" | size=").Append(e.Size)
                .Append(" mode=").Append(e.ModeBits).Append(" link=").Append(e.LinkTarget).Append(" time=").Append(e.LastWriteTime?.ToString("o"))
                .Append(" format=").Append(e.Format).Append(" action=").Append(e.Action).Append(" reason=").Append(e.Reason)
                .Append(" dest=").Append(e.Destination).Append(" severity=").Append(e.Severity)
                .Append(" counts=").Append(e.ErrorCount).Append('/').Append(e.WarningCount).Append('/').Append(e.InformationCount).Append('\n');
            foreach (var f in e.Findings)
            {
                text.Append("  finding ").Append(f.RuleId).Append(' ').Append(f.Severity).Append(' ').Append(f.Category)
                    .Append(" | ").Append(f.Path).Append(" | ").Append(f.Message).Append(" | ").Append(f.Remedy).Append('\n');
            }
        }

        private static string Sha256(string text)
        {
            using var sha = SHA256.Create();
            return BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(text))).Replace("-", "").ToLowerInvariant();
        }

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PyPackaging.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("PyPackaging.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
