using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using PyPackaging.Rules;

namespace PyPackaging.Archives
{
    /// <summary>
    /// Single-pass tar framing (pax, ustar, GNU, v7) over a plain or gzip-compressed stream, with its own header
    /// parser so that every place where readers could disagree is visible and reported.
    /// Memory is bounded: one 128 KiB buffer, one header block, and one extension buffer capped at 1 MiB.
    /// </summary>
    internal sealed class TarArchiveReader : ISdistArchiveReader
    {
        private const int BufferSize = 128 * 1024;
        /// <summary>Largest pax extended header accepted (one 'x' or 'g' payload).</summary>
        internal const int MaxPaxHeaderSize = 1024 * 1024;
        /// <summary>Largest GNU long name or long link payload accepted.</summary>
        internal const int MaxGnuLongNameSize = 64 * 1024;

        private readonly Stream _tar;
        private readonly SourceStream _source;
        private readonly Stream _file;
        private readonly bool _gzip;
        private readonly bool _leaveOpen;
        private readonly ArchiveLimits _limits;
        private readonly FindingCollector _findings;
        private readonly CancellationToken _ct;

        private readonly byte[] _buf = new byte[BufferSize];
        private int _pos;
        private int _len;
        private bool _eof;
        private readonly Crc32? _crc;
        private bool _inflateFailed;

        /// <summary>Bytes of the tar stream consumed by the framing.</summary>
        private long _offset;
        private readonly byte[] _header = new byte[512];
        private byte[] _ext = new byte[4096];

        private ArchiveMember? _current;
        private long _remaining;
        private int _padding;
        private int _dataVersion;
        private int _nextIndex;

        private bool _done;
        private bool _stopped;
        private bool _completed;
        private string? _stopReason;
        private bool _endMarkerSeen;
        private bool _disposed;

        // Extension state for the member being assembled; reset before every member.
        private bool _paxSeen;
        private string? _paxPath;
        private bool _paxPathInvalid;
        private string? _paxLinkPath;
        private bool _paxLinkInvalid;
        private long? _paxSize;
        private bool _paxFatal;
        private long? _paxMtime;
        private long? _paxUid;
        private long? _paxGid;
        private string? _paxUname;
        private string? _paxGname;
        private bool _paxSparse;
        private string? _gnuLongName;
        private bool _gnuLongNameInvalid;
        private string? _gnuLongLink;
        private bool _gnuLongLinkInvalid;
        private readonly HashSet<string> _paxKeys = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<KeyValuePair<PySdistRule, string>> _pending = new List<KeyValuePair<PySdistRule, string>>();

        public TarArchiveReader(SourceStream source, Stream file, bool gzip, ArchiveStatistics statistics, ArchiveLimits limits,
            FindingCollector findings, CancellationToken cancellationToken, bool leaveOpen)
        {
            _source = source;
            _file = file;
            _gzip = gzip;
            Statistics = statistics;
            _limits = limits;
            _findings = findings;
            _ct = cancellationToken;
            _leaveOpen = leaveOpen;
            if (gzip)
            {
                _crc = new Crc32();
                _tar = new System.IO.Compression.GZipStream(source, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true);
            }
            else
            {
                _tar = source;
            }
        }

        public ContainerFormat Container => _gzip ? ContainerFormat.TarGzip : ContainerFormat.Tar;
        public ArchiveStatistics Statistics { get; }
        public bool Completed => _completed;
        public string? StopReason => _stopReason;

        public ArchiveMember Current => _current ?? throw new InvalidOperationException("No current member: call MoveNext first.");

        // ------------------------------------------------------------------ buffer

        /// <summary>Makes at least one byte available in the buffer. False at the end of the stream or once reading stopped.</summary>
        private bool Fill()
        {
            if (_pos < _len) return !_stopped;
            if (_eof || _stopped) return false;
            _ct.ThrowIfCancellationRequested();
            int n;
            try
            {
                n = _tar.Read(_buf, 0, _buf.Length);
            }
            catch (InvalidDataException) when (_gzip)
            {
                _inflateFailed = true;
                _eof = true;
                _pos = _len = 0;
                OnInflateFailure();
                return false;
            }
            if (n <= 0)
            {
                _eof = true;
                _pos = _len = 0;
                return false;
            }
            _pos = 0;
            _len = n;
            _crc?.Update(_buf, 0, n);
            Statistics.UncompressedBytes += n;
            CheckStreamLimits();
            return !_stopped;
        }

        private void CheckStreamLimits()
        {
            long total = Statistics.UncompressedBytes;
            if (total > _limits.MaxTotalSize)
            {
                Stop(RuleCatalog.LimitTotalSize, FindingCollector.ArchiveLevel,
                    $"The archive inflates to more than {_limits.MaxTotalSize} bytes (the MaxTotalSize limit); reading stopped after {total} bytes.",
                    "total size limit exceeded");
                return;
            }
            if (_gzip && total >= _limits.CompressionRatioFloor)
            {
                long compressed = Math.Max(1, Statistics.CompressedBytesRead);
                double ratio = (double)total / compressed;
                if (ratio > _limits.MaxCompressionRatio)
                {
                    Stop(RuleCatalog.LimitCompressionRatio, FindingCollector.ArchiveLevel,
                        string.Format(CultureInfo.InvariantCulture,
                            "{0} compressed bytes inflated to {1} bytes, a ratio of {2:0.#} (limit {3}): this archive is a decompression bomb or not source code.",
                            compressed, total, ratio, _limits.MaxCompressionRatio),
                        "compression ratio limit exceeded");
                }
            }
        }

        /// <summary>Reads up to <paramref name="count"/> bytes of the tar stream; fewer only at the end or on a stop.</summary>
        private int ReadExact(byte[] destination, int offset, int count)
        {
            int got = 0;
            while (got < count)
            {
                if (!Fill()) break;
                int n = Math.Min(count - got, _len - _pos);
                Buffer.BlockCopy(_buf, _pos, destination, offset + got, n);
                _pos += n;
                got += n;
            }
            _offset += got;
            return got;
        }

        /// <summary>Skips bytes of the tar stream through the buffer; returns how many were skipped.</summary>
        private long Skip(long count)
        {
            long skipped = 0;
            while (skipped < count)
            {
                if (!Fill()) break;
                int n = (int)Math.Min(count - skipped, _len - _pos);
                _pos += n;
                skipped += n;
            }
            _offset += skipped;
            return skipped;
        }

        // ------------------------------------------------------------------ members

