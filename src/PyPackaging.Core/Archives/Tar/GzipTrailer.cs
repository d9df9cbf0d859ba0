using System;
using System.IO;
using System.Threading;
using K = PyPackaging.Archives.FramingIssueKind;


namespace PyPackaging.Archives
{
    /// <summary>
    /// gzip end checks. .NET's GZipStream silently continues into a following gzip member, silently ignores trailing
    /// bytes that do not start with the gzip magic, and does not report a stream cut short. So the reader keeps its own
    /// CRC-32 and length of everything inflated and compares them with the file's last 8 bytes, which for a clean
    /// single-member file are exactly the trailer (CRC-32, ISIZE). When they differ and the file is seekable, it
    /// classifies: the 8-byte trailer of the inflated data found earlier in the file means bytes follow the gzip stream
    /// (another member if they start with 1F 8B); otherwise a second gzip member header (1F 8B 08, valid flags) at a
    /// later offset means concatenated members; otherwise the trailer itself is wrong or the stream is cut short.
    /// When zlib rejects the stream, the first member is re-inflated as raw deflate to tell bad data from a bad trailer.
    /// Limits: an empty gzip member before the real one (CRC and size unchanged) is invisible, as is trailing garbage
    /// that repeats the trailer; non-seekable streams get the comparison without the classification; a member
    /// signature that occurs by chance inside compressed data may classify a damaged trailer as concatenation
    /// (all are errors).
    /// </summary>
    internal sealed class GzipTrailer
    {
        private readonly SourceStream _source;
        private readonly Stream _file;
        private readonly ArchiveStatistics _statistics;
        private readonly ArchiveLimits _limits;
        private readonly FramingReport _report;
        private readonly CancellationToken _ct;

        public GzipTrailer(SourceStream source, Stream file, ArchiveStatistics statistics, ArchiveLimits limits, FramingReport report, CancellationToken ct)
        {
            _source = source;
            _file = file;
            _statistics = statistics;
            _limits = limits;
            _report = report;
            _ct = ct;
        }

        /// <summary>zlib rejected the stream: tell corrupt data from a bad trailer, report, and stop.</summary>
        public void OnInflateFailure(bool endMarkerSeen)
        {
            // zlib also fails when a member's CRC-32/ISIZE trailer is wrong, and .NET may drop the output of that last call.
            // On a seekable file, inflate the first member again as raw deflate: if that succeeds, the data is intact and the
            // problem is the trailer or what follows it.
            if (_file.CanSeek && TryInflateFirstMember(out uint crc, out uint isize))
            {
                Classify(crc, isize, inflateFailed: true);
                _report.StopOnly(FramingMessages.Reasons.GzipUnclean);
                return;
            }
            if (endMarkerSeen && !_file.CanSeek)
            {
                _report.Stop(new FramingIssue(K.GzipRejectedAfterEndMarker));
                return;
            }
            _report.Stop(new FramingIssue(K.GzipCorrupt) { Number = _statistics.CompressedBytesRead, OtherNumber = _statistics.UncompressedBytes });
        }

        /// <summary>The tar stream ended: true when the gzip stream ended cleanly with the trailer of the inflated data.</summary>
        public bool EndsCleanly(uint crc)
        {
            uint isize = unchecked((uint)_statistics.UncompressedBytes);
            if (!_file.CanSeek)
            {
                var scratch = new byte[8192];
                while (_source.Read(scratch, 0, scratch.Length) > 0) { }
                var tail = new byte[8];
                int tailLen = _source.CopyTail(tail);
                if (tailLen == 8 && ReadUInt32(tail, 0) == crc && ReadUInt32(tail, 4) == isize) return true;
                _report.Report(new FramingIssue(K.GzipTailMismatch) { Number = crc, OtherNumber = isize });
                return false;
            }
            return Classify(crc, isize, inflateFailed: false);
        }

