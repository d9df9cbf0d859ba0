using System;
using System.Collections.Generic;
using System.Threading;
using static PyPackaging.Archives.ZipBytes;
using K = PyPackaging.Archives.FramingIssueKind;

namespace PyPackaging.Archives
{
    /// <summary>
    /// The local headers (and data descriptors): walked from the start of the file to the central directory and matched
    /// with the central entries, so that no local entry hides outside the central directory; then each entry's local
    /// view is cross-checked against the central one (names, methods, CRC-32, sizes).
    /// </summary>
    internal sealed class ZipLocalHeaders
    {
        private readonly ZipSource _source;
        private readonly FramingReport _report;
        private readonly CancellationToken _ct;
        private readonly byte[] _small = new byte[64];

        public ZipLocalHeaders(ZipSource source, FramingReport report, CancellationToken ct)
        {
            _source = source;
            _report = report;
            _ct = ct;
        }

        /// <summary>Attaches the local header to every central entry: by the walk, then where the walk did not reach.</summary>
        public void Attach(ZipCentralDirectory directory)
        {
            Walk(directory.Offset, directory.ByOffset);
            // Central entries the walk did not reach: check that a local header exists where they point.
            foreach (var e in directory.Entries)
            {
                if (e.HasLocal || e.SharedWith != null) continue;
                if (Read(e.LocalOffset, out var local, directory.Offset)) e.CopyLocal(local);
            }
        }

        private bool Read(long offset, out ZipLocalHeader header, long limit)
        {
            header = default;
            if (offset + 30 > limit) return false;
            _source.ReadAt(offset, _small, 0, 30);
            if (ReadUInt32(_small, 0) != LocalSignature) return false;
            int nameLength = ReadUInt16(_small, 26);
            int extraLength = ReadUInt16(_small, 28);
            header.Flags = ReadUInt16(_small, 6);
            header.Method = ReadUInt16(_small, 8);
            header.Crc = ReadUInt32(_small, 14);
            header.CompressedSize = ReadUInt32(_small, 18);
            header.UncompressedSize = ReadUInt32(_small, 22);
            var name = new byte[nameLength + extraLength];
            _source.ReadAt(offset + 30, name, 0, nameLength + extraLength);
            header.Name = TarFields.DecodeUtf8(name, 0, nameLength, out _);
            if (header.CompressedSize == 0xFFFFFFFF || header.UncompressedSize == 0xFFFFFFFF)
            {
                long ignored = 0;
                header.Zip64 = ApplyZip64Extra(name, nameLength, extraLength, ref header.UncompressedSize, ref header.CompressedSize, ref ignored);
            }
            header.DataOffset = offset + 30 + nameLength + extraLength;
            return true;
        }

        /// <summary>Walks the local headers from the start of the file to the central directory, matching each with its central entry.</summary>
        private void Walk(long cdOffset, Dictionary<long, ZipCentralEntry> byOffset)
        {
            long pos = 0;
            while (pos < cdOffset)
            {
                _ct.ThrowIfCancellationRequested();
                if (!Read(pos, out var local, cdOffset))
                {
                    _report.Report(new FramingIssue(K.ZipUnlistedBytes, pos) { Number = cdOffset - pos });
                    return;
                }
                byOffset.TryGetValue(pos, out var entry);
                long compressed = entry != null ? entry.CompressedSize : local.CompressedSize;
                if (entry == null)
                {
                    _report.Report(new FramingIssue(K.ZipUnlistedLocalEntry, pos) { Path = local.Name });
                    if ((local.Flags & 8) != 0 && local.CompressedSize == 0) return; // cannot frame past it
                }
                else
                {
                    entry.CopyLocal(local);
                }
                pos = local.DataOffset + compressed;
                if ((local.Flags & 8) != 0)
                {
                    if (pos + 12 > cdOffset) return;
                    pos = ReadDescriptor(pos, local, entry);
                }
            }
        }

