using System;
using System.Collections.Generic;
using System.Threading;
using static PyPackaging.Archives.ZipBytes;
using K = PyPackaging.Archives.FramingIssueKind;

namespace PyPackaging.Archives
{
    /// <summary>
    /// Finds the end record (and the ZIP64 one), checks that the central directory fits where they say, and reads
    /// its entries. Every structural doubt is reported; a structure that cannot be trusted stops reading.
    /// </summary>
    internal sealed class ZipCentralDirectory
    {
        private const int EndRecordSize = 22;

        private readonly ZipSource _source;
        private readonly LimitChecks _limits;
        private readonly FramingReport _report;
        private readonly CancellationToken _ct;

        public ZipCentralDirectory(ZipSource source, LimitChecks limits, FramingReport report, CancellationToken ct)
        {
            _source = source;
            _limits = limits;
            _report = report;
            _ct = ct;
        }

        /// <summary>Where the central directory lies and how many entries it holds, as the end records say.</summary>
        private sealed class Layout
        {
            public int Disk;
            public int CdDisk;
            public long CountOnDisk;
            public long Count;
            public long CdSize;
            public long CdOffset;
            public long CdEndExpected;
            public bool Saturated;
        }

        public List<ZipCentralEntry> Entries { get; } = new List<ZipCentralEntry>();

        /// <summary>Entries by local header offset (the first entry at each offset).</summary>
        public Dictionary<long, ZipCentralEntry> ByOffset { get; } = new Dictionary<long, ZipCentralEntry>();

        public long Offset { get; private set; }

        /// <summary>False (reported, stopped) when the structure cannot be trusted.</summary>
        public bool Read()
        {
            var layout = ReadEndRecords();
            if (layout == null || !Validate(layout)) return false;
            Offset = layout.CdOffset;
            return ReadEntries(layout);
        }

        private Layout? ReadEndRecords()
        {
            long fileLength = _source.Length;
            int window = (int)Math.Min(fileLength, 65535 + EndRecordSize);
            var tail = new byte[window];
            long windowStart = fileLength - window;
            _source.ReadAt(windowStart, tail, 0, window);
            int eocd = FindEndRecord(tail, window);
            if (eocd < 0)
            {
                _report.Stop(new FramingIssue(K.ZipNoEndRecord));
                return null;
            }
            long eocdOffset = windowStart + eocd;
            long recordEnd = eocdOffset + EndRecordSize + ReadUInt16(tail, eocd + 20);
            if (recordEnd < fileLength) _report.Report(new FramingIssue(K.ZipDataAfterEndRecord, eocdOffset) { Number = fileLength - recordEnd });
            else ReportEarlierEndRecord(tail, eocd, windowStart, eocdOffset);

            var layout = new Layout
            {
                Disk = ReadUInt16(tail, eocd + 4),
                CdDisk = ReadUInt16(tail, eocd + 6),
                CountOnDisk = ReadUInt16(tail, eocd + 8),
                Count = ReadUInt16(tail, eocd + 10),
                CdSize = ReadUInt32(tail, eocd + 12),
                CdOffset = ReadUInt32(tail, eocd + 16),
                CdEndExpected = eocdOffset,
            };
            layout.Saturated = layout.Count == 0xFFFF || layout.CountOnDisk == 0xFFFF || layout.CdSize == 0xFFFFFFFF || layout.CdOffset == 0xFFFFFFFF;
            return ReadZip64(layout, eocdOffset) ? layout : null;
        }

        /// <summary>The end record whose comment ends exactly at the end of the file; otherwise the last one, and what follows is trailing data.</summary>
        private static int FindEndRecord(byte[] tail, int window)
        {
            int last = -1;
            for (int i = window - EndRecordSize; i >= 0; i--)
            {
                if (ReadUInt32(tail, i) != EndSignature) continue;
                int commentLength = ReadUInt16(tail, i + 20);
                if (i + EndRecordSize + commentLength == window) return i;
                if (last < 0 && i + EndRecordSize + commentLength <= window) last = i;
            }
            return last;
        }

        /// <summary>A second end record earlier in the tail (e.g. a zip appended to a zip) is another way to disagree.</summary>
        private void ReportEarlierEndRecord(byte[] tail, int eocd, long windowStart, long eocdOffset)
        {
            for (int i = eocd - 1; i >= 0; i--)
            {
                if (ReadUInt32(tail, i) == EndSignature && i + EndRecordSize <= eocd)
                {
                    long cdEnd = (long)ReadUInt32(tail, i + 16) + ReadUInt32(tail, i + 12);
                    if (cdEnd == windowStart + i)
                    {
                        _report.Report(new FramingIssue(K.ZipSecondEndRecord, windowStart + i) { Number = eocdOffset });
                        return;
                    }
                }
            }
        }

