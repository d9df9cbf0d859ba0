using System;
using System.IO;
using System.Linq;
using PyPackaging.Archives;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>The framing readers report typed issues; one table words them and names their rules.</summary>
    public sealed class FramingMessagesTests
    {
        [Fact]
        public void Every_framing_issue_kind_has_a_rule_and_a_message()
        {
            foreach (FramingIssueKind kind in Enum.GetValues(typeof(FramingIssueKind)))
            {
                var issue = new FramingIssue(kind, position: 1234) { Path = "p", Value = "v", OtherValue = "o", Reason = "r", Number = 1, OtherNumber = 2 };
                var (rule, message) = FramingMessages.Describe(issue);
                Assert.NotNull(rule);
                Assert.False(string.IsNullOrWhiteSpace(message), kind.ToString());
                Assert.EndsWith(".", message);
            }
        }

        [Fact]
        public void Stop_reasons_come_from_the_table()
        {
            Assert.Equal("total size limit exceeded", FramingMessages.StopReasonOf(FramingIssueKind.TotalSizeExceeded));
            Assert.Equal("the archive is truncated", FramingMessages.StopReasonOf(FramingIssueKind.TarTruncatedHeader));
            Assert.Throws<InvalidOperationException>(() => FramingMessages.StopReasonOf(FramingIssueKind.PathTooLong));
        }

        /// <summary>The tar and zip readers name issue kinds only: no catalogue rule and no finding is written there.</summary>
        [Fact]
        public void Readers_hold_no_catalogue_references()
        {
            var archives = Path.Combine(RepoRoot(), "src", "PyPackaging.Core", "Archives");
            var readers = Directory.GetFiles(Path.Combine(archives, "Tar"), "*.cs").Concat(Directory.GetFiles(Path.Combine(archives, "Zip"), "*.cs")).ToList();
            Assert.NotEmpty(readers);
            foreach (var file in readers)
            {
                var text = File.ReadAllText(file);
                Assert.DoesNotContain("RuleCatalog", text);
                Assert.DoesNotContain("_findings", text);
            }
        }

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PyPackaging.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("The repository root (PyPackaging.sln) was not found above " + AppContext.BaseDirectory);
        }
    }
}
