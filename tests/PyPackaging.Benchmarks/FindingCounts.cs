using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PyPackaging.Inspection;

namespace PyPackaging.Benchmarks
{
    /// <summary>
    /// Counts Test-PySdist's findings over a corpus (for example ../shared/corpus/real-sdists): per rule and severity,
    /// how many findings, on how many archives, and how many archives carry an Error. This is how the calibration of
    /// severities is measured before and after a change.
    /// </summary>
    public static class FindingCounts
    {
        public static int Run(string directory, bool perArchive)
        {
            var archives = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            var findings = new Dictionary<(string Rule, PySdistSeverity Severity), (int Count, HashSet<string> Archives)>();
            var withError = 0;
            foreach (var archive in archives)
            {
                var inspection = new SdistInspector().Inspect(archive);
                var errors = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var entry in inspection.Entries)
                {
                    foreach (var finding in entry.Findings)
                    {
                        var key = (finding.RuleId, finding.Severity);
                        if (!findings.TryGetValue(key, out var tally)) tally = (0, new HashSet<string>());
                        tally.Archives.Add(archive);
                        findings[key] = (tally.Count + 1, tally.Archives);
                        if (finding.Severity == PySdistSeverity.Error) errors.Add(finding.RuleId);
                    }
                }
                if (errors.Count > 0) withError++;
                if (perArchive) Console.WriteLine($"{Path.GetRelativePath(directory, archive)}\t{(errors.Count > 0 ? "Error" : "-")}\t{string.Join(",", errors)}");
            }

            Console.WriteLine($"{"rule",-40} {"severity",-12} {"findings",9} {"archives",9}");
            foreach (var pair in findings.OrderBy(p => p.Key.Rule, StringComparer.Ordinal).ThenBy(p => p.Key.Severity))
            {
                Console.WriteLine($"{pair.Key.Rule,-40} {pair.Key.Severity,-12} {pair.Value.Count,9} {pair.Value.Archives.Count,9}");
            }
            foreach (var severity in new[] { PySdistSeverity.Error, PySdistSeverity.Warning, PySdistSeverity.Information })
            {
                Console.WriteLine($"total {severity}: {findings.Where(p => p.Key.Severity == severity).Sum(p => p.Value.Count)}");
            }
            Console.WriteLine($"archives: {archives.Count}, with an Error: {withError}");
            return 0;
        }
    }
}
