using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Threading;
using PyPackaging.Rules;

namespace PyPackaging.Archives
{
    /// <summary>
    /// Legacy .zip sdists. Members come from the central directory (as every mainstream zip reader takes them), and
    /// every local header is cross-checked against it: names, methods, CRC-32 and sizes must agree, no local entry may
    /// hide outside the central directory, nothing may follow the end record. Data is inflated lazily, one member at a
    /// time, with its CRC-32 and size verified (members not read by the caller are verified when skipped).
    /// Needs a seekable stream. ZIP64 is refused (no sdist needs it).
    /// </summary>
    internal sealed class ZipArchiveReader : ISdistArchiveReader
    {
        private const int EndRecordSize = 22;
        private const uint LocalSignature = 0x04034b50;
        private const uint CentralSignature = 0x02014b50;
        private const uint EndSignature = 0x06054b50;
        private const uint DescriptorSignature = 0x08074b50;

        private readonly Stream _file;
        private readonly bool _leaveOpen;
        private readonly ArchiveLimits _limits;
        private readonly FindingCollector _findings;
        private readonly CancellationToken _ct;
        private readonly byte[] _small = new byte[64];

        private readonly List<ZipEntry> _entries = new List<ZipEntry>();
        private int _next;
        private ArchiveMember? _current;
        private ZipEntry? _currentEntry;
        private ZipDataStream? _currentData;
        private bool _stopped;
        private bool _done;
        private bool _completed;
        private string? _stopReason;
        private bool _disposed;

        private sealed class ZipEntry
        {
            public string Name = string.Empty;
            public bool NameInvalid;
            public ushort VersionMadeBy;
            public ushort Flags;
            public ushort Method;
            public ushort DosTime;
            public ushort DosDate;
            public uint Crc;
            public long CompressedSize;
            public long UncompressedSize;
            public uint ExternalAttributes;
            public long LocalOffset;
            // From the local header (when found).
            public bool HasLocal;
            public bool LocalZip64;
            public long DataOffset = -1;
            public string LocalName = string.Empty;
            public ushort LocalFlags;
            public ushort LocalMethod;
            public uint LocalCrc;
            public long LocalCompressedSize;
            public long LocalUncompressedSize;
            public bool HasDescriptor;
            public uint DescriptorCrc;
            public long DescriptorCompressedSize;
            public long DescriptorUncompressedSize;
            public string? SharedWith;
        }

        public ZipArchiveReader(Stream stream, ArchiveStatistics statistics, ArchiveLimits limits, FindingCollector findings, CancellationToken cancellationToken, bool leaveOpen)
        {
            _file = stream;
            _leaveOpen = leaveOpen;
            Statistics = statistics;
            _limits = limits;
            _findings = findings;
            _ct = cancellationToken;
            Statistics.CompressedLength = stream.Length;
            if (!ReadCentralDirectory())
            {
                _done = true;
                return;
            }
            AskSecondOpinion();
        }

        /// <summary>Compares the central directory with SharpZipLib's independent reading of it (see <see cref="ZipSecondOpinion"/>).</summary>
        private void AskSecondOpinion()
        {
            var views = new List<ZipSecondOpinion.EntryView>(_entries.Count);
            foreach (var e in _entries)
            {
                views.Add(new ZipSecondOpinion.EntryView(e.Name, e.UncompressedSize, e.CompressedSize, e.Crc, e.Method));
            }
            var disagreement = ZipSecondOpinion.Disagreement(_file, views);
            if (disagreement != null)
            {
                _findings.ReportArchive(RuleCatalog.ZipParsersDisagree,
                    $"Two zip parsers read this archive differently: {disagreement}. Installers built on different zip libraries can extract different files from it.");
            }
        }

        public ContainerFormat Container => ContainerFormat.Zip;
        public ArchiveStatistics Statistics { get; }
        public bool Completed => _completed;
        public string? StopReason => _stopReason;
        public ArchiveMember Current => _current ?? throw new InvalidOperationException("No current member: call MoveNext first.");

        // ------------------------------------------------------------------ structure

