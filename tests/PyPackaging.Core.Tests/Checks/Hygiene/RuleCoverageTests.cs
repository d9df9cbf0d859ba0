using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Inspection;
using PyPackaging.Rules;

namespace PyPackaging.Core.Tests.Checks.Hygiene
{
    public class RuleCoverageTests
    {
        private static readonly PySdistRuleCategory[] Mine =
        {
            PySdistRuleCategory.Structure, PySdistRuleCategory.Safety, PySdistRuleCategory.Hygiene,
        };

        [Fact]
        public void EveryRuleIsDocumentedAndOwnedByACheck()
        {
            var owned = CheckRegistry.All.SelectMany(c => c.Rules).Select(r => r.Id).ToHashSet();
            var rules = RuleCatalog.All.Where(r => Mine.Contains(r.Category)).ToList();
            Assert.True(rules.Count >= 50, "expected the Structure/Safety/Hygiene catalogue, found " + rules.Count);
            foreach (var rule in rules)
            {
                Assert.Matches(new Regex("^[A-Z][A-Za-z0-9]+$"), rule.Id);
                Assert.False(string.IsNullOrWhiteSpace(rule.Description), rule.Id);
                Assert.False(string.IsNullOrWhiteSpace(rule.Remedy), rule.Id);
                Assert.False(string.IsNullOrWhiteSpace(rule.SpecReference), rule.Id);
                Assert.NotEqual(PySdistSeverity.None, rule.Severity);
                if (!RuleCatalog.IsReportedByArchiveReader(rule) && !RuleCatalog.IsReportedBySourceComparison(rule)) Assert.Contains(rule.Id, owned);
            }
        }

        [Fact]
        public void EveryRuleNamesItsConsumerAndWhyItHasItsSeverity()
        {
            foreach (var rule in RuleCatalog.All)
            {
                Assert.False(string.IsNullOrWhiteSpace(rule.Consumer), rule.Id + " has no Consumer");
                Assert.False(string.IsNullOrWhiteSpace(rule.SeverityReason), rule.Id + " has no SeverityReason");
                // An Error is a promise: someone refuses, or unpacking is unsafe or ambiguous.
                if (rule.Severity == PySdistSeverity.Error)
                {
                    Assert.Matches(new Regex("refuse|unsafe|ambiguous|fail", RegexOptions.IgnoreCase), rule.SeverityReason);
                }
                // Summaries move findings to the archive entry; a blocking rule must stay on its member.
                if (rule.SummarizedPerArchive) Assert.NotEqual(PySdistSeverity.Error, rule.Severity);
            }
            // The legacy facts and what extractors normalise are Information, per the calibration rule.
            Assert.Equal(PySdistSeverity.Information, RuleCatalog.MissingPyprojectToml.Severity);
            Assert.Equal(PySdistSeverity.Information, RuleCatalog.NonPaxHeader.Severity);
            Assert.Equal(PySdistSeverity.Information, RuleCatalog.WritableMode.Severity);
            Assert.Equal(PySdistSeverity.Information, RuleCatalog.PkgInfoLegacyMetadataVersion.Severity);
            Assert.Equal(PySdistSeverity.Warning, RuleCatalog.TopLevelMismatch.Severity);
            Assert.Equal(PySdistSeverity.Warning, RuleCatalog.PkgInfoMalformedHeader.Severity);
        }

        [Fact]
        public void DisabledRulesAreNotReported()
        {
            var b = Sdists.Clean().Symlink("demo-1.0/l", "/etc/passwd");
            var findings = b.Check(filter: new RuleFilter(null, new[] { "Symlink*" }));
            Assert.DoesNotContain(findings, f => f.Rule.Id.StartsWith("Symlink"));
        }

        [Fact]
        public void LargeHostileArchiveIsCheckedQuickly()
        {
            var b = Sdists.Clean();
            for (var i = 0; i < 3000; i++)
            {
                b.File($"demo-1.0/p{i}/__pycache__/m.pyc", "x");
                b.Symlink($"demo-1.0/p{i}/link", i % 2 == 0 ? $"../p{i + 1}/link" : "/usr/bin/python3");
                b.File($"demo-1.0/p{i}/Mod.py", "").File($"demo-1.0/p{i}/mod.py", "");
            }
            var watch = Stopwatch.StartNew();
            var findings = b.Check();
            watch.Stop();
            // A guard against a blow-up (a check quadratic in 12,000 members takes minutes), not a speed measurement:
            // it takes ~1 s alone, but on a loaded 2-core CI machine 10 s was exceeded, so the bound is generous.
            // Speed is measured by tests/PyPackaging.Benchmarks, not here.
            Assert.True(watch.Elapsed.TotalSeconds < 60, "took " + watch.Elapsed);
            Assert.Equal(3000, findings.Count(f => f.Rule.Id == "CacheDirectory"));
            Assert.Equal(3000, findings.Count(f => f.Rule.Id == "SymlinkAbsolute"));
        }
    }
}

namespace PyPackaging.Core.Tests.Checks
{
    public class CatalogueOwnershipTests
    {
        /// <summary>Every rule of every category is reported by exactly one: a check, the archive reader, or the sdist-vs-git comparison.</summary>
        [Fact]
        public void Every_rule_is_owned_by_a_check_or_the_reader_and_none_by_both()
        {
            var owned = PyPackaging.Inspection.CheckRegistry.All.SelectMany(c => c.Rules).Select(r => r.Id).ToHashSet();
            foreach (var rule in PyPackaging.Rules.RuleCatalog.All)
            {
                var byReader = PyPackaging.Rules.RuleCatalog.IsReportedByArchiveReader(rule);
                var byComparison = PyPackaging.Rules.RuleCatalog.IsReportedBySourceComparison(rule);
                var owners = (byReader ? 1 : 0) + (byComparison ? 1 : 0) + (owned.Contains(rule.Id) ? 1 : 0);
                Assert.True(owners == 1, $"{rule.Id}: reader={byReader}, comparison={byComparison}, check={owned.Contains(rule.Id)}");
            }
        }
    }
}
