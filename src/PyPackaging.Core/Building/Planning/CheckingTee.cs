using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;

namespace PyPackaging.Building.Planning
{
    /// <summary>
    /// A bounded single-producer/single-consumer byte pipe: the writer hands over copies of what it writes, the reader
    /// (the post-build check on another thread) reads them as a forward-only stream. When the reader stops early (a
    /// limit was exceeded, or it failed), further writes are dropped instead of blocking; when the writer fails, the
    /// reader gets an IOException instead of a clean end of stream.
    /// </summary>
    internal sealed class ChunkPipe : IDisposable
    {
        private readonly BlockingCollection<byte[]> _chunks;
        private readonly CancellationTokenSource _readerGone = new CancellationTokenSource();
        private volatile bool _faulted;

        public ChunkPipe(int capacity)
        {
            _chunks = new BlockingCollection<byte[]>(new ConcurrentQueue<byte[]>(), capacity);
            Reader = new PipeReaderStream(this);
        }

        public Stream Reader { get; }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (count == 0 || _readerGone.IsCancellationRequested) return;
            var copy = new byte[count];
            Buffer.BlockCopy(buffer, offset, copy, 0, count);
            try
            {
                _chunks.Add(copy, _readerGone.Token);
            }
            catch (OperationCanceledException)
            {
                // The reader has finished; the rest is not needed.
            }
        }

        /// <summary>The writer is done; the reader sees the end of the stream.</summary>
        public void CompleteWriting() => _chunks.CompleteAdding();

        /// <summary>The writer failed; the reader gets an IOException.</summary>
        public void Fault()
        {
            _faulted = true;
            _chunks.CompleteAdding();
        }

        /// <summary>The reader is done (normally or not); pending and later writes are dropped.</summary>
        public void ReaderDone() => _readerGone.Cancel();

        public void Dispose()
        {
            _readerGone.Dispose();
            _chunks.Dispose();
        }

        private sealed class PipeReaderStream : Stream
        {
            private readonly ChunkPipe _pipe;
            private byte[]? _current;
            private int _offset;

            public PipeReaderStream(ChunkPipe pipe) => _pipe = pipe;

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (count == 0) return 0;
                while (_current == null || _offset >= _current.Length)
                {
                    if (!_pipe._chunks.TryTake(out _current, Timeout.Infinite))
                    {
                        if (_pipe._faulted) throw new IOException("Writing the archive failed before it could be checked.");
                        _current = null;
                        return 0;
                    }
                    _offset = 0;
                }
                int n = Math.Min(count, _current.Length - _offset);
                Buffer.BlockCopy(_current, _offset, buffer, offset, n);
                _offset += n;
                return n;
            }
        }
    }

    /// <summary>
    /// The archive's output: writes to the file and to the check's pipe, and puts the source date epoch into the
    /// gzip header's MTIME field (bytes 4-7, little-endian; no header CRC is written, so nothing else changes).
    /// </summary>
    internal sealed class CheckingTee : Stream
    {
        private readonly Stream _file;
        private readonly ChunkPipe _pipe;
        private readonly byte[] _mtime;
        private long _position;

        public CheckingTee(Stream file, ChunkPipe pipe, long mtime)
        {
            _file = file;
            _pipe = pipe;
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
            _pipe.Write(buffer, offset, count);
            _position += count;
        }
    }
}
