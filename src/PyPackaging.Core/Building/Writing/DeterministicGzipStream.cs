using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
#if NET8_0_OR_GREATER
using System.Threading.Tasks;
#endif

using PyPackaging.Archives;

namespace PyPackaging.Building.Writing
{
    /// <summary>
    /// A write-only stream that gzip-compresses what is written to it into a single gzip member
    /// whose bytes depend only on the data (for a given runtime build):
    /// <list type="bullet">
    /// <item>The header is written here, not by <see cref="GZipStream"/> (whose OS byte depends on the
    /// platform zlib was built for): magic 1F 8B, method 8, no flags (so no FNAME), MTIME 0
    /// ("no time stamp", as uv_build does; the entries carry the epoch), XFL 0, OS 255 ("unknown").</item>
    /// <item>The body is raw deflate from <see cref="DeflateStream"/> at <see cref="CompressionLevel.Optimal"/>.</item>
    /// <item>The trailer is our own CRC-32 and the input length modulo 2^32.</item>
    /// </list>
    /// On net8.0 the input is cut into fixed <see cref="ChunkSize"/> chunks that are deflated independently
    /// (possibly on several cores), each ended with a sync flush, and concatenated, followed by one empty
    /// final block. Chunk boundaries are fixed, so the output is the same whatever the degree of parallelism.
    /// On netstandard2.0 one sequential deflate stream is used instead (a different, equally stable byte stream).
    /// Writes are never buffered beyond a few chunks; disposing the stream (or <see cref="Finish"/>) ends the member.
    /// </summary>
    public sealed class DeterministicGzipStream : Stream
    {
        /// <summary>Size of an independently compressed chunk on net8.0 (1 MiB).</summary>
        public const int ChunkSize = 1 << 20;

        /// <summary>The fixed 10-byte gzip header this stream writes.</summary>
        internal static readonly byte[] Header = { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF };

        private readonly Stream _output;
        private readonly bool _leaveOpen;
        private readonly Crc32 _crc = new Crc32();
        private long _length;
        private bool _finished;
        private bool _disposed;

#if NET8_0_OR_GREATER
        private readonly int _maxInFlight;
        private readonly Queue<Task<ArraySegment<byte>>> _pending = new Queue<Task<ArraySegment<byte>>>();
        private byte[] _chunk = new byte[ChunkSize];
        private int _chunkFill;
#else
        private readonly DeflateStream _deflate;
#endif

        /// <param name="output">Where the gzip bytes go.</param>
        /// <param name="leaveOpen">Leave <paramref name="output"/> open when this stream is disposed.</param>
        /// <param name="degreeOfParallelism">How many chunks may be compressed at once (net8.0 only;
        /// default: the processor count). Does not change the output bytes.</param>
        public DeterministicGzipStream(Stream output, bool leaveOpen = false, int degreeOfParallelism = 0)
        {
            _output = output ?? throw new ArgumentNullException(nameof(output));
            if (!output.CanWrite) throw new ArgumentException("The output stream must be writable.", nameof(output));
            _leaveOpen = leaveOpen;
            _output.Write(Header, 0, Header.Length);
#if NET8_0_OR_GREATER
            int dop = degreeOfParallelism > 0 ? degreeOfParallelism : Environment.ProcessorCount;
            _maxInFlight = Math.Max(1, dop);
#else
            _ = degreeOfParallelism;
            _deflate = new DeflateStream(_output, CompressionLevel.Optimal, leaveOpen: true);
#endif
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => !_finished;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>Flushing does not end a deflate block (that would change the bytes); it is a no-op.</summary>
        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_finished) throw new ObjectDisposedException(nameof(DeterministicGzipStream));
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (offset < 0 || count < 0 || offset + count > buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
            if (count == 0) return;
            _crc.Update(buffer, offset, count);
            _length += count;
#if NET8_0_OR_GREATER
            while (count > 0)
            {
                int take = Math.Min(count, ChunkSize - _chunkFill);
                Buffer.BlockCopy(buffer, offset, _chunk, _chunkFill, take);
                _chunkFill += take;
                offset += take;
                count -= take;
                if (_chunkFill == ChunkSize) SubmitChunk();
            }
#else
            _deflate.Write(buffer, offset, count);
#endif
        }

        /// <summary>Ends the deflate data and writes the gzip trailer. Idempotent.</summary>
        public void Finish()
        {
            if (_finished) return;
            _finished = true;
#if NET8_0_OR_GREATER
            if (_chunkFill > 0) SubmitChunk();
            while (_pending.Count > 0) WriteOldest();
            // An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block code 0000000.
            _output.WriteByte(0x03);
            _output.WriteByte(0x00);
#else
            _deflate.Dispose();
#endif
            var trailer = new byte[8];
            WriteUInt32LittleEndian(trailer, 0, _crc.Value);
            WriteUInt32LittleEndian(trailer, 4, unchecked((uint)_length));
            _output.Write(trailer, 0, trailer.Length);
            _output.Flush();
        }

        /// <summary>Stops without writing the rest of the member (after a failure); pending work is awaited and discarded.</summary>
        public void Abort()
        {
            if (_finished) return;
            _finished = true;
#if NET8_0_OR_GREATER
            while (_pending.Count > 0)
            {
                try
                {
                    _pending.Dequeue().Wait();
                }
                catch (AggregateException)
                {
                }
            }
#else
            try
            {
                _deflate.Dispose();
            }
            catch (IOException)
            {
            }
#endif
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                try
                {
                    Finish();
                }
                finally
                {
                    if (!_leaveOpen) _output.Dispose();
                }
            }
            base.Dispose(disposing);
        }

        private static void WriteUInt32LittleEndian(byte[] b, int at, uint v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

#if NET8_0_OR_GREATER
        private void SubmitChunk()
        {
            byte[] data = _chunk;
            int length = _chunkFill;
            _chunk = new byte[ChunkSize];
            _chunkFill = 0;
            if (_maxInFlight == 1)
            {
                var segment = CompressChunk(data, length);
                _output.Write(segment.Array!, segment.Offset, segment.Count);
                return;
            }
            while (_pending.Count >= _maxInFlight) WriteOldest();
            _pending.Enqueue(Task.Run(() => CompressChunk(data, length)));
        }

        private void WriteOldest()
        {
            var segment = _pending.Dequeue().GetAwaiter().GetResult();
            _output.Write(segment.Array!, segment.Offset, segment.Count);
        }

        /// <summary>
        /// Deflates one chunk on its own and returns the bytes up to and including its sync flush
        /// (which ends on a byte boundary with an empty stored block), leaving out the final block that
        /// disposing the deflater appends.
        /// </summary>
        internal static ArraySegment<byte> CompressChunk(byte[] data, int length)
        {
            var ms = new MemoryStream(length / 2 + 64);
            long flushed;
            using (var deflate = new DeflateStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            {
                deflate.Write(data, 0, length);
                deflate.Flush();
                flushed = ms.Length;
            }
            return new ArraySegment<byte>(ms.GetBuffer(), 0, (int)flushed);
        }
#endif
    }
}
