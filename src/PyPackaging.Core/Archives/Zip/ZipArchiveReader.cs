using System;
using System.IO;
using System.Threading;
using PyPackaging.Rules;
using K = PyPackaging.Archives.FramingIssueKind;

namespace PyPackaging.Archives
{
    /// <summary>
    /// Legacy .zip sdists. Members come from the central directory (as every mainstream zip reader takes them), and
    /// every local header is cross-checked against it: names, methods, CRC-32 and sizes must agree, no local entry may
    /// hide outside the central directory, nothing may follow the end record. Data is inflated lazily, one member at a
    /// time, with its CRC-32 and size verified (members not read by the caller are verified when skipped).
    /// Needs a seekable stream. ZIP64 is refused (no sdist needs it).
    /// The parts: <see cref="ZipCentralDirectory"/>, <see cref="ZipLocalHeaders"/>, <see cref="ZipDataStream"/>,
    /// <see cref="LimitChecks"/>; what they find is typed (<see cref="FramingIssue"/>) and worded in <see cref="FramingMessages"/>.
    /// </summary>
    internal sealed class ZipArchiveReader : ISdistArchiveReader
    {
        private readonly ZipSource _source;
        private readonly bool _leaveOpen;
        private readonly LimitChecks _limits;
        private readonly FramingReport _report;
        private readonly CancellationToken _ct;
        private readonly ZipCentralDirectory _directory;
        private readonly ZipLocalHeaders _locals;
        private readonly byte[] _scratch = new byte[64 * 1024];

        private int _next;
        private ArchiveMember? _current;
        private ZipCentralEntry? _currentEntry;
        private ZipDataStream? _currentData;
        private byte[]? _replay;
        private int _replayLength;
        private bool _disposed;

        public ZipArchiveReader(Stream stream, ArchiveStatistics statistics, ArchiveLimits limits, FindingCollector findings, CancellationToken cancellationToken, bool leaveOpen)
        {
            _source = new ZipSource(stream, statistics);
            _leaveOpen = leaveOpen;
            Statistics = statistics;
            _report = new FramingReport(findings);
            _limits = new LimitChecks(limits, _report);
            _ct = cancellationToken;
            Statistics.CompressedLength = stream.Length;
            _directory = new ZipCentralDirectory(_source, _limits, _report, cancellationToken);
            _locals = new ZipLocalHeaders(_source, _report, cancellationToken);
            if (!_directory.Read())
            {
                _report.Done = true;
                return;
            }
            _locals.Attach(_directory);
            AskSecondOpinion();
        }

        /// <summary>Compares the central directory with SharpZipLib's independent reading of it (see <see cref="ZipSecondOpinion"/>).</summary>
        private void AskSecondOpinion()
        {
            var views = new System.Collections.Generic.List<ZipSecondOpinion.EntryView>(_directory.Entries.Count);
            foreach (var e in _directory.Entries)
            {
                views.Add(new ZipSecondOpinion.EntryView(e.Name, e.UncompressedSize, e.CompressedSize, e.Crc, e.Method));
            }
            var disagreement = ZipSecondOpinion.Disagreement(_source.File, views);
            if (disagreement != null) _report.Report(new FramingIssue(K.ZipParsersDisagree) { Value = disagreement });
        }

        public ContainerFormat Container => ContainerFormat.Zip;
        public ArchiveStatistics Statistics { get; }
        public bool Completed => _report.Completed;
        public string? StopReason => _report.StopReason;
        public ArchiveMember Current => _current ?? throw new InvalidOperationException("No current member: call MoveNext first.");

        public bool MoveNext()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(ZipArchiveReader));
            if (_report.Done) return false;
            _ct.ThrowIfCancellationRequested();
            if (_current != null)
            {
                // Verify what the caller did not read: the CRC-32 check needs every byte.
                var data = _currentData ?? CreateDataStream();
                data.Drain();
                data.Invalidate();
                _currentData = null;
                _current = null;
                _currentEntry = null;
                if (_report.Stopped) { _report.Done = true; return false; }
            }
            if (_next >= _directory.Entries.Count)
            {
                _report.Done = true;
                _report.Completed = !_report.Stopped;
                return false;
            }
            var e = _directory.Entries[_next];
            int index = _next;
            _next++;
            if (!_limits.AllowsMemberSize(e.Name, e.UncompressedSize)) return false;

            var member = BuildMember(e, index);
            _current = member;
            _currentEntry = e;
            Statistics.MemberCount++;
            Statistics.PayloadBytes += e.UncompressedSize;
            _locals.CrossCheck(e, index);
            _replay = null;
            if (member.Type == PySdistEntryType.SymbolicLink && e.Readable) ReadLinkTarget(member);
            _limits.CheckPaths(index, member.Path, member.LinkTarget);
            if (_report.Stopped) { _report.Done = true; }
            return true;
        }

        private static ArchiveMember BuildMember(ZipCentralEntry e, int index)
        {
            var member = new ArchiveMember
            {
                Index = index,
                Path = e.Name,
                TypeFlag = '\0',
                Size = e.UncompressedSize,
                HeaderFormat = MemberHeaderFormat.Zip,
                HeaderOffset = e.LocalOffset,
                ModifiedTime = ZipBytes.FromDos(e.DosDate, e.DosTime),
            };
            int hostOs = e.VersionMadeBy >> 8;
            int unixMode = hostOs == 3 ? (int)(e.ExternalAttributes >> 16) : 0;
            if (unixMode != 0) member.Mode = unixMode & 0xFFF;
            switch (unixMode & 0xF000)
            {
                case 0xA000: member.Type = PySdistEntryType.SymbolicLink; break;
                case 0x4000: member.Type = PySdistEntryType.Directory; break;
                case 0x2000: member.Type = PySdistEntryType.CharacterDevice; break;
                case 0x6000: member.Type = PySdistEntryType.BlockDevice; break;
                case 0x1000: member.Type = PySdistEntryType.Fifo; break;
                case 0xC000: member.Type = PySdistEntryType.Unknown; break;
                default: member.Type = e.Name.EndsWith("/", StringComparison.Ordinal) ? PySdistEntryType.Directory : PySdistEntryType.File; break;
            }
            return member;
        }

        /// <summary>The link target is the member's data; read it now (bounded) so Current is complete, and replay it to OpenData.</summary>
        private void ReadLinkTarget(ArchiveMember member)
        {
            var data = CreateDataStream();
            var target = new byte[(int)Math.Min(member.Size, ArchiveLimits.MaxZipLinkTargetSize)];
            int n = 0, r;
            while (n < target.Length && (r = data.Read(target, n, target.Length - n)) > 0) n += r;
            member.LinkTarget = TarFields.DecodeUtf8(target, 0, n, out bool invalid);
            if (invalid) _report.Report(new FramingIssue(K.ZipLinkNotUtf8, memberIndex: member.Index) { Path = member.Path });
            data.Drain();
            data.Invalidate();
            _currentData = null;
            _replay = target;
            _replayLength = n;
        }

        public Stream OpenData()
        {
            if (_current == null || _currentEntry == null) throw new InvalidOperationException("No current member: call MoveNext first.");
            if (_replay != null) return new MemoryStream(_replay, 0, _replayLength, writable: false);
            return _currentData ?? (_currentData = CreateDataStream());
        }

        private ZipDataStream CreateDataStream() => new ZipDataStream(_source, _currentEntry!, _current!.Index, _limits, _report, _ct, _scratch);

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (!_leaveOpen) _source.File.Dispose();
        }
    }
}
