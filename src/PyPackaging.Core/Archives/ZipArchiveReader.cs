using System;
using System.IO;
using System.Threading;
using PyPackaging.Rules;

namespace PyPackaging.Archives
{
    internal sealed class ZipArchiveReader : ISdistArchiveReader
    {
        private readonly Stream _stream;
        private readonly bool _leaveOpen;

        public ZipArchiveReader(Stream stream, ArchiveStatistics statistics, ArchiveLimits limits, FindingCollector findings, CancellationToken cancellationToken, bool leaveOpen)
        {
            _stream = stream;
            _leaveOpen = leaveOpen;
            Statistics = statistics;
        }

        public ContainerFormat Container => ContainerFormat.Zip;
        public ArchiveStatistics Statistics { get; }
        public bool Completed => false;
        public string? StopReason => "zip reading is not implemented yet";
        public ArchiveMember Current => throw new InvalidOperationException();
        public bool MoveNext() => false;
        public Stream OpenData() => throw new InvalidOperationException();
        public void Dispose() { if (!_leaveOpen) _stream.Dispose(); }
    }
}
