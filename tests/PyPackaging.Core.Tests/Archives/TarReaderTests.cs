using System;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging;
using PyPackaging.Archives;
using PyPackaging.TestKit;
using static PyPackaging.Core.Tests.Archives.ArchiveTestHelper;

namespace PyPackaging.Core.Tests.Archives
{
    public sealed class TarReaderTests
    {
        private static TarCrafter Sample(TarFlavor flavor)
        {
            return new TarCrafter(flavor)
                .AddDirectory("demo-1.0/")
                .AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.4\nName: demo\n")
                .AddFile("demo-1.0/run.sh", "#!/bin/sh\n", 0x1ED)
                .AddSymlink("demo-1.0/link", "PKG-INFO")
                .AddHardLink("demo-1.0/hard", "demo-1.0/PKG-INFO")
                .AddFifo("demo-1.0/fifo")
                .AddCharDevice("demo-1.0/null", 1, 3)
                .AddBlockDevice("demo-1.0/sda", 8, 0);
        }

        [Theory]
        [InlineData(TarFlavor.Pax, MemberHeaderFormat.Ustar)]
        [InlineData(TarFlavor.Ustar, MemberHeaderFormat.Ustar)]
        [InlineData(TarFlavor.Gnu, MemberHeaderFormat.Gnu)]
        [InlineData(TarFlavor.V7, MemberHeaderFormat.V7)]
        public void ReadsEveryTypeInEveryFlavour(TarFlavor flavor, MemberHeaderFormat format)
        {
            var r = Read(Sample(flavor).Finish().ToTarGz());
            Assert.True(r.Completed, r.Describe());
            Assert.Empty(r.Findings.Findings);
            Assert.Equal(ContainerFormat.TarGzip, r.Container);
            Assert.Equal(new[] { "demo-1.0/", "demo-1.0/PKG-INFO", "demo-1.0/run.sh", "demo-1.0/link", "demo-1.0/hard", "demo-1.0/fifo", "demo-1.0/null", "demo-1.0/sda" },
                r.Members.Select(m => m.Path));
            Assert.Equal(new[] { PySdistEntryType.Directory, PySdistEntryType.File, PySdistEntryType.File, PySdistEntryType.SymbolicLink, PySdistEntryType.HardLink,
                PySdistEntryType.Fifo, PySdistEntryType.CharacterDevice, PySdistEntryType.BlockDevice }, r.Members.Select(m => m.Type));
            Assert.All(r.Members, m => Assert.Equal(format, m.HeaderFormat));
            Assert.Equal("Metadata-Version: 2.4\nName: demo\n", Encoding.UTF8.GetString(r.Data[1]));
            Assert.Equal(0x1ED, r.Member("demo-1.0/run.sh").Mode);
            Assert.Equal("PKG-INFO", r.Member("demo-1.0/link").LinkTarget);
            Assert.Equal("demo-1.0/PKG-INFO", r.Member("demo-1.0/hard").LinkTarget);
            Assert.Null(r.Member("demo-1.0/PKG-INFO").LinkTarget);
            Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), r.Members[1].ModifiedTime);
            Assert.Equal(Enumerable.Range(0, 8), r.Members.Select(m => m.Index));
            Assert.Equal(8, r.Statistics.MemberCount);
        }

        [Fact]
        public void ReadsPlainTarAndCountsBytes()
        {
            var tar = Sample(TarFlavor.Pax).Finish().ToArray();
            var r = Read(tar);
            Assert.Equal(ContainerFormat.Tar, r.Container);
            Assert.True(r.Completed, r.Describe());
            Assert.Equal(8, r.Members.Count);
            Assert.Equal(tar.Length, r.Statistics.UncompressedBytes);
            Assert.Equal(tar.Length, r.Statistics.CompressedBytesRead);
        }

        [Fact]
        public void PaxLongAndNonAsciiNamesWin()
        {
            var longPath = "demo-1.0/" + new string('d', 150) + "/" + new string('f', 120) + ".py";
            var t = new TarCrafter(TarFlavor.Pax)
                .AddFile("demo-1.0/caf\u00e9/\u00fcber.txt", "x")
                .AddFile(longPath, "y")
                .AddSymlink("demo-1.0/l", "caf\u00e9/\u00fcber.txt")
                .Finish();
            var r = Read(t.ToTarGz());
            Assert.True(r.Completed, r.Describe());
            Assert.Empty(r.Findings.Findings);
            Assert.Equal(new[] { "demo-1.0/caf\u00e9/\u00fcber.txt", longPath, "demo-1.0/l" }, r.Members.Select(m => m.Path));
            Assert.All(r.Members, m => Assert.Equal(MemberHeaderFormat.Pax, m.HeaderFormat));
            Assert.Equal("caf\u00e9/\u00fcber.txt", r.Members[2].LinkTarget);
        }

        [Fact]
        public void GnuLongNamesAndLinksAreUsed()
        {
            var longName = "demo-1.0/" + new string('n', 200);
            var longLink = new string('t', 150);
            var r = Read(new TarCrafter(TarFlavor.Gnu).AddFile(longName, "z").AddSymlink("demo-1.0/s", longLink).Finish().ToTarGz());
            Assert.True(r.Completed, r.Describe());
            Assert.Empty(r.Findings.Findings);
            Assert.Equal(longName, r.Members[0].Path);
            Assert.Equal(longLink, r.Members[1].LinkTarget);
            Assert.Equal(MemberHeaderFormat.Gnu, r.Members[0].HeaderFormat);
        }

        [Fact]
        public void UstarPrefixIsJoined()
        {
            var path = new string('p', 120) + "/name.txt";
            var r = Read(new TarCrafter(TarFlavor.Ustar).AddFile(path, "1").Finish().ToArray());
            Assert.Equal(path, r.Members.Single().Path);
        }

        [Fact]
        public void PaxMetadataOverridesHeader()
        {
            var t = new TarCrafter(TarFlavor.Pax);
            t.AddPax(("mtime", "1234567890.5"), ("uid", "3000000"), ("gid", "42"), ("uname", "\u00e9mile"), ("gname", "staff"));
            t.AddEntry(t.NewHeader("demo-1.0/a", '0', 2), new byte[] { 1, 2 }).Finish();
            var r = Read(t.ToArray());
            Assert.True(r.Completed, r.Describe());
            var m = r.Members.Single();
            Assert.Equal(3000000, m.Uid);
            Assert.Equal(42, m.Gid);
            Assert.Equal("\u00e9mile", m.UserName);
            Assert.Equal("staff", m.GroupName);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1234567890).UtcDateTime, m.ModifiedTime);
            Assert.Equal(MemberHeaderFormat.Pax, m.HeaderFormat);
        }

        [Fact]
        public void ExtensionStateDoesNotLeakToTheNextMember()
        {
            var t = new TarCrafter(TarFlavor.Pax);
            t.AddPax(("path", "demo-1.0/first-long-\u00e9.txt"), ("uid", "77"));
            t.AddEntry(t.NewHeader("demo-1.0/first-long-_.txt", '0', 1), new byte[] { 1 });
            t.AddFile("demo-1.0/second.txt", "2").Finish();
            var r = Read(t.ToArray());
            Assert.Equal("demo-1.0/second.txt", r.Members[1].Path);
            Assert.Equal(0, r.Members[1].Uid);
            Assert.Equal(MemberHeaderFormat.Ustar, r.Members[1].HeaderFormat);
            Assert.Empty(r.Findings.Findings);
        }

        [Fact]
        public void ContiguousAndOldRegularTypesAreFiles()
        {
            var t = new TarCrafter(TarFlavor.Ustar);
            t.AddEntry(t.NewHeader("demo-1.0/c", '7', 1), new byte[] { 7 });
            t.AddEntry(t.NewHeader("demo-1.0/old", '\0', 1), new byte[] { 0 });
            t.AddHeader(t.NewHeader("demo-1.0/olddir/", '\0', 0));
            var r = Read(t.Finish().ToArray());
            Assert.Equal(new[] { PySdistEntryType.File, PySdistEntryType.File, PySdistEntryType.Directory }, r.Members.Select(m => m.Type));
            Assert.Equal('7', r.Members[0].TypeFlag);
            Assert.Empty(r.Findings.Findings);
        }

        [Fact]
        public void PartiallyReadDataIsSkippedCorrectly()
        {
            var big = new byte[300_000];
            new Random(5).NextBytes(big);
            var tar = new TarCrafter(TarFlavor.Pax).AddFile("demo-1.0/big.bin", big).AddFile("demo-1.0/after", "ok").Finish().ToTarGz();
            var findings = new PyPackaging.Rules.FindingCollector();
            using var reader = SdistArchiveReader.Open(new MemoryStream(tar), new ArchiveLimits(), findings);
            Assert.True(reader.MoveNext());
            var head = new byte[1000];
            var data = reader.OpenData();
            Assert.Equal(big.Length, data.Length);
            int n = data.Read(head, 0, head.Length);
            Assert.True(n > 0);
            Assert.Equal(big.Take(n), head.Take(n));
            Assert.True(reader.MoveNext());
            Assert.Throws<InvalidOperationException>(() => data.Read(head, 0, 10));
            using (var s = new StreamReader(reader.OpenData())) Assert.Equal("ok", s.ReadToEnd());
            Assert.False(reader.MoveNext());
            Assert.True(reader.Completed);
            Assert.Null(reader.StopReason);
        }

        [Fact]
        public async System.Threading.Tasks.Task SpanAndAsyncReadsReturnTheSameData()
        {
            var big = new byte[200_000];
            new Random(9).NextBytes(big);
            var tar = new TarCrafter(TarFlavor.Pax).AddFile("demo-1.0/a.bin", big).AddFile("demo-1.0/b.bin", big).Finish().ToTarGz();
            using var reader = SdistArchiveReader.Open(new MemoryStream(tar), new ArchiveLimits(), new PyPackaging.Rules.FindingCollector());
            Assert.True(reader.MoveNext());
            var viaSpan = new MemoryStream();
            var chunk = new byte[7000];
            var data = reader.OpenData();
            int n;
            while ((n = data.Read(chunk.AsSpan())) > 0) viaSpan.Write(chunk, 0, n);
            Assert.Equal(big, viaSpan.ToArray());
            Assert.True(reader.MoveNext());
            var viaAsync = new MemoryStream();
            await reader.OpenData().CopyToAsync(viaAsync);
            Assert.Equal(big, viaAsync.ToArray());
            Assert.False(reader.MoveNext());
            Assert.True(reader.Completed);
        }

        [Fact]
        public void CancellationIsObserved()
        {
            var tar = new TarCrafter(TarFlavor.Pax).AddFile("demo-1.0/a", "1").Finish().ToTarGz();
            using var cts = new System.Threading.CancellationTokenSource();
            var findings = new PyPackaging.Rules.FindingCollector();
            using var reader = SdistArchiveReader.Open(new MemoryStream(tar), new ArchiveLimits(), findings, cts.Token);
            cts.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => reader.MoveNext());
        }

        [Theory]
        [InlineData(new byte[0], ContainerFormat.Empty)]
        [InlineData(new byte[] { (byte)'B', (byte)'Z', (byte)'h', (byte)'9', 1, 2 }, ContainerFormat.Bzip2)]
        [InlineData(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0, 0 }, ContainerFormat.Xz)]
        [InlineData(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0, 0 }, ContainerFormat.Zstandard)]
        [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' }, ContainerFormat.Unknown)]
        public void UnreadableContainersYieldNothingAndReportNothing(byte[] bytes, ContainerFormat expected)
        {
            var r = Read(bytes);
            Assert.Equal(expected, r.Container);
            Assert.Empty(r.Members);
            Assert.False(r.Completed);
            Assert.NotNull(r.StopReason);
            Assert.Empty(r.Findings.Findings);
        }
    }
}
