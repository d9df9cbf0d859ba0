using System;
using System.Collections.Generic;
using System.Text;

namespace PyPackaging.TestKit
{
    /// <summary>The header dialect a crafted tar member is written in.</summary>
    public enum TarFlavor
    {
        /// <summary>ustar headers, plus a pax 'x' header when a value does not fit (what Python's tarfile writes by default).</summary>
        Pax,
        /// <summary>POSIX ustar: magic "ustar\0", version "00", name split into prefix/name.</summary>
        Ustar,
        /// <summary>GNU: magic "ustar ", version " \0", ././@LongLink 'L'/'K' entries for long names.</summary>
        Gnu,
        /// <summary>Unix v7: no magic, no user/group names, no prefix.</summary>
        V7,
    }

    /// <summary>
    /// One 512-byte tar header with every field under the caller's control. Values are formatted as octal
    /// like real tools do; <c>*Text</c> properties replace a field's text verbatim, <see cref="Patch"/> overwrites any bytes.
    /// </summary>
    public sealed class TarHeader
    {
        /// <summary>A header with the magic and version of <paramref name="flavor"/> (Pax uses the ustar magic).</summary>
        public TarHeader(TarFlavor flavor = TarFlavor.Ustar)
        {
            Flavor = flavor;
        }

        /// <summary>Which magic/version pair is written (unless <see cref="Magic"/>/<see cref="Version"/> override it).</summary>
        public TarFlavor Flavor { get; set; }

        /// <summary>The name field (UTF-8, at most 100 bytes; longer is cut).</summary>
        public string Name { get; set; } = string.Empty;
        /// <summary>Raw bytes for the name field (e.g. invalid UTF-8); wins over <see cref="Name"/>.</summary>
        public byte[]? NameBytes { get; set; }
        /// <summary>The ustar prefix field (155 bytes; ignored for GNU and V7 unless set through <see cref="Patch"/>).</summary>
        public string Prefix { get; set; } = string.Empty;
        /// <summary>Permission bits (octal field).</summary>
        public int Mode { get; set; } = Convert.ToInt32("644", 8);
        /// <summary>Owner id.</summary>
        public long Uid { get; set; }
        /// <summary>Group id.</summary>
        public long Gid { get; set; }
        /// <summary>Declared payload size (what the size field says, not necessarily what follows).</summary>
        public long Size { get; set; }
        /// <summary>Verbatim text of the size field (e.g. "garbage"); wins over <see cref="Size"/>.</summary>
        public string? SizeText { get; set; }
        /// <summary>Write <see cref="Size"/> in GNU base-256 (0x80 marker) instead of octal.</summary>
        public bool SizeBase256 { get; set; }
        /// <summary>Write <see cref="Uid"/> in base-256.</summary>
        public bool UidBase256 { get; set; }
        /// <summary>Modification time, seconds since the epoch.</summary>
        public long Mtime { get; set; } = 1_700_000_000;
        /// <summary>Typeflag byte ('0', '5', '2', 'x', 'L', ...).</summary>
        public char TypeFlag { get; set; } = '0';
        /// <summary>Link target field (UTF-8, 100 bytes).</summary>
        public string LinkName { get; set; } = string.Empty;
        /// <summary>Raw bytes for the link name field; wins over <see cref="LinkName"/>.</summary>
        public byte[]? LinkNameBytes { get; set; }
        /// <summary>Magic override (6 bytes, NUL-padded); null = flavour default.</summary>
        public string? Magic { get; set; }
        /// <summary>Version override (2 bytes); null = flavour default.</summary>
        public string? Version { get; set; }
        /// <summary>Owner name.</summary>
        public string UName { get; set; } = string.Empty;
        /// <summary>Group name.</summary>
        public string GName { get; set; } = string.Empty;
        /// <summary>Device major number.</summary>
        public int DevMajor { get; set; }
        /// <summary>Device minor number.</summary>
        public int DevMinor { get; set; }
        /// <summary>Checksum value to write instead of the computed one.</summary>
        public int? Checksum { get; set; }
        /// <summary>Write a checksum that is off by one.</summary>
        public bool CorruptChecksum { get; set; }

