using PyPackaging.Archives;
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using PyPackaging.Building.Writing;

using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Building.Writing
{
    public class Crc32Tests
    {
        [Fact]
        public void Crc32_MatchesTheCheckValue()
        {
            Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
            Assert.Equal(0u, Crc32.Compute(new byte[0]));
        }

        [Fact]
        public void Crc32_IsIncremental()
        {
            var data = new byte[1000];
            new Random(7).NextBytes(data);
            var c = new Crc32();
            c.Update(data, 0, 3);
            c.Update(data, 3, 500);
            c.Update(data, 503, 497);
            Assert.Equal(Crc32.Compute(data), c.Value);
        }
    }

    public class DeterministicGzipStreamTests
    {
        private static byte[] Sample(int length)
        {
            // Half random (incompressible), half repetitive text, so both deflate paths are exercised.
            var data = new byte[length];
            new Random(42).NextBytes(data);
            byte[] text = Encoding.ASCII.GetBytes("def hello():\n    return 'world'\n");
            for (int i = length / 2; i < length; i++) data[i] = text[i % text.Length];
            return data;
        }

        private static byte[] Gzip(byte[] data, int dop, int writeSize = 70_000)
        {
            var ms = new MemoryStream();
            using (var gz = new DeterministicGzipStream(ms, leaveOpen: true, degreeOfParallelism: dop))
            {
                for (int at = 0; at < data.Length; at += writeSize) gz.Write(data, at, Math.Min(writeSize, data.Length - at));
            }
            return ms.ToArray();
        }

        private static byte[] Gunzip(byte[] gz)
        {
            using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
            var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }

        [Fact]
        public void Header_IsFixed_NoNameMtimeZeroOs255()
        {
            byte[] gz = Gzip(Encoding.ASCII.GetBytes("abc"), 1);
            Assert.Equal(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF }, gz.Take(10).ToArray());
            // Trailer: CRC-32 and length, little-endian.
            Assert.Equal(Crc32.Compute(Encoding.ASCII.GetBytes("abc")), BitConverter.ToUInt32(gz, gz.Length - 8));
            Assert.Equal(3u, BitConverter.ToUInt32(gz, gz.Length - 4));
        }

        [Fact]
        public void DotNetGZipStream_HeaderIsNotUnderOurControl()
        {
            // Why the writer builds its own header: GZipStream takes the OS byte from the zlib build
            // (3 = Unix on Linux/macOS, 10/11 on Windows), so its output differs across platforms.
            var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(new byte[] { 1, 2, 3 }, 0, 3);
            byte[] b = ms.ToArray();
            Assert.Equal(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0 }, b.Take(8).ToArray());
            Assert.NotEqual(0xFF, b[9]);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(100)]
        [InlineData(DeterministicGzipStream.ChunkSize)]
        [InlineData(3 * DeterministicGzipStream.ChunkSize + 12345)]
        public void RoundTrips_AndIsIndependentOfParallelism(int length)
        {
            byte[] data = Sample(length);
            byte[] one = Gzip(data, 1);
            byte[] four = Gzip(data, 4, writeSize: 4096);
            byte[] again = Gzip(data, 2, writeSize: 1_000_000);
            Assert.Equal(one, four);
            Assert.Equal(one, again);
            Assert.Equal(data, Gunzip(one));
        }

        [Fact]
        public void Chunks_EndWithASyncFlush()
        {
            byte[] data = Sample(5000);
            var segment = DeterministicGzipStream.CompressChunk(data, data.Length);
            byte[] tail = segment.Array!.Skip(segment.Offset + segment.Count - 4).Take(4).ToArray();
            Assert.Equal(new byte[] { 0, 0, 0xFF, 0xFF }, tail);
        }

        [Fact]
        public void Python_gzip_Decompresses_MultiChunkOutput()
        {
            if (!ExternalTool.HasPython) return;
            using var dir = new TempDir();
            byte[] data = Sample(2 * DeterministicGzipStream.ChunkSize + 77);
            string gzPath = Path.Combine(dir.Path, "x.gz");
            File.WriteAllBytes(gzPath, Gzip(data, 2));
            var r = ExternalTool.Run("python3", "-c",
                "import gzip,hashlib,sys; d=gzip.open(sys.argv[1]).read(); print(len(d), hashlib.sha256(d).hexdigest())", gzPath);
            Assert.True(r.ExitCode == 0, r.Stderr);
            string expected = data.Length + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(data)).ToLowerInvariant();
            Assert.Equal(expected, r.Stdout.Trim());
        }
    }

    public class PaxTarWriterTests
    {
        private const long Epoch = 1580601600;

        private static byte[] Tar(Action<PaxTarWriter> fill)
        {
            var ms = new MemoryStream();
            using (var tar = new PaxTarWriter(ms, Epoch, leaveOpen: true)) fill(tar);
            return ms.ToArray();
        }

        private static string Field(byte[] block, int at, int width) =>
            Encoding.UTF8.GetString(block, at, width).TrimEnd('\0');

        private static void AssertChecksum(byte[] tar, int headerAt)
        {
            int sum = 0;
            for (int i = 0; i < 512; i++) sum += (i >= 148 && i < 156) ? ' ' : tar[headerAt + i];
            Assert.Equal(Convert.ToString(sum, 8).PadLeft(6, '0'), Encoding.ASCII.GetString(tar, headerAt + 148, 6));
            Assert.Equal(0, tar[headerAt + 154]);
            Assert.Equal((byte)' ', tar[headerAt + 155]);
        }

        [Fact]
        public void FileHeader_HasUstarFields()
        {
            byte[] tar = Tar(t => t.AddFile("demo-1.0/PKG-INFO", 0x1A4, Encoding.ASCII.GetBytes("hello")));
            Assert.Equal("demo-1.0/PKG-INFO", Field(tar, 0, 100));
            Assert.Equal("0000644", Field(tar, 100, 8));
            Assert.Equal("0000000", Field(tar, 108, 8));
            Assert.Equal("0000000", Field(tar, 116, 8));
            Assert.Equal("00000000005", Field(tar, 124, 12));
            Assert.Equal(Convert.ToString(Epoch, 8).PadLeft(11, '0'), Field(tar, 136, 12));
            Assert.Equal((byte)'0', tar[156]);
            Assert.Equal(new byte[] { (byte)'u', (byte)'s', (byte)'t', (byte)'a', (byte)'r', 0, (byte)'0', (byte)'0' }, tar.Skip(257).Take(8).ToArray());
            Assert.Equal(string.Empty, Field(tar, 265, 32));
            Assert.Equal(string.Empty, Field(tar, 297, 32));
            AssertChecksum(tar, 0);
            Assert.Equal("hello", Encoding.ASCII.GetString(tar, 512, 5));
            // Content padded to a block, then two zero blocks, then padding to a 10240-byte record.
            Assert.Equal(PaxTarWriter.RecordSize, tar.Length);
            Assert.All(tar.Skip(517), b => Assert.Equal(0, b));
        }

        [Fact]
        public void Directory_GetsTypeflag5AndTrailingSlash()
        {
            byte[] tar = Tar(t => t.AddDirectory("demo-1.0/src"));
            Assert.Equal("demo-1.0/src/", Field(tar, 0, 100));
            Assert.Equal((byte)'5', tar[156]);
            Assert.Equal("0000755", Field(tar, 100, 8));
            AssertChecksum(tar, 0);
        }

        [Fact]
        public void LongAsciiPath_UsesUstarPrefix_NotPax()
        {
            string path = "demo-1.0/" + string.Join("/", Enumerable.Repeat("abcdefghij", 12)) + "/file.py";
            Assert.True(path.Length > 100 && path.Length < 250);
            byte[] tar = Tar(t => t.AddFile(path, 0x1A4, new byte[0]));
            Assert.Equal((byte)'0', tar[156]);
            string prefix = Field(tar, 345, 155), name = Field(tar, 0, 100);
            Assert.Equal(path, prefix + "/" + name);
            AssertChecksum(tar, 0);
        }

        [Fact]
        public void NonAsciiName_GetsPaxPathRecord()
        {
            string path = "demo-1.0/données/é.txt";
            byte[] tar = Tar(t => t.AddFile(path, 0x1A4, new byte[] { 1 }));
            Assert.Equal((byte)'x', tar[156]);
            AssertChecksum(tar, 0);
            int size = Convert.ToInt32(Field(tar, 124, 12), 8);
            string record = Encoding.UTF8.GetString(tar, 512, size);
            Assert.Equal(PaxTarWriter.PaxRecord("path", path), record);
            Assert.Equal(size.ToString(), record.Substring(0, record.IndexOf(' ')));
            Assert.Equal((byte)'0', tar[1024 + 156]);
            AssertChecksum(tar, 1024);
        }

        [Theory]
        [InlineData("path", "a", "9 path=a\n")]
        [InlineData("path", "12345", "14 path=12345\n")]
        [InlineData("path", "123456", "15 path=123456\n")]
        public void PaxRecord_LengthCountsItself(string key, string value, string expected)
        {
            Assert.Equal(expected, PaxTarWriter.PaxRecord(key, value));
            Assert.Equal(expected.Length, int.Parse(expected.Substring(0, expected.IndexOf(' '))));
        }

        [Fact]
        public void PaxRecord_LengthBoundaryAcrossDigits()
        {
            // Payload so that len goes from 2 to 3 digits: the record must still count itself exactly.
            for (int n = 80; n < 120; n++)
            {
                string rec = PaxTarWriter.PaxRecord("path", new string('a', n));
                Assert.Equal(Encoding.UTF8.GetByteCount(rec), int.Parse(rec.Substring(0, rec.IndexOf(' '))));
            }
        }

        [Fact]
        public void HugeFile_GetsPaxSizeRecord()
        {
            long size = PaxTarWriter.MaxOctal11 + 1; // 8 GiB
            var sink = new HeadCapture(4096);
            using (var tar = new PaxTarWriter(sink, Epoch, leaveOpen: true))
            {
                tar.AddFile("demo-1.0/big.bin", 0x1A4, size, new ZeroStream());
            }
            byte[] head = sink.Head;
            Assert.Equal((byte)'x', head[156]);
            int paxSize = Convert.ToInt32(Field(head, 124, 12), 8);
            Assert.Equal(PaxTarWriter.PaxRecord("size", "8589934592"), Encoding.UTF8.GetString(head, 512, paxSize));
            Assert.Equal((byte)'0', head[1024 + 156]);
            Assert.Equal("00000000000", Field(head, 1024 + 124, 12));
            Assert.Equal(0, sink.Total % PaxTarWriter.RecordSize);
        }

        [Fact]
        public void ShortSource_IsAnIOException()
        {
            var ms = new MemoryStream();
            using var tar = new PaxTarWriter(ms, Epoch, leaveOpen: true);
            Assert.Throws<IOException>(() => tar.AddFile("demo-1.0/a", 0x1A4, 10, new MemoryStream(new byte[3])));
        }

        [Theory]
        [InlineData("")]
        [InlineData("/abs/file")]
        [InlineData("demo/../x")]
        [InlineData("demo/./x")]
        [InlineData("demo//x")]
        [InlineData("demo\\x")]
        [InlineData("demo/x\ny")]
        public void BadNames_AreRejected(string name)
        {
            var ms = new MemoryStream();
            using var tar = new PaxTarWriter(ms, Epoch, leaveOpen: true);
            Assert.Throws<ArgumentException>(() => tar.AddFile(name, 0x1A4, new byte[0]));
        }

        [Fact]
        public void Mtime_OutOfRange_IsRejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new PaxTarWriter(new MemoryStream(), -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new PaxTarWriter(new MemoryStream(), PaxTarWriter.MaxOctal11 + 1));
        }

        private sealed class ZeroStream : Stream
        {
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => 0; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => count; // buffer content irrelevant here
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        private sealed class HeadCapture : Stream
        {
            private readonly MemoryStream _head = new MemoryStream();
            private readonly int _keep;

            public HeadCapture(int keep) => _keep = keep;

            public byte[] Head => _head.ToArray();

            public long Total { get; private set; }

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => Total;
            public override long Position { get => Total; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count)
            {
                int keep = (int)Math.Max(0, Math.Min(count, _keep - _head.Length));
                if (keep > 0) _head.Write(buffer, offset, keep);
                Total += count;
            }
        }
    }

    public class SdistWriterTests
    {
        private const long Epoch = 1580601600;

        private static List<SdistWriterEntry> Entries(TempDir dir)
        {
            string longNonAscii = "demo-1.0/" + string.Join("/", Enumerable.Repeat("répertoire-très-long", 8)) + "/naïve ünïcode.py";
            // Longer than the 100 + 155 ustar split allows: needs a pax path record although it is ASCII.
            string longAscii = "demo-1.0/pkg/" + new string('n', 120) + "/" + new string('m', 140) + ".py";
            string src = dir.File("src/demo/__init__.py", "print('hi')\n");
            string script = dir.File("scripts/run.sh", "#!/bin/sh\necho hi\n");
            string big = Path.Combine(dir.Path, "data.bin");
            var data = new byte[3 * 1024 * 1024 + 5];
            new Random(3).NextBytes(data);
            File.WriteAllBytes(big, data);
            var list = new List<SdistWriterEntry>
            {
                SdistWriterEntry.Directory("demo-1.0"),
                SdistWriterEntry.FromBytes("demo-1.0/PKG-INFO", Encoding.UTF8.GetBytes("Metadata-Version: 2.4\nName: demo\nVersion: 1.0\n")),
                SdistWriterEntry.FromFile("demo-1.0/data.bin", big, 0x1A4),
                SdistWriterEntry.FromBytes(longNonAscii, Encoding.UTF8.GetBytes("x = 1\n")),
                SdistWriterEntry.FromBytes(longAscii, Encoding.UTF8.GetBytes("y = 2\n")),
                SdistWriterEntry.FromFile("demo-1.0/scripts/run.sh", script, 0x1ED),
                SdistWriterEntry.Directory("demo-1.0/src"),
                SdistWriterEntry.FromFile("demo-1.0/src/demo/__init__.py", src, 0x1A4),
            };
            return list;
        }

        private static string WriteArchive(TempDir dir, string fileName, int dop = 0)
        {
            string path = Path.Combine(dir.Path, fileName);
            SdistWriter.WriteFile(path, Entries(dir), Epoch, dop);
            return path;
        }

        [Fact]
        public void TwoWrites_AreByteIdentical()
        {
            using var dir = new TempDir();
            byte[] a = File.ReadAllBytes(WriteArchive(dir, "a.tar.gz", 1));
            byte[] b = File.ReadAllBytes(WriteArchive(dir, "b.tar.gz", 4));
            Assert.Equal(a, b);
            Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
        }

        [Fact]
        public void FailingSource_LeavesNoArchiveBehind()
        {
            using var dir = new TempDir();
            string path = Path.Combine(dir.Path, "demo-1.0.tar.gz");
            var entries = new[]
            {
                SdistWriterEntry.FromBytes("demo-1.0/PKG-INFO", new byte[] { 65 }),
                SdistWriterEntry.FromStream("demo-1.0/shrunk.txt", 100, () => new MemoryStream(new byte[10])),
            };
            Assert.Throws<IOException>(() => SdistWriter.WriteFile(path, entries, Epoch));
            Assert.Empty(Directory.GetFiles(dir.Path));
        }

        [Fact]
        public void DecompressedTar_EndsWithZeroBlocksOnARecordBoundary()
        {
            using var dir = new TempDir();
            string path = WriteArchive(dir, "a.tar.gz");
            using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            var ms = new MemoryStream();
            gz.CopyTo(ms);
            byte[] tar = ms.ToArray();
            Assert.Equal(0, tar.Length % PaxTarWriter.RecordSize);
            Assert.All(tar.Skip(tar.Length - 1024), b => Assert.Equal(0, b));
        }

        [Fact]
        public void PythonTarfile_ReadsNamesModesOwnersAndMtime()
        {
            if (!ExternalTool.HasPython) return;
            using var dir = new TempDir();
            string path = WriteArchive(dir, "demo-1.0.tar.gz");
            var r = ExternalTool.Run("python3", "-c",
                "import sys,tarfile\n" +
                "t=tarfile.open(sys.argv[1], 'r:gz')\n" +
                "for m in t: print('|'.join([m.name, oct(m.mode), str(m.uid), str(m.gid), m.uname, m.gname, str(m.mtime), m.type.decode(), str(m.size)]))\n",
                path);
            Assert.True(r.ExitCode == 0, r.Stderr);
            string[] lines = r.Stdout.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var expected = Entries(dir);
            Assert.Equal(expected.Count, lines.Length);
            for (int i = 0; i < lines.Length; i++)
            {
                string[] f = lines[i].Split('|');
                var e = expected[i];
                Assert.Equal(e.ArchivePath, f[0]);
                Assert.Equal("0o" + Convert.ToString(e.Mode, 8), f[1]);
                Assert.Equal("0", f[2]);
                Assert.Equal("0", f[3]);
                Assert.Equal("", f[4]);
                Assert.Equal("", f[5]);
                Assert.Equal(Epoch.ToString(), f[6]);
                Assert.Equal(e.Kind == SdistEntryKind.Directory ? "5" : "0", f[7]);
                Assert.Equal(e.Size.ToString(), f[8]);
            }
        }

        [Fact]
        public void PythonTarfile_DataFilterExtractsContentFaithfully()
        {
            if (!ExternalTool.HasPython) return;
            using var dir = new TempDir();
            string path = WriteArchive(dir, "demo-1.0.tar.gz");
            string outDir = Path.Combine(dir.Path, "out");
            var r = ExternalTool.Run("python3", "-c",
                "import sys,tarfile\n" +
                "with tarfile.open(sys.argv[1], 'r:gz') as t: t.extractall(sys.argv[2], filter='data')\n",
                path, outDir);
            Assert.True(r.ExitCode == 0, r.Stderr);
            foreach (var e in Entries(dir).Where(x => x.Kind == SdistEntryKind.File))
            {
                string extracted = Path.Combine(outDir, e.ArchivePath.Replace('/', Path.DirectorySeparatorChar));
                Assert.True(File.Exists(extracted), e.ArchivePath);
                Assert.Equal(e.Size, new FileInfo(extracted).Length);
            }
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Path, "data.bin")), File.ReadAllBytes(Path.Combine(outDir, "demo-1.0", "data.bin")));
        }

        [Fact]
        public void GnuTar_ListsTheArchive()
        {
            if (!ExternalTool.HasTar || OperatingSystem.IsWindows()) return;
            using var dir = new TempDir();
            string path = WriteArchive(dir, "demo-1.0.tar.gz");
            var r = ExternalTool.Run("tar", "-tvzf", path);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal(string.Empty, r.Stderr);
            string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(Entries(dir).Count, lines.Length);
            Assert.StartsWith("drwxr-xr-x 0/0", lines[0]);
            Assert.Contains(lines, l => l.StartsWith("-rwxr-xr-x 0/0", StringComparison.Ordinal) && l.EndsWith("demo-1.0/scripts/run.sh", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("2020-02-02") && l.EndsWith("demo-1.0/PKG-INFO", StringComparison.Ordinal));
        }
    }
}
