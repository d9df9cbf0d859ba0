using System;
using System.IO;
using PyPackaging.Archives;
using PyPackaging.Rules;
using PyPackaging.TestKit;
using static PyPackaging.Core.Tests.Archives.ArchiveTestHelper;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>Memory stays flat: large members stream through a fixed buffer.</summary>
    public sealed class LargeArchiveTests : IDisposable
    {
        private readonly string _dir = NewTempDir("large");

        public void Dispose()
        {
            if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void TwentyMegabyteMemberStreamsWithBoundedAllocation(bool readData)
        {
            const int size = 20 * 1024 * 1024;
            var content = new byte[size];
            new Random(7).NextBytes(content);
            var path = new TarCrafter(TarFlavor.Pax).AddFile("big-1.0/PKG-INFO", "Metadata-Version: 2.4\n").AddFile("big-1.0/blob.bin", content)
                .AddFile("big-1.0/after.txt", "end").Finish().SaveTarGz(_dir, "big-1.0.tar.gz");
            var crcExpected = TestKit.Crc32.Compute(content);
            content = null!;

            var findings = new FindingCollector();
            var buffer = new byte[81920];
            uint crc = 0;
            long read = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            using (var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096))
            using (var reader = SdistArchiveReader.Open(fs, new ArchiveLimits(), findings))
            {
                while (reader.MoveNext())
                {
                    if (!readData || reader.Current.Path != "big-1.0/blob.bin") continue;
                    var running = new RunningCrc();
                    using var data = reader.OpenData();
                    int n;
                    while ((n = data.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        running.Update(buffer, n);
                        read += n;
                    }
                    crc = running.Value;
                }
                Assert.True(reader.Completed, reader.StopReason);
                Assert.Equal(3, reader.Statistics.MemberCount);
                Assert.Equal(new FileInfo(path).Length, reader.Statistics.CompressedBytesRead);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Empty(findings.Findings);
            if (readData)
            {
                Assert.Equal(size, read);
                Assert.Equal(crcExpected, crc);
            }
            Assert.True(allocated < 2 * 1024 * 1024, "allocated " + allocated + " bytes for a " + size + "-byte member");
        }

        /// <summary>Allocation-free CRC-32 for the test's own check.</summary>
        private sealed class RunningCrc
        {
            private static readonly uint[] Table = Build();
            private uint _c = 0xFFFFFFFF;
            public uint Value => _c ^ 0xFFFFFFFF;
            public void Update(byte[] b, int n)
            {
                for (int i = 0; i < n; i++) _c = Table[(_c ^ b[i]) & 0xFF] ^ (_c >> 8);
            }
            private static uint[] Build()
            {
                var t = new uint[256];
                for (uint i = 0; i < 256; i++)
                {
                    uint c = i;
                    for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                    t[i] = c;
                }
                return t;
            }
        }
    }
}