        private bool ReadCentralDirectory()
        {
            long fileLength = _file.Length;
            int window = (int)Math.Min(fileLength, 65535 + EndRecordSize);
            var tail = new byte[window];
            long windowStart = fileLength - window;
            ReadAt(windowStart, tail, 0, window);

            // The end record whose comment ends exactly at the end of the file; otherwise the last one, and what follows is trailing data.
            int exact = -1, last = -1;
            for (int i = window - EndRecordSize; i >= 0; i--)
            {
                if (ReadUInt32(tail, i) != EndSignature) continue;
                int commentLength = ReadUInt16(tail, i + 20);
                if (i + EndRecordSize + commentLength == window) { exact = i; break; }
                if (last < 0 && i + EndRecordSize + commentLength <= window) last = i;
            }
            int eocd = exact >= 0 ? exact : last;
            if (eocd < 0)
            {
                return Fail(RuleCatalog.ZipMalformed, "The zip file has no end-of-central-directory record; its members cannot be located reliably.", "no zip end record");
            }
            long eocdOffset = windowStart + eocd;
            long recordEnd = eocdOffset + EndRecordSize + ReadUInt16(tail, eocd + 20);
            if (recordEnd < fileLength)
            {
                _findings.ReportArchive(RuleCatalog.ZipDataAfterEnd,
                    $"{fileLength - recordEnd} bytes follow the end-of-central-directory record at byte {eocdOffset}; readers locate the central directory differently, so two zip readers can extract different files from this archive.");
            }
            else
            {
                // A second end record earlier in the tail (e.g. a zip appended to a zip) is another way to disagree.
                for (int i = eocd - 1; i >= 0; i--)
                {
                    if (ReadUInt32(tail, i) == EndSignature && i + EndRecordSize <= eocd)
                    {
                        long cdEnd = (long)ReadUInt32(tail, i + 16) + ReadUInt32(tail, i + 12);
                        if (cdEnd == windowStart + i)
                        {
                            _findings.ReportArchive(RuleCatalog.ZipDataAfterEnd,
                                $"A second end-of-central-directory record at byte {windowStart + i} precedes the last one at byte {eocdOffset}; readers that stop at the first one see a different archive.");
                            break;
                        }
                    }
                }
            }

            int disk = ReadUInt16(tail, eocd + 4);
            int cdDisk = ReadUInt16(tail, eocd + 6);
            long countOnDisk = ReadUInt16(tail, eocd + 8);
            long count = ReadUInt16(tail, eocd + 10);
            long cdSize = ReadUInt32(tail, eocd + 12);
            long cdOffset = ReadUInt32(tail, eocd + 16);
            long cdEndExpected = eocdOffset;

            // ZIP64: a locator right before the end record points at the ZIP64 end record, whose values replace saturated ones.
            bool saturated = count == 0xFFFF || countOnDisk == 0xFFFF || cdSize == 0xFFFFFFFF || cdOffset == 0xFFFFFFFF;
            long locatorOffset = eocdOffset - 20;
            if (locatorOffset >= 0)
            {
                var locator = new byte[20];
                ReadAt(locatorOffset, locator, 0, 20);
                if (ReadUInt32(locator, 0) == 0x07064b50)
                {
                    long recordOffset = (long)ReadUInt64(locator, 8);
                    var record = new byte[56];
                    if (recordOffset < 0 || recordOffset + 56 > locatorOffset)
                    {
                        return Fail(RuleCatalog.ZipMalformed, $"The ZIP64 locator points at byte {recordOffset}, where no ZIP64 end record fits; the zip structure is broken.", "broken ZIP64 records");
                    }
                    ReadAt(recordOffset, record, 0, 56);
                    if (ReadUInt32(record, 0) != 0x06064b50)
                    {
                        return Fail(RuleCatalog.ZipMalformed, $"The ZIP64 locator points at byte {recordOffset}, where there is no ZIP64 end record; the zip structure is broken.", "broken ZIP64 records");
                    }
                    long recordSize = (long)ReadUInt64(record, 4);
                    if (recordSize != 44 || recordOffset + 56 != locatorOffset)
                    {
                        _findings.ReportArchive(RuleCatalog.ZipMalformed,
                            $"The ZIP64 end record at byte {recordOffset} carries extensible data or is not directly followed by its locator; readers interpret it differently.");
                    }
                    disk = (int)ReadUInt32(record, 16);
                    cdDisk = (int)ReadUInt32(record, 20);
                    countOnDisk = (long)ReadUInt64(record, 24);
                    count = (long)ReadUInt64(record, 32);
                    cdSize = (long)ReadUInt64(record, 40);
                    cdOffset = (long)ReadUInt64(record, 48);
                    cdEndExpected = recordOffset;
                    saturated = false;
                }
            }
            if (saturated)
            {
                return Fail(RuleCatalog.ZipMalformed, "The end record announces ZIP64 values but there is no ZIP64 end record; the zip structure is broken.", "broken ZIP64 records");
            }
            if (disk != 0 || cdDisk != 0 || countOnDisk != count)
            {
                return Fail(RuleCatalog.ZipMalformed, "The zip file claims to span several disks; it is not read.", "multi-disk zip");
            }
            if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > cdEndExpected)
            {
                return Fail(RuleCatalog.ZipMalformed,
                    $"The central directory (byte {cdOffset}, {cdSize} bytes) does not fit before the end record at byte {cdEndExpected}; the zip structure is broken.", "broken zip central directory");
            }
            if (cdOffset + cdSize < cdEndExpected)
            {
                _findings.ReportArchive(RuleCatalog.ZipMalformed,
                    $"{cdEndExpected - cdOffset - cdSize} unexplained bytes lie between the central directory and the end record; readers that search for the central directory find different data.");
            }
            if (count > _limits.MaxMembers)
            {
                return Fail(RuleCatalog.LimitMemberCount, $"The zip file declares {count} members, more than the MaxMembers limit of {_limits.MaxMembers}; it is not read.", "member count limit exceeded");
            }

