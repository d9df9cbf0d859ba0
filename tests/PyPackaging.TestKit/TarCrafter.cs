using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace PyPackaging.TestKit
{
    /// <summary>
    /// Writes tar streams block by block: convenience methods for valid members in one flavour, and low-level
    /// methods (<see cref="AddHeader"/>, <see cref="AddPax"/>, <see cref="AddRaw"/>...) for hostile ones.
    /// Nothing is validated; what you ask for is what is written. Convenience methods fit names to the flavour:
    /// pax adds a 'path'/'linkpath' record, GNU adds ././@LongLink entries, ustar splits into prefix/name, and
    /// ustar/v7 throw <see cref="ArgumentException"/> when a name cannot fit.
    /// </summary>
    public sealed class TarCrafter
    {
        private readonly Stream _out;
        private readonly bool _ownsStream;

        /// <summary>A crafter writing <paramref name="flavor"/> members into memory.</summary>
        public TarCrafter(TarFlavor flavor = TarFlavor.Pax)
        {
            Flavor = flavor;
            _out = new MemoryStream();
            _ownsStream = true;
        }

        /// <summary>A crafter writing straight into <paramref name="output"/> (e.g. a GZipStream over a file) for very large archives.</summary>
        public TarCrafter(Stream output, TarFlavor flavor = TarFlavor.Pax)
        {
            Flavor = flavor;
            _out = output;
        }

        /// <summary>The flavour the convenience methods write.</summary>
        public TarFlavor Flavor { get; }

        /// <summary>Bytes written so far.</summary>
        public long Length { get; private set; }

        /// <summary>Modification time given to members made by the convenience methods.</summary>
        public long DefaultMtime { get; set; } = 1_700_000_000;

        // ----- convenience: valid members -----

        /// <summary>A regular file ('0') with UTF-8 <paramref name="content"/>.</summary>
        public TarCrafter AddFile(string path, string content, int mode = 0x1A4) => AddFile(path, Encoding.UTF8.GetBytes(content), mode);

        /// <summary>A regular file ('0').</summary>
        public TarCrafter AddFile(string path, byte[] content, int mode = 0x1A4)
        {
            AddMember(path, '0', content.Length, mode, string.Empty, 0, 0);
            AddPayload(content);
            return this;
        }

        /// <summary>A regular file of <paramref name="size"/> zero bytes, streamed (no buffer of that size).</summary>
        public TarCrafter AddZeroFile(string path, long size, int mode = 0x1A4)
        {
            AddMember(path, '0', size, mode, string.Empty, 0, 0);
            var zeros = new byte[64 * 1024];
            long left = size;
            while (left > 0)
            {
                int n = (int)Math.Min(zeros.Length, left);
                Write(zeros, 0, n);
                left -= n;
            }
            Pad();
            return this;
        }

        /// <summary>A directory ('5'); add the trailing '/' yourself if you want one.</summary>
        public TarCrafter AddDirectory(string path, int mode = 0x1ED) { AddMember(path, '5', 0, mode, string.Empty, 0, 0); return this; }

        /// <summary>A symbolic link ('2').</summary>
        public TarCrafter AddSymlink(string path, string target) { AddMember(path, '2', 0, 0x1FF, target, 0, 0); return this; }

        /// <summary>A hard link ('1').</summary>
        public TarCrafter AddHardLink(string path, string target) { AddMember(path, '1', 0, 0x1A4, target, 0, 0); return this; }

        /// <summary>A FIFO ('6').</summary>
        public TarCrafter AddFifo(string path) { AddMember(path, '6', 0, 0x1A4, string.Empty, 0, 0); return this; }

        /// <summary>A character device ('3').</summary>
        public TarCrafter AddCharDevice(string path, int major = 1, int minor = 3) { AddMember(path, '3', 0, 0x1A4, string.Empty, major, minor); return this; }

        /// <summary>A block device ('4').</summary>
        public TarCrafter AddBlockDevice(string path, int major = 8, int minor = 0) { AddMember(path, '4', 0, 0x1A4, string.Empty, major, minor); return this; }

        /// <summary>A header in this crafter's flavour for <paramref name="path"/>, ready to be tweaked and passed to <see cref="AddHeader"/>.</summary>
        public TarHeader NewHeader(string path, char typeFlag = '0', long size = 0)
        {
            var h = new TarHeader(Flavor) { TypeFlag = typeFlag, Size = size, Mtime = DefaultMtime };
            if (Flavor == TarFlavor.Ustar || Flavor == TarFlavor.Pax) SplitUstar(path, h);
            else h.Name = path;
            return h;
        }

        private void AddMember(string path, char type, long size, int mode, string link, int major, int minor)
        {
            var pathBytes = Encoding.UTF8.GetByteCount(path);
            var linkBytes = Encoding.UTF8.GetByteCount(link);
            var h = new TarHeader(Flavor) { TypeFlag = type, Size = size, Mode = mode, LinkName = link, DevMajor = major, DevMinor = minor, Mtime = DefaultMtime };
            switch (Flavor)
            {
                case TarFlavor.Pax:
                    {
                        var records = new List<KeyValuePair<string, string>>();
                        if (!IsAscii(path) || !SplitUstar(path, h))
                        {
                            records.Add(new KeyValuePair<string, string>("path", path));
                            h.Name = TruncateAscii(path, 100);
                            h.Prefix = string.Empty;
                        }
                        if (!IsAscii(link) || linkBytes > 100)
                        {
                            records.Add(new KeyValuePair<string, string>("linkpath", link));
                            h.LinkName = TruncateAscii(link, 100);
                        }
                        if (records.Count > 0) AddPax(records);
                        break;
                    }
                case TarFlavor.Ustar:
                    if (!SplitUstar(path, h)) throw new ArgumentException("Path does not fit a ustar header: " + path);
                    if (linkBytes > 100) throw new ArgumentException("Link target does not fit a ustar header: " + link);
                    break;
                case TarFlavor.Gnu:
                    if (linkBytes > 100) AddGnuLongLink(link);
                    if (pathBytes > 100) AddGnuLongName(path);
                    h.Name = path;
                    break;
                case TarFlavor.V7:
                    if (pathBytes > 100 || linkBytes > 100) throw new ArgumentException("Name does not fit a v7 header: " + path);
                    h.Name = path;
                    break;
            }
            AddHeader(h);
        }

        // ----- low level -----

        /// <summary>Writes one header block exactly as described.</summary>
        public TarCrafter AddHeader(TarHeader header)
        {
            var b = header.ToBytes();
            Write(b, 0, b.Length);
            return this;
        }

        /// <summary>Writes <paramref name="data"/> and zero-pads to the next 512-byte boundary.</summary>
        public TarCrafter AddPayload(byte[] data)
        {
            Write(data, 0, data.Length);
            Pad();
            return this;
        }

        /// <summary>A header plus its payload (padded); the header's Size is whatever you set, so a short payload is a truncation only if it ends the archive.</summary>
        public TarCrafter AddEntry(TarHeader header, byte[] payload)
        {
            AddHeader(header);
            return AddPayload(payload);
        }

        /// <summary>Writes bytes verbatim (no padding): payloads cut short, garbage, partial blocks.</summary>
        public TarCrafter AddRaw(byte[] bytes)
        {
            Write(bytes, 0, bytes.Length);
            return this;
        }

        /// <summary>Zero-pads to the next 512-byte boundary.</summary>
        public TarCrafter Pad()
        {
            int rem = (int)(Length % 512);
            if (rem != 0) Write(new byte[512 - rem], 0, 512 - rem);
            return this;
        }

        /// <summary>A pax extended header ('x', or 'g' when <paramref name="global"/>) with well-formed records (keys may repeat).</summary>
        public TarCrafter AddPax(IEnumerable<KeyValuePair<string, string>> records, bool global = false)
        {
            var ms = new MemoryStream();
            foreach (var r in records)
            {
                var rec = PaxRecord(r.Key, r.Value);
                ms.Write(rec, 0, rec.Length);
            }
            return AddPaxRaw(ms.ToArray(), global);
        }

        /// <summary>A pax extended header with the given key/value pairs.</summary>
        public TarCrafter AddPax(params (string Key, string Value)[] records)
        {
            var list = new List<KeyValuePair<string, string>>();
            foreach (var r in records) list.Add(new KeyValuePair<string, string>(r.Key, r.Value));
            return AddPax(list);
        }

        /// <summary>A global pax header ('g') with the given key/value pairs.</summary>
        public TarCrafter AddPaxGlobal(params (string Key, string Value)[] records)
        {
            var list = new List<KeyValuePair<string, string>>();
            foreach (var r in records) list.Add(new KeyValuePair<string, string>(r.Key, r.Value));
            return AddPax(list, global: true);
        }

        /// <summary>A pax header whose payload is exactly <paramref name="payload"/> (for malformed records).</summary>
        public TarCrafter AddPaxRaw(byte[] payload, bool global = false)
        {
            var h = new TarHeader(TarFlavor.Ustar) { Name = global ? "pax_global_header" : "././@PaxHeader", TypeFlag = global ? 'g' : 'x', Size = payload.Length, Mtime = DefaultMtime };
            return AddEntry(h, payload);
        }

        /// <summary>One well-formed pax record "len key=value\n" (the length counts itself).</summary>
        public static byte[] PaxRecord(string key, string value)
        {
            var body = Encoding.UTF8.GetBytes(" " + key + "=" + value + "\n");
            int len = body.Length + 1;
            while (len.ToString().Length + body.Length != len) len = len.ToString().Length + body.Length;
            return Concat(Encoding.ASCII.GetBytes(len.ToString()), body);
        }

        /// <summary>A GNU ././@LongLink 'L' entry carrying the next member's name (NUL-terminated).</summary>
        public TarCrafter AddGnuLongName(string name) => AddGnuLong('L', Encoding.UTF8.GetBytes(name));

        /// <summary>A GNU ././@LongLink 'K' entry carrying the next member's link target.</summary>
        public TarCrafter AddGnuLongLink(string target) => AddGnuLong('K', Encoding.UTF8.GetBytes(target));

        /// <summary>A GNU long-name entry ('L' or 'K') with raw bytes (a NUL is appended).</summary>
        public TarCrafter AddGnuLong(char typeFlag, byte[] name)
        {
            var payload = Concat(name, new byte[1]);
            var h = new TarHeader(TarFlavor.Gnu) { Name = "././@LongLink", TypeFlag = typeFlag, Size = payload.Length, Mode = 0, Mtime = 0 };
            return AddEntry(h, payload);
        }

        /// <summary>A GNU old-style sparse member ('S') holding <paramref name="content"/> as one data region.</summary>
        public TarCrafter AddGnuSparse(string path, byte[] content)
        {
            var h = new TarHeader(TarFlavor.Gnu) { Name = path, TypeFlag = 'S', Size = content.Length, Mtime = DefaultMtime };
            var first = new byte[12];
            TarHeader.PutOctal(first, 0, 12, 0);
            var len = new byte[12];
            TarHeader.PutOctal(len, 0, 12, content.Length);
            h.Patch(386, first).Patch(398, len);
            var real = new byte[12];
            TarHeader.PutOctal(real, 0, 12, content.Length);
            h.Patch(483, real);
            return AddEntry(h, content);
        }

        /// <summary>The end-of-archive marker: <paramref name="blocks"/> zero blocks (2 is correct).</summary>
        public TarCrafter AddEndMarker(int blocks = 2)
        {
            var z = new byte[512];
            for (int i = 0; i < blocks; i++) Write(z, 0, 512);
            return this;
        }

        /// <summary>Zero-pads to a multiple of <paramref name="recordSize"/> (GNU tar and tarfile pad to 10240).</summary>
        public TarCrafter PadToRecord(int recordSize = 10240)
        {
            int rem = (int)(Length % recordSize);
            if (rem != 0) Write(new byte[recordSize - rem], 0, recordSize - rem);
            return this;
        }

        /// <summary>End marker plus record padding, as real tools finish an archive.</summary>
        public TarCrafter Finish() => AddEndMarker().PadToRecord();

        // ----- output -----

        /// <summary>The tar bytes written so far (in-memory crafters only).</summary>
        public byte[] ToArray()
        {
            if (!(_out is MemoryStream ms) || !_ownsStream) throw new InvalidOperationException("Only in-memory crafters can return their bytes.");
            return ms.ToArray();
        }

        /// <summary>The tar bytes gzip-compressed.</summary>
        public byte[] ToTarGz() => GzipCrafter.Compress(ToArray());

        /// <summary>Writes the tar bytes to dir/fileName and returns the full path.</summary>
        public string SaveTar(string dir, string fileName) => Save(dir, fileName, ToArray());

        /// <summary>Writes the gzip-compressed tar bytes to dir/fileName and returns the full path.</summary>
        public string SaveTarGz(string dir, string fileName) => Save(dir, fileName, ToTarGz());

        /// <summary>Writes <paramref name="bytes"/> to dir/fileName (creating dir) and returns the full path.</summary>
        public static string Save(string dir, string fileName, byte[] bytes)
        {
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, fileName);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        // ----- helpers -----

        private void Write(byte[] b, int offset, int count)
        {
            _out.Write(b, offset, count);
            Length += count;
        }

        private static bool SplitUstar(string path, TarHeader h)
        {
            var bytes = Encoding.UTF8.GetBytes(path);
            if (bytes.Length <= 100)
            {
                h.Name = path;
                h.Prefix = string.Empty;
                return true;
            }
            // Split at a '/' so that prefix <= 155 and name <= 100 bytes.
            for (int i = Math.Min(bytes.Length - 1, 155); i > 0; i--)
            {
                if (bytes[i] != (byte)'/') continue;
                if (bytes.Length - i - 1 > 100 || bytes.Length - i - 1 == 0) continue;
                h.Prefix = Encoding.UTF8.GetString(bytes, 0, i);
                h.Name = Encoding.UTF8.GetString(bytes, i + 1, bytes.Length - i - 1);
                return true;
            }
            h.Name = TruncateAscii(path, 100);
            return false;
        }

        private static bool IsAscii(string s)
        {
            foreach (var c in s) if (c > 0x7E || c < 0x20) return false;
            return true;
        }

        private static string TruncateAscii(string s, int max)
        {
            var sb = new StringBuilder();
            foreach (var c in s)
            {
                if (sb.Length >= max) break;
                sb.Append(c < 0x80 ? c : '_');
            }
            return sb.ToString();
        }

        internal static byte[] Concat(byte[] a, byte[] b)
        {
            var r = new byte[a.Length + b.Length];
            Buffer.BlockCopy(a, 0, r, 0, a.Length);
            Buffer.BlockCopy(b, 0, r, a.Length, b.Length);
            return r;
        }
    }
}
