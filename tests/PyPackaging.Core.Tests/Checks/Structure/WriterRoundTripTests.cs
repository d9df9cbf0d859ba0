using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Building.Writing;
using PyPackaging.Inspection;

namespace PyPackaging.Core.Tests.Checks.Structure
{
    /// <summary>What Build-PySdist's writer produces must pass the layout, safety and hygiene checks untouched.</summary>
    public class WriterRoundTripTests
    {
        [Fact]
        public void WrittenSdistHasNoStructureSafetyOrHygieneFindings()
        {
            var longName = "demo-1.0/src/demo/" + new string('n', 120) + "/ünïcode_" + new string('m', 40) + ".py";
            var entries = new[]
            {
                SdistWriterEntry.Directory("demo-1.0/"),
                SdistWriterEntry.FromBytes("demo-1.0/PKG-INFO", Encoding.UTF8.GetBytes(Sdists.PkgInfo)),
                SdistWriterEntry.FromBytes("demo-1.0/pyproject.toml", Encoding.UTF8.GetBytes(Sdists.Pyproject)),
                SdistWriterEntry.Directory("demo-1.0/src/"),
                SdistWriterEntry.Directory("demo-1.0/src/demo/"),
                SdistWriterEntry.FromBytes("demo-1.0/src/demo/__init__.py", Encoding.UTF8.GetBytes("")),
                SdistWriterEntry.FromBytes("demo-1.0/src/demo/run.py", Encoding.UTF8.GetBytes("print(1)\n"), 0x1ED),
                SdistWriterEntry.FromBytes(longName, Encoding.UTF8.GetBytes("x = 1\n")),
            };
            using var stream = new MemoryStream();
            SdistWriter.Write(stream, entries, mtime: 1580601600);
            stream.Position = 0;
            var inspection = new SdistInspector().Inspect(stream, "/tmp/demo-1.0.tar.gz");
            var mine = inspection.Findings.Findings
                .Where(f => f.Rule.Category == PySdistRuleCategory.Structure || f.Rule.Category == PySdistRuleCategory.Safety || f.Rule.Category == PySdistRuleCategory.Hygiene)
                .Select(f => f.Rule.Id + ": " + f.Message).ToList();
            Assert.True(mine.Count == 0, string.Join("\n", mine));
            Assert.Equal(8, inspection.Snapshot.Members.Count);
        }
    }
}
