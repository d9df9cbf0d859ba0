using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PyPackaging.Core.Tests.Extraction;
using PyPackaging.Extraction;
using PyPackaging.Inspection;

namespace PyPackaging.Core.Tests.Inspection
{
    /// <summary>
    /// The Archive entry's verdict, as EntryFactory sets it for every cmdlet: Severity is the worst over the archive's
    /// own findings and every member's; ErrorCount/WarningCount/InformationCount are the whole archive's on the Archive
    /// entry and the entry's own on a member.
    /// </summary>
    public class ArchiveVerdictTests
    {
        private static string Example(string name)
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "PyPackaging.sln"))) dir = dir.Parent;
            Assert.NotNull(dir);
            return Path.Combine(dir!.FullName, "examples", "sdists", name);
        }

        private static int Count(IEnumerable<PySdistFinding> findings, PySdistSeverity severity) => findings.Count(f => f.Severity == severity);

        private static void AssertVerdict(PySdistEntry archive, IReadOnlyList<PySdistEntry> members)
        {
            Assert.Equal(PySdistEntryType.Archive, archive.EntryType);
            var all = archive.Findings.Concat(members.SelectMany(m => m.Findings)).ToList();
            Assert.Equal(Count(all, PySdistSeverity.Error), archive.ErrorCount);
            Assert.Equal(Count(all, PySdistSeverity.Warning), archive.WarningCount);
            Assert.Equal(Count(all, PySdistSeverity.Information), archive.InformationCount);
            Assert.Equal(all.Count == 0 ? PySdistSeverity.None : all.Max(f => f.Severity), archive.Severity);
            foreach (var member in members)
            {
                Assert.Equal(Count(member.Findings, PySdistSeverity.Error), member.ErrorCount);
                Assert.Equal(Count(member.Findings, PySdistSeverity.Warning), member.WarningCount);
                Assert.Equal(Count(member.Findings, PySdistSeverity.Information), member.InformationCount);
            }
        }

        [Theory]
        [InlineData("demo_pkg-1.0.0.tar.gz", PySdistSeverity.None)]
        [InlineData("leaky_pkg-1.0.0.tar.gz", PySdistSeverity.Error)]
        public void Inspection_puts_the_verdict_on_the_archive_entry(string example, PySdistSeverity expected)
        {
            var entries = new SdistInspector().Inspect(Example(example)).Entries;
            AssertVerdict(entries[0], entries.Skip(1).ToList());
            Assert.Equal(expected, entries[0].Severity);
        }

        [Fact]
        public void A_member_error_makes_the_archive_an_error_even_without_archive_findings()
        {
            var entries = new SdistInspector().Inspect(Example("leaky_pkg-1.0.0.tar.gz")).Entries;
            Assert.Empty(entries[0].Findings);
            Assert.True(entries[0].ErrorCount > 0);
            Assert.Equal(entries.Skip(1).Sum(e => e.ErrorCount), entries[0].ErrorCount);
        }

        [Fact]
        public void Extraction_writes_the_archive_entry_with_the_verdict_and_what_happened()
        {
            using var box = new ExtractionSandbox();
            var clean = new SdistExtractor().Extract(Example("demo_pkg-1.0.0.tar.gz"), box.Dest);
            Assert.True(clean.Succeeded);
            Assert.NotNull(clean.ArchiveEntry);
            Assert.Equal(PySdistEntryAction.Extracted, clean.ArchiveEntry!.Action);
            Assert.Equal(Path.Combine(box.Dest, "demo_pkg-1.0.0"), clean.ArchiveEntry.Destination);
            AssertVerdict(clean.ArchiveEntry, clean.Entries);

            var leaky = new SdistExtractor().Extract(Example("leaky_pkg-1.0.0.tar.gz"), Path.Combine(box.Sandbox, "leaky"));
            Assert.Equal(ExtractionFailure.UnsafeMembers, leaky.Failure);
            Assert.Equal(PySdistEntryAction.Refused, leaky.ArchiveEntry!.Action);
            Assert.Equal(PySdistSeverity.Error, leaky.ArchiveEntry.Severity);
            Assert.DoesNotContain('\n', leaky.ArchiveEntry.Reason!);
            AssertVerdict(leaky.ArchiveEntry, leaky.Entries);
            Assert.DoesNotContain(leaky.Entries, e => e.EntryType == PySdistEntryType.Archive);
        }
    }
}
