using System;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Archives;
using PyPackaging.Rules;
using PyPackaging.TestKit;
using static PyPackaging.Core.Tests.Archives.ArchiveTestHelper;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>gzip container damage: each rule triggered, plus the clean case.</summary>
    public sealed class GzipRuleTests
    {
        private static byte[] Tar(int files = 3)
        {
            var t = new TarCrafter(TarFlavor.Pax);
            var rnd = new Random(11);
            for (int i = 0; i < files; i++)
            {
                var data = new byte[5000];
                rnd.NextBytes(data);
                t.AddFile("demo-1.0/f" + i + ".bin", data);
            }
            return t.Finish().ToArray();
        }

        private static string Ids(ReadResult r) => string.Join(",", r.Findings.Findings.Select(f => f.Rule.Id));

        [Fact]
        public void CleanGzipHasNoFindingsAndCountsEveryByte()
        {
            var gz = GzipCrafter.Compress(Tar());
            var r = Read(gz);
            Assert.True(r.Completed, r.Describe());
            Assert.Empty(r.Findings.Findings);
            Assert.Equal(gz.Length, r.Statistics.CompressedBytesRead);
        }

        [Fact]
        public void CleanGzipFromNonSeekableStreamHasNoFindings()
        {
            var gz = GzipCrafter.Compress(Tar());
            var r = Read(new NonSeekableStream(gz));
            Assert.True(r.Completed, r.Describe());
            Assert.Empty(r.Findings.Findings);
        }

        [Fact]
        public void CorruptDeflateDataIsReported()
        {
            var t = new TarCrafter(TarFlavor.Pax);
            for (int i = 0; i < 50; i++) t.AddFile("demo-1.0/m" + i + ".py", string.Concat(Enumerable.Repeat("def f" + i + "(x):\n    return x * " + i + "\n", 200)));
            var r = Read(GzipCrafter.CorruptDeflate(GzipCrafter.Compress(t.Finish().ToArray())));
            Assert.True(r.Has(RuleCatalog.GzipCorrupt), r.Describe());
            Assert.False(r.Completed);
        }

        [Fact]
        public void BadCrcIsReported()
        {
            var r = Read(GzipCrafter.CorruptCrc(GzipCrafter.Compress(Tar())));
            Assert.True(r.Has(RuleCatalog.GzipTrailerMismatch), r.Describe());
            Assert.Equal("GzipTrailerMismatch", Ids(r));
            Assert.False(r.Completed);
        }

        [Fact]
        public void BadIsizeIsReported()
        {
            var r = Read(GzipCrafter.CorruptIsize(GzipCrafter.Compress(Tar())));
            Assert.Equal("GzipTrailerMismatch", Ids(r));
            Assert.False(r.Completed);
        }

        [Fact]
        public void BadCrcFromNonSeekableStreamIsReported()
        {
            var r = Read(new NonSeekableStream(GzipCrafter.CorruptCrc(GzipCrafter.Compress(Tar()))));
            Assert.True(r.Has(RuleCatalog.GzipTrailerMismatch) || r.Has(RuleCatalog.GzipCorrupt), r.Describe());
            Assert.False(r.Completed);
        }

        [Fact]
        public void TruncatedTrailerIsReported()
        {
            var r = Read(GzipCrafter.Truncate(GzipCrafter.Compress(Tar()), 3));
            Assert.Equal("GzipTrailerMismatch", Ids(r));
            Assert.False(r.Completed);
        }

        [Fact]
        public void TruncatedStreamIsReportedAsTruncation()
        {
            var r = Read(GzipCrafter.Truncate(GzipCrafter.Compress(Tar(20)), 20000));
            Assert.True(r.Has(RuleCatalog.TarTruncated) || r.Has(RuleCatalog.GzipCorrupt), r.Describe());
            Assert.False(r.Completed);
        }

        [Fact]
        public void ConcatenatedMembersAreReported()
        {
            var tar = Tar();
            // First member ends mid-archive, second member carries the rest: readers that stop after one member see a truncated tar.
            int cut = 512 * 5;
            var gz = GzipCrafter.Concat(GzipCrafter.Compress(tar.Take(cut).ToArray()), GzipCrafter.Compress(tar.Skip(cut).ToArray()));
            var r = Read(gz);
            Assert.Equal("GzipConcatenatedMembers", Ids(r));
            Assert.False(r.Completed);
            Assert.Equal(3, r.Members.Count);
        }

        [Fact]
        public void ConcatenatedMemberAfterTheEndIsReported()
        {
            var gz = GzipCrafter.Concat(GzipCrafter.Compress(Tar()), GzipCrafter.Compress(new byte[1024]));
            var r = Read(gz);
            Assert.Equal("GzipConcatenatedMembers", Ids(r));
        }

        [Fact]
        public void TrailingGarbageIsReported()
        {
            var r = Read(GzipCrafter.AppendGarbage(GzipCrafter.Compress(Tar()), Encoding.ASCII.GetBytes("trailing garbage")));
            Assert.Equal("GzipTrailingData", Ids(r));
            Assert.Contains("16 bytes", r.Of(RuleCatalog.GzipTrailingData)[0].Message);
            Assert.False(r.Completed);
            Assert.Equal("the gzip stream does not end cleanly", r.StopReason);
            Assert.Equal(3, r.Members.Count);
        }

        [Fact]
        public void TrailingZerosAreReported()
        {
            var r = Read(GzipCrafter.AppendGarbage(GzipCrafter.Compress(Tar()), new byte[100_000]));
            Assert.Equal("GzipTrailingData", Ids(r));
        }

        [Fact]
        public void TrailingGarbageThatLooksLikeGzipIsReported()
        {
            var r = Read(GzipCrafter.AppendGarbage(GzipCrafter.Compress(Tar()), new byte[] { 0x1F, 0x8B, 9, 9, 9, 9 }));
            Assert.True(r.Has(RuleCatalog.GzipConcatenatedMembers) || r.Has(RuleCatalog.GzipTrailingData), r.Describe());
            Assert.False(r.Has(RuleCatalog.GzipCorrupt), r.Describe());
        }

        /// <summary>A stream that cannot seek, like a pipe.</summary>
        private sealed class NonSeekableStream : MemoryStream
        {
            public NonSeekableStream(byte[] data) : base(data, false) { }
            public override bool CanSeek => false;
            public override long Length => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
            public override long Position { get => base.Position; set => throw new NotSupportedException(); }
        }
    }
}
