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
        /// <summary>Refusals that depend on how one extraction runs, so no catalogue rule reports them to Test-PySdist.</summary>
        private static readonly RefusalKind[] ExtractionOnly =
        {
            RefusalKind.OutsideTopLevel, RefusalKind.WindowsInvalidName, RefusalKind.WindowsTrailingDotOrSpace,
        };

        [Fact]
        public void EveryRefusalIsNamedAfterItsCatalogueRule()
        {
            foreach (RefusalKind kind in Enum.GetValues(typeof(RefusalKind)))
            {
                if (ExtractionOnly.Contains(kind)) Assert.Null(RuleCatalog.Find(kind.Code()));
                else Assert.True(RuleCatalog.Find(kind.Code()) != null, $"{kind} has no catalogue rule");
            }
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
