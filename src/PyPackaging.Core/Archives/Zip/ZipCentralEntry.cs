using System;

namespace PyPackaging.Archives
{
    /// <summary>One central directory entry, with what its local header and data descriptor said (when found).</summary>
    internal sealed class ZipCentralEntry
    {
        public string Name = string.Empty;
        public bool NameInvalid;
        public ushort VersionMadeBy;
        public ushort Flags;
        public ushort Method;
        public ushort DosTime;
        public ushort DosDate;
        public uint Crc;
        public long CompressedSize;
        public long UncompressedSize;
        public uint ExternalAttributes;
        public long LocalOffset;
        // From the local header (when found).
        public bool HasLocal;
        public bool LocalZip64;
        public long DataOffset = -1;
        public string LocalName = string.Empty;
        public ushort LocalFlags;
        public ushort LocalMethod;
        public uint LocalCrc;
        public long LocalCompressedSize;
        public long LocalUncompressedSize;
        public bool HasDescriptor;
        public uint DescriptorCrc;
        public long DescriptorCompressedSize;
        public long DescriptorUncompressedSize;
        public string? SharedWith;

        /// <summary>Its data can be inflated: a local header of its own, not encrypted, stored or deflate.</summary>
        public bool Readable => HasLocal && SharedWith == null && (Flags & 1) == 0 && (Method == 0 || Method == 8);

        public void CopyLocal(ZipLocalHeader local)
        {
            HasLocal = true;
            LocalZip64 = local.Zip64;
            LocalName = local.Name;
            LocalFlags = local.Flags;
            LocalMethod = local.Method;
            LocalCrc = local.Crc;
            LocalCompressedSize = local.CompressedSize;
            LocalUncompressedSize = local.UncompressedSize;
            DataOffset = local.DataOffset;
        }
    }

    internal struct ZipLocalHeader
    {
        public string Name;
        public ushort Flags;
        public ushort Method;
        public uint Crc;
        public long CompressedSize;
        public long UncompressedSize;
        public long DataOffset;
        public bool Zip64;
    }

    /// <summary>Little-endian fields, the ZIP64 extra field and DOS times.</summary>
    internal static class ZipBytes
    {
        public const uint LocalSignature = 0x04034b50;
        public const uint CentralSignature = 0x02014b50;
        public const uint EndSignature = 0x06054b50;
        public const uint DescriptorSignature = 0x08074b50;

        public static ushort ReadUInt16(byte[] b, int i) => (ushort)(b[i] | (b[i + 1] << 8));
        public static uint ReadUInt32(byte[] b, int i) => (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
        public static ulong ReadUInt64(byte[] b, int i) => ReadUInt32(b, i) | ((ulong)ReadUInt32(b, i + 4) << 32);

        /// <summary>Replaces saturated (0xFFFFFFFF) values from the ZIP64 extra field (id 1), which lists them in this order.</summary>
        public static bool ApplyZip64Extra(byte[] b, int start, int length, ref long uncompressed, ref long compressed, ref long offset)
        {
            int p = start, end = start + length;
            while (p + 4 <= end)
            {
                int id = ReadUInt16(b, p);
                int size = ReadUInt16(b, p + 2);
                int data = p + 4;
                if (data + size > end) return false;
                if (id == 1)
                {
                    int q = data;
                    if (uncompressed == 0xFFFFFFFF) { if (q + 8 > data + size) return false; uncompressed = (long)ReadUInt64(b, q); q += 8; }
                    if (compressed == 0xFFFFFFFF) { if (q + 8 > data + size) return false; compressed = (long)ReadUInt64(b, q); q += 8; }
                    if (offset == 0xFFFFFFFF) { if (q + 8 > data + size) return false; offset = (long)ReadUInt64(b, q); }
                    return uncompressed >= 0 && compressed >= 0 && offset >= 0;
                }
                p = data + size;
            }
            return false;
        }

        public static DateTime? FromDos(ushort date, ushort time)
        {
            int year = 1980 + (date >> 9), month = (date >> 5) & 0xF, day = date & 0x1F;
            int hour = time >> 11, minute = (time >> 5) & 0x3F, second = (time & 0x1F) * 2;
            if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        }
    }
}
