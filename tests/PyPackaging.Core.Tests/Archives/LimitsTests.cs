using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PyPackaging.Archives;
using PyPackaging.Rules;
using PyPackaging.TestKit;
using static PyPackaging.Core.Tests.Archives.ArchiveTestHelper;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>Every limit: triggered (and stopping where it must), and a near miss at exactly the limit.</summary>
    public sealed class LimitsTests
    {
        private static byte[] Files(int count, int size = 10)
        {
            var t = new TarCrafter(TarFlavor.Pax);
            for (int i = 0; i < count; i++) t.AddFile("demo-1.0/f" + i, new byte[size]);
            return t.Finish().ToArray();
        }

        private static void AssertStopped(ReadResult r, PySdistRule rule)
        {
            Assert.True(r.Has(rule), r.Describe());
            Assert.False(r.Completed, r.Describe());
            Assert.NotNull(r.StopReason);
        }

        [Fact]
        public void TooManyMembersStops()
        {
            var r = Read(Files(4), new ArchiveLimits { MaxMembers = 3 });
            AssertStopped(r, RuleCatalog.LimitMemberCount);
            Assert.Equal(3, r.Members.Count);
            Assert.Equal(FindingCollector.ArchiveLevel, r.Of(RuleCatalog.LimitMemberCount)[0].MemberIndex);
        }

        [Fact]
        public void ExactlyMaxMembersIsFine()
        {
            var r = Read(Files(3), new ArchiveLimits { MaxMembers = 3 });
            Assert.True(r.Completed, r.Describe());
            Assert.Empty(r.Findings.Findings);
        }

        [Fact]
        public void OversizedMemberStopsBeforeItsData()
        {
            var t = new TarCrafter(TarFlavor.Pax).AddFile("demo-1.0/ok", new byte[100]);
            // Declares 10 GB but carries nothing: the reader must stop on the declaration, not try to read it.
            t.AddPax(("size", "10000000000"));
            t.AddHeader(t.NewHeader("demo-1.0/huge", '0', 0));
            var r = Read(t.ToArray(), new ArchiveLimits { MaxMemberSize = 1000 });
            AssertStopped(r, RuleCatalog.LimitMemberSize);
            Assert.Contains("demo-1.0/huge", r.Of(RuleCatalog.LimitMemberSize)[0].Message);
            Assert.Single(r.Members);
        }

        [Fact]
        public void MemberAtMaxMemberSizeIsFine()
        {
            var r = Read(Files(2, 1000), new ArchiveLimits { MaxMemberSize = 1000 });
            Assert.True(r.Completed, r.Describe());
            Assert.Empty(r.Findings.Findings);
        }

        [Fact]
        public void TotalSizeStops()
        {
            var r = Read(GzipCrafter.Compress(Files(20, 10_000)), new ArchiveLimits { MaxTotalSize = 50_000 });
            AssertStopped(r, RuleCatalog.LimitTotalSize);
            Assert.True(r.Members.Count < 20);
            Assert.True(r.Statistics.UncompressedBytes <= 50_000 + 128 * 1024, r.Statistics.UncompressedBytes.ToString());
        }

        [Fact]
        public void TotalSizeCountsTrailingZeros()
        {
            var t = new TarCrafter(TarFlavor.Pax).AddFile("demo-1.0/a", "1").Finish().AddEndMarker(1000);
            var r = Read(GzipCrafter.Compress(t.ToArray()), new ArchiveLimits { MaxTotalSize = 100_000 });
            AssertStopped(r, RuleCatalog.LimitTotalSize);
        }

        [Fact]
        public void ArchiveUnderTotalSizeIsFine()
        {
            var tar = Files(20, 10_000);
            var r = Read(GzipCrafter.Compress(tar), new ArchiveLimits { MaxTotalSize = tar.Length });
            Assert.True(r.Completed, r.Describe());
            Assert.Empty(r.Findings.Findings);
        }

        [Fact]
        public void CompressionRatioStops()
        {
            var r = Read(GzipCrafter.Compress(Files(3, 2_000_000)), new ArchiveLimits { CompressionRatioFloor = 1_000_000, MaxCompressionRatio = 50 });
            AssertStopped(r, RuleCatalog.LimitCompressionRatio);
        }

        [Fact]
        public void CompressionRatioBelowFloorIsNotJudged()
        {
            var r = Read(GzipCrafter.Compress(Files(3, 200_000)), new ArchiveLimits { CompressionRatioFloor = 10_000_000, MaxCompressionRatio = 50 });
            Assert.True(r.Completed, r.Describe());
            Assert.Empty(r.Findings.Findings);
        }

        [Fact]
        public void LongPathIsReportedAndReadingContinues()
        {
            var path = "demo-1.0/" + new string('a', 30);
            var r = Read(new TarCrafter(TarFlavor.Pax).AddFile(path, "1").AddSymlink("demo-1.0/l", new string('t', 40)).AddFile("demo-1.0/b", "2").Finish().ToArray(),
                new ArchiveLimits { MaxPathLength = path.Length - 1 });
            Assert.Equal(2, r.Of(RuleCatalog.LimitPathLength).Count);
            Assert.Equal(0, r.Of(RuleCatalog.LimitPathLength)[0].MemberIndex);
            Assert.Equal(1, r.Of(RuleCatalog.LimitPathLength)[1].MemberIndex);
            Assert.True(r.Completed);
            Assert.Equal(3, r.Members.Count);
        }

        [Fact]
        public void PathAtMaxLengthIsFine()
        {
            var path = "demo-1.0/" + new string('a', 30);
            var r = Read(new TarCrafter(TarFlavor.Pax).AddFile(path, "1").Finish().ToArray(), new ArchiveLimits { MaxPathLength = path.Length });
            Assert.Empty(r.Findings.Findings);
        }

        [Fact]
        public void DeepPathIsReportedAndReadingContinues()
        {
            var deep = "demo-1.0/" + string.Join("/", Enumerable.Range(0, 10).Select(i => "d" + i)) + "/f.py";
            var r = Read(new TarCrafter(TarFlavor.Pax).AddFile(deep, "1").AddFile("demo-1.0/b", "2").Finish().ToArray(), new ArchiveLimits { MaxPathDepth = 11 });
            Assert.Single(r.Of(RuleCatalog.LimitPathDepth));
            Assert.True(r.Completed);
            Assert.Equal(2, r.Members.Count);
            var ok = Read(new TarCrafter(TarFlavor.Pax).AddFile(deep, "1").Finish().ToArray(), new ArchiveLimits { MaxPathDepth = 12 });
            Assert.Empty(ok.Findings.Findings);
        }

        [Fact]
        public void OversizedPaxHeaderStops()
        {
            var t = new TarCrafter(TarFlavor.Pax);
            t.AddPax(("comment", new string('c', 1024 * 1024 + 10)));
            t.AddFile("demo-1.0/a", "1").Finish();
            AssertStopped(Read(t.ToArray()), RuleCatalog.LimitExtensionHeaderSize);
        }

        [Fact]
        public void LargeButAcceptablePaxHeaderIsFine()
        {
            var t = new TarCrafter(TarFlavor.Pax);
            t.AddPax(("comment", new string('c', 1000 * 1000)));
            t.AddFile("demo-1.0/a", "1").Finish();
            var r = Read(t.ToArray());
            Assert.True(r.Completed, r.Describe());
        }

        [Fact]
        public void OversizedGnuLongNameStops()
        {
            var t = new TarCrafter(TarFlavor.Gnu);
            t.AddGnuLongName(new string('n', 70 * 1024));
            t.AddFile("demo-1.0/a", "1").Finish();
            AssertStopped(Read(t.ToArray()), RuleCatalog.LimitExtensionHeaderSize);
        }

        [Fact]
        public void GzipBombIsStoppedQuicklyByTheRatioLimit()
        {
            var dir = NewTempDir("bomb");
            try
            {
                var path = GzipCrafter.SaveStreaming(dir, "bomb-1.0.tar.gz", s =>
                {
                    new TarCrafter(s, TarFlavor.Pax).AddZeroFile("bomb-1.0/zeros", 256L * 1024 * 1024).Finish();
                }, System.IO.Compression.CompressionLevel.Optimal);
                Assert.True(new FileInfo(path).Length < 2 * 1024 * 1024, "bomb size " + new FileInfo(path).Length);
                var sw = Stopwatch.StartNew();
                var r = ReadFile(path, new ArchiveLimits { CompressionRatioFloor = 8 * 1024 * 1024 }, readData: true);
                sw.Stop();
                AssertStopped(r, RuleCatalog.LimitCompressionRatio);
                Assert.True(r.Statistics.UncompressedBytes < 16 * 1024 * 1024, r.Statistics.UncompressedBytes.ToString());
                Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), sw.Elapsed.ToString());
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
