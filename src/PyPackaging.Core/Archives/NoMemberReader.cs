using System;
using System.IO;

namespace PyPackaging.Archives
{
    /// <summary>The reader for anything that is not a readable sdist container: yields nothing, says why.</summary>
    internal sealed class NoMemberReader : ISdistArchiveReader
    {
        private readonly Stream _stream;
        private readonly bool _leaveOpen;

        public NoMemberReader(ContainerFormat container, ArchiveStatistics statistics, string reason, Stream stream, bool leaveOpen)
        {
            Container = container;
            Statistics = statistics;
            StopReason = reason;
            _stream = stream;
            _leaveOpen = leaveOpen;
        }

        public ContainerFormat Container { get; }
        public ArchiveStatistics Statistics { get; }
        public bool Completed => false;
        public string? StopReason { get; }
        public ArchiveMember Current => throw new InvalidOperationException("This archive has no readable members.");
        public bool MoveNext() => false;
        public Stream OpenData() => throw new InvalidOperationException("This archive has no readable members.");

        public void Dispose()
        {
            if (!_leaveOpen) _stream.Dispose();
        }
    }
}
