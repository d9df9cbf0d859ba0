using System.IO;
using System.Linq;
using PyPackaging.Inspection;
using PyPackaging.Rules;
using PyPackaging.TestKit;

namespace PyPackaging.Core.Tests.Inspection
{
    /// <summary>Rules that fire on many members are reported once, on the archive entry, with a count and the first members.</summary>
    public sealed class SummarizedFindingTests
    {
        private static SdistInspection Inspect(TarCrafter t)
        {
            using var stream = new MemoryStream(t.Finish().ToTarGz());
            return new SdistInspector().Inspect(stream, "/tmp/demo-1.0.tar.gz");
        }

        private static TarCrafter Start()
        {
            var t = new TarCrafter(TarFlavor.Pax);
            t.AddDirectory("demo-1.0/");
            t.AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.2\nName: demo\nVersion: 1.0\n");
            t.AddFile("demo-1.0/pyproject.toml", "[project]\nname = \"demo\"\nversion = \"1.0\"\n");
            return t;
        }

        [Fact]
        public void ManyWritableMembersBecomeOneArchiveFinding()
        {
            var t = Start();
            for (var i = 0; i < 8; i++) t.AddFile($"demo-1.0/f{i}.py", "x", mode: 0x1B4 /* 0664 */);
            var inspection = Inspect(t);
            var archive = inspection.Entries[0];
            var finding = Assert.Single(archive.Findings, f => f.RuleId == RuleCatalog.WritableMode.Id);
            Assert.Equal(PySdistSeverity.Information, finding.Severity);
            Assert.StartsWith("8 members. First: `demo-1.0/f0.py` has mode 0664", finding.Message);
            Assert.Contains("users get mode 0644", finding.Message);
            Assert.Contains("`demo-1.0/f5.py` and 2 more.", finding.Message);
            Assert.Equal("demo-1.0.tar.gz", finding.Path);
            Assert.DoesNotContain(inspection.Entries.Skip(1).SelectMany(e => e.Findings), f => f.RuleId == RuleCatalog.WritableMode.Id);
            // The raw findings (what Expand decides on) still name every member.
            Assert.Equal(8, inspection.Findings.Findings.Count(f => f.Rule == RuleCatalog.WritableMode));
        }

        [Fact]
        public void OneMemberKeepsItsOwnMessage()
        {
            var t = Start();
            t.AddFile("demo-1.0/mod.pyc", "x");
            var inspection = Inspect(t);
            var finding = Assert.Single(inspection.Entries[0].Findings, f => f.RuleId == RuleCatalog.CompiledBytecode.Id);
            Assert.Contains("`demo-1.0/mod.pyc`", finding.Message);
            Assert.DoesNotContain("members. First", finding.Message);
        }
    }
}
