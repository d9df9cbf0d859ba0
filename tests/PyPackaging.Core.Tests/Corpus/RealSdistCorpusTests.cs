using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Inspection;
using Xunit.Abstractions;

namespace PyPackaging.Core.Tests.Corpus
{
    /// <summary>
    /// Test-PySdist's engine over every real sdist in ../shared/corpus/real-sdists (from pip's and pipenv's test data):
    /// it never throws, and an archive has an Error finding exactly when PyPI's current upload check or an installer
    /// refuses it, as written per archive, with the reason, in real-sdists-expected.tsv.
    /// </summary>
    public class RealSdistCorpusTests
    {
        private const string CorpusDir = "corpus/real-sdists";
        private readonly ITestOutputHelper _output;

        public RealSdistCorpusTests(ITestOutputHelper output) => _output = output;

        private static Dictionary<string, (bool HasError, string Reason)> Expected()
        {
            var file = Path.Combine(AppContext.BaseDirectory, "Corpus", "real-sdists-expected.tsv");
            var result = new Dictionary<string, (bool, string)>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                var parts = line.Split('\t');
                Assert.True(parts.Length == 3 && (parts[1] == "yes" || parts[1] == "no"), "malformed line: " + line);
                Assert.False(string.IsNullOrWhiteSpace(parts[2]), "no reason given: " + line);
                result.Add(parts[0], (parts[1] == "yes", parts[2]));
            }
            return result;
        }

        private static IEnumerable<(string Relative, string FullPath)> Archives()
        {
            var root = SharedData.PathOf(CorpusDir);
            return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), f))
                .OrderBy(a => a.Item1, StringComparer.Ordinal);
        }

        [SharedDataFact(CorpusDir)]
        public void AnArchiveHasAnErrorExactlyWhenAConsumerRefusesIt()
        {
            var expected = Expected();
            var wrong = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (relative, full) in Archives())
            {
                seen.Add(relative);
                Assert.True(expected.TryGetValue(relative, out var verdict), relative + " is not listed in real-sdists-expected.tsv");
                var inspection = new SdistInspector().Inspect(full);
                var errors = inspection.Entries.SelectMany(e => e.Findings).Where(f => f.Severity == PySdistSeverity.Error).ToList();
                if (errors.Count > 0 != verdict.HasError)
                {
                    wrong.Add($"{relative}: expected {(verdict.HasError ? "an Error" : "no Error")} ({verdict.Reason}); got {(errors.Count == 0 ? "none" : string.Join("; ", errors.Select(f => f.RuleId + " " + f.Message)))}");
                }
            }
            foreach (var w in wrong) _output.WriteLine(w);
            Assert.True(seen.Count > 150, $"only {seen.Count} archives found in ../shared/{CorpusDir}");
            Assert.DoesNotContain(expected.Keys, k => !seen.Contains(k));
            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }

        [SharedDataFact(CorpusDir)]
        public void ReportsStayReadable()
        {
            foreach (var (relative, full) in Archives())
            {
                var inspection = new SdistInspector().Inspect(full);
                foreach (var entry in inspection.Entries)
                {
                    // No two findings on one entry read the same (issue 7: the venv link carried the same text twice).
                    Assert.True(entry.Findings.Count == entry.Findings.Select(f => f.Message).Distinct(StringComparer.Ordinal).Count(), relative + " " + entry.Path);
                }
                // A rule summarised per archive never appears on a member entry.
                Assert.DoesNotContain(inspection.Entries.Where(e => e.EntryType != PySdistEntryType.Archive).SelectMany(e => e.Findings),
                    f => PyPackaging.Rules.RuleCatalog.Find(f.RuleId)!.SummarizedPerArchive);
            }
        }

        [SharedDataFact(CorpusDir)]
        public void ExpandAgreesWithTest()
        {
            // Expand refuses exactly what Test reports as a blocking (Safety or Limits) Error, plus what it cannot read
            // at all (a bzip2 container); everything else is extracted with every regular file Test listed.
            var disagreements = new List<string>();
            foreach (var (relative, full) in Archives())
            {
                using var temp = new TempDir();
                var inspection = new SdistInspector().Inspect(full);
                var blocking = inspection.Findings.Findings.Any(f => f.Rule.Severity == PySdistSeverity.Error &&
                    (f.Rule.Category == PySdistRuleCategory.Safety || f.Rule.Category == PySdistRuleCategory.Limits));
                var unreadable = !inspection.Snapshot.Completed;
                var result = new PyPackaging.Extraction.SdistExtractor().Extract(full, Path.Combine(temp.Path, "out"));
                if (result.Succeeded == (blocking || unreadable))
                {
                    disagreements.Add($"{relative}: blocking={blocking} unreadable={unreadable} expand={result.Failure} {result.FailureMessage}");
                    continue;
                }
                if (!result.Succeeded) continue;
                var files = inspection.Snapshot.Members.Count(m => m.Type == PySdistEntryType.File);
                if (result.ExtractedCount < files) disagreements.Add($"{relative}: Test lists {files} files, Expand extracted {result.ExtractedCount} entries");
            }
            Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        }
    }
}
