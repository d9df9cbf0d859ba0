using System;
using System.Buffers;
using System.IO;
using System.Threading;


namespace PyPackaging.Archives
{
    /// <summary>
    /// The tar stream (plain, or inflated from gzip) through one 128 KiB buffer: exact reads, skips, the byte offset
    /// the framing has consumed, a running CRC-32 of everything inflated (for the gzip trailer check), and the stream
    /// limits checked after every refill. It reads nothing once the read has stopped. The buffer is rented from the
    /// shared pool and given back by <see cref="Release"/>: a fresh 128 KiB array per archive lands on the large object
    /// heap, and with hundreds of archives in one call those arrays alone drove most of the full collections.
    /// </summary>
    internal sealed class TarBlockSource
    {
        private const int BufferSize = 128 * 1024;

        private readonly Stream _tar;
        private readonly bool _gzip;
        private readonly ArchiveStatistics _statistics;
        private readonly LimitChecks _limits;
        private readonly FramingReport _report;
        private readonly CancellationToken _ct;
        private byte[] _buf = ArrayPool<byte>.Shared.Rent(BufferSize);
        private bool _released;
        private int _pos;
        private int _len;
        private bool _eof;

        public TarBlockSource(Stream tar, bool gzip, ArchiveStatistics statistics, LimitChecks limits, FramingReport report, CancellationToken ct)
        {
            _tar = tar;
            _gzip = gzip;
            _statistics = statistics;
            _limits = limits;
            _report = report;
            _ct = ct;
            if (gzip) Crc = new Crc32();
        }

        /// <summary>Bytes of the tar stream consumed by the framing.</summary>
        public long Offset { get; private set; }

        /// <summary>CRC-32 of everything inflated (gzip only).</summary>
        public Crc32? Crc { get; }

        /// <summary>The gzip decoder rejected the stream.</summary>
        public bool InflateFailed { get; private set; }

        /// <summary>Called once when the gzip decoder rejects the stream.</summary>
        public Action? OnInflateFailure { get; set; }

        /// <summary>Makes at least one byte available in the buffer. False at the end of the stream or once reading stopped.</summary>
        private bool Fill()
        {
            if (_released) throw new ObjectDisposedException(nameof(TarArchiveReader));
            if (_pos < _len) return !_report.Stopped;
            if (_eof || _report.Stopped) return false;
            _ct.ThrowIfCancellationRequested();
            int n;
            try
            {
                n = _tar.Read(_buf, 0, BufferSize);
            }
            catch (InvalidDataException) when (_gzip)
            {
                InflateFailed = true;
                _eof = true;
                _pos = _len = 0;
                OnInflateFailure?.Invoke();
                return false;
            }
            if (n <= 0)
            {
                _eof = true;
                _pos = _len = 0;
                return false;
            }
            _pos = 0;
            _len = n;
            Crc?.Update(_buf, 0, n);
            _statistics.UncompressedBytes += n;
            _limits.CheckStream(_statistics, _gzip);
            return !_report.Stopped;
        }

        /// <summary>Reads up to <paramref name="count"/> bytes; fewer only at the end or on a stop.</summary>
        public int ReadExact(byte[] destination, int offset, int count)
        {
            int got = 0;
            while (got < count)
            {
                if (!Fill()) break;
                int n = Math.Min(count - got, _len - _pos);
                Buffer.BlockCopy(_buf, _pos, destination, offset + got, n);
                _pos += n;
                got += n;
            }
            Offset += got;
            return got;
        }

        /// <summary>Reads at most <paramref name="count"/> bytes out of what one refill gives; 0 at the end or on a stop.</summary>
        public int ReadSome(byte[] destination, int offset, int count)
        {
            if (!Fill()) return 0;
            int n = Math.Min(count, _len - _pos);
            Buffer.BlockCopy(_buf, _pos, destination, offset, n);
            _pos += n;
            Offset += n;
            return n;
        }

#if NET8_0_OR_GREATER
        public int ReadSome(Span<byte> destination)
        {
            if (!Fill()) return 0;
            int n = Math.Min(destination.Length, _len - _pos);
            new ReadOnlySpan<byte>(_buf, _pos, n).CopyTo(destination);
            _pos += n;
            Offset += n;
            return n;
        }
#endif

        /// <summary>Skips bytes through the buffer; returns how many were skipped.</summary>
        public long Skip(long count)
        {
            long skipped = 0;
            while (skipped < count)
            {
                if (!Fill()) break;
                int n = (int)Math.Min(count - skipped, _len - _pos);
                _pos += n;
                skipped += n;
            }
            Offset += skipped;
            return skipped;
        }

        /// <summary>
        /// Consumes the rest of the stream, calling <paramref name="onFirstNonZero"/> with the offset of its first
        /// non-zero byte as soon as it is seen (not at all when the rest is zero).
        /// </summary>
        public void Drain(Action<long>? onFirstNonZero)
        {
            while (Fill())
            {
                if (onFirstNonZero != null && !TarFields.IsZeroBlock(_buf, _pos, _len - _pos))
                {
                    int at = _pos;
                    while (_buf[at] == 0) at++;
                    onFirstNonZero(Offset + (at - _pos));
                    onFirstNonZero = null;
                }
                Offset += _len - _pos;
                _pos = _len;
            }
        }
    
        /// <summary>Gives the buffer back to the pool; any later read throws (the reader is disposed).</summary>
        public void Release()
        {
            if (_released) return;
            _released = true;
            _pos = _len = 0;
            var buffer = _buf;
            _buf = Array.Empty<byte>();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
