using System;
using System.IO;

namespace PyPackaging.Archives
{
    /// <summary>
    /// The archive file as the readers pull it: replays the bytes already read for sniffing, then reads the file,
    /// counting every byte into <see cref="ArchiveStatistics.CompressedBytesRead"/> and remembering the last 8 bytes
    /// (the gzip trailer when the stream ends cleanly).
    /// </summary>
    internal sealed class SourceStream : Stream
    {
        private readonly Stream _inner;
        private readonly ArchiveStatistics _stats;
        private readonly byte[] _prefix;
        private int _prefixPos;
        private readonly int _prefixLen;
        private readonly byte[] _tail = new byte[8];
        private int _tailLen;

        public SourceStream(Stream inner, ArchiveStatistics stats, byte[] prefix, int prefixLen)
        {
            _inner = inner;
            _stats = stats;
            _prefix = prefix;
            _prefixLen = prefixLen;
            AddTail(prefix, 0, prefixLen);
        }

        public Stream Inner => _inner;

        /// <summary>The last (up to 8) bytes read so far, oldest first.</summary>
        public int CopyTail(byte[] destination)
        {
            Buffer.BlockCopy(_tail, 0, destination, 0, _tailLen);
            return _tailLen;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_prefixPos < _prefixLen)
            {
                int n = Math.Min(count, _prefixLen - _prefixPos);
                Buffer.BlockCopy(_prefix, _prefixPos, buffer, offset, n);
                _prefixPos += n;
                return n;
            }
            int read = _inner.Read(buffer, offset, count);
            if (read > 0)
            {
                _stats.CompressedBytesRead += read;
                AddTail(buffer, offset, read);
            }
            return read;
        }

        private void AddTail(byte[] buffer, int offset, int count)
        {
            if (count >= 8)
            {
                Buffer.BlockCopy(buffer, offset + count - 8, _tail, 0, 8);
                _tailLen = 8;
                return;
            }
            int keep = Math.Min(_tailLen, 8 - count);
            if (keep > 0) Buffer.BlockCopy(_tail, _tailLen - keep, _tail, 0, keep);
            Buffer.BlockCopy(buffer, offset, _tail, keep, count);
            _tailLen = keep + count;
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