            if (cdSize > 64L * 1024 * 1024)
            {
                return Fail(RuleCatalog.ZipMalformed, $"The central directory is {cdSize} bytes long, far more than any sdist needs; it is not read.", "oversized zip central directory");
            }

            // Central directory entries.
            var cd = new byte[cdSize];
            ReadAt(cdOffset, cd, 0, (int)cdSize);
            int p = 0;
            var byOffset = new Dictionary<long, ZipEntry>();
            for (int i = 0; i < count; i++)
            {
                _ct.ThrowIfCancellationRequested();
                if (p + 46 > cd.Length || ReadUInt32(cd, p) != CentralSignature)
                {
                    return Fail(RuleCatalog.ZipMalformed, $"The end record announces {count} entries but the central directory holds only {i}; the zip structure is broken.", "broken zip central directory");
                }
                var e = new ZipEntry
                {
                    VersionMadeBy = ReadUInt16(cd, p + 4),
                    Flags = ReadUInt16(cd, p + 8),
                    Method = ReadUInt16(cd, p + 10),
                    DosTime = ReadUInt16(cd, p + 12),
                    DosDate = ReadUInt16(cd, p + 14),
                    Crc = ReadUInt32(cd, p + 16),
                    CompressedSize = ReadUInt32(cd, p + 20),
                    UncompressedSize = ReadUInt32(cd, p + 24),
                    ExternalAttributes = ReadUInt32(cd, p + 38),
                    LocalOffset = ReadUInt32(cd, p + 42),
                };
                int nameLength = ReadUInt16(cd, p + 28);
                int extraLength = ReadUInt16(cd, p + 30);
                int commentLength = ReadUInt16(cd, p + 32);
                if (p + 46 + nameLength + extraLength + commentLength > cd.Length)
                {
                    return Fail(RuleCatalog.ZipMalformed, $"Central directory entry {i} runs past the end of the central directory; the zip structure is broken.", "broken zip central directory");
                }
                e.Name = TarFields.DecodeUtf8(cd, p + 46, nameLength, out e.NameInvalid);
                if (e.UncompressedSize == 0xFFFFFFFF || e.CompressedSize == 0xFFFFFFFF || e.LocalOffset == 0xFFFFFFFF)
                {
                    if (!ApplyZip64Extra(cd, p + 46 + nameLength, extraLength, ref e.UncompressedSize, ref e.CompressedSize, ref e.LocalOffset))
                    {
                        return Fail(RuleCatalog.ZipMalformed, $"Central directory entry '{TarFields.Show(e.Name)}' announces ZIP64 sizes but has no valid ZIP64 extra field; the zip structure is broken.", "broken ZIP64 records");
                    }
                }
                p += 46 + nameLength + extraLength + commentLength;
                if (byOffset.TryGetValue(e.LocalOffset, out var other)) e.SharedWith = other.Name;
                else byOffset.Add(e.LocalOffset, e);
                _entries.Add(e);
            }
            if (p != cd.Length)
            {
                _findings.ReportArchive(RuleCatalog.ZipMalformed,
                    $"The central directory holds {cd.Length - p} bytes beyond the {count} entries the end record announces; readers that walk it find more entries.");
            }

