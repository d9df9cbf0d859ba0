using System;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Core.Tests.Extraction;
using PyPackaging.Extraction;
using PyPackaging.Inspection;
using PyPackaging.Rules;
using PyPackaging.TestKit;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>
    /// Tar cases from other readers' test suites (Go's archive/tar, libarchive, CPython's tarfile) where PyPackaging
    /// used to differ. Each test crafts the archive, runs Test-PySdist's engine and Expand-PySdistSafely's, and checks
    /// that they agree: a Safety Error from the inspection exactly when extraction refuses.
    /// </summary>
    public sealed class TarConformanceTests
    {
        private static TarCrafter Start()
        {
            var t = new TarCrafter(TarFlavor.Pax);
            t.AddDirectory("demo-1.0/");
            t.AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.2\nName: demo\nVersion: 1.0\n");
            t.AddFile("demo-1.0/pyproject.toml", "[project]\nname = \"demo\"\nversion = \"1.0\"\n");
            return t;
        }

        private static byte[] PaxRecordBytes(byte[] keyAndValue)
        {
            // "<len> key=value\n" where len counts the whole record.
            var bodyLength = keyAndValue.Length + 2; // space and newline
            var len = bodyLength + 1;
            while (len.ToString().Length + bodyLength != len) len = len.ToString().Length + bodyLength;
            return Encoding.ASCII.GetBytes(len + " ").Concat(keyAndValue).Concat(new[] { (byte)'\n' }).ToArray();
        }

        private sealed class Outcome
        {
            public SdistInspection Inspection = null!;
            public ExtractionResult Extraction = null!;
            public string Dest = "";

            public bool Refused => !Extraction.Succeeded;

            public bool HasBlockingError => Inspection.Findings.Findings.Any(f =>
                f.Rule.Severity == PySdistSeverity.Error &&
                (f.Rule.Category == PySdistRuleCategory.Safety || f.Rule.Category == PySdistRuleCategory.Limits));

            public string Describe() => string.Join("\n", Inspection.Findings.Findings.Select(f => f.Rule.Id + ": " + f.Message))
                + "\nexpand: " + Extraction.Failure + " " + Extraction.FailureMessage;
        }

        private static Outcome Run(byte[] tarGz)
        {
            using var box = new ExtractionSandbox();
            var archive = box.Save(tarGz);
            var outcome = new Outcome
            {
                Inspection = new SdistInspector().Inspect(archive),
                Extraction = new SdistExtractor().Extract(archive, box.Dest),
                Dest = box.Dest,
            };
            // Expand refuses exactly when Test reports a blocking (Safety or Limits) Error.
            Assert.True(outcome.HasBlockingError == outcome.Refused, outcome.Describe());
            if (!outcome.Refused)
            {
                var extracted = ExtractionSandbox.Snapshot(box.Dest).Keys.ToArray();
                foreach (var member in outcome.Inspection.Snapshot.Members.Where(m => m.Type == PySdistEntryType.File))
                {
                    Assert.Contains(member.Path.TrimEnd('/'), extracted);
                }
            }
            return outcome;
        }

        [Fact]
        public void PaxNumberWithLeadingZerosIsDecimal()
        {
            var t = Start();
            var payload = Encoding.ASCII.GetBytes(new string('x', 999));
            t.AddPaxRaw(PaxRecordBytes(Encoding.ASCII.GetBytes("size=000000000000000000000999")));
            t.AddEntry(t.NewHeader("demo-1.0/data.txt", '0', 999), payload);
            var o = Run(t.Finish().ToTarGz());
            Assert.False(o.Inspection.Findings.Findings.Any(f => f.Rule == RuleCatalog.TarPaxMalformed), o.Describe());
            Assert.Equal(999, o.Inspection.Snapshot.Members.Single(m => m.Path == "demo-1.0/data.txt").Size);
            Assert.False(o.Refused, o.Describe());
        }

        [Fact]
        public void GnuHeaderWithAFilledPrefixIsAReaderDifferential()
        {
            var t = Start();
            var h = new TarHeader(TarFlavor.Gnu) { Name = "demo-1.0/setup.py", TypeFlag = '0', Size = 3 };
            // Bytes 345.. are the ustar prefix for CPython's tarfile and atime for GNU tar and bsdtar.
            h.Patch(345, Encoding.ASCII.GetBytes("evil"));
            t.AddEntry(h, Encoding.ASCII.GetBytes("x=1"));
            var o = Run(t.Finish().ToTarGz());
            var f = Assert.Single(o.Inspection.Findings.Findings, x => x.Rule == RuleCatalog.TarGnuPrefixConflict);
            Assert.Contains("evil/demo-1.0/setup.py", f.Message);
            Assert.Equal(PySdistSeverity.Error, f.Rule.Severity);
            Assert.True(o.Refused);

            // Near miss: a GNU header with the bytes left empty, as GNU tar writes it.
            var clean = Start();
            clean.AddEntry(new TarHeader(TarFlavor.Gnu) { Name = "demo-1.0/setup.py", TypeFlag = '0', Size = 3 }, Encoding.ASCII.GetBytes("x=1"));
            var c = Run(clean.Finish().ToTarGz());
            Assert.DoesNotContain(c.Inspection.Findings.Findings, x => x.Rule == RuleCatalog.TarGnuPrefixConflict);
            Assert.False(c.Refused, c.Describe());
        }

        [Fact]
        public void SolarisExtendedHeaderIsAnExtensionHeader()
        {
            var t = Start();
            var records = TarCrafter.PaxRecord("path", "demo-1.0/solaris_long_name.py");
            // Solaris tar names its 'X' header after a temporary path; read as a member, it would be an absolute path.
            var x = new TarHeader(TarFlavor.Ustar) { Name = "/tmp/PaxHeaders.4711/solaris", TypeFlag = 'X', Size = records.Length };
            t.AddEntry(x, records);
            t.AddEntry(t.NewHeader("demo-1.0/solaris_long_name.py", '0', 3), Encoding.ASCII.GetBytes("x=1"));
            var o = Run(t.Finish().ToTarGz());
            Assert.DoesNotContain(o.Inspection.Snapshot.Members, m => m.Path.StartsWith("/", StringComparison.Ordinal));
            Assert.Contains(o.Inspection.Snapshot.Members, m => m.Path == "demo-1.0/solaris_long_name.py" && m.Size == 3);
            Assert.DoesNotContain(o.Inspection.Findings.Findings, f => f.Rule == RuleCatalog.AbsolutePath);
            Assert.False(o.Refused, o.Describe());
        }

        [Fact]
        public void NulInsideAPaxKeywordIsRefused()
        {
            var t = Start();
            t.AddPaxRaw(PaxRecordBytes(Encoding.ASCII.GetBytes("pa\0th=demo-1.0/other.py")));
            t.AddEntry(t.NewHeader("demo-1.0/setup.py", '0', 3), Encoding.ASCII.GetBytes("x=1"));
            var o = Run(t.Finish().ToTarGz());
            var f = Assert.Single(o.Inspection.Findings.Findings, x => x.Rule == RuleCatalog.TarPaxMalformed);
            Assert.Contains("NUL", f.Message);
            Assert.True(o.Refused);
        }

        [Fact]
        public void ExpandNamesAContainerItDoesNotReadInsteadOfCallingItCorrupt()
        {
            // A bzip2 sdist (pip's test data has one) is neither corrupt nor ambiguous: say what it is.
            using var box = new ExtractionSandbox();
            var archive = box.Save(Encoding.ASCII.GetBytes("BZh91AY&SY not really bzip2 data"), "demo-1.0.tar.bz2");
            var result = new SdistExtractor().Extract(archive, box.Dest);
            Assert.False(result.Succeeded);
            Assert.Contains("bzip2", result.FailureMessage);
            Assert.DoesNotContain("corrupt", result.FailureMessage);
            Assert.DoesNotContain("ambiguously", result.FailureMessage);
        }
    }
}
