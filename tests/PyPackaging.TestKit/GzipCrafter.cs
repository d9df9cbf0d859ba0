using System;
using System.IO;
using System.IO.Compression;

namespace PyPackaging.TestKit
{
    /// <summary>gzip wrapping and damage: compress, corrupt the CRC/ISIZE trailer or the deflate data, concatenate, append, truncate.</summary>
    public static class GzipCrafter
    {
        /// <summary>One gzip member holding <paramref name="data"/>.</summary>
        public static byte[] Compress(byte[] data, CompressionLevel level = CompressionLevel.Optimal)
        {
            var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, level, leaveOpen: true)) gz.Write(data, 0, data.Length);
            return ms.ToArray();
        }

        /// <summary>A copy whose CRC-32 trailer field (bytes -8..-5) is wrong.</summary>
        public static byte[] CorruptCrc(byte[] gzip)
        {
            var r = (byte[])gzip.Clone();
            r[r.Length - 8] ^= 0xFF;
            return r;
        }

        /// <summary>A copy whose ISIZE trailer field (last 4 bytes) is wrong.</summary>
        public static byte[] CorruptIsize(byte[] gzip)
        {
            var r = (byte[])gzip.Clone();
            r[r.Length - 4] ^= 0x01;
            return r;
        }

        /// <summary>A copy whose first deflate block has the reserved block type (inflating fails at once; assumes a 10-byte header).</summary>
        public static byte[] CorruptDeflate(byte[] gzip)
        {
            var r = (byte[])gzip.Clone();
            r[10] = 0x07;
            return r;
        }

        /// <summary>A copy with the bytes in the middle third of the deflate data overwritten with 0xFF (may decode to wrong data or fail).</summary>
        public static byte[] ScrambleDeflate(byte[] gzip)
        {
            var r = (byte[])gzip.Clone();
            int start = 10, end = r.Length - 8;
            for (int i = start + (end - start) / 3; i < start + 2 * (end - start) / 3 && i < end; i++) r[i] = 0xFF;
            return r;
        }

        /// <summary>Several gzip members back to back (what `cat a.gz b.gz` gives).</summary>
        public static byte[] Concat(params byte[][] members)
        {
            var ms = new MemoryStream();
            foreach (var m in members) ms.Write(m, 0, m.Length);
            return ms.ToArray();
        }

        /// <summary>A copy with <paramref name="garbage"/> after the gzip trailer.</summary>
        public static byte[] AppendGarbage(byte[] gzip, byte[] garbage) => TarCrafter.Concat(gzip, garbage);

        /// <summary>A copy with the last <paramref name="dropBytes"/> bytes removed.</summary>
        public static byte[] Truncate(byte[] gzip, int dropBytes)
        {
            var r = new byte[Math.Max(0, gzip.Length - dropBytes)];
            Buffer.BlockCopy(gzip, 0, r, 0, r.Length);
            return r;
        }

        /// <summary>Streams a gzip file of <paramref name="tarStreamWriter"/>'s output to dir/fileName (for archives too big for memory); returns the path.</summary>
        public static string SaveStreaming(string dir, string fileName, Action<Stream> tarStreamWriter, CompressionLevel level = CompressionLevel.Fastest)
        {
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, fileName);
            using (var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var gz = new GZipStream(fs, level))
            {
                tarStreamWriter(gz);
            }
            return path;
        }
    }
}