        /// <summary>ZIP64: a locator right before the end record points at the ZIP64 end record, whose values replace saturated ones.</summary>
        private bool ReadZip64(Layout layout, long eocdOffset)
        {
            long locatorOffset = eocdOffset - 20;
            if (locatorOffset < 0) return true;
            var locator = new byte[20];
            _source.ReadAt(locatorOffset, locator, 0, 20);
            if (ReadUInt32(locator, 0) != 0x07064b50) return true;
            long recordOffset = (long)ReadUInt64(locator, 8);
            var record = new byte[56];
            if (recordOffset < 0 || recordOffset + 56 > locatorOffset)
            {
                _report.Stop(new FramingIssue(K.ZipZip64LocatorWithoutRoom, recordOffset));
                return false;
            }
            _source.ReadAt(recordOffset, record, 0, 56);
            if (ReadUInt32(record, 0) != 0x06064b50)
            {
                _report.Stop(new FramingIssue(K.ZipZip64LocatorWithoutRecord, recordOffset));
                return false;
            }
            long recordSize = (long)ReadUInt64(record, 4);
            if (recordSize != 44 || recordOffset + 56 != locatorOffset) _report.Report(new FramingIssue(K.ZipZip64RecordIrregular, recordOffset));
            layout.Disk = (int)ReadUInt32(record, 16);
            layout.CdDisk = (int)ReadUInt32(record, 20);
            layout.CountOnDisk = (long)ReadUInt64(record, 24);
            layout.Count = (long)ReadUInt64(record, 32);
            layout.CdSize = (long)ReadUInt64(record, 40);
            layout.CdOffset = (long)ReadUInt64(record, 48);
            layout.CdEndExpected = recordOffset;
            layout.Saturated = false;
            return true;
        }

        private bool Validate(Layout l)
        {
            FramingIssue? fatal = null;
            if (l.Saturated) fatal = new FramingIssue(K.ZipZip64Missing);
            else if (l.Disk != 0 || l.CdDisk != 0 || l.CountOnDisk != l.Count) fatal = new FramingIssue(K.ZipMultiDisk);
            else if (l.CdOffset < 0 || l.CdSize < 0 || l.CdOffset + l.CdSize > l.CdEndExpected)
            {
                fatal = new FramingIssue(K.ZipCentralDirectoryMisplaced, l.CdOffset) { Number = l.CdSize, OtherNumber = l.CdEndExpected };
            }
            if (fatal != null)
            {
                _report.Stop(fatal);
                return false;
            }
            if (l.CdOffset + l.CdSize < l.CdEndExpected)
            {
                _report.Report(new FramingIssue(K.ZipBytesBeforeEndRecord) { Number = l.CdEndExpected - l.CdOffset - l.CdSize });
            }
            if (l.Count > _limits.Limits.MaxMembers)
            {
                _report.Stop(new FramingIssue(K.ZipMemberCountExceeded) { Number = l.Count, OtherNumber = _limits.Limits.MaxMembers });
                return false;
            }
            if (l.CdSize > ArchiveLimits.MaxZipCentralDirectorySize)
            {
                _report.Stop(new FramingIssue(K.ZipCentralDirectoryTooLarge) { Number = l.CdSize });
                return false;
            }
            return true;
        }

        private bool ReadEntries(Layout l)
        {
            var cd = new byte[l.CdSize];
            _source.ReadAt(l.CdOffset, cd, 0, (int)l.CdSize);
            int p = 0;
            for (int i = 0; i < l.Count; i++)
            {
                _ct.ThrowIfCancellationRequested();
                if (p + 46 > cd.Length || ReadUInt32(cd, p) != CentralSignature)
                {
                    _report.Stop(new FramingIssue(K.ZipEntriesMissing) { Number = l.Count, OtherNumber = i });
                    return false;
                }
                var e = ReadEntry(cd, p, i, out int length);
                if (e == null) return false;
                p += length;
                if (ByOffset.TryGetValue(e.LocalOffset, out var other)) e.SharedWith = other.Name;
                else ByOffset.Add(e.LocalOffset, e);
                Entries.Add(e);
            }
            if (p != cd.Length) _report.Report(new FramingIssue(K.ZipCentralDirectoryExtraBytes) { Number = cd.Length - p, OtherNumber = l.Count });
            return true;
        }

        private ZipCentralEntry? ReadEntry(byte[] cd, int p, int i, out int length)
        {
            var e = new ZipCentralEntry
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
            length = 46 + nameLength + extraLength + commentLength;
            if (p + length > cd.Length)
            {
                _report.Stop(new FramingIssue(K.ZipEntryOverruns) { Number = i });
                return null;
            }
            e.Name = TarFields.DecodeUtf8(cd, p + 46, nameLength, out e.NameInvalid);
            if ((e.UncompressedSize == 0xFFFFFFFF || e.CompressedSize == 0xFFFFFFFF || e.LocalOffset == 0xFFFFFFFF)
                && !ApplyZip64Extra(cd, p + 46 + nameLength, extraLength, ref e.UncompressedSize, ref e.CompressedSize, ref e.LocalOffset))
            {
                _report.Stop(new FramingIssue(K.ZipEntryZip64Broken) { Path = e.Name });
                return null;
            }
            return e;
        }
    }
}
