using System;
using System.IO;
using System.Threading;
using K = PyPackaging.Archives.FramingIssueKind;

using PyPackaging.Rules;

namespace PyPackaging.Archives
{
    /// <summary>
    /// Single-pass tar framing (pax, ustar, GNU, v7) over a plain or gzip-compressed stream, with its own header
    /// parser so that every place where readers could disagree is visible and reported. This class walks the blocks:
    /// extension headers, member headers, payloads, the end-of-archive marker. The parts: <see cref="TarBlockSource"/>
    /// (buffering), <see cref="TarExtensionHeaders"/>, <see cref="PaxRecords"/> and <see cref="TarExtensionState"/> (pax and GNU extensions),
    /// <see cref="TarHeaderDecoder"/> (one member header), <see cref="GzipTrailer"/> (gzip end forensics),
    /// <see cref="LimitChecks"/>; what they find is typed (<see cref="FramingIssue"/>) and worded in <see cref="FramingMessages"/>.
    /// Memory is bounded: one 128 KiB buffer, one header block, and one extension buffer capped at 1 MiB.
    /// </summary>
    internal sealed class TarArchiveReader : ISdistArchiveReader
    {
        private readonly Stream _tar;
        private readonly Stream _file;
        private readonly bool _gzip;
        private readonly bool _leaveOpen;
        private readonly CancellationToken _ct;
        private readonly FramingReport _report;
        private readonly TarBlockSource _blocks;
        private readonly TarExtensionState _ext = new TarExtensionState();
        private readonly TarExtensionHeaders _extensions;
        private readonly TarHeaderDecoder _decoder;
        private readonly GzipTrailer? _gzipTrailer;

        private readonly byte[] _header = new byte[512];

        private ArchiveMember? _current;
        private long _remaining;
        private int _padding;
        private int _dataVersion;
        private int _nextIndex;
        private bool _endMarkerSeen;
        private bool _disposed;

        public TarArchiveReader(SourceStream source, Stream file, bool gzip, ArchiveStatistics statistics, ArchiveLimits limits,
            FindingCollector findings, CancellationToken cancellationToken, bool leaveOpen)
        {
            _file = file;
            _gzip = gzip;
            Statistics = statistics;
            _ct = cancellationToken;
            _leaveOpen = leaveOpen;
            _report = new FramingReport(findings);
            var limitChecks = new LimitChecks(limits, _report);
            _tar = gzip
                ? new System.IO.Compression.GZipStream(source, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true)
                : (Stream)source;
            _blocks = new TarBlockSource(_tar, gzip, statistics, limitChecks, _report, cancellationToken);
            _extensions = new TarExtensionHeaders(_blocks, _ext, _report);
            _decoder = new TarHeaderDecoder(_blocks, _ext, limitChecks, _report);
            if (gzip)
            {
                _gzipTrailer = new GzipTrailer(source, file, statistics, limits, _report, cancellationToken);
                _blocks.OnInflateFailure = () => _gzipTrailer.OnInflateFailure(_endMarkerSeen);
            }
        }

        public ContainerFormat Container => _gzip ? ContainerFormat.TarGzip : ContainerFormat.Tar;
        public ArchiveStatistics Statistics { get; }
        public bool Completed => _report.Completed;
        public string? StopReason => _report.StopReason;

        public ArchiveMember Current => _current ?? throw new InvalidOperationException("No current member: call MoveNext first.");

        public bool MoveNext()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(TarArchiveReader));
            if (_report.Done) return false;
            _ct.ThrowIfCancellationRequested();
            if (_current != null && !SkipRestOfCurrent())
            {
                _report.Done = true;
                return false;
            }
            bool found = ReadNextMember();
            if (!found) _report.Done = true;
            return found;
        }

        /// <summary>Skips what is left of the current member's payload and padding; false when the archive ends first.</summary>
        private bool SkipRestOfCurrent()
        {
            var member = _current!;
            _dataVersion++;
            _current = null;
            long owed = _remaining + _padding;
            if (owed > 0)
            {
                long skipped = _blocks.Skip(owed);
                if (skipped < owed)
                {
                    if (!_report.Stopped) ReportTruncatedMember(member, member.Size - _remaining + Math.Min(skipped, _remaining));
                    return false;
                }
            }
            _remaining = 0;
            _padding = 0;
            return true;
        }

        public Stream OpenData()
        {
            if (_current == null) throw new InvalidOperationException("No current member: call MoveNext first.");
            return new TarMemberStream(this, _dataVersion, _current.Size);
        }

        internal int ReadData(int version, byte[] buffer, int offset, int count)
        {
            if (!CanRead(version, count)) return 0;
            return Consumed(_blocks.ReadSome(buffer, offset, (int)Math.Min(count, _remaining)));
        }

#if NET8_0_OR_GREATER
        internal int ReadData(int version, Span<byte> destination)
        {
            if (!CanRead(version, destination.Length)) return 0;
            return Consumed(_blocks.ReadSome(destination.Slice(0, (int)Math.Min(destination.Length, _remaining))));
        }