            ScanLocalHeaders(cdOffset, byOffset);

            // Central entries the walk did not reach: check that a local header exists where they point.
            foreach (var e in _entries)
            {
                if (e.HasLocal || e.SharedWith != null) continue;
                if (!ReadLocalHeader(e.LocalOffset, out var local, cdOffset) )
                {
                    continue;
                }
                CopyLocal(local, e);
            }
            return true;
        }

        private struct LocalHeader
        {
            public string Name;
            public ushort Flags;
            public ushort Method;
            public uint Crc;
            public long CompressedSize;
            public long UncompressedSize;
            public long DataOffset;
            public bool Zip64;
        }

        private bool ReadLocalHeader(long offset, out LocalHeader header, long limit)
        {
            header = default;
            if (offset + 30 > limit) return false;
            ReadAt(offset, _small, 0, 30);
            if (ReadUInt32(_small, 0) != LocalSignature) return false;
            int nameLength = ReadUInt16(_small, 26);
            int extraLength = ReadUInt16(_small, 28);
            header.Flags = ReadUInt16(_small, 6);
            header.Method = ReadUInt16(_small, 8);
            header.Crc = ReadUInt32(_small, 14);
            header.CompressedSize = ReadUInt32(_small, 18);
            header.UncompressedSize = ReadUInt32(_small, 22);
            var name = new byte[nameLength + extraLength];
            ReadAt(offset + 30, name, 0, nameLength + extraLength);
            header.Name = TarFields.DecodeUtf8(name, 0, nameLength, out _);
            if (header.CompressedSize == 0xFFFFFFFF || header.UncompressedSize == 0xFFFFFFFF)
            {
                long ignored = 0;
                header.Zip64 = ApplyZip64Extra(name, nameLength, extraLength, ref header.UncompressedSize, ref header.CompressedSize, ref ignored);
            }
            header.DataOffset = offset + 30 + nameLength + extraLength;
            return true;
        }

        private static void CopyLocal(LocalHeader local, ZipEntry e)
        {
            e.HasLocal = true;
            e.LocalZip64 = local.Zip64;
            e.LocalName = local.Name;
            e.LocalFlags = local.Flags;
            e.LocalMethod = local.Method;
            e.LocalCrc = local.Crc;
            e.LocalCompressedSize = local.CompressedSize;
            e.LocalUncompressedSize = local.UncompressedSize;
            e.DataOffset = local.DataOffset;
        }

        /// <summary>Walks the local headers from the start of the file to the central directory, matching each with its central entry.</summary>
        private void ScanLocalHeaders(long cdOffset, Dictionary<long, ZipEntry> byOffset)
        {
            long pos = 0;
            while (pos < cdOffset)
            {
                _ct.ThrowIfCancellationRequested();
                if (!ReadLocalHeader(pos, out var local, cdOffset))
                {
                    _findings.ReportArchive(RuleCatalog.ZipLocalNotInCentral,
                        $"{cdOffset - pos} bytes at byte {pos}, before the central directory, are not a local file header of a listed entry; streaming readers and central-directory readers see different content.");
                    return;
                }
                byOffset.TryGetValue(pos, out var entry);
                long compressed = entry != null ? entry.CompressedSize : local.CompressedSize;
                if (entry == null)
                {
                    _findings.ReportArchive(RuleCatalog.ZipLocalNotInCentral,
                        $"The local entry '{TarFields.Show(local.Name)}' at byte {pos} is not listed in the central directory: streaming readers extract it, central-directory readers do not, so two zip readers can extract different files from this archive.");
                    if ((local.Flags & 8) != 0 && local.CompressedSize == 0) return; // cannot frame past it
                }
                else
                {
                    CopyLocal(local, entry);
                }
                pos = local.DataOffset + compressed;
                if ((local.Flags & 8) != 0)
                {
                    // Data descriptor: optional signature, then CRC-32 and both sizes (8 bytes each for ZIP64 entries).
                    if (pos + 12 > cdOffset) return;
                    ReadAt(pos, _small, 0, 24);
                    int at = ReadUInt32(_small, 0) == DescriptorSignature ? 4 : 0;
                    int width = local.Zip64 ? 8 : 4;
                    if (entry != null)
                    {
                        entry.HasDescriptor = true;
                        entry.DescriptorCrc = ReadUInt32(_small, at);
                        entry.DescriptorCompressedSize = width == 8 ? (long)ReadUInt64(_small, at + 4) : ReadUInt32(_small, at + 4);
                        entry.DescriptorUncompressedSize = width == 8 ? (long)ReadUInt64(_small, at + 4 + width) : ReadUInt32(_small, at + 4 + width);
                    }
                    pos += at + 4 + 2 * width;
                    continue;
                }
            }
        }

