using System;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging;
using PyPackaging.Archives;
using PyPackaging.Rules;
using PyPackaging.TestKit;
using static PyPackaging.Core.Tests.Archives.ArchiveTestHelper;

namespace PyPackaging.Core.Tests.Archives
{
    public sealed class ZipReaderTests
    {
        private static ZipCrafter Sample() => new ZipCrafter()
            .AddDirectory("demo-1.0/")
            .AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\n")
            .AddFile("demo-1.0/stored.txt", "stored text", deflate: false)
            .AddFile("demo-1.0/run.sh", "#!/bin/sh\n", unixMode: 0x81ED)
            .AddSymlink("demo-1.0/link", "PKG-INFO");

        private static void AssertOnly(ReadResult r, PySdistRule rule)
        {
            Assert.True(r.Has(rule), "expected " + rule.Id + "\n" + r.Describe());
            Assert.True(r.Findings.Findings.All(f => f.Rule == rule), "unexpected findings\n" + r.Describe());
        }

        [Fact]
        public void ReadsACleanZip()
        {
            var r = Read(Sample().ToArray());
            Assert.Equal(ContainerFormat.Zip, r.Container);
            Assert.True(r.Completed, r.Describe());
            Assert.Empty(r.Findings.Findings);
            Assert.Equal(new[] { "demo-1.0/", "demo-1.0/PKG-INFO", "demo-1.0/stored.txt", "demo-1.0/run.sh", "demo-1.0/link" }, r.Members.Select(m => m.Path));
            Assert.Equal(new[] { PySdistEntryType.Directory, PySdistEntryType.File, PySdistEntryType.File, PySdistEntryType.File, PySdistEntryType.SymbolicLink }, r.Members.Select(m => m.Type));
            Assert.Equal("Metadata-Version: 2.1\nName: demo\n", Encoding.UTF8.GetString(r.Data[1]));
            Assert.Equal("stored text", Encoding.UTF8.GetString(r.Data[2]));
            Assert.Equal(0x1ED, r.Members[3].Mode);
            Assert.Equal("PKG-INFO", r.Members[4].LinkTarget);
            Assert.Equal("PKG-INFO", Encoding.UTF8.GetString(r.Data[4]));
            Assert.All(r.Members, m => Assert.Equal(MemberHeaderFormat.Zip, m.HeaderFormat));
            Assert.Equal(new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc), r.Members[1].ModifiedTime);
        }

        [Fact]
        public void SkippedMembersAreStillVerified()
        {
            var z = Sample().Add(new ZipEntrySpec { Name = "demo-1.0/bad.txt", Data = Encoding.ASCII.GetBytes("hello"), LocalCrc = 1234, CentralCrc = 1234 });
            var r = Read(z.ToArray(), readData: false);
            AssertOnly(r, RuleCatalog.ZipCrcMismatch);
            Assert.Equal(5, r.Of(RuleCatalog.ZipCrcMismatch)[0].MemberIndex);
        }

