using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using PyPackaging.Archives;
using PyPackaging.Extraction;
using PyPackaging.Inspection;
using PyPackaging.Rules;
using PyPackaging.TestKit;
using Xunit;

namespace PyPackaging.Core.Tests.Extraction
{
    /// <summary>The extraction policy's refusals and the rule flags that replaced the id-prefix test.</summary>
    public sealed class ExtractionPolicyTests
    {
        [Fact]
        public void EveryRefusalIsReportedUnderTheCatalogueRuleOfItsName()
        {
            foreach (RefusalKind kind in Enum.GetValues(typeof(RefusalKind)))
            {
                var rule = kind.Rule();
                Assert.Equal(kind.ToString(), rule.Id);
                Assert.Equal(rule.Id, kind.Code());
                Assert.Contains(rule, RuleCatalog.All); // so Get-PySdistRule lists every reason Expand gives
            }
        }

        [Fact]
        public void OnlyTheRefusalsThatDependOnThisExtractionUseRulesThatDoNotBlock()
        {
            var nonBlocking = Enum.GetValues(typeof(RefusalKind)).Cast<RefusalKind>().Where(k => !k.Rule().BlocksExtraction).Select(k => k.ToString()).OrderBy(n => n);
            Assert.Equal(new[] { "CaseCollision", "MemberOutsideTopLevel", "TopLevelFile", "TrailingDotOrSpace", "WindowsForbiddenCharacter", "WindowsReservedName" }, nonBlocking);
            foreach (var id in nonBlocking) Assert.Contains("Expand-PySdistSafely refuses the member", RuleCatalog.Find(id)!.Consumer);
        }

        private static TarCrafter Demo()
        {
            var t = new TarCrafter();
            t.AddDirectory("demo-1.0/");
            t.AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n");
            return t;
        }

        /// <summary>The refused member's entry: its reason starts with the rule id, and Test-PySdist's checks report the same rule on it.</summary>
        private static void AssertRefusedUnderReportedRule(ExtractionResult result, string member, string ruleId)
        {
            var entry = result.Entries.Single(e => e.Path == member);
            Assert.NotEqual(PySdistEntryAction.Extracted, entry.Action);
            Assert.StartsWith(ruleId + ": ", entry.Reason);
            Assert.DoesNotContain(" | ", entry.Reason);
            Assert.Contains(entry.Findings, f => f.RuleId == ruleId);
        }

