using System;
using System.IO;

namespace PyPackaging.Archives
{
    /// <summary>The seekable zip file: positioned reads that count the compressed bytes read.</summary>
    internal sealed class ZipSource
    {
        public ZipSource(Stream file, ArchiveStatistics statistics)
        {
            File = file;
            Statistics = statistics;
        }

        public Stream File { get; }
        public ArchiveStatistics Statistics { get; }
        public long Length => File.Length;

        /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/>; what lies past the end reads as zero.</summary>
        public void ReadAt(long offset, byte[] buffer, int index, int count)
        {
            File.Seek(offset, SeekOrigin.Begin);
            int got = 0;
            while (got < count)
            {
                int n = File.Read(buffer, index + got, count - got);
                if (n <= 0) break;
                got += n;
            }
            Statistics.CompressedBytesRead += got;
            if (got < count) Array.Clear(buffer, index + got, count - got);
        }
    }
}
