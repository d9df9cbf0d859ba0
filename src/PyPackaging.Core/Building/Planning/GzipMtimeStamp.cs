using System;
using System.IO;

namespace PyPackaging.Building.Planning
{
    /// <summary>
    /// Passes the sdist writer's output to the file and puts the source date epoch into the gzip header's MTIME
    /// field (bytes 4–7) on the way, so the gzip header carries the same time as every member. The writer itself
    /// writes 0 there (its output is compared byte for byte in its own tests).
    /// </summary>
    internal sealed class GzipMtimeStamp : Stream
    {
        private readonly Stream _file;
        private readonly byte[] _mtime;
        private long _position;

        public GzipMtimeStamp(Stream file, long mtime)
        {
            _file = file;
            uint t = (uint)mtime;
            _mtime = new[] { (byte)t, (byte)(t >> 8), (byte)(t >> 16), (byte)(t >> 24) };
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _position;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Flush() => _file.Flush();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_position < 8 && count > 0)
            {
                // Patch a copy so the caller's buffer is left alone.
                var copy = new byte[count];
                Buffer.BlockCopy(buffer, offset, copy, 0, count);
                for (long p = Math.Max(4, _position); p < Math.Min(8, _position + count); p++)
                {
                    copy[p - _position] = _mtime[p - 4];
                }
                buffer = copy;
                offset = 0;
            }
            _file.Write(buffer, offset, count);
            _position += count;
        }
    }
}
