using System;
using System.IO;
using System.Threading;


namespace PyPackaging.Archives
{
    /// <summary>The payload of one tar member: reads straight out of the reader's buffer, ends after exactly the member size.</summary>
    internal sealed class TarMemberStream : Stream
    {
        private readonly TarArchiveReader _reader;
        private readonly int _version;
        private readonly long _length;
        private long _position;

        public TarMemberStream(TarArchiveReader reader, int version, long length)
        {
            _reader = reader;
            _version = version;
            _length = length;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            int n = _reader.ReadData(_version, buffer, offset, count);
            _position += n;
            return n;
        }

#if NET8_0_OR_GREATER
        public override int Read(Span<byte> buffer)
        {
            int n = _reader.ReadData(_version, buffer);
            _position += n;
            return n;
        }

        public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new System.Threading.Tasks.ValueTask<int>(Read(buffer.Span));
        }
#endif

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
