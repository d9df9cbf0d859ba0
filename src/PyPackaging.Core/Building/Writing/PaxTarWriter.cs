using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace PyPackaging.Building.Writing
{
    /// <summary>
    /// Writes a reproducible POSIX.1-2001 (pax) tar stream, entry by entry, in the order the caller adds them.
    /// <list type="bullet">
    /// <item>Every header is ustar (magic "ustar\0", version "00"); uid/gid 0; uname/gname empty;
    /// mtime the fixed epoch given to the constructor; mode as given by the caller.</item>
    /// <item>Regular files use typeflag '0', directories '5' (their names get a trailing '/', as Python's tarfile does).</item>
    /// <item>A pax extended header (typeflag 'x', named "././@PaxHeader") precedes an entry only when its
    /// name is not ASCII, does not fit the ustar name/prefix split, or its size is 8 GiB or more.</item>
    /// <item><see cref="Finish"/> writes two zero blocks and pads to a 10240-byte record, like Python's tarfile.</item>
    /// </list>
    /// File contents are streamed through one reusable buffer. Names must be relative, '/'-separated paths
    /// without empty, "." or ".." segments, backslashes or control characters (an <see cref="ArgumentException"/> otherwise).
    /// </summary>
    public sealed class PaxTarWriter : IDisposable
    {
        /// <summary>Size of a tar block.</summary>
        public const int BlockSize = 512;

        /// <summary>Size of a tar record (20 blocks), the unit the archive is padded to.</summary>
        public const int RecordSize = 20 * BlockSize;

        /// <summary>Largest value of an 11-digit octal field (8 GiB - 1).</summary>
        public const long MaxOctal11 = 8589934591L; // 077777777777 octal

        private const string PaxHeaderName = "././@PaxHeader";
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, true);

        private readonly Stream _output;
        private readonly bool _leaveOpen;
        private readonly long _mtime;
        private readonly byte[] _buffer = new byte[64 * 1024];
        private readonly byte[] _header = new byte[BlockSize];
        private long _position;
        private bool _finished;
        private bool _faulted;
        private bool _disposed;

        /// <param name="output">The stream the tar bytes go to (typically a <see cref="DeterministicGzipStream"/>).</param>
        /// <param name="mtime">Modification time of every entry, in seconds since the Unix epoch (0 .. 8^11-1).</param>
        /// <param name="leaveOpen">Leave <paramref name="output"/> open when the writer is disposed.</param>
        public PaxTarWriter(Stream output, long mtime, bool leaveOpen = false)
        {
            _output = output ?? throw new ArgumentNullException(nameof(output));
            if (mtime < 0 || mtime > MaxOctal11) throw new ArgumentOutOfRangeException(nameof(mtime), mtime, "The mtime must be between 0 and 8589934591.");
            _mtime = mtime;
            _leaveOpen = leaveOpen;
        }

        /// <summary>Bytes written so far.</summary>
        public long Position => _position;

        /// <summary>Adds a directory entry (typeflag '5').</summary>
        public void AddDirectory(string name, int mode = 0x1ED /* 0755 */)
        {
            string path = CheckName(name).TrimEnd('/') + "/";
            WriteEntry(path, mode, 0, (byte)'5');
        }

        /// <summary>Adds a regular file (typeflag '0') from an in-memory buffer (for generated files such as PKG-INFO).</summary>
        public void AddFile(string name, int mode, byte[] content)
        {
            if (content == null) throw new ArgumentNullException(nameof(content));
            using (var ms = new MemoryStream(content, false))
            {
                AddFile(name, mode, content.Length, ms);
            }
        }

        /// <summary>
        /// Adds a regular file (typeflag '0') whose <paramref name="size"/> bytes are copied from <paramref name="content"/>.
        /// Throws <see cref="IOException"/> when the source yields fewer bytes than announced (it changed while being archived).
        /// </summary>
        public void AddFile(string name, int mode, long size, Stream content)
        {
            if (content == null) throw new ArgumentNullException(nameof(content));
            if (size < 0) throw new ArgumentOutOfRangeException(nameof(size));
            string path = CheckName(name);
            if (path.EndsWith("/", StringComparison.Ordinal)) throw new ArgumentException("A file name must not end with '/': " + name, nameof(name));
            WriteEntry(path, mode, size, (byte)'0');
            _faulted = true; // until the content is complete: a partial member cannot be finished into a valid archive
            long remaining = size;
            while (remaining > 0)
            {
                int want = (int)Math.Min(_buffer.Length, remaining);
                int got = content.Read(_buffer, 0, want);
                if (got <= 0) throw new IOException("'" + name + "' ended after " + (size - remaining).ToString(CultureInfo.InvariantCulture) + " of " + size.ToString(CultureInfo.InvariantCulture) + " bytes; it changed while being archived.");
                Emit(_buffer, 0, got);
                remaining -= got;
            }
            PadToBlock();
            _faulted = false;
        }

        /// <summary>Writes the end-of-archive marker (two zero blocks) and pads to a whole record. Idempotent.</summary>
        public void Finish()
        {
            if (_finished) return;
            if (_faulted) throw new InvalidOperationException("An entry failed half-way; the archive cannot be finished.");
            _finished = true;
            Array.Clear(_header, 0, _header.Length);
            Emit(_header, 0, BlockSize);
            Emit(_header, 0, BlockSize);
            while (_position % RecordSize != 0) Emit(_header, 0, BlockSize);
            _output.Flush();
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                // After a failure the stream is unusable anyway: do not write an end marker onto a partial member.
                if (!_faulted) Finish();
            }
            finally
            {
                if (!_leaveOpen) _output.Dispose();
            }
        }

        /// <summary>True when an entry failed half-way and the archive can no longer be completed.</summary>
        public bool IsFaulted => _faulted;

        private void WriteEntry(string path, int mode, long size, byte typeflag)
        {
            if (_finished) throw new InvalidOperationException("The archive has already been finished.");
            if (_faulted) throw new InvalidOperationException("An earlier entry failed half-way; no more entries can be added.");
            if (mode < 0 || mode > 0xFFF) throw new ArgumentOutOfRangeException(nameof(mode), mode, "The mode must be between 0 and 07777.");

            byte[] nameBytes = Utf8.GetBytes(path);
            bool ascii = nameBytes.Length == path.Length;
            string ustarName = string.Empty, ustarPrefix = string.Empty;
            bool needPath = !ascii || !TrySplit(path, out ustarName, out ustarPrefix);
            bool needSize = size > MaxOctal11;

            if (needPath || needSize)
            {
                var records = new StringBuilder();
                if (needPath) records.Append(PaxRecord("path", path));
                if (needSize) records.Append(PaxRecord("size", size.ToString(CultureInfo.InvariantCulture)));
                byte[] paxData = Utf8.GetBytes(records.ToString());
                FillHeader(PaxHeaderName, string.Empty, 0x1A4 /* 0644 */, paxData.Length, (byte)'x');
                _faulted = true;
                Emit(_header, 0, BlockSize);
                Emit(paxData, 0, paxData.Length);
                PadToBlock();
                _faulted = false;
                if (needPath) ustarName = AsciiFallbackName(path, typeflag == (byte)'5');
            }

            FillHeader(ustarName, ustarPrefix, mode, needSize ? 0 : size, typeflag);
            Emit(_header, 0, BlockSize);
        }

        private void FillHeader(string name, string prefix, int mode, long size, byte typeflag)
        {
            byte[] h = _header;
            Array.Clear(h, 0, h.Length);
            PutAscii(h, 0, 100, name);
            PutOctal(h, 100, 8, mode);
            PutOctal(h, 108, 8, 0);
            PutOctal(h, 116, 8, 0);
            PutOctal(h, 124, 12, size);
            PutOctal(h, 136, 12, _mtime);
            h[156] = typeflag;
            // linkname (157..256) stays empty.
            PutAscii(h, 257, 6, "ustar");   // "ustar\0"
            h[263] = (byte)'0';
            h[264] = (byte)'0';
            // uname (265..296) and gname (297..328) stay empty.
            PutOctal(h, 329, 8, 0);
            PutOctal(h, 337, 8, 0);
            PutAscii(h, 345, 155, prefix);

            for (int i = 148; i < 156; i++) h[i] = (byte)' ';
            int sum = 0;
            for (int i = 0; i < BlockSize; i++) sum += h[i];
            // Six octal digits, NUL, then the space that is already there (as Python's tarfile and GNU tar write it).
            string digits = Convert.ToString(sum, 8).PadLeft(6, '0');
            for (int i = 0; i < 6; i++) h[148 + i] = (byte)digits[i];
            h[154] = 0;
        }

        /// <summary>Splits an ASCII path into ustar name (≤100 bytes) and prefix (≤155 bytes) at a '/', if possible.</summary>
        internal static bool TrySplit(string path, out string name, out string prefix)
        {
            if (path.Length <= 100)
            {
                name = path;
                prefix = string.Empty;
                return true;
            }
            // The name part must be the shortest possible suffix that still fits, prefix the rest.
            int limit = Math.Min(path.Length - 2, 155); // never split at a trailing '/'
            for (int i = limit; i > 0; i--)
            {
                if (path[i] != '/') continue;
                string p = path.Substring(0, i);
                string n = path.Substring(i + 1);
                if (n.Length == 0 || n.Length > 100) break;
                name = n;
                prefix = p;
                return true;
            }
            name = string.Empty;
            prefix = string.Empty;
            return false;
        }

        /// <summary>The name kept in the ustar header behind a pax 'path' record: ASCII, at most 100 bytes.</summary>
        private static string AsciiFallbackName(string path, bool directory)
        {
            var sb = new StringBuilder(path.Length);
            foreach (char c in path) sb.Append(c < 0x80 ? c : '_');
            string s = sb.ToString();
            if (s.Length > 100) s = directory ? s.Substring(0, 99) + "/" : s.Substring(0, 100);
            return s;
        }

        /// <summary>One pax record "len keyword=value\n" where len counts the whole record in bytes.</summary>
        internal static string PaxRecord(string keyword, string value)
        {
            int payload = Utf8.GetByteCount(keyword) + Utf8.GetByteCount(value) + 3; // ' ', '=', '\n'
            int len = payload + 1;
            while (len != payload + len.ToString(CultureInfo.InvariantCulture).Length)
            {
                len = payload + len.ToString(CultureInfo.InvariantCulture).Length;
            }
            return len.ToString(CultureInfo.InvariantCulture) + " " + keyword + "=" + value + "\n";
        }

        private static void PutAscii(byte[] h, int at, int width, string s)
        {
            if (s.Length > width) throw new InvalidOperationException("Header field overflow.");
            for (int i = 0; i < s.Length; i++) h[at + i] = (byte)s[i];
        }

        private static void PutOctal(byte[] h, int at, int width, long value)
        {
            // width-1 zero-padded octal digits followed by NUL.
            string digits = Convert.ToString(value, 8).PadLeft(width - 1, '0');
            if (digits.Length > width - 1) throw new InvalidOperationException("Octal field overflow.");
            for (int i = 0; i < digits.Length; i++) h[at + i] = (byte)digits[i];
            h[at + width - 1] = 0;
        }

        private void PadToBlock()
        {
            int rest = (int)(_position % BlockSize);
            if (rest == 0) return;
            Array.Clear(_header, 0, _header.Length);
            Emit(_header, 0, BlockSize - rest);
        }

        private void Emit(byte[] data, int offset, int count)
        {
            _output.Write(data, offset, count);
            _position += count;
        }

        private static string CheckName(string name)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            string trimmed = name.EndsWith("/", StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;
            if (trimmed.Length == 0) throw new ArgumentException("An archive name must not be empty.", nameof(name));
            if (trimmed[0] == '/') throw new ArgumentException("An archive name must be relative: " + name, nameof(name));
            foreach (char c in name)
            {
                if (c < 0x20 || c == 0x7F) throw new ArgumentException("An archive name must not contain control characters: " + name, nameof(name));
                if (c == '\\') throw new ArgumentException("An archive name must use '/' separators: " + name, nameof(name));
            }
            foreach (string segment in trimmed.Split('/'))
            {
                if (segment.Length == 0 || segment == "." || segment == "..")
                {
                    throw new ArgumentException("An archive name must not contain empty, '.' or '..' segments: " + name, nameof(name));
                }
            }
            try
            {
                Utf8.GetByteCount(name);
            }
            catch (ArgumentException)
            {
                throw new ArgumentException("An archive name must be valid Unicode (no lone surrogates): " + name, nameof(name));
            }
            return name;
        }
    }
}