        public bool MoveNext()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(TarArchiveReader));
            if (_done) return false;
            _ct.ThrowIfCancellationRequested();
            if (_current != null)
            {
                var member = _current;
                _dataVersion++;
                _current = null;
                long owed = _remaining + _padding;
                if (owed > 0)
                {
                    long skipped = Skip(owed);
                    if (skipped < owed)
                    {
                        if (!_stopped)
                        {
                            long payloadRead = member.Size - _remaining + Math.Min(skipped, _remaining);
                            ReportTruncatedMember(member, payloadRead);
                        }
                        _done = true;
                        return false;
                    }
                }
                _remaining = 0;
                _padding = 0;
            }
            bool found = ReadNextMember();
            if (!found) _done = true;
            return found;
        }

        public Stream OpenData()
        {
            if (_current == null) throw new InvalidOperationException("No current member: call MoveNext first.");
            return new TarMemberStream(this, _dataVersion, _current.Size);
        }

        internal int ReadData(int version, byte[] buffer, int offset, int count)
        {
            if (version != _dataVersion || _current == null) throw new InvalidOperationException("The member's data stream is no longer valid: the reader has moved on.");
            if (count <= 0 || _remaining <= 0) return 0;
            if (!Fill())
            {
                if (!_stopped) ReportTruncatedMember(_current, _current.Size - _remaining);
                _done = true;
                return 0;
            }
            int n = (int)Math.Min(Math.Min(count, _remaining), _len - _pos);
            Buffer.BlockCopy(_buf, _pos, buffer, offset, n);
            _pos += n;
            _offset += n;
            _remaining -= n;
            return n;
        }

#if NET8_0_OR_GREATER
        internal int ReadData(int version, Span<byte> destination)
        {
            if (version != _dataVersion || _current == null) throw new InvalidOperationException("The member's data stream is no longer valid: the reader has moved on.");
            if (destination.Length == 0 || _remaining <= 0) return 0;
            if (!Fill())
            {
                if (!_stopped) ReportTruncatedMember(_current, _current.Size - _remaining);
                _done = true;
                return 0;
            }
            int n = (int)Math.Min(Math.Min(destination.Length, _remaining), _len - _pos);
            new ReadOnlySpan<byte>(_buf, _pos, n).CopyTo(destination);
            _pos += n;
            _offset += n;
            _remaining -= n;
            return n;
        }