        /// <summary>Data descriptor: optional signature, then CRC-32 and both sizes (8 bytes each for ZIP64 entries). Returns where it ends.</summary>
        private long ReadDescriptor(long pos, ZipLocalHeader local, ZipCentralEntry? entry)
        {
            _source.ReadAt(pos, _small, 0, 24);
            int at = ReadUInt32(_small, 0) == DescriptorSignature ? 4 : 0;
            int width = local.Zip64 ? 8 : 4;
            if (entry != null)
            {
                entry.HasDescriptor = true;
                entry.DescriptorCrc = ReadUInt32(_small, at);
                entry.DescriptorCompressedSize = width == 8 ? (long)ReadUInt64(_small, at + 4) : ReadUInt32(_small, at + 4);
                entry.DescriptorUncompressedSize = width == 8 ? (long)ReadUInt64(_small, at + 4 + width) : ReadUInt32(_small, at + 4 + width);
            }
            return pos + at + 4 + 2 * width;
        }

        /// <summary>Cross-checks one entry's local header (or data descriptor) against its central directory entry.</summary>
        public void CrossCheck(ZipCentralEntry e, int index)
        {
            if (e.NameInvalid) Report(K.ZipNameNotUtf8, index, e);
            if (e.SharedWith != null)
            {
                _report.Report(new FramingIssue(K.ZipSharedLocalHeader, memberIndex: index) { Path = e.Name, Value = e.SharedWith });
                return;
            }
            if (!e.HasLocal)
            {
                _report.Report(new FramingIssue(K.ZipNoLocalHeader, e.LocalOffset, index) { Path = e.Name });
                return;
            }
            if (!string.Equals(e.LocalName, e.Name, StringComparison.Ordinal))
            {
                _report.Report(new FramingIssue(K.ZipLocalNameMismatch, memberIndex: index) { Path = e.Name, Value = e.LocalName });
            }
            if (e.LocalMethod != e.Method) Compare(K.ZipMethodMismatch, index, e, false, e.LocalMethod, e.Method);
            if ((e.LocalFlags & 8) != 0 && e.HasDescriptor)
            {
                CompareFields(index, e, fromDescriptor: true, e.DescriptorCrc, e.DescriptorCompressedSize, e.DescriptorUncompressedSize);
            }
            else if ((e.LocalFlags & 8) == 0)
            {
                CompareFields(index, e, fromDescriptor: false, e.LocalCrc, e.LocalCompressedSize, e.LocalUncompressedSize);
            }
            if ((e.Flags & 1) != 0 || (e.LocalFlags & 1) != 0) Report(K.ZipEncrypted, index, e);
            else if (e.Method != 0 && e.Method != 8) _report.Report(new FramingIssue(K.ZipUnsupportedMethod, memberIndex: index) { Path = e.Name, Number = e.Method });
            if (e.DataOffset + e.CompressedSize > _source.Length)
            {
                _report.Report(new FramingIssue(K.ZipDataBeyondEnd, e.DataOffset, index) { Path = e.Name, Number = e.CompressedSize });
            }
        }

        private void CompareFields(int index, ZipCentralEntry e, bool fromDescriptor, uint crc, long compressed, long uncompressed)
        {
            if (crc != e.Crc) Compare(K.ZipCrcFieldMismatch, index, e, fromDescriptor, crc, e.Crc);
            if (compressed != e.CompressedSize) Compare(K.ZipCompressedSizeMismatch, index, e, fromDescriptor, compressed, e.CompressedSize);
            if (uncompressed != e.UncompressedSize) Compare(K.ZipUncompressedSizeMismatch, index, e, fromDescriptor, uncompressed, e.UncompressedSize);
        }

        private void Compare(FramingIssueKind kind, int index, ZipCentralEntry e, bool fromDescriptor, long local, long central) =>
            _report.Report(new FramingIssue(kind, memberIndex: index) { Path = e.Name, Flag = fromDescriptor, Number = local, OtherNumber = central });

        private void Report(FramingIssueKind kind, int index, ZipCentralEntry e) =>
            _report.Report(new FramingIssue(kind, memberIndex: index) { Path = e.Name });
    }
}
