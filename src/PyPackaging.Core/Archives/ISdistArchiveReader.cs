using System;
using System.IO;

namespace PyPackaging.Archives
{
    /// <summary>Counters kept while reading, for limits, progress and benchmarks.</summary>
    public sealed class ArchiveStatistics
    {
        /// <summary>Length of the archive file, when known.</summary>
        public long CompressedLength { get; set; }
        /// <summary>Compressed bytes consumed so far (drives progress).</summary>
        public long CompressedBytesRead { get; set; }
        /// <summary>Uncompressed bytes produced so far (the whole tar stream, headers and padding included).</summary>
        public long UncompressedBytes { get; set; }
        public int MemberCount { get; set; }
        /// <summary>Sum of member payload sizes.</summary>
        public long PayloadBytes { get; set; }
    }

    /// <summary>
    /// A forward-only, single-pass reader over an sdist (tar.gz, plain tar, or legacy zip) with bounded memory.
    /// Framing problems, reader disagreements and exceeded limits are reported to the <see cref="Rules.FindingCollector"/>
    /// given at open time, against the member index they concern (or the archive).
    /// </summary>
    public interface ISdistArchiveReader : IDisposable
    {
        ContainerFormat Container { get; }

        /// <summary>Advances to the next member, skipping any unread payload of the current one. False at the end, or when reading had to stop.</summary>
        bool MoveNext();

        ArchiveMember Current { get; }

        /// <summary>
        /// The payload of <see cref="Current"/>: a forward-only stream that ends after exactly <see cref="ArchiveMember.Size"/> bytes.
        /// Valid until the next <see cref="MoveNext"/>. Reading it may stop early (and report) if a limit is hit or the archive is cut short.
        /// </summary>
        Stream OpenData();

        ArchiveStatistics Statistics { get; }

        /// <summary>True once the whole archive was read to its end marker (and, for gzip, its trailer) with no stop.</summary>
        bool Completed { get; }

        /// <summary>Why reading stopped early (a limit, truncation, corruption); null if it did not.</summary>
        string? StopReason { get; }
    }
}