        /// <summary>Inflates the file's first gzip member as raw deflate (header parsed here); false when the deflate data is corrupt.</summary>
        private bool TryInflateFirstMember(out uint crc, out uint isize)
        {
            crc = 0;
            isize = 0;
            try
            {
                if (!SkipGzipHeader()) return false;
                var check = new Crc32();
                long total = 0;
                var buffer = new byte[64 * 1024];
                using (var inflate = new System.IO.Compression.DeflateStream(_file, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true))
                {
                    int n;
                    while ((n = inflate.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        _ct.ThrowIfCancellationRequested();
                        check.Update(buffer, 0, n);
                        total += n;
                        if (total > _limits.MaxTotalSize) return false;
                    }
                }
                crc = check.Value;
                isize = unchecked((uint)total);
                return true;
            }
            catch (InvalidDataException)
            {
                return false;
            }
        }

        /// <summary>Positions the file after the first member's gzip header (RFC 1952 FEXTRA, FNAME, FCOMMENT, FHCRC).</summary>
        private bool SkipGzipHeader()
        {
            _file.Seek(0, SeekOrigin.Begin);
            var head = new byte[10];
            if (ReadFully(_file, head, 0, 10) < 10 || head[0] != 0x1F || head[1] != 0x8B || head[2] != 8) return false;
            int flags = head[3];
            if ((flags & 4) != 0)
            {
                var xlen = new byte[2];
                if (ReadFully(_file, xlen, 0, 2) < 2) return false;
                _file.Seek(xlen[0] | (xlen[1] << 8), SeekOrigin.Current);
            }
            if ((flags & 8) != 0 && !SkipZeroTerminated()) return false;
            if ((flags & 16) != 0 && !SkipZeroTerminated()) return false;
            if ((flags & 2) != 0) _file.Seek(2, SeekOrigin.Current);
            return true;
        }

        private bool SkipZeroTerminated()
        {
            int b;
            while ((b = _file.ReadByte()) > 0) { }
            return b == 0;
        }

        private bool Classify(uint crc, uint isize, bool inflateFailed)
        {
            long fileLength = _file.Length;
            var tail = new byte[8];
            int tailLen = (int)Math.Min(8, fileLength);
            _file.Seek(fileLength - tailLen, SeekOrigin.Begin);
            ReadFully(_file, tail, 0, tailLen);
            long consumed = _statistics.CompressedBytesRead;
            _statistics.CompressedBytesRead = Math.Max(consumed, fileLength);
            bool match = tailLen == 8 && ReadUInt32(tail, 0) == crc && ReadUInt32(tail, 4) == isize;
            if (match && !inflateFailed)
            {
                if (consumed >= fileLength) return true;
                _report.Report(new FramingIssue(K.GzipUnreadTail) { Number = fileLength - consumed });
                return false;
            }
            long trailerAt = FindTrailer(fileLength, crc, isize);
            if (trailerAt >= 0 && trailerAt + 8 < fileLength)
            {
                long after = trailerAt + 8;
                _file.Seek(after, SeekOrigin.Begin);
                var two = new byte[2];
                int n = ReadFully(_file, two, 0, 2);
                bool looksLikeGzip = n == 2 && two[0] == 0x1F && two[1] == 0x8B;
                _report.Report(looksLikeGzip
                    ? new FramingIssue(K.GzipMemberFollows, after)
                    : new FramingIssue(K.GzipBytesFollow, after) { Number = fileLength - after });
                return false;
            }
            if (!inflateFailed)
            {
                long second = FindSecondMember();
                if (second > 0)
                {
                    _report.Report(new FramingIssue(K.GzipConcatenatedMembers, second));
                    return false;
                }
            }
            _report.Report(new FramingIssue(K.GzipTrailerMismatch)
            {
                Flag = tailLen == 8,
                ThirdNumber = tailLen == 8 ? ReadUInt32(tail, 0) : 0,
                FourthNumber = tailLen == 8 ? ReadUInt32(tail, 4) : 0,
                Number = crc,
                OtherNumber = isize,
            });
            return false;
        }

        private long FindTrailer(long fileLength, uint crc, uint isize)
        {
            long start = Math.Max(0, fileLength - ArchiveLimits.GzipTrailerSearchWindow);
            int length = (int)(fileLength - start);
            var data = new byte[length];
            _file.Seek(start, SeekOrigin.Begin);
            length = ReadFully(_file, data, 0, length);
            for (int i = length - 8; i >= 0; i--)
            {
                if (ReadUInt32(data, i) == crc && ReadUInt32(data, i + 4) == isize) return start + i;
            }
            return -1;
        }

        private long FindSecondMember()
        {
            var data = new byte[64 * 1024];
            long basePos = 0;
            int carry = 0;
            _file.Seek(0, SeekOrigin.Begin);
            while (true)
            {
                _ct.ThrowIfCancellationRequested();
                int n = _file.Read(data, carry, data.Length - carry);
                if (n <= 0) return -1;
                int total = carry + n;
                for (int i = 0; i + 4 <= total; i++)
                {
                    if (data[i] == 0x1F && data[i + 1] == 0x8B && data[i + 2] == 0x08 && (data[i + 3] & 0xE0) == 0 && basePos + i > 0) return basePos + i;
                }
                carry = Math.Min(3, total);
                Buffer.BlockCopy(data, total - carry, data, 0, carry);
                basePos += total - carry;
            }
        }

        private static int ReadFully(Stream s, byte[] b, int offset, int count)
        {
            int got = 0;
            while (got < count)
            {
                int n = s.Read(b, offset + got, count - got);
                if (n <= 0) break;
                got += n;
            }
            return got;
        }

        private static uint ReadUInt32(byte[] b, int i) => (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
    }
}
