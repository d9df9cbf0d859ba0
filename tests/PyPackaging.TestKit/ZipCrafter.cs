using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace PyPackaging.TestKit
{
    /// <summary>One zip entry; every local-header and central-directory field that readers compare can be set independently.</summary>
    public sealed class ZipEntrySpec
    {
        /// <summary>Name in the local header (and the central directory unless <see cref="CentralName"/> is set).</summary>
        public string Name { get; set; } = string.Empty;
        /// <summary>Raw name bytes for both headers (e.g. invalid UTF-8); wins over <see cref="Name"/>.</summary>
        public byte[]? NameBytes { get; set; }
        /// <summary>A different name for the central directory.</summary>
        public string? CentralName { get; set; }
        /// <summary>Uncompressed content.</summary>
        public byte[] Data { get; set; } = Array.Empty<byte>();
        /// <summary>Compression method: 0 stored, 8 deflate; anything else stores the data raw under that method number.</summary>
        public ushort Method { get; set; } = 8;
        /// <summary>Method written in the central directory, when it should differ.</summary>
        public ushort? CentralMethod { get; set; }
        /// <summary>General-purpose flags (bit 0 = encrypted).</summary>
        public ushort Flags { get; set; }
        /// <summary>CRC-32 override for the local header.</summary>
        public uint? LocalCrc { get; set; }
        /// <summary>CRC-32 override for the central directory.</summary>
        public uint? CentralCrc { get; set; }
        /// <summary>Compressed size override for the local header.</summary>
        public uint? LocalCompressedSize { get; set; }
        /// <summary>Compressed size override for the central directory.</summary>
        public uint? CentralCompressedSize { get; set; }
        /// <summary>Uncompressed size override for the local header.</summary>
        public uint? LocalUncompressedSize { get; set; }
        /// <summary>Uncompressed size override for the central directory.</summary>
        public uint? CentralUncompressedSize { get; set; }
        /// <summary>False: write only the local header and data (an entry missing from the central directory).</summary>
        public bool InCentralDirectory { get; set; } = true;
        /// <summary>False: write only a central entry, pointing at no local header.</summary>
        public bool InLocal { get; set; } = true;
        /// <summary>Unix permission/type bits for the external attributes (e.g. 0x81A4 = regular 0644); null = none.</summary>
        public int? UnixMode { get; set; }
    }

    /// <summary>Writes zip files byte by byte: local headers, data, central directory, end record, and whatever follows.</summary>
    public sealed class ZipCrafter
    {
        private readonly List<ZipEntrySpec> _entries = new List<ZipEntrySpec>();

        /// <summary>Bytes written after the end-of-central-directory record.</summary>
        public byte[] TrailingData { get; set; } = Array.Empty<byte>();
        /// <summary>EOCD comment.</summary>
        public byte[] Comment { get; set; } = Array.Empty<byte>();
        /// <summary>Entry count written in the EOCD instead of the real one.</summary>
        public ushort? EntryCountOverride { get; set; }
        /// <summary>Central directory offset written in the EOCD instead of the real one.</summary>
        public uint? CentralOffsetOverride { get; set; }

        /// <summary>Adds an entry as specified.</summary>
        public ZipCrafter Add(ZipEntrySpec entry) { _entries.Add(entry); return this; }

        /// <summary>A regular file, deflated or stored, with Unix mode 0644 by default.</summary>
        public ZipCrafter AddFile(string name, string content, bool deflate = true, int unixMode = 0x81A4) =>
            AddFile(name, Encoding.UTF8.GetBytes(content), deflate, unixMode);

        /// <summary>A regular file, deflated or stored.</summary>
        public ZipCrafter AddFile(string name, byte[] content, bool deflate = true, int unixMode = 0x81A4) =>
            Add(new ZipEntrySpec { Name = name, Data = content, Method = deflate ? (ushort)8 : (ushort)0, UnixMode = unixMode });

        /// <summary>A directory entry (name should end in '/').</summary>
        public ZipCrafter AddDirectory(string name) => Add(new ZipEntrySpec { Name = name, Method = 0, UnixMode = 0x41ED });

        /// <summary>A symbolic link (Unix mode 0120777, target as stored data).</summary>
        public ZipCrafter AddSymlink(string name, string target) =>
            Add(new ZipEntrySpec { Name = name, Data = Encoding.UTF8.GetBytes(target), Method = 0, UnixMode = 0xA1FF });

        /// <summary>The zip bytes.</summary>
        public byte[] ToArray()
        {
            var ms = new MemoryStream();
            var w = new BinaryWriter(ms);
            var offsets = new long[_entries.Count];
            var compressed = new byte[_entries.Count][];
            for (int i = 0; i < _entries.Count; i++)
            {
                var e = _entries[i];
                compressed[i] = e.Method == 8 ? Deflate(e.Data) : e.Data;
                if (!e.InLocal) { offsets[i] = -1; continue; }
                offsets[i] = ms.Position;
                var name = e.NameBytes ?? Encoding.UTF8.GetBytes(e.Name);
                w.Write(0x04034b50u);
                w.Write((ushort)20);
                w.Write(Flags(e));
                w.Write(e.Method);
                w.Write((ushort)0); // time
                w.Write((ushort)0x21); // date 1980-01-01
                w.Write(e.LocalCrc ?? Crc32.Compute(e.Data));
                w.Write(e.LocalCompressedSize ?? (uint)compressed[i].Length);
                w.Write(e.LocalUncompressedSize ?? (uint)e.Data.Length);
                w.Write((ushort)name.Length);
                w.Write((ushort)0);
                w.Write(name);
                w.Write(compressed[i]);
            }
            long cdStart = ms.Position;
            int count = 0;
            for (int i = 0; i < _entries.Count; i++)
            {
                var e = _entries[i];
                if (!e.InCentralDirectory) continue;
                count++;
                var name = e.CentralName != null ? Encoding.UTF8.GetBytes(e.CentralName) : e.NameBytes ?? Encoding.UTF8.GetBytes(e.Name);
                w.Write(0x02014b50u);
                w.Write(e.UnixMode.HasValue ? (ushort)0x031E : (ushort)20);
                w.Write((ushort)20);
                w.Write(Flags(e));
                w.Write(e.CentralMethod ?? e.Method);
                w.Write((ushort)0);
                w.Write((ushort)0x21);
                w.Write(e.CentralCrc ?? Crc32.Compute(e.Data));
                w.Write(e.CentralCompressedSize ?? (uint)compressed[i].Length);
                w.Write(e.CentralUncompressedSize ?? (uint)e.Data.Length);
                w.Write((ushort)name.Length);
                w.Write((ushort)0); // extra
                w.Write((ushort)0); // comment
                w.Write((ushort)0); // disk
                w.Write((ushort)0); // internal attributes
                w.Write(e.UnixMode.HasValue ? (uint)e.UnixMode.Value << 16 : 0u);
                w.Write(offsets[i] >= 0 ? (uint)offsets[i] : (uint)cdStart);
                w.Write(name);
            }
            long cdEnd = ms.Position;
            w.Write(0x06054b50u);
            w.Write((ushort)0);
            w.Write((ushort)0);
            w.Write(EntryCountOverride ?? (ushort)count);
            w.Write(EntryCountOverride ?? (ushort)count);
            w.Write((uint)(cdEnd - cdStart));
            w.Write(CentralOffsetOverride ?? (uint)cdStart);
            w.Write((ushort)Comment.Length);
            w.Write(Comment);
            w.Write(TrailingData);
            w.Flush();
            return ms.ToArray();
        }

        /// <summary>Writes the zip to dir/fileName and returns the full path.</summary>
        public string Save(string dir, string fileName) => TarCrafter.Save(dir, fileName, ToArray());

        private static ushort Flags(ZipEntrySpec e) => (ushort)(e.Flags | 0x0800); // bit 11: UTF-8 names

        private static byte[] Deflate(byte[] data)
        {
            var ms = new MemoryStream();
            using (var d = new DeflateStream(ms, CompressionLevel.Optimal, leaveOpen: true)) d.Write(data, 0, data.Length);
            return ms.ToArray();
        }
    }

    /// <summary>CRC-32 (IEEE 802.3, as zip and gzip use it).</summary>
    public static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
        public static uint Compute(byte[] data)
        {
            uint c = 0xFFFFFFFF;
            foreach (var b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
            return c ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            var t = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                t[n] = c;
            }
            return t;
        }
    }
}