        [Fact]
        public void PythonZipfileArchiveReadsCleanly()
        {
            var dir = NewTempDir("zip");
            try
            {
                var path = Path.Combine(dir, "demo-1.0.zip");
                TestKitSelfTests.RunPython("import zipfile,sys\nwith zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z:\n z.writestr('demo-1.0/PKG-INFO','Metadata-Version: 2.1\\n')\n z.writestr('demo-1.0/big.py','x=1\\n'*50000)\n z.writestr(zipfile.ZipInfo('demo-1.0/sub/'),'')\n with z.open('demo-1.0/z64.txt','w',force_zip64=True) as f: f.write(b'hi')", path);
                var r = ReadFile(path);
                Assert.True(r.Completed, r.Describe());
                Assert.True(r.Findings.Findings.Count == 0, r.Describe());
                Assert.Equal(new[] { "demo-1.0/PKG-INFO", "demo-1.0/big.py", "demo-1.0/sub/", "demo-1.0/z64.txt" }, r.Members.Select(m => m.Path));
                Assert.Equal("hi", Encoding.ASCII.GetString(r.Data[3]));
                Assert.Equal(200000, r.Data[1].Length);
                Assert.Equal(PySdistEntryType.Directory, r.Members[2].Type);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Theory]
        [InlineData("name")]
        [InlineData("crc")]
        [InlineData("compressed")]
        [InlineData("uncompressed")]
        [InlineData("method")]
        public void LocalAndCentralDisagreementIsReported(string field)
        {
            var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abc", 100)));
            var e = new ZipEntrySpec { Name = "demo-1.0/a.txt", Data = data, Method = 0 };
            switch (field)
            {
                case "name": e.CentralName = "demo-1.0/b.txt"; break;
                case "crc": e.LocalCrc = 42; break;
                case "compressed": e.LocalCompressedSize = 10; break;
                case "uncompressed": e.LocalUncompressedSize = 10; break;
                case "method": e.CentralMethod = 8; e.Method = 0; break;
            }
            var r = Read(new ZipCrafter().Add(e).AddFile("demo-1.0/z", "z").ToArray());
            Assert.True(r.Has(RuleCatalog.ZipHeaderMismatch), r.Describe());
            var f = r.Of(RuleCatalog.ZipHeaderMismatch)[0];
            Assert.Equal(0, f.MemberIndex);
            Assert.Contains("two zip readers can extract different files", f.Message);
        }

        [Fact]
        public void LocalEntryMissingFromCentralDirectoryIsReported()
        {
            var z = new ZipCrafter().AddFile("demo-1.0/a", "a")
                .Add(new ZipEntrySpec { Name = "demo-1.0/hidden.py", Data = Encoding.ASCII.GetBytes("import os"), InCentralDirectory = false })
                .AddFile("demo-1.0/b", "b");
            var r = Read(z.ToArray());
            AssertOnly(r, RuleCatalog.ZipLocalNotInCentral);
            Assert.Contains("demo-1.0/hidden.py", r.Of(RuleCatalog.ZipLocalNotInCentral)[0].Message);
            Assert.Equal(new[] { "demo-1.0/a", "demo-1.0/b" }, r.Members.Select(m => m.Path));
            Assert.Equal("b", Encoding.ASCII.GetString(r.Data[1]));
        }

        [Fact]
        public void CentralEntryWithoutLocalHeaderIsReported()
        {
            var z = new ZipCrafter().AddFile("demo-1.0/a", "a").Add(new ZipEntrySpec { Name = "demo-1.0/ghost", Data = Encoding.ASCII.GetBytes("x"), InLocal = false });
            var r = Read(z.ToArray());
            AssertOnly(r, RuleCatalog.ZipCentralWithoutLocal);
            Assert.Equal(1, r.Of(RuleCatalog.ZipCentralWithoutLocal)[0].MemberIndex);
            Assert.Empty(r.Data[1]);
        }

        [Fact]
        public void DataAfterEndRecordIsReported()
        {
            var z = Sample();
            z.TrailingData = Encoding.ASCII.GetBytes("appended");
            AssertOnly(Read(z.ToArray()), RuleCatalog.ZipDataAfterEnd);
        }

        [Fact]
        public void CommentIsNotTrailingData()
        {
            var z = Sample();
            z.Comment = Encoding.ASCII.GetBytes("built by hand");
            var r = Read(z.ToArray());
            Assert.Empty(r.Findings.Findings);
        }

        [Fact]
        public void EncryptedEntryIsReported()
        {
            var z = new ZipCrafter().Add(new ZipEntrySpec { Name = "demo-1.0/secret", Data = Encoding.ASCII.GetBytes("xxxx"), Method = 0, Flags = 1 });
            var r = Read(z.ToArray());
            AssertOnly(r, RuleCatalog.ZipEncryptedEntry);
            Assert.Empty(r.Data[0]);
        }

        [Fact]
        public void UnsupportedMethodIsReported()
        {
            var z = new ZipCrafter().Add(new ZipEntrySpec { Name = "demo-1.0/bz", Data = Encoding.ASCII.GetBytes("BZh91AY"), Method = 12 });
            AssertOnly(Read(z.ToArray()), RuleCatalog.ZipUnsupportedMethod);
        }

        [Fact]
        public void CrcMismatchIsReportedWhenDataIsRead()
        {
            var z = new ZipCrafter().Add(new ZipEntrySpec { Name = "demo-1.0/a", Data = Encoding.ASCII.GetBytes("content"), LocalCrc = 7, CentralCrc = 7 });
            var r = Read(z.ToArray());
            AssertOnly(r, RuleCatalog.ZipCrcMismatch);
            Assert.Equal("content", Encoding.ASCII.GetString(r.Data[0]));
        }

        [Fact]
        public void SizeMismatchIsReported()
        {
            var z = new ZipCrafter().Add(new ZipEntrySpec { Name = "demo-1.0/a", Data = Encoding.ASCII.GetBytes("content"), LocalUncompressedSize = 3, CentralUncompressedSize = 3 });
            var r = Read(z.ToArray());
            AssertOnly(r, RuleCatalog.ZipCrcMismatch);
            Assert.Equal(3, r.Data[0].Length);
        }

        [Fact]
        public void MissingEndRecordIsMalformed()
        {
            var bytes = Sample().ToArray();
            var r = Read(bytes.Take(bytes.Length - 22).ToArray());
            AssertOnly(r, RuleCatalog.ZipMalformed);
            Assert.Empty(r.Members);
            Assert.False(r.Completed);
        }

        [Fact]
        public void WrongEntryCountIsMalformed()
        {
            var z = Sample();
            z.EntryCountOverride = 9;
            var r = Read(z.ToArray());
            Assert.True(r.Has(RuleCatalog.ZipMalformed), r.Describe());
            Assert.False(r.Completed);
        }

        [Fact]
        public void WrongCentralOffsetIsReported()
        {
            var z = Sample();
            z.CentralOffsetOverride = 5;
            var r = Read(z.ToArray());
            Assert.True(r.Has(RuleCatalog.ZipMalformed), r.Describe());
        }

        [Fact]
        public void InvalidUtf8ZipNameIsReported()
        {
            var z = new ZipCrafter().Add(new ZipEntrySpec { NameBytes = new byte[] { (byte)'d', (byte)'/', 0xFF, (byte)'x' }, Data = new byte[] { 1 } });
            var r = Read(z.ToArray());
            AssertOnly(r, RuleCatalog.ZipNameNotUtf8);
            Assert.Contains('\uFFFD', r.Members[0].Path);
        }

        [Fact]
        public void ZipLimitsApply()
        {
            var many = new ZipCrafter();
            for (int i = 0; i < 5; i++) many.AddFile("demo-1.0/f" + i, "x");
            var r = Read(many.ToArray(), new ArchiveLimits { MaxMembers = 4 });
            Assert.True(r.Has(RuleCatalog.LimitMemberCount), r.Describe());
            Assert.False(r.Completed);

            var big = new ZipCrafter().AddFile("demo-1.0/zeros", new byte[3_000_000]);
            r = Read(big.ToArray(), new ArchiveLimits { MaxMemberSize = 1_000_000 });
            Assert.True(r.Has(RuleCatalog.LimitMemberSize), r.Describe());
            Assert.Empty(r.Members);

            r = Read(big.ToArray(), new ArchiveLimits { CompressionRatioFloor = 1_000_000 });
            Assert.True(r.Has(RuleCatalog.LimitCompressionRatio), r.Describe());
            Assert.False(r.Completed);

            r = Read(big.ToArray(), new ArchiveLimits { MaxTotalSize = 2_000_000 });
            Assert.True(r.Has(RuleCatalog.LimitTotalSize), r.Describe());

            r = Read(big.ToArray());
            Assert.True(r.Completed, r.Describe());
            Assert.Empty(r.Findings.Findings);
        }

        [Fact]
        public void InfoZipArchivesReadCleanly()
        {
            var dir = NewTempDir("infozip");
            try
            {
                var src = Path.Combine(dir, "demo-1.0");
                Directory.CreateDirectory(Path.Combine(src, "pkg"));
                File.WriteAllText(Path.Combine(src, "PKG-INFO"), "Metadata-Version: 2.1\n");
                File.WriteAllText(Path.Combine(src, "pkg", "m.py"), string.Concat(Enumerable.Repeat("print('x')\n", 1000)));
                var zipPath = Path.Combine(dir, "demo-1.0.zip");
                RunTool("zip", dir, "-r", "-q", zipPath, "demo-1.0");
                var r = ReadFile(zipPath);
                Assert.True(r.Completed, r.Describe());
                Assert.True(r.Findings.Findings.Count == 0, r.Describe());
                Assert.Contains(r.Members, m => m.Path == "demo-1.0/pkg/m.py" && m.Size == 11000);

                // Streamed input makes zip write data descriptors.
                var streamed = Path.Combine(dir, "streamed.zip");
                RunTool("sh", dir, "-c", "cat demo-1.0/pkg/m.py | zip -q " + streamed + " -");
                r = ReadFile(streamed);
                Assert.True(r.Completed, r.Describe());
                Assert.True(r.Findings.Findings.Count == 0, r.Describe());
                Assert.Equal(11000, r.Data.Single().Length);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private static void RunTool(string file, string workDir, params string[] args)
        {
            var psi = new System.Diagnostics.ProcessStartInfo(file) { WorkingDirectory = workDir, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = System.Diagnostics.Process.Start(psi)!;
            p.StandardOutput.ReadToEnd();
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, file + ": " + err);
        }

        [Fact]
        public void NonSeekableZipYieldsNothing()
        {
            var r = Read(new OneWay(Sample().ToArray()));
            Assert.Equal(ContainerFormat.Zip, r.Container);
            Assert.Empty(r.Members);
            Assert.NotNull(r.StopReason);
        }

        private sealed class OneWay : MemoryStream
        {
            public OneWay(byte[] b) : base(b, false) { }
            public override bool CanSeek => false;
        }
    }
}