#endif

        private bool CanRead(int version, int count)
        {
            if (version != _dataVersion || _current == null) throw new InvalidOperationException("The member's data stream is no longer valid: the reader has moved on.");
            return count > 0 && _remaining > 0;
        }

        private int Consumed(int n)
        {
            if (n == 0)
            {
                if (!_report.Stopped) ReportTruncatedMember(_current!, _current!.Size - _remaining);
                _report.Done = true;
                return 0;
            }
            _remaining -= n;
            return n;
        }

        /// <summary>Reads extension headers until a member header; false at the end of the archive or when reading stopped.</summary>
        private bool ReadNextMember()
        {
            _ext.Reset();
            _report.ClearPending();
            long memberStart = _blocks.Offset;
            while (true)
            {
                long blockOffset = _blocks.Offset;
                int got = _blocks.ReadExact(_header, 0, 512);
                if (_report.Stopped) return false;
                if (got < 512 || TarFields.IsZeroBlock(_header, 0, 512))
                {
                    ReportOrphan(blockOffset);
                    if (got == 0) EndWithoutMarker(blockOffset);
                    else if (got < 512) _report.Stop(new FramingIssue(K.TarTruncatedHeader, blockOffset) { Number = got });
                    else ReadEndOfArchive(blockOffset);
                    return false;
                }
                if (!TarFields.ChecksumMatches(_header, out long stored, out long computed))
                {
                    ReportOrphan(-1);
                    _report.Stop(stored < 0
                        ? new FramingIssue(K.TarChecksumUnreadable, blockOffset)
                        : new FramingIssue(K.TarChecksumMismatch, blockOffset) { Number = stored, OtherNumber = computed });
                    return false;
                }
                char type = (char)_header[156];
                if (!TarFields.TryParseNumber(_header, 124, 12, out long headerSize, out bool sizeBase256) || headerSize < 0)
                {
                    _report.Stop(new FramingIssue(K.TarSizeFieldInvalid, blockOffset) { Path = TarFields.DecodeField(_header, 0, 100, out _) });
                    return false;
                }
                switch (_extensions.Read(type, headerSize, blockOffset))
                {
                    case TarExtensionHeaders.Outcome.Read: continue;
                    case TarExtensionHeaders.Outcome.Stopped: return false;
                }
                var member = _decoder.Decode(_header, type, headerSize, sizeBase256, memberStart, _nextIndex);
                if (member == null) return false;
                _nextIndex++;
                _current = member;
                _remaining = member.Size;
                _padding = (int)((512 - member.Size % 512) % 512);
                Statistics.MemberCount++;
                Statistics.PayloadBytes += member.Size;
                return true;
            }
        }

        /// <summary>Reports what waits for a member that never comes (and, at a known offset, the extension headers themselves).</summary>
        private void ReportOrphan(long offset)
        {
            _report.FlushPending(FindingCollector.ArchiveLevel);
            if (_ext.HasAny && offset >= 0)
            {
                _report.Report(new FramingIssue(K.TarOrphanedExtension, offset)
                {
                    Flag = _ext.PaxSeen, Value = _ext.PaxPath, OtherValue = _ext.GnuLongName, Reason = _ext.GnuLongLink,
                });
            }
        }

        private void EndWithoutMarker(long offset)
        {
            _report.Report(new FramingIssue(K.TarEndMarkerMissing, offset));
            FinishAtEnd(FramingMessages.Reasons.NoEndMarker, completed: false);
        }

        private void ReadEndOfArchive(long firstZeroOffset)
        {
            _endMarkerSeen = true;
            bool markerComplete = true;
            bool reportedTrailing = false;
            long at = _blocks.Offset;
            int got = _blocks.ReadExact(_header, 0, 512);
            if (_report.Stopped) return;
            if (got < 512 && TarFields.IsZeroBlock(_header, 0, got))
            {
                markerComplete = false;
                _report.Report(new FramingIssue(K.TarEndMarkerSingleBlock, firstZeroOffset));
            }
            else if (!TarFields.IsZeroBlock(_header, 0, got))
            {
                reportedTrailing = true;
                _report.Report(new FramingIssue(K.TarDataAfterSingleZeroBlock, at) { Number = firstZeroOffset });
            }
            // Whatever follows the marker must be zero padding (tar pads to 10240-byte records, some tools pad more).
            _blocks.Drain(reportedTrailing ? null : new Action<long>(position => _report.Report(new FramingIssue(K.TarDataAfterEndMarker, position))));
            if (_report.Stopped) return;
            FinishAtEnd(markerComplete ? null : FramingMessages.Reasons.IncompleteEndMarker, completed: markerComplete);
        }

        /// <summary>The tar stream is exhausted: check the gzip trailer and record the outcome.</summary>
        private void FinishAtEnd(string? reason, bool completed)
        {
            // Drain the tar stream so that gzip reaches its trailer (a missing end marker leaves nothing to drain).
            _blocks.Drain(null);
            if (_report.Stopped) return;
            if (_gzipTrailer != null && !_blocks.InflateFailed && !_gzipTrailer.EndsCleanly(_blocks.Crc!.Value))
            {
                completed = false;
                reason = reason ?? FramingMessages.Reasons.GzipUnclean;
            }
            _report.Done = true;
            _report.Completed = completed && !_report.Stopped;
            if (!_report.Completed && _report.StopReason == null) _report.StopReason = reason ?? FramingMessages.Reasons.Damaged;
        }

        private void ReportTruncatedMember(ArchiveMember member, long payloadRead)
        {
            _report.Stop(payloadRead < member.Size
                ? new FramingIssue(K.TarTruncatedMemberData, memberIndex: member.Index) { Path = member.Path, Number = member.Size, OtherNumber = payloadRead }
                : new FramingIssue(K.TarTruncatedMemberPadding, memberIndex: member.Index) { Path = member.Path });
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _blocks.Release();
            if (_gzip) _tar.Dispose();
            if (!_leaveOpen) _file.Dispose();
        }
    }
}