        private readonly List<KeyValuePair<int, byte[]>> _patches = new List<KeyValuePair<int, byte[]>>();

        /// <summary>Overwrite bytes at <paramref name="offset"/> after formatting, before the checksum is computed.</summary>
        public TarHeader Patch(int offset, byte[] bytes)
        {
            _patches.Add(new KeyValuePair<int, byte[]>(offset, bytes));
            return this;
        }

        /// <summary>The 512-byte block.</summary>
        public byte[] ToBytes()
        {
            var b = new byte[512];
            PutBytes(b, 0, 100, NameBytes ?? Encoding.UTF8.GetBytes(Name));
            PutOctal(b, 100, 8, Mode);
            if (UidBase256) PutBase256(b, 108, 8, Uid); else PutOctal(b, 108, 8, Uid);
            PutOctal(b, 116, 8, Gid);
            if (SizeText != null) PutBytes(b, 124, 12, Encoding.ASCII.GetBytes(SizeText));
            else if (SizeBase256) PutBase256(b, 124, 12, Size);
            else PutOctal(b, 124, 12, Size);
            PutOctal(b, 136, 12, Mtime);
            b[156] = (byte)TypeFlag;
            PutBytes(b, 157, 100, LinkNameBytes ?? Encoding.UTF8.GetBytes(LinkName));
            string magic, version;
            switch (Flavor)
            {
                case TarFlavor.Gnu: magic = "ustar "; version = " \0"; break;
                case TarFlavor.V7: magic = ""; version = ""; break;
                default: magic = "ustar\0"; version = "00"; break;
            }
            PutBytes(b, 257, 6, Encoding.ASCII.GetBytes(Magic ?? magic));
            PutBytes(b, 263, 2, Encoding.ASCII.GetBytes(Version ?? version));
            if (Flavor != TarFlavor.V7)
            {
                PutBytes(b, 265, 32, Encoding.UTF8.GetBytes(UName));
                PutBytes(b, 297, 32, Encoding.UTF8.GetBytes(GName));
                PutOctal(b, 329, 8, DevMajor);
                PutOctal(b, 337, 8, DevMinor);
                if (Flavor != TarFlavor.Gnu) PutBytes(b, 345, 155, Encoding.UTF8.GetBytes(Prefix));
            }
            foreach (var p in _patches) Buffer.BlockCopy(p.Value, 0, b, p.Key, p.Value.Length);
            int sum;
            if (Checksum.HasValue) sum = Checksum.Value;
            else
            {
                for (int i = 148; i < 156; i++) b[i] = (byte)' ';
                sum = 0;
                for (int i = 0; i < 512; i++) sum += b[i];
                if (CorruptChecksum) sum += 1;
            }
            var text = Convert.ToString(sum, 8).PadLeft(6, '0');
            PutBytes(b, 148, 8, Encoding.ASCII.GetBytes(text + "\0 "));
            return b;
        }

        /// <summary>Octal text of <paramref name="width"/>-1 digits and a NUL, as tar writes numbers.</summary>
        public static void PutOctal(byte[] block, int offset, int width, long value)
        {
            var text = Convert.ToString(value, 8).PadLeft(width - 1, '0');
            if (text.Length > width - 1) throw new ArgumentOutOfRangeException(nameof(value), "Does not fit in octal; use base-256.");
            PutBytes(block, offset, width, Encoding.ASCII.GetBytes(text));
        }

        /// <summary>GNU base-256: 0x80 marker, big-endian value in the remaining bytes.</summary>
        public static void PutBase256(byte[] block, int offset, int width, long value)
        {
            for (int i = 0; i < width; i++) block[offset + i] = 0;
            for (int i = width - 1; i > 0; i--)
            {
                block[offset + i] = (byte)(value & 0xFF);
                value >>= 8;
            }
            block[offset] = 0x80;
        }

        private static void PutBytes(byte[] block, int offset, int width, byte[] bytes)
        {
            int n = Math.Min(width, bytes.Length);
            Buffer.BlockCopy(bytes, 0, block, offset, n);
        }
    }
}
