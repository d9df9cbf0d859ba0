using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using K = PyPackaging.Archives.FramingIssueKind;

namespace PyPackaging.Archives
{
    /// <summary>One member's data: inflated on demand, CRC-32 and size checked at the end, limits enforced.</summary>
    internal sealed class ZipDataStream : Stream
    {
        private readonly ZipSource _source;
        private readonly ZipCentralEntry _entry;
        private readonly int _index;
        private readonly LimitChecks _limits;
        private readonly FramingReport _report;
        private readonly CancellationToken _ct;
        private readonly byte[] _scratch;
        private readonly Stream? _inner;
        private readonly Crc32 _crc = new Crc32();
        private long _produced;
        private bool _finished;
        private bool _invalid;

        public ZipDataStream(ZipSource source, ZipCentralEntry entry, int index, LimitChecks limits, FramingReport report, CancellationToken ct, byte[] scratch)
        {
            _source = source;
            _entry = entry;
            _index = index;
            _limits = limits;
            _report = report;
            _ct = ct;
            _scratch = scratch;
            bool readable = entry.Readable && entry.DataOffset >= 0 && entry.DataOffset + entry.CompressedSize <= source.Length;
            if (readable)
            {
                Stream raw = new WindowStream(source, entry.DataOffset, entry.CompressedSize);
                _inner = entry.Method == 8 ? new DeflateStream(raw, CompressionMode.Decompress) : raw;
            }
            else
            {
                _finished = true;
            }
        }

        public void Invalidate() => _invalid = true;

        /// <summary>Reads what the caller did not: the CRC-32 check needs every byte.</summary>
        public void Drain()
        {
            while (Read(_scratch, 0, _scratch.Length) > 0) { }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_invalid) throw new InvalidOperationException("The member's data stream is no longer valid: the reader has moved on.");
            if (_finished || count <= 0) return 0;
            _ct.ThrowIfCancellationRequested();
            long left = _entry.UncompressedSize - _produced;
            int n;
            try
            {
                // Ask for one byte more than declared at the end, to notice data longer than the declared size.
                n = _inner!.Read(buffer, offset, (int)Math.Min(count, Math.Max(left, 1)));
            }
            catch (InvalidDataException)
            {
                Finish(new FramingIssue(K.ZipDeflateCorrupt) { Number = _produced });
                return 0;
            }
            if (n <= 0)
            {
                Finish(null);
                return 0;
            }
            if (n > left)
            {
                Finish(new FramingIssue(K.ZipInflatesLonger) { Number = _entry.UncompressedSize });
                return 0;
            }
            _crc.Update(buffer, offset, n);
            _produced += n;
            _source.Statistics.UncompressedBytes += n;
            if (_report.Stopped || !_limits.CheckStream(_source.Statistics, compressed: true))
            {
                _finished = true;
                return 0;
            }
            return n;
        }

        private void Finish(FramingIssue? problem)
        {
            _finished = true;
            _inner?.Dispose();
            if (problem == null && _produced != _entry.UncompressedSize) problem = new FramingIssue(K.ZipInflatesShorter) { Number = _produced, OtherNumber = _entry.UncompressedSize };
            if (problem == null && _crc.Value != _entry.Crc) problem = new FramingIssue(K.ZipDataCrcMismatch) { Number = _crc.Value, OtherNumber = _entry.Crc };
            if (problem != null)
            {
                problem.MemberIndex = _index;
                problem.Path = _entry.Name;
                _report.Report(problem);
            }
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _entry.UncompressedSize;
        public override long Position { get => _produced; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        /// <summary>A window of the file; seeks before every read so other reads in between do no harm.</summary>
        private sealed class WindowStream : Stream
        {
            private readonly ZipSource _source;
            private long _position;
            private readonly long _end;

            public WindowStream(ZipSource source, long start, long length)
            {
                _source = source;
                _position = start;
                _end = start + length;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int want = (int)Math.Min(count, _end - _position);
                if (want <= 0) return 0;
                _source.File.Seek(_position, SeekOrigin.Begin);
                int n = _source.File.Read(buffer, offset, want);
                if (n > 0)
                {
                    _position += n;
                    _source.Statistics.CompressedBytesRead += n;
                }
                return n;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