#endif

        private void ResetExtensionState()
        {
            _paxSeen = false;
            _paxPath = null;
            _paxPathInvalid = false;
            _paxLinkPath = null;
            _paxLinkInvalid = false;
            _paxSize = null;
            _paxFatal = false;
            _paxMtime = null;
            _paxUid = null;
            _paxGid = null;
            _paxUname = null;
            _paxGname = null;
            _paxSparse = false;
            _gnuLongName = null;
            _gnuLongNameInvalid = false;
            _gnuLongLink = null;
            _gnuLongLinkInvalid = false;
            _pending.Clear();
        }

        private bool HasPendingExtension => _paxSeen || _gnuLongName != null || _gnuLongLink != null;

        private bool ReadNextMember()
        {
            ResetExtensionState();
            long memberStart = _offset;
            while (true)
            {
                long blockOffset = _offset;
                int got = ReadExact(_header, 0, 512);
                if (_stopped) return false;
                if (got == 0)
                {
                    ReportOrphan(blockOffset);
                    _findings.ReportArchive(RuleCatalog.TarMissingEndMarker,
                        $"The tar stream ends at byte {blockOffset} without the end-of-archive marker (two zero blocks); the archive may be cut short, and readers disagree on whether it is complete.");
                    FinishAtEnd("the archive ends without an end-of-archive marker", completed: false);
                    return false;
                }
                if (got < 512)
                {
                    ReportOrphan(blockOffset);
                    Stop(RuleCatalog.TarTruncated, FindingCollector.ArchiveLevel,
                        $"The archive ends inside a tar header at byte {blockOffset} (only {got} of 512 bytes): it is cut short.",
                        "the archive is truncated");
                    return false;
                }
                if (TarFields.IsZeroBlock(_header, 0, 512))
                {
                    ReportOrphan(blockOffset);
                    ReadEndOfArchive(blockOffset);
                    return false;
                }
                if (!TarFields.ChecksumMatches(_header, out long stored, out long computed))
                {
                    ReportOrphan(-1);
                    Stop(RuleCatalog.TarHeaderChecksum, FindingCollector.ArchiveLevel,
                        stored < 0
                            ? $"The tar header at byte {blockOffset} has no readable checksum; it cannot be framed, so nothing after it can be trusted and reading stopped."
                            : $"The tar header at byte {blockOffset} has checksum {stored} but its bytes sum to {computed}; it is corrupt or forged, nothing after it can be framed reliably, and reading stopped.",
                        "header checksum mismatch");
                    return false;
                }
                char type = (char)_header[156];
                if (!TarFields.TryParseNumber(_header, 124, 12, out long headerSize, out bool sizeBase256) || headerSize < 0)
                {
                    Stop(RuleCatalog.TarInvalidHeaderField, FindingCollector.ArchiveLevel,
                        $"The tar header at byte {blockOffset} (name '{TarFields.Show(TarFields.DecodeField(_header, 0, 100, out _))}') has a size field that is not a number; readers guess different sizes, so reading stopped.",
                        "unreadable size field");
                    return false;
                }
                switch (type)
                {
                    case 'x':
                    case 'X': // Solaris' extended header: the same records as pax 'x' (CPython's tarfile and libarchive read it as pax)
                    case 'g':
                        {
                            bool global = type == 'g';
                            if (headerSize > MaxPaxHeaderSize)
                            {
                                Stop(RuleCatalog.LimitExtensionHeaderSize, FindingCollector.ArchiveLevel,
                                    $"The pax {(global ? "global" : "extended")} header at byte {blockOffset} is {headerSize} bytes long (limit {MaxPaxHeaderSize}); reading stopped.",
                                    "oversized pax header");
                                return false;
                            }
                            if (!global && _paxSeen)
                            {
                                _pending.Add(new KeyValuePair<PySdistRule, string>(RuleCatalog.TarRepeatedExtension,
                                    $"Two pax extended headers precede one member (the second at byte {blockOffset}); readers merge or drop them differently, so two tar readers can extract different files from this archive."));
                            }
                            if (!ReadExtensionPayload((int)headerSize, blockOffset)) return false;
                            if (global) ParsePaxGlobal((int)headerSize, blockOffset);
                            else
                            {
                                _paxSeen = true;
                                ParsePaxLocal((int)headerSize, blockOffset);
                                if (_paxFatal)
                                {
                                    FlushPending(FindingCollector.ArchiveLevel);
                                    StopOnly("malformed pax size record");
                                    return false;
                                }
                            }
                            continue;
                        }
                    case 'L':
                    case 'K':
                        {
                            if (headerSize > MaxGnuLongNameSize)
                            {
                                Stop(RuleCatalog.LimitExtensionHeaderSize, FindingCollector.ArchiveLevel,
                                    $"The GNU long {(type == 'L' ? "name" : "link")} entry at byte {blockOffset} is {headerSize} bytes long (limit {MaxGnuLongNameSize}); reading stopped.",
                                    "oversized GNU long name");
                                return false;
                            }
                            if (!ReadExtensionPayload((int)headerSize, blockOffset)) return false;
                            int n = TarFields.FieldLength(_ext, 0, (int)headerSize);
                            string value = TarFields.DecodeUtf8(_ext, 0, n, out bool invalid);
                            if (type == 'L')
                            {
                                if (_gnuLongName != null) AddRepeated("GNU long name ('L')", blockOffset);
                                _gnuLongName = value;
                                _gnuLongNameInvalid = invalid;
                            }
                            else
                            {
                                if (_gnuLongLink != null) AddRepeated("GNU long link ('K')", blockOffset);
                                _gnuLongLink = value;
                                _gnuLongLinkInvalid = invalid;
                            }
                            continue;
                        }
                }
                return BuildMember(type, headerSize, sizeBase256, memberStart);
            }
        }

        private void AddRepeated(string what, long blockOffset) =>
            _pending.Add(new KeyValuePair<PySdistRule, string>(RuleCatalog.TarRepeatedExtension,
                $"Two {what} entries precede one member (the second at byte {blockOffset}); readers keep the first or the last, so two tar readers can extract different files from this archive."));

        /// <summary>Reads an extension header's payload (and its padding) into <see cref="_ext"/>.</summary>
        private bool ReadExtensionPayload(int size, long blockOffset)
        {
            if (_ext.Length < size)
            {
                int capacity = _ext.Length;
                while (capacity < size) capacity *= 2;
                _ext = new byte[capacity];
            }
            int got = ReadExact(_ext, 0, size);
            if (_stopped) return false;
            int pad = (512 - size % 512) % 512;
            long padGot = got == size ? Skip(pad) : 0;
            if (_stopped) return false;
            if (got < size || padGot < pad)
            {
                FlushPending(FindingCollector.ArchiveLevel);
                Stop(RuleCatalog.TarTruncated, FindingCollector.ArchiveLevel,
                    $"The archive ends inside the extension header at byte {blockOffset} ({size} bytes declared): it is cut short.",
                    "the archive is truncated");
                return false;
            }
            return true;
        }

        private void ReportOrphan(long offset)
        {
            if (HasPendingExtension)
            {
                FlushPending(FindingCollector.ArchiveLevel);
                if (offset >= 0)
                {
                    _findings.ReportArchive(RuleCatalog.TarOrphanedExtension,
                        $"An extension header ({DescribePending()}) is not followed by a member: the archive ends at byte {offset} after it. Some readers extract it as a file of its own, so two tar readers can extract different files from this archive.");
                }
            }
            else
            {
                FlushPending(FindingCollector.ArchiveLevel);
            }
        }

        private string DescribePending()
        {
            var parts = new List<string>(3);
            if (_paxSeen) parts.Add(_paxPath != null ? "pax header for '" + TarFields.Show(_paxPath) + "'" : "pax header");
            if (_gnuLongName != null) parts.Add("GNU long name '" + TarFields.Show(_gnuLongName) + "'");
            if (_gnuLongLink != null) parts.Add("GNU long link '" + TarFields.Show(_gnuLongLink) + "'");
            return string.Join(", ", parts);
        }

        private void FlushPending(int memberIndex)
        {
            for (int i = 0; i < _pending.Count; i++) _findings.Report(_pending[i].Key, memberIndex, _pending[i].Value);
            _pending.Clear();
        }

        private bool BuildMember(char type, long headerSize, bool sizeBase256, long memberStart)
        {
            var h = _header;
            bool isGnu = h[257] == (byte)'u' && h[258] == (byte)'s' && h[259] == (byte)'t' && h[260] == (byte)'a' && h[261] == (byte)'r' && h[262] == (byte)' ';
            bool isUstar = !isGnu && h[257] == (byte)'u' && h[258] == (byte)'s' && h[259] == (byte)'t' && h[260] == (byte)'a' && h[261] == (byte)'r' && h[262] == 0;

            // Names as the header stores them.
            string headerName = TarFields.DecodeField(h, 0, 100, out bool headerNameInvalid);
            if (isUstar && h[345] != 0)
            {
                string prefix = TarFields.DecodeField(h, 345, 155, out bool prefixInvalid);
                headerName = prefix + "/" + headerName;
                headerNameInvalid |= prefixInvalid;
            }
            string headerLink = TarFields.DecodeField(h, 157, 100, out bool headerLinkInvalid);
            // GNU headers keep atime/ctime where ustar keeps the name prefix. GNU tar and bsdtar read those bytes as GNU
            // fields; Go's archive/tar and CPython's tarfile join them to the name as a prefix (CPython for every non-GNU
            // type). Filled, they make the readers extract the member under different paths.
            string? gnuPrefixConflict = null;
            if (isGnu && h[345] != 0 && type != 'S')
            {
                gnuPrefixConflict = TarFields.DecodeField(h, 345, 155, out _);
            }

            if (_nextIndex >= _limits.MaxMembers)
            {
                FlushPending(FindingCollector.ArchiveLevel);
                Stop(RuleCatalog.LimitMemberCount, FindingCollector.ArchiveLevel,
                    $"The archive holds more than {_limits.MaxMembers} members (the MaxMembers limit); reading stopped at member '{TarFields.Show(_paxPath ?? _gnuLongName ?? headerName)}'.",
                    "member count limit exceeded");
                return false;
            }

            int index = _nextIndex;

            // Effective path and link: pax over GNU long name over ustar name/prefix.
            string path;
            bool pathInvalid;
            if (_paxPath != null) { path = _paxPath; pathInvalid = _paxPathInvalid; }
            else if (_gnuLongName != null) { path = _gnuLongName; pathInvalid = _gnuLongNameInvalid; }
            else { path = headerName; pathInvalid = headerNameInvalid; }

            string link;
            bool linkInvalid;
            if (_paxLinkPath != null) { link = _paxLinkPath; linkInvalid = _paxLinkInvalid; }
            else if (_gnuLongLink != null) { link = _gnuLongLink; linkInvalid = _gnuLongLinkInvalid; }
            else { link = headerLink; linkInvalid = headerLinkInvalid; }

            PySdistEntryType entryType;
            switch (type)
            {
                case '0':
                case '7':
                    entryType = PySdistEntryType.File;
                    break;
                case '\0':
                    // Old tars mark directories as '\0' with a trailing slash; every reader treats them as directories.
                    entryType = path.EndsWith("/", StringComparison.Ordinal) ? PySdistEntryType.Directory : PySdistEntryType.File;
                    break;
                case '1': entryType = PySdistEntryType.HardLink; break;
                case '2': entryType = PySdistEntryType.SymbolicLink; break;
                case '3': entryType = PySdistEntryType.CharacterDevice; break;
                case '4': entryType = PySdistEntryType.BlockDevice; break;
                case '5': entryType = PySdistEntryType.Directory; break;
                case '6': entryType = PySdistEntryType.Fifo; break;
                case 'S': entryType = PySdistEntryType.SparseFile; break;
                default: entryType = PySdistEntryType.Unknown; break;
            }
            if (_paxSparse) entryType = PySdistEntryType.SparseFile;

            // Exactly one size source: the pax record when present, else the header field.
            long size = headerSize;
            if (_paxSize.HasValue)
            {
                long paxSize = _paxSize.Value;
                if (paxSize != headerSize && !(headerSize == 0 && paxSize > TarFields.MaxOctalSize))
                {
                    _findings.Report(RuleCatalog.TarPaxSizeMismatch, index,
                        $"Member '{TarFields.Show(path)}': the pax header says size {paxSize} but the tar header says {headerSize}. Readers that ignore pax frame the archive differently and read payload bytes as headers, so two tar readers can extract different files from this archive (TARmageddon).");
                }
                size = paxSize;
            }

            if (size > _limits.MaxMemberSize)
            {
                FlushPending(FindingCollector.ArchiveLevel);
                Stop(RuleCatalog.LimitMemberSize, FindingCollector.ArchiveLevel,
                    $"Member '{TarFields.Show(path)}' declares {size} bytes, more than the MaxMemberSize limit of {_limits.MaxMemberSize}; reading stopped.",
                    "member size limit exceeded");
                return false;
            }

            // GNU old-style sparse members carry extension blocks of sparse maps before their data.
            if (type == 'S' && h[482] != 0)
            {
                var block = new byte[512];
                while (true)
                {
                    long at = _offset;
                    int got = ReadExact(block, 0, 512);
                    if (_stopped) return false;
                    if (got < 512)
                    {
                        FlushPending(FindingCollector.ArchiveLevel);
                        Stop(RuleCatalog.TarTruncated, FindingCollector.ArchiveLevel,
                            $"The archive ends inside the sparse map of member '{TarFields.Show(path)}' at byte {at}: it is cut short.", "the archive is truncated");
                        return false;
                    }
                    if (block[504] == 0) break;
                }
            }

            long dataStart = _offset;
            if (dataStart + size > _limits.MaxTotalSize)
            {
                FlushPending(FindingCollector.ArchiveLevel);
                Stop(RuleCatalog.LimitTotalSize, FindingCollector.ArchiveLevel,
                    $"Member '{TarFields.Show(path)}' ({size} bytes) would take the archive past the MaxTotalSize limit of {_limits.MaxTotalSize} bytes; reading stopped.",
                    "total size limit exceeded");
                return false;
            }

            var member = new ArchiveMember
            {
                Index = index,
                Path = path,
                Type = entryType,
                TypeFlag = type,
                Size = size,
                HeaderOffset = memberStart,
                HeaderFormat = _paxSeen ? MemberHeaderFormat.Pax : isGnu ? MemberHeaderFormat.Gnu : isUstar ? MemberHeaderFormat.Ustar : MemberHeaderFormat.V7,
            };
            _nextIndex++;
            FlushPending(index);
            if (gnuPrefixConflict != null && _paxPath == null && _gnuLongName == null)
            {
                _findings.Report(RuleCatalog.TarGnuPrefixConflict, index,
                    $"Member '{TarFields.Show(headerName)}' has a GNU header (magic 'ustar  ') whose bytes 345-499, the ustar name prefix, hold '{TarFields.Show(gnuPrefixConflict)}'. GNU tar and bsdtar extract '{TarFields.Show(headerName)}', Go's archive/tar and CPython's tarfile extract '{TarFields.Show(gnuPrefixConflict + "/" + headerName)}', so two tar readers extract different files from this archive.");
            }

            if (entryType == PySdistEntryType.SymbolicLink || entryType == PySdistEntryType.HardLink) member.LinkTarget = link;

            // Numbers.
            string? base256Fields = sizeBase256 && !_paxSize.HasValue ? "size" : null;
            if (TarFields.TryParseNumber(h, 100, 8, out long mode, out bool modeB256)) member.Mode = (int)(mode & 0xFFF);
            else ReportInvalidField(index, path, "mode");
            if (modeB256) base256Fields = Append(base256Fields, "mode");
            if (_paxUid.HasValue) member.Uid = _paxUid;
            else if (TarFields.TryParseNumber(h, 108, 8, out long uid, out bool uidB256)) { member.Uid = uid; if (uidB256) base256Fields = Append(base256Fields, "uid"); }
            else ReportInvalidField(index, path, "uid");
            if (_paxGid.HasValue) member.Gid = _paxGid;
            else if (TarFields.TryParseNumber(h, 116, 8, out long gid, out bool gidB256)) { member.Gid = gid; if (gidB256) base256Fields = Append(base256Fields, "gid"); }
            else ReportInvalidField(index, path, "gid");
            if (_paxMtime.HasValue) member.ModifiedTime = TarFields.FromUnixSeconds(_paxMtime.Value);
            else if (TarFields.TryParseNumber(h, 136, 12, out long mtime, out bool mtimeB256)) { member.ModifiedTime = TarFields.FromUnixSeconds(mtime); if (mtimeB256) base256Fields = Append(base256Fields, "mtime"); }
            else ReportInvalidField(index, path, "mtime");
            if (base256Fields != null)
            {
                _findings.Report(RuleCatalog.TarBase256Field, index,
                    $"Member '{TarFields.Show(path)}' stores its {base256Fields} in GNU base-256 encoding; older readers misread such fields.");
            }

            if (isUstar || isGnu)
            {
                string uname = TarFields.DecodeField(h, 265, 32, out _);
                string gname = TarFields.DecodeField(h, 297, 32, out _);
                member.UserName = _paxUname ?? (uname.Length > 0 ? uname : null);
                member.GroupName = _paxGname ?? (gname.Length > 0 ? gname : null);
            }
            else
            {
                member.UserName = _paxUname;
                member.GroupName = _paxGname;
            }

            // Disagreements between name sources.
            if (_paxPath != null && _gnuLongName != null)
            {
                _findings.Report(RuleCatalog.TarPaxGnuNameConflict, index,
                    $"Member '{TarFields.Show(path)}' has both a pax path '{TarFields.Show(_paxPath)}' and a GNU long name '{TarFields.Show(_gnuLongName)}'; readers pick different ones, so two tar readers can extract different files from this archive.");
            }
            if (_paxLinkPath != null && _gnuLongLink != null)
            {
                _findings.Report(RuleCatalog.TarPaxGnuNameConflict, index,
                    $"Member '{TarFields.Show(path)}' has both a pax linkpath '{TarFields.Show(_paxLinkPath)}' and a GNU long link '{TarFields.Show(_gnuLongLink)}'; readers pick different ones, so two tar readers can extract different files from this archive.");
            }
            if (_paxPath != null && _gnuLongName == null)
            {
                string? why = PaxNamePolicy.Conflict(_paxPath, headerName, isLink: false);
                if (why != null)
                {
                    _findings.Report(RuleCatalog.TarPaxPathConflict, index,
                        $"Member '{TarFields.Show(_paxPath)}': the pax path says '{TarFields.Show(_paxPath)}' but the tar header name says '{TarFields.Show(headerName)}' ({why}). A reader that ignores pax extracts the header name, so two tar readers can extract different files from this archive.");
                }
            }
            if (_paxLinkPath != null && _gnuLongLink == null && member.LinkTarget != null)
            {
                string? why = PaxNamePolicy.Conflict(_paxLinkPath, headerLink, isLink: true);
                if (why != null)
                {
                    _findings.Report(RuleCatalog.TarPaxPathConflict, index,
                        $"Member '{TarFields.Show(path)}': the pax linkpath says '{TarFields.Show(_paxLinkPath)}' but the tar header link name says '{TarFields.Show(headerLink)}' ({why}). A reader that ignores pax links somewhere else, so two tar readers can extract different files from this archive.");
                }
            }

            if (pathInvalid)
            {
                _findings.Report(RuleCatalog.TarNameNotUtf8, index,
                    $"Member path '{TarFields.Show(path)}' is not valid UTF-8 (invalid bytes shown as U+FFFD); tools decode it differently, so the extracted name depends on the tool.");
            }
            if (member.LinkTarget != null && linkInvalid)
            {
                _findings.Report(RuleCatalog.TarNameNotUtf8, index,
                    $"The link target '{TarFields.Show(link)}' of member '{TarFields.Show(path)}' is not valid UTF-8; tools decode it differently.");
            }

            // Types.
            if (entryType == PySdistEntryType.SparseFile)
            {
                _findings.Report(RuleCatalog.TarSparseMember, index,
                    $"Member '{TarFields.Show(path)}' is a GNU sparse file ({(type == 'S' ? "typeflag 'S'" : "pax GNU.sparse records")}); readers that do not reconstruct sparse files extract different content, and PyPI rejects sparse members.");
            }
            else if (entryType == PySdistEntryType.Unknown)
            {
                _findings.Report(RuleCatalog.TarUnknownTypeFlag, index,
                    $"Member '{TarFields.Show(path)}' has the unknown typeflag {DescribeTypeFlag(type)}; readers treat it as a regular file, skip it, or fail.");
            }
            else if (size != 0 && entryType != PySdistEntryType.File)
            {
                _findings.Report(RuleCatalog.TarPayloadOnNonFile, index,
                    $"Member '{TarFields.Show(path)}' is a {entryType} but declares {size} bytes of data. Python's tarfile reads that data as the next header while GNU tar skips it, so two tar readers can extract different files from this archive.");
            }

            // Limits that do not stop reading.
            CheckPathLimits(index, path, "path");
            if (member.LinkTarget != null && member.LinkTarget.Length > _limits.MaxPathLength)
            {
                _findings.Report(RuleCatalog.LimitPathLength, index,
                    $"The link target of member '{TarFields.Show(path)}' is {member.LinkTarget.Length} characters long (limit {_limits.MaxPathLength}).");
            }

            _current = member;
            _remaining = size;
            _padding = (int)((512 - size % 512) % 512);
            Statistics.MemberCount++;
            Statistics.PayloadBytes += size;
            return true;
        }

        private void CheckPathLimits(int index, string path, string what)
        {
            if (path.Length > _limits.MaxPathLength)
            {
                _findings.Report(RuleCatalog.LimitPathLength, index,
                    $"Member {what} '{TarFields.Show(path)}' is {path.Length} characters long (limit {_limits.MaxPathLength}).");
            }
            int depth = TarFields.Depth(path);
            if (depth > _limits.MaxPathDepth)
            {
                _findings.Report(RuleCatalog.LimitPathDepth, index,
                    $"Member {what} '{TarFields.Show(path)}' is {depth} components deep (limit {_limits.MaxPathDepth}).");
            }
        }

        private void ReportInvalidField(int index, string path, string field) =>
            _findings.Report(RuleCatalog.TarInvalidHeaderField, index,
                $"Member '{TarFields.Show(path)}' has a {field} field that is neither octal nor base-256; readers interpret it differently.");

        private static string Append(string? list, string item) => list == null ? item : list + ", " + item;

        private static string DescribeTypeFlag(char type)
        {
            string name = type == 'M' ? " (GNU multi-volume continuation)" : type == 'V' ? " (GNU volume label)" : type == 'D' ? " (GNU dump directory)" : type == 'N' ? " (GNU old long name)" : string.Empty;
            return type >= ' ' && type < 0x7F ? "'" + type + "'" + name : "0x" + ((int)type).ToString("X2", CultureInfo.InvariantCulture);
        }

        // ------------------------------------------------------------------ pax

        private void AddMalformed(string what, long blockOffset, bool global)
        {
            string message = $"The pax {(global ? "global" : "extended")} header at byte {blockOffset} is malformed: {what}. Readers skip, repair or reject such records differently, so two tar readers can extract different files from this archive.";
            if (global) _findings.ReportArchive(RuleCatalog.TarPaxMalformed, message);
            else _pending.Add(new KeyValuePair<PySdistRule, string>(RuleCatalog.TarPaxMalformed, message));
        }

        /// <summary>
        /// Walks the records "&lt;len&gt; &lt;key&gt;=&lt;value&gt;\n" of the payload in <see cref="_ext"/>, calling back for each.
        /// A malformed length ends the walk (nothing after it can be delimited); trailing NUL padding is tolerated.
        /// </summary>
        private void WalkPax(int size, long blockOffset, bool global)
        {
            _paxKeys.Clear();
            var b = _ext;
            int pos = 0;
            while (pos < size)
            {
                if (b[pos] == 0 && TarFields.IsZeroBlock(b, pos, size - pos)) break;
                int p = pos;
                long len = 0;
                int digits = 0;
                while (p < size && b[p] >= (byte)'0' && b[p] <= (byte)'9' && digits < 10)
                {
                    len = len * 10 + (b[p] - (byte)'0');
                    p++;
                    digits++;
                }
                if (digits == 0 || p >= size || b[p] != (byte)' ')
                {
                    AddMalformed($"the record at offset {pos} does not start with a decimal length and a space", blockOffset, global);
                    if (!global) _paxFatal = true;
                    return;
                }
                if (len < digits + 2 || pos + len > size)
                {
                    AddMalformed($"the record at offset {pos} declares length {len}, which does not fit the {size}-byte header", blockOffset, global);
                    if (!global) _paxFatal = true;
                    return;
                }
                int end = pos + (int)len;
                if (b[end - 1] != (byte)'\n')
                {
                    AddMalformed($"the record at offset {pos} does not end in a newline (its length is wrong)", blockOffset, global);
                    if (!global) _paxFatal = true;
                    return;
                }
                int keyStart = p + 1;
                int eq = -1;
                for (int i = keyStart; i < end - 1; i++)
                {
                    if (b[i] == (byte)'=') { eq = i; break; }
                }
                if (eq < 0)
                {
                    AddMalformed($"the record at offset {pos} has no '='", blockOffset, global);
                    pos = end;
                    continue;
                }
                if (eq == keyStart || Array.IndexOf(b, (byte)0, keyStart, eq - keyStart) >= 0)
                {
                    // Go's archive/tar, bsdtar and GNU tar refuse a keyword that is empty or holds NUL; others cut it at NUL.
                    AddMalformed($"the keyword of the record at offset {pos} is {(eq == keyStart ? "empty" : "cut by a NUL byte ('" + TarFields.Show(TarFields.DecodeUtf8(b, keyStart, eq - keyStart, out _)) + "')")}", blockOffset, global);
                    pos = end;
                    continue;
                }
                string key = TarFields.DecodeUtf8(b, keyStart, eq - keyStart, out _);
                int valueStart = eq + 1;
                int valueLength = end - 1 - valueStart;
                bool duplicate = !_paxKeys.Add(key);
                if (global) ApplyGlobal(key, valueStart, valueLength, blockOffset, duplicate);
                else ApplyLocal(key, valueStart, valueLength, blockOffset, duplicate);
                pos = end;
            }
        }

        private void ParsePaxLocal(int size, long blockOffset) => WalkPax(size, blockOffset, global: false);

        private void ParsePaxGlobal(int size, long blockOffset) => WalkPax(size, blockOffset, global: true);

        private void ApplyGlobal(string key, int valueStart, int valueLength, long blockOffset, bool duplicate)
        {
            if (duplicate)
            {
                _findings.ReportArchive(RuleCatalog.TarPaxDuplicateKey,
                    $"The pax global header at byte {blockOffset} sets '{key}' more than once; readers keep the first or the last value.");
            }
            if (key == "path" || key == "linkpath" || key == "size")
            {
                string value = TarFields.DecodeUtf8(_ext, valueStart, valueLength, out _);
                _findings.ReportArchive(RuleCatalog.TarPaxGlobalOverride,
                    $"The pax global header at byte {blockOffset} sets '{key}' to '{TarFields.Show(value)}'. Some readers apply it to every later member and others ignore it (PyPackaging ignores it), so two tar readers can extract different files from this archive.");
            }
            else if (key == "hdrcharset" && IsValue(valueStart, valueLength, "BINARY"))
            {
                AddMalformed("'hdrcharset=BINARY' declares names that are not UTF-8", blockOffset, global: true);
            }
        }

        private bool IsValue(int start, int length, string expected)
        {
            if (length != expected.Length) return false;
            for (int i = 0; i < length; i++)
            {
                if (_ext[start + i] != (byte)expected[i]) return false;
            }
            return true;
        }

        private void ApplyLocal(string key, int valueStart, int valueLength, long blockOffset, bool duplicate)
        {
            string? previous = null;
            switch (key)
            {
                case "path":
                    {
                        previous = _paxPath;
                        if (valueLength == 0) { AddMalformed("'path' is empty", blockOffset, false); break; }
                        _paxPath = TarFields.DecodeUtf8(_ext, valueStart, valueLength, out bool invalid);
                        _paxPathInvalid = invalid;
                        if (invalid) AddMalformed($"'path' is not UTF-8 ('{TarFields.Show(_paxPath)}')", blockOffset, false);
                        break;
                    }
                case "linkpath":
                    {
                        previous = _paxLinkPath;
                        if (valueLength == 0) { AddMalformed("'linkpath' is empty", blockOffset, false); break; }
                        _paxLinkPath = TarFields.DecodeUtf8(_ext, valueStart, valueLength, out bool invalid);
                        _paxLinkInvalid = invalid;
                        if (invalid) AddMalformed($"'linkpath' is not UTF-8 ('{TarFields.Show(_paxLinkPath)}')", blockOffset, false);
                        break;
                    }
                case "size":
                    {
                        previous = _paxSize?.ToString(CultureInfo.InvariantCulture);
                        if (TryParseDecimal(valueStart, valueLength, allowFraction: false, out long v)) _paxSize = v;
                        else
                        {
                            AddMalformed($"'size' is '{TarFields.Show(TarFields.DecodeUtf8(_ext, valueStart, valueLength, out _))}', not a decimal number; readers use 0, the header size or fail, so the archive cannot be framed and reading stopped", blockOffset, false);
                            _paxFatal = true;
                        }
                        break;
                    }
                case "mtime":
                    if (TryParseDecimal(valueStart, valueLength, allowFraction: true, out long m)) _paxMtime = m;
                    else AddMalformed("'mtime' is not a number", blockOffset, false);
                    break;
                case "uid":
                    if (TryParseDecimal(valueStart, valueLength, allowFraction: false, out long u)) _paxUid = u;
                    else AddMalformed("'uid' is not a number", blockOffset, false);
                    break;
                case "gid":
                    if (TryParseDecimal(valueStart, valueLength, allowFraction: false, out long g)) _paxGid = g;
                    else AddMalformed("'gid' is not a number", blockOffset, false);
                    break;
                case "uname":
                    _paxUname = TarFields.DecodeUtf8(_ext, valueStart, valueLength, out _);
                    break;
                case "gname":
                    _paxGname = TarFields.DecodeUtf8(_ext, valueStart, valueLength, out _);
                    break;
                case "hdrcharset":
                    if (IsValue(valueStart, valueLength, "BINARY")) AddMalformed("'hdrcharset=BINARY' declares names that are not UTF-8", blockOffset, false);
                    break;
                default:
                    if (key.StartsWith("GNU.sparse.", StringComparison.Ordinal)) _paxSparse = true;
                    break;
            }
            if (duplicate)
            {
                string detail = previous != null
                    ? $"'{key}' appears twice ('{TarFields.Show(previous)}', then '{TarFields.Show(TarFields.DecodeUtf8(_ext, valueStart, valueLength, out _))}')"
                    : $"'{key}' appears more than once";
                _pending.Add(new KeyValuePair<PySdistRule, string>(RuleCatalog.TarPaxDuplicateKey,
                    $"In the pax header at byte {blockOffset}, {detail}; readers keep the first or the last value, so two tar readers can extract different files from this archive."));
            }
        }

        /// <summary>Parses an unsigned decimal (optionally with a leading '-' and a fraction when <paramref name="allowFraction"/>), keeping the integer part.</summary>
        private bool TryParseDecimal(int start, int length, bool allowFraction, out long value)
        {
            value = 0;
            int i = start, end = start + length;
            bool negative = false;
            if (allowFraction && i < end && _ext[i] == (byte)'-') { negative = true; i++; }
            // Decimal of any length: leading zeros do not count (`size=000000000000000000000999` is 999 in every
            // other reader); only the value must fit.
            int digits = 0, significant = 0;
            while (i < end && _ext[i] >= (byte)'0' && _ext[i] <= (byte)'9')
            {
                if (significant > 0 || _ext[i] != (byte)'0') significant++;
                if (significant > 18) return false;
                value = value * 10 + (_ext[i] - (byte)'0');
                i++;
                digits++;
            }
            if (digits == 0) return false;
            if (i < end)
            {
                if (!allowFraction || _ext[i] != (byte)'.') return false;
                i++;
                while (i < end)
                {
                    if (_ext[i] < (byte)'0' || _ext[i] > (byte)'9') return false;
                    i++;
                }
            }
            if (negative) value = -value;
            return true;
        }

        // ------------------------------------------------------------------ end of archive

        private void ReadEndOfArchive(long firstZeroOffset)
        {
            _endMarkerSeen = true;
            bool markerComplete = true;
            bool reportedTrailing = false;
            long at = _offset;
            int got = ReadExact(_header, 0, 512);
            if (_stopped) return;
            if (got < 512 && TarFields.IsZeroBlock(_header, 0, got))
            {
                markerComplete = false;
                _findings.ReportArchive(RuleCatalog.TarMissingEndMarker,
                    $"The tar stream ends with a single zero block at byte {firstZeroOffset} instead of the two-block end-of-archive marker; the archive may be cut short.");
            }
            else if (!TarFields.IsZeroBlock(_header, 0, got))
            {
                reportedTrailing = true;
                _findings.ReportArchive(RuleCatalog.TarDataAfterEndMarker,
                    $"A single zero block at byte {firstZeroOffset} is followed by non-zero data at byte {at}. Readers that stop at the first zero block see the archive end there, readers that skip zero blocks read more members, so two tar readers can extract different files from this archive.");
            }
            // Whatever follows the marker must be zero padding (tar pads to 10240-byte records, some tools pad more).
            while (Fill())
            {
                if (!reportedTrailing && !TarFields.IsZeroBlock(_buf, _pos, _len - _pos))
                {
                    int firstNonZero = _pos;
                    while (_buf[firstNonZero] == 0) firstNonZero++;
                    reportedTrailing = true;
                    _findings.ReportArchive(RuleCatalog.TarDataAfterEndMarker,
                        $"Non-zero data follows the end-of-archive marker (at byte {_offset + (firstNonZero - _pos)} of the tar stream). Readers that stop at the marker ignore it, others read it as more members, so two tar readers can extract different files from this archive.");
                }
                _offset += _len - _pos;
                _pos = _len;
            }
            if (_stopped) return;
            FinishAtEnd(markerComplete ? null : "the end-of-archive marker is incomplete", completed: markerComplete);
        }

        /// <summary>The tar stream is exhausted: check the gzip trailer and record the outcome.</summary>
        private void FinishAtEnd(string? reason, bool completed)
        {
            // Drain the tar stream so that gzip reaches its trailer (a missing end marker leaves nothing to drain).
            while (Fill())
            {
                _offset += _len - _pos;
                _pos = _len;
            }
            if (_stopped) return;
            if (_gzip && !_inflateFailed && !CheckGzipEnd())
            {
                completed = false;
                reason = reason ?? "the gzip stream does not end cleanly";
            }
            _done = true;
            _completed = completed && !_stopped;
            if (!_completed && _stopReason == null) _stopReason = reason ?? "the archive is damaged";
        }

        private void OnInflateFailure()
        {
            // zlib also fails when a member's CRC-32/ISIZE trailer is wrong, and .NET may drop the output of that last call.
            // On a seekable file, inflate the first member again as raw deflate: if that succeeds, the data is intact and the
            // problem is the trailer or what follows it.
            if (_file.CanSeek && TryInflateFirstMember(out uint crc, out uint isize))
            {
                ClassifyGzipEnd(crc, isize, inflateFailed: true);
                StopOnly("the gzip stream does not end cleanly");
                return;
            }
            if (_endMarkerSeen && !_file.CanSeek)
            {
                _findings.ReportArchive(RuleCatalog.GzipTrailerMismatch,
                    "The gzip decoder rejected the end of the stream after the tar end-of-archive marker: the trailer (CRC-32 and size) does not match the data, or another gzip member follows.");
                StopOnly("the gzip trailer does not match the data");
                return;
            }
            Stop(RuleCatalog.GzipCorrupt, FindingCollector.ArchiveLevel,
                $"The gzip data cannot be inflated (corrupt deflate stream, around compressed byte {Statistics.CompressedBytesRead}, {Statistics.UncompressedBytes} bytes inflated); reading stopped.",
                "corrupt gzip data");
        }

        /// <summary>Inflates the file's first gzip member as raw deflate (header parsed here); false when the deflate data is corrupt.</summary>
        private bool TryInflateFirstMember(out uint crc, out uint isize)
        {
            crc = 0;
            isize = 0;
            try
            {
                _file.Seek(0, SeekOrigin.Begin);
                var head = new byte[10];
                if (ReadFully(_file, head, 0, 10) < 10 || head[0] != 0x1F || head[1] != 0x8B || head[2] != 8) return false;
                int flags = head[3];
                if ((flags & 4) != 0)
                {
                    var xlen = new byte[2];
                    if (ReadFully(_file, xlen, 0, 2) < 2) return false;
                    _file.Seek(xlen[0] | (xlen[1] << 8), SeekOrigin.Current);
                }
                if ((flags & 8) != 0 && !SkipZeroTerminated()) return false;
                if ((flags & 16) != 0 && !SkipZeroTerminated()) return false;
                if ((flags & 2) != 0) _file.Seek(2, SeekOrigin.Current);
                var check = new Crc32();
                long total = 0;
                var buffer = new byte[64 * 1024];
                using (var inflate = new System.IO.Compression.DeflateStream(_file, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true))
                {
                    int n;
                    while ((n = inflate.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        _ct.ThrowIfCancellationRequested();
                        check.Update(buffer, 0, n);
                        total += n;
                        if (total > _limits.MaxTotalSize) return false;
                    }
                }
                crc = check.Value;
                isize = unchecked((uint)total);
                return true;
            }
            catch (InvalidDataException)
            {
                return false;
            }
        }

        private bool SkipZeroTerminated()
        {
            int b;
            while ((b = _file.ReadByte()) > 0) { }
            return b == 0;
        }

        /// <summary>
        /// gzip end checks. .NET's GZipStream silently continues into a following gzip member, silently ignores trailing
        /// bytes that do not start with the gzip magic, and does not report a stream cut short. So the reader keeps its own
        /// CRC-32 and length of everything inflated and compares them with the file's last 8 bytes, which for a clean
        /// single-member file are exactly the trailer (CRC-32, ISIZE). When they differ and the file is seekable, it
        /// classifies: the 8-byte trailer of the inflated data found earlier in the file means bytes follow the gzip stream
        /// (another member if they start with 1F 8B); otherwise a second gzip member header (1F 8B 08, valid flags) at a
        /// later offset means concatenated members; otherwise the trailer itself is wrong or the stream is cut short.
        /// When zlib rejects the stream, the first member is re-inflated as raw deflate to tell bad data from a bad trailer.
        /// Limits: an empty gzip member before the real one (CRC and size unchanged) is invisible, as is trailing garbage
        /// that repeats the trailer; non-seekable streams get the comparison without the classification; a member
        /// signature that occurs by chance inside compressed data may classify a damaged trailer as concatenation
        /// (all are errors).
        /// </summary>
        private bool CheckGzipEnd()
        {
            uint crc = _crc!.Value;
            uint isize = unchecked((uint)Statistics.UncompressedBytes);
            if (!_file.CanSeek)
            {
                var scratch = new byte[8192];
                while (_source.Read(scratch, 0, scratch.Length) > 0) { }
                var tail = new byte[8];
                int tailLen = _source.CopyTail(tail);
                if (tailLen == 8 && ReadUInt32(tail, 0) == crc && ReadUInt32(tail, 4) == isize) return true;
                _findings.ReportArchive(RuleCatalog.GzipTrailerMismatch,
                    $"The file's last 8 bytes are not the CRC-32 ({crc:X8}) and size ({isize}) of the decompressed data: the gzip stream has concatenated members, trailing bytes, a damaged trailer, or is cut short.");
                return false;
            }
            return ClassifyGzipEnd(crc, isize, inflateFailed: false);
        }

        private bool ClassifyGzipEnd(uint crc, uint isize, bool inflateFailed)
        {
            long fileLength = _file.Length;
            var tail = new byte[8];
            int tailLen = (int)Math.Min(8, fileLength);
            _file.Seek(fileLength - tailLen, SeekOrigin.Begin);
            ReadFully(_file, tail, 0, tailLen);
            long consumed = Statistics.CompressedBytesRead;
            Statistics.CompressedBytesRead = Math.Max(consumed, fileLength);
            bool match = tailLen == 8 && ReadUInt32(tail, 0) == crc && ReadUInt32(tail, 4) == isize;
            if (match && !inflateFailed)
            {
                if (consumed >= fileLength) return true;
                _findings.ReportArchive(RuleCatalog.GzipTrailingData,
                    $"{fileLength - consumed} bytes at the end of the file were never read by the gzip decoder; readers treat them differently.");
                return false;
            }
            long trailerAt = FindTrailer(fileLength, crc, isize);
            if (trailerAt >= 0 && trailerAt + 8 < fileLength)
            {
                long after = trailerAt + 8;
                _file.Seek(after, SeekOrigin.Begin);
                var two = new byte[2];
                int n = ReadFully(_file, two, 0, 2);
                bool looksLikeGzip = n == 2 && two[0] == 0x1F && two[1] == 0x8B;
                _findings.ReportArchive(looksLikeGzip ? RuleCatalog.GzipConcatenatedMembers : RuleCatalog.GzipTrailingData,
                    looksLikeGzip
                        ? $"The gzip stream ends at byte {after} and another gzip member follows; decompressors stop, continue or fail there, so readers see different tar streams."
                        : $"{fileLength - after} bytes follow the end of the gzip stream at byte {after}; decompressors ignore, reject or try to decode them differently.");
                return false;
            }
            if (!inflateFailed)
            {
                long second = FindSecondMember();
                if (second > 0)
                {
                    _findings.ReportArchive(RuleCatalog.GzipConcatenatedMembers,
                        $"The file holds several gzip members back to back (a member header at byte {second}); some decompressors stop after the first member and others continue, so readers see different tar streams.");
                    return false;
                }
            }
            string trailer = tailLen == 8 ? $"CRC-32 {ReadUInt32(tail, 0):X8}, size {ReadUInt32(tail, 4)}" : "too short";
            _findings.ReportArchive(RuleCatalog.GzipTrailerMismatch,
                $"The gzip trailer ({trailer}) does not match the decompressed data (CRC-32 {crc:X8}, size {isize}): the file is damaged or cut short.");
            return false;
        }

        private long FindTrailer(long fileLength, uint crc, uint isize)
        {
            const int Window = 1024 * 1024;
            long start = Math.Max(0, fileLength - Window);
            int length = (int)(fileLength - start);
            var data = new byte[length];
            _file.Seek(start, SeekOrigin.Begin);
            length = ReadFully(_file, data, 0, length);
            for (int i = length - 8; i >= 0; i--)
            {
                if (ReadUInt32(data, i) == crc && ReadUInt32(data, i + 4) == isize) return start + i;
            }
            return -1;
        }

        private long FindSecondMember()
        {
            var data = new byte[64 * 1024];
            long basePos = 0;
            int carry = 0;
            _file.Seek(0, SeekOrigin.Begin);
            while (true)
            {
                _ct.ThrowIfCancellationRequested();
                int n = _file.Read(data, carry, data.Length - carry);
                if (n <= 0) return -1;
                int total = carry + n;
                for (int i = 0; i + 4 <= total; i++)
                {
                    if (data[i] == 0x1F && data[i + 1] == 0x8B && data[i + 2] == 0x08 && (data[i + 3] & 0xE0) == 0 && basePos + i > 0) return basePos + i;
                }
                carry = Math.Min(3, total);
                Buffer.BlockCopy(data, total - carry, data, 0, carry);
                basePos += total - carry;
            }
        }

        private static int ReadFully(Stream s, byte[] b, int offset, int count)
        {
            int got = 0;
            while (got < count)
            {
                int n = s.Read(b, offset + got, count - got);
                if (n <= 0) break;
                got += n;
            }
            return got;
        }

        private static uint ReadUInt32(byte[] b, int i) => (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));

        // ------------------------------------------------------------------ stopping

        private void ReportTruncatedMember(ArchiveMember member, long payloadRead)
        {
            Stop(RuleCatalog.TarTruncated, member.Index,
                payloadRead < member.Size
                    ? $"Member '{TarFields.Show(member.Path)}' declares {member.Size} bytes but the archive ends after {payloadRead}: it is cut short and reading stopped."
                    : $"The archive ends inside the block padding after member '{TarFields.Show(member.Path)}': it is cut short and reading stopped.",
                "the archive is truncated");
        }

        private void Stop(PySdistRule rule, int memberIndex, string message, string reason)
        {
            _findings.Report(rule, memberIndex, message);
            StopOnly(reason);
        }

        private void StopOnly(string reason)
        {
            if (_stopped) return;
            _stopped = true;
            _done = true;
            _completed = false;
            _stopReason = reason;
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (_gzip) _tar.Dispose();
            if (!_leaveOpen) _file.Dispose();
        }
    }

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