        // ------------------------------------------------------------------ members

        public bool MoveNext()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(ZipArchiveReader));
            if (_done) return false;
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
                if (_stopped) { _done = true; return false; }
            }
            if (_next >= _entries.Count)
            {
                _done = true;
                _completed = !_stopped;
                return false;
            }
            var e = _entries[_next];
            int index = _next;
            _next++;
            string path = e.Name;

            if (e.UncompressedSize > _limits.MaxMemberSize)
            {
                Stop(RuleCatalog.LimitMemberSize, FindingCollector.ArchiveLevel,
                    $"Member '{TarFields.Show(path)}' declares {e.UncompressedSize} bytes, more than the MaxMemberSize limit of {_limits.MaxMemberSize}; reading stopped.",
                    "member size limit exceeded");
                return false;
            }

            var member = new ArchiveMember
            {
                Index = index,
                Path = path,
                TypeFlag = '\0',
                Size = e.UncompressedSize,
                HeaderFormat = MemberHeaderFormat.Zip,
                HeaderOffset = e.LocalOffset,
                ModifiedTime = FromDos(e.DosDate, e.DosTime),
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
                default: member.Type = path.EndsWith("/", StringComparison.Ordinal) ? PySdistEntryType.Directory : PySdistEntryType.File; break;
            }
            _current = member;
            _currentEntry = e;
            Statistics.MemberCount++;
            Statistics.PayloadBytes += e.UncompressedSize;

            CheckEntry(e, index, path);

            if (member.Type == PySdistEntryType.SymbolicLink && Readable(e))
            {
                // The link target is the member's data; read it now (bounded) so Current is complete.
                var data = CreateDataStream();
                var target = new byte[(int)Math.Min(e.UncompressedSize, 64 * 1024)];
                int n = 0, r;
                while (n < target.Length && (r = data.Read(target, n, target.Length - n)) > 0) n += r;
                member.LinkTarget = TarFields.DecodeUtf8(target, 0, n, out bool invalid);
                if (invalid)
                {
                    _findings.Report(RuleCatalog.ZipNameNotUtf8, index, $"The link target of member '{TarFields.Show(path)}' is not valid UTF-8; tools decode it differently.");
                }
                data.Drain();
                data.Invalidate();
                _currentData = null;
                _replay = target;
                _replayLength = n;
            }
            else
            {
                _replay = null;
            }

            if (path.Length > _limits.MaxPathLength)
            {
                _findings.Report(RuleCatalog.LimitPathLength, index, $"Member path '{TarFields.Show(path)}' is {path.Length} characters long (limit {_limits.MaxPathLength}).");
            }
            int depth = TarFields.Depth(path);
            if (depth > _limits.MaxPathDepth)
            {
                _findings.Report(RuleCatalog.LimitPathDepth, index, $"Member path '{TarFields.Show(path)}' is {depth} components deep (limit {_limits.MaxPathDepth}).");
            }
            if (member.LinkTarget != null && member.LinkTarget.Length > _limits.MaxPathLength)
            {
                _findings.Report(RuleCatalog.LimitPathLength, index, $"The link target of member '{TarFields.Show(path)}' is {member.LinkTarget.Length} characters long (limit {_limits.MaxPathLength}).");
            }
            if (_stopped) { _done = true; }
            return true;
        }

        private byte[]? _replay;
        private int _replayLength;

        private static bool Readable(ZipEntry e) => e.HasLocal && e.SharedWith == null && (e.Flags & 1) == 0 && (e.Method == 0 || e.Method == 8);

        private void CheckEntry(ZipEntry e, int index, string path)
        {
            string who = $"Zip member '{TarFields.Show(path)}'";
            const string consequence = " Readers that walk local headers and readers that use the central directory see different files, so two zip readers can extract different files from this archive.";
            if (e.NameInvalid)
            {
                _findings.Report(RuleCatalog.ZipNameNotUtf8, index, $"{who}: the name is not valid UTF-8 (invalid bytes shown as U+FFFD); tools decode it differently, so the extracted name depends on the tool.");
            }
            if (e.SharedWith != null)
            {
                _findings.Report(RuleCatalog.ZipCentralWithoutLocal, index,
                    $"{who} points at the same local header as '{TarFields.Show(e.SharedWith)}' (overlapping entries, a zip-bomb technique); it has no local header of its own.");
                return;
            }
            if (!e.HasLocal)
            {
                _findings.Report(RuleCatalog.ZipCentralWithoutLocal, index,
                    $"{who}: the central directory points at byte {e.LocalOffset}, where there is no local file header; its data cannot be read.");
                return;
            }
            if (!string.Equals(e.LocalName, e.Name, StringComparison.Ordinal))
            {
                _findings.Report(RuleCatalog.ZipHeaderMismatch, index, $"{who}: the local header names it '{TarFields.Show(e.LocalName)}' but the central directory names it '{TarFields.Show(e.Name)}'." + consequence);
            }
            if (e.LocalMethod != e.Method)
            {
                _findings.Report(RuleCatalog.ZipHeaderMismatch, index, $"{who}: the local header says compression method {e.LocalMethod} but the central directory says {e.Method}." + consequence);
            }
            if ((e.LocalFlags & 8) != 0 && e.HasDescriptor)
            {
                CompareField(index, who, "data descriptor", "CRC-32", e.DescriptorCrc.ToString("X8", CultureInfo.InvariantCulture), e.Crc.ToString("X8", CultureInfo.InvariantCulture), consequence);
                CompareField(index, who, "data descriptor", "compressed size", e.DescriptorCompressedSize.ToString(CultureInfo.InvariantCulture), e.CompressedSize.ToString(CultureInfo.InvariantCulture), consequence);
                CompareField(index, who, "data descriptor", "uncompressed size", e.DescriptorUncompressedSize.ToString(CultureInfo.InvariantCulture), e.UncompressedSize.ToString(CultureInfo.InvariantCulture), consequence);
            }
            else if ((e.LocalFlags & 8) == 0)
            {
                CompareField(index, who, "local header", "CRC-32", e.LocalCrc.ToString("X8", CultureInfo.InvariantCulture), e.Crc.ToString("X8", CultureInfo.InvariantCulture), consequence);
                CompareField(index, who, "local header", "compressed size", e.LocalCompressedSize.ToString(CultureInfo.InvariantCulture), e.CompressedSize.ToString(CultureInfo.InvariantCulture), consequence);
                CompareField(index, who, "local header", "uncompressed size", e.LocalUncompressedSize.ToString(CultureInfo.InvariantCulture), e.UncompressedSize.ToString(CultureInfo.InvariantCulture), consequence);
            }
            if ((e.Flags & 1) != 0 || (e.LocalFlags & 1) != 0)
            {
                _findings.Report(RuleCatalog.ZipEncryptedEntry, index, $"{who} is encrypted; its content cannot be read or checked.");
            }
            else if (e.Method != 0 && e.Method != 8)
            {
                _findings.Report(RuleCatalog.ZipUnsupportedMethod, index, $"{who} uses compression method {e.Method}; only stored (0) and deflate (8) are read, so its content cannot be checked.");
            }
            if (e.DataOffset + e.CompressedSize > _file.Length)
            {
                _findings.Report(RuleCatalog.ZipCrcMismatch, index, $"{who} declares {e.CompressedSize} compressed bytes at byte {e.DataOffset}, beyond the end of the file.");
            }
        }

        private void CompareField(int index, string who, string source, string field, string local, string central, string consequence)
        {
            if (local == central) return;
            _findings.Report(RuleCatalog.ZipHeaderMismatch, index, $"{who}: the {source} says {field} {local} but the central directory says {central}." + consequence);
        }

        public Stream OpenData()
        {
            if (_current == null || _currentEntry == null) throw new InvalidOperationException("No current member: call MoveNext first.");
            if (_replay != null)
            {
                return new MemoryStream(_replay, 0, _replayLength, writable: false);
            }
            if (_currentData != null) return _currentData;
            _currentData = CreateDataStream();
            return _currentData;
        }

        private ZipDataStream CreateDataStream() => new ZipDataStream(this, _currentEntry!, _current!.Index, Readable(_currentEntry!));

        // ------------------------------------------------------------------ data

        /// <summary>One member's data: inflated on demand, CRC-32 and size checked at the end, limits enforced.</summary>
        private sealed class ZipDataStream : Stream
        {
            private readonly ZipArchiveReader _reader;
            private readonly ZipEntry _entry;
            private readonly int _index;
            private readonly bool _readable;
            private readonly Stream? _inner;
            private readonly Crc32 _crc = new Crc32();
            private long _produced;
            private bool _finished;
            private bool _invalid;

            public ZipDataStream(ZipArchiveReader reader, ZipEntry entry, int index, bool readable)
            {
                _reader = reader;
                _entry = entry;
                _index = index;
                _readable = readable && entry.DataOffset >= 0 && entry.DataOffset + entry.CompressedSize <= reader._file.Length;
                if (_readable)
                {
                    Stream raw = new WindowStream(reader, entry.DataOffset, entry.CompressedSize);
                    _inner = entry.Method == 8 ? new DeflateStream(raw, CompressionMode.Decompress) : raw;
                }
                else
                {
                    _finished = true;
                }
            }

            public void Invalidate() => _invalid = true;

            public void Drain()
            {
                var scratch = _reader.Scratch;
                while (Read(scratch, 0, scratch.Length) > 0) { }
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (_invalid) throw new InvalidOperationException("The member's data stream is no longer valid: the reader has moved on.");
                if (_finished || count <= 0) return 0;
                _reader._ct.ThrowIfCancellationRequested();
                long left = _entry.UncompressedSize - _produced;
                int n;
                try
                {
                    // Ask for one byte more than declared at the end, to notice data longer than the declared size.
                    n = _inner!.Read(buffer, offset, (int)Math.Min(count, Math.Max(left, 1)));
                }
                catch (InvalidDataException)
                {
                    Finish($"the deflate data is corrupt after {_produced} bytes");
                    return 0;
                }
                if (n <= 0)
                {
                    Finish(null);
                    return 0;
                }
                if (n > left)
                {
                    Finish($"it inflates to more than the declared {_entry.UncompressedSize} bytes");
                    return 0;
                }
                _crc.Update(buffer, offset, n);
                _produced += n;
                _reader.Statistics.UncompressedBytes += n;
                if (!_reader.CheckStreamLimits())
                {
                    _finished = true;
                    return 0;
                }
                return n;
            }

            private void Finish(string? problem)
            {
                _finished = true;
                _inner?.Dispose();
                string who = $"Zip member '{TarFields.Show(_entry.Name)}'";
                if (problem == null && _produced != _entry.UncompressedSize) problem = $"it inflates to {_produced} bytes, not the declared {_entry.UncompressedSize}";
                if (problem == null && _crc.Value != _entry.Crc) problem = $"its data has CRC-32 {_crc.Value:X8}, not the recorded {_entry.Crc:X8}";
                if (problem != null)
                {
                    _reader._findings.Report(RuleCatalog.ZipCrcMismatch, _index, $"{who} is damaged: {problem}. Its content cannot be trusted.");
                }
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => _entry.UncompressedSize;
            public override long Position { get => _produced; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        private byte[]? _scratch;
        private byte[] Scratch => _scratch ?? (_scratch = new byte[64 * 1024]);

        /// <summary>A window of the file; seeks before every read so other reads in between do no harm.</summary>
        private sealed class WindowStream : Stream
        {
            private readonly ZipArchiveReader _reader;
            private long _position;
            private readonly long _end;

            public WindowStream(ZipArchiveReader reader, long start, long length)
            {
                _reader = reader;
                _position = start;
                _end = start + length;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int want = (int)Math.Min(count, _end - _position);
                if (want <= 0) return 0;
                _reader._file.Seek(_position, SeekOrigin.Begin);
                int n = _reader._file.Read(buffer, offset, want);
                if (n > 0)
                {
                    _position += n;
                    _reader.Statistics.CompressedBytesRead += n;
                }
                return n;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        /// <summary>Total-size and ratio limits over everything inflated so far; false (and stopped) when exceeded.</summary>
        private bool CheckStreamLimits()
        {
            if (_stopped) return false;
            long total = Statistics.UncompressedBytes;
            if (total > _limits.MaxTotalSize)
            {
                Stop(RuleCatalog.LimitTotalSize, FindingCollector.ArchiveLevel,
                    $"The archive inflates to more than {_limits.MaxTotalSize} bytes (the MaxTotalSize limit); reading stopped after {total} bytes.", "total size limit exceeded");
                return false;
            }
            if (total >= _limits.CompressionRatioFloor)
            {
                long compressed = Math.Max(1, Statistics.CompressedBytesRead);
                double ratio = (double)total / compressed;
                if (ratio > _limits.MaxCompressionRatio)
                {
                    Stop(RuleCatalog.LimitCompressionRatio, FindingCollector.ArchiveLevel,
                        string.Format(CultureInfo.InvariantCulture,
                            "{0} compressed bytes inflated to {1} bytes, a ratio of {2:0.#} (limit {3}): this archive is a decompression bomb or not source code.",
                            compressed, total, ratio, _limits.MaxCompressionRatio), "compression ratio limit exceeded");
                    return false;
                }
            }
            return true;
        }

        // ------------------------------------------------------------------ helpers

        private void ReadAt(long offset, byte[] buffer, int index, int count)
        {
            _file.Seek(offset, SeekOrigin.Begin);
            int got = 0;
            while (got < count)
            {
                int n = _file.Read(buffer, index + got, count - got);
                if (n <= 0) break;
                got += n;
            }
            Statistics.CompressedBytesRead += got;
            if (got < count) Array.Clear(buffer, index + got, count - got);
        }

        private static ulong ReadUInt64(byte[] b, int i) => ReadUInt32(b, i) | ((ulong)ReadUInt32(b, i + 4) << 32);

        /// <summary>Replaces saturated (0xFFFFFFFF) values from the ZIP64 extra field (id 1), which lists them in this order.</summary>
        private static bool ApplyZip64Extra(byte[] b, int start, int length, ref long uncompressed, ref long compressed, ref long offset)
        {
            int p = start, end = start + length;
            while (p + 4 <= end)
            {
                int id = ReadUInt16(b, p);
                int size = ReadUInt16(b, p + 2);
                int data = p + 4;
                if (data + size > end) return false;
                if (id == 1)
                {
                    int q = data;
                    if (uncompressed == 0xFFFFFFFF) { if (q + 8 > data + size) return false; uncompressed = (long)ReadUInt64(b, q); q += 8; }
                    if (compressed == 0xFFFFFFFF) { if (q + 8 > data + size) return false; compressed = (long)ReadUInt64(b, q); q += 8; }
                    if (offset == 0xFFFFFFFF) { if (q + 8 > data + size) return false; offset = (long)ReadUInt64(b, q); }
                    return uncompressed >= 0 && compressed >= 0 && offset >= 0;
                }
                p = data + size;
            }
            return false;
        }

        private static ushort ReadUInt16(byte[] b, int i) => (ushort)(b[i] | (b[i + 1] << 8));
        private static uint ReadUInt32(byte[] b, int i) => (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));

        private static DateTime? FromDos(ushort date, ushort time)
        {
            int year = 1980 + (date >> 9), month = (date >> 5) & 0xF, day = date & 0x1F;
            int hour = time >> 11, minute = (time >> 5) & 0x3F, second = (time & 0x1F) * 2;
            if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        }

        private bool Fail(PySdistRule rule, string message, string reason)
        {
            Stop(rule, FindingCollector.ArchiveLevel, message, reason);
            return false;
        }

        private void Stop(PySdistRule rule, int memberIndex, string message, string reason)
        {
            _findings.Report(rule, memberIndex, message);
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
            if (!_leaveOpen) _file.Dispose();
        }
    }
}