        [Theory]
        [InlineData("demo-1.0/aux.txt", "WindowsReservedName")]
        [InlineData("demo-1.0/trailing.", "TrailingDotOrSpace")]
        [InlineData("demo-1.0/trailing ", "TrailingDotOrSpace")]
        [InlineData("demo-1.0/a:b", "WindowsForbiddenCharacter")]
        [InlineData("demo-1.0/what?", "WindowsForbiddenCharacter")]
        public void NamesWindowsCannotHoldAreRefusedUnderTheHygieneRuleTestPySdistReports(string member, string ruleId)
        {
            using var box = new ExtractionSandbox();
            var archive = box.Save(Demo().AddFile(member, "x").Finish().ToTarGz());
            var result = new SdistExtractor(new ExtractionOptions { WindowsNameRules = true, SkipUnsafe = true }).Extract(archive, box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            AssertRefusedUnderReportedRule(result, member, ruleId);
            Assert.False(RuleCatalog.Find(ruleId)!.BlocksExtraction); // refused only because this extraction cannot hold it
        }

        [Fact]
        public void StripTopLevelRefusesUnderTheLayoutRulesTestPySdistReports()
        {
            using var box = new ExtractionSandbox();
            var archive = box.Save(Demo().AddFile("other/file", "y").AddFile("NOTES", "z").Finish().ToTarGz());
            var result = new SdistExtractor(new ExtractionOptions { StripTopLevel = true, SkipUnsafe = true }).Extract(archive, box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            AssertRefusedUnderReportedRule(result, "other/file", "MemberOutsideTopLevel");
            AssertRefusedUnderReportedRule(result, "NOTES", "TopLevelFile");
            Assert.True(File.Exists(Path.Combine(box.Dest, "PKG-INFO")));

            // A file first: there is no top-level directory to strip.
            var fileFirst = box.Save(new TarCrafter().AddFile("README", "r").AddFile("demo-1.0/PKG-INFO", "x").Finish().ToTarGz(), "file-first.tar.gz");
            var refused = new SdistExtractor(new ExtractionOptions { StripTopLevel = true }).Extract(fileFirst, Path.Combine(box.Sandbox, "second"));
            Assert.Equal(ExtractionFailure.UnsafeMembers, refused.Failure);
            Assert.Contains("README: TopLevelFile: ", refused.FailureMessage);
        }

        [Fact]
        public void TopLevelEntriesPastTheCapAreRefusedUnderTheLayoutRules()
        {
            using var box = new ExtractionSandbox();
            var t = Demo();
            for (var i = 1; i < ArchiveLimits.MaxTopLevelEntries; i++) t.AddFile($"extra{i:D2}/a.txt", "a");
            t.AddFile("past-the-cap/a.txt", "b").AddFile("PAST-FILE", "c");
            var result = new SdistExtractor(new ExtractionOptions { SkipUnsafe = true }).Extract(box.Save(t.Finish().ToTarGz()), box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            Assert.Equal(PySdistEntryAction.Extracted, result.Entries.Single(e => e.Path == $"extra{ArchiveLimits.MaxTopLevelEntries - 1:D2}/a.txt").Action);
            AssertRefusedUnderReportedRule(result, "past-the-cap/a.txt", "MemberOutsideTopLevel");
            AssertRefusedUnderReportedRule(result, "PAST-FILE", "TopLevelFile");
            Assert.Contains($"more than {ArchiveLimits.MaxTopLevelEntries}", result.Entries.Single(e => e.Path == "PAST-FILE").Reason);
        }

        public static IEnumerable<object[]> TreeClashes() => new[]
        {
            new object[] { "file-parent", (Func<TarCrafter, TarCrafter>)(t => t.AddFile("demo-1.0/f", "x").AddFile("demo-1.0/f/under", "y")), "demo-1.0/f/under", "NonDirectoryAsParent" },
            new object[] { "symlink-parent", (Func<TarCrafter, TarCrafter>)(t => t.AddSymlink("demo-1.0/lnk", "PKG-INFO").AddFile("demo-1.0/lnk/x", "y")), "demo-1.0/lnk/x", "SymlinkAsParent" },
            new object[] { "hardlink-parent", (Func<TarCrafter, TarCrafter>)(t => t.AddHardLink("demo-1.0/h", "demo-1.0/PKG-INFO").AddFile("demo-1.0/h/x", "y")), "demo-1.0/h/x", "NonDirectoryAsParent" },
            new object[] { "file-after-hardlink", (Func<TarCrafter, TarCrafter>)(t => t.AddHardLink("demo-1.0/h", "demo-1.0/PKG-INFO").AddFile("demo-1.0/h", "y")), "demo-1.0/h", "DuplicatePath" },
            new object[] { "directory-after-file", (Func<TarCrafter, TarCrafter>)(t => t.AddFile("demo-1.0/x", "1").AddDirectory("demo-1.0/x/")), "demo-1.0/x/", "PathTypeChange" },
            new object[] { "file-after-children", (Func<TarCrafter, TarCrafter>)(t => t.AddFile("demo-1.0/lib/a.py", "1").AddFile("demo-1.0/lib", "2")), "demo-1.0/lib", "PathTypeChange" },
            new object[] { "duplicate-file", (Func<TarCrafter, TarCrafter>)(t => t.AddFile("demo-1.0/README", "1").AddFile("demo-1.0/README", "2")), "demo-1.0/README", "DuplicatePath" },
        };

        /// <summary>
        /// The streaming tree (MemberTree) and the checks (LinkGraph) judge a clash with the same PathClash, so the
        /// member the pass refuses is refused under the rule Test-PySdist reports on it, hard links included.
        /// </summary>
        [Theory]
        [MemberData(nameof(TreeClashes))]
        public void TheStreamingTreeRefusesUnderTheRuleTheChecksReport(string name, Func<TarCrafter, TarCrafter> add, string member, string ruleId)
        {
            using var box = new ExtractionSandbox();
            var archive = box.Save(add(Demo()).Finish().ToTarGz(), name + ".tar.gz");
            var result = new SdistExtractor(new ExtractionOptions { SkipUnsafe = true }).Extract(archive, box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            var entry = result.Entries.Last(e => e.Path == member); // the later of two members at one path
            Assert.Equal(PySdistEntryAction.Skipped, entry.Action);
            var codes = entry.Reason!.Split(new[] { " | " }, StringSplitOptions.None).Select(r => r.Substring(0, r.IndexOf(':'))).Distinct().ToList();
            Assert.Equal(new[] { ruleId }, codes);
            Assert.Contains(entry.Findings, f => f.RuleId == ruleId);
        }

        [Fact]
        public void ArchiveScopeIsExactlyTheFramingAndLimitsRules()
        {
            foreach (var rule in RuleCatalog.All)
            {
                var framing = rule.Id.StartsWith("Tar", StringComparison.Ordinal) || rule.Id.StartsWith("Gzip", StringComparison.Ordinal) ||
                    rule.Id.StartsWith("Zip", StringComparison.Ordinal);
                var expected = framing || rule.Category == PySdistRuleCategory.Limits ? PySdistRuleScope.Archive : PySdistRuleScope.Member;
                Assert.True(expected == rule.Scope, $"{rule.Id}: {rule.Scope}");
            }
        }

        [Fact]
        public void OnlySafetyAndLimitsErrorsBlockExtraction()
        {
            Assert.Contains(RuleCatalog.All, r => r.BlocksExtraction);
            foreach (var rule in RuleCatalog.All)
            {
                var expected = rule.Severity == PySdistSeverity.Error &&
                    (rule.Category == PySdistRuleCategory.Safety || rule.Category == PySdistRuleCategory.Limits);
                Assert.Equal(expected, rule.BlocksExtraction);
            }
        }

        private sealed class RecordingHook : IMemberHook
        {
            public List<string> Seen { get; } = new List<string>();

            public CapturedContent? OnMember(ArchiveMember member, ISdistArchiveReader reader)
            {
                Seen.Add(member.Path);
                return member.Path.EndsWith("keep.txt", StringComparison.Ordinal) ? new CapturedContent(new byte[] { 42 }, truncated: false) : (CapturedContent?)null;
            }
        }

        [Fact]
        public void TheScanCallsTheHookOncePerMemberInOrderAndKeepsWhatItReturns()
        {
            var bytes = new TarCrafter()
                .AddDirectory("demo-1.0/")
                .AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n")
                .AddFile("demo-1.0/keep.txt", "x")
                .AddSymlink("demo-1.0/link", "keep.txt")
                .Finish().ToArray();
            var hook = new RecordingHook();
            var progress = 0;
            using var stream = new MemoryStream(bytes);
            var inspection = SdistScan.Run(stream, "/tmp/demo-1.0.tar", new ArchiveLimits(), new FindingCollector(), hook, CancellationToken.None, _ => progress++);

            Assert.Equal(new[] { "demo-1.0/", "demo-1.0/PKG-INFO", "demo-1.0/keep.txt", "demo-1.0/link" }, hook.Seen);
            Assert.Equal(4, progress);
            Assert.Equal(4, inspection.Snapshot.Members.Count);
            Assert.True(inspection.Snapshot.TryGetContent(2, out var kept));
            Assert.Equal(new byte[] { 42 }, kept.Bytes);
            Assert.False(inspection.Snapshot.TryGetContent(1, out _)); // this hook kept no PKG-INFO
            Assert.Equal(5, inspection.Entries.Count); // the archive entry, then one per member
            Assert.Same(inspection.Snapshot.Links, inspection.Snapshot.Links); // computed once, shared
        }
    }
}
