using System;
using K = PyPackaging.Archives.FramingIssueKind;

using PyPackaging.Rules;

namespace PyPackaging.Archives
{
    /// <summary>
    /// Turns one member header block (ustar, GNU or v7), with what the extension headers before it said, into an
    /// <see cref="ArchiveMember"/>: effective path, link, type, size and numbers, and every disagreement between the
    /// sources readers take them from. Precedence: pax over GNU long name/link over the header fields.
    /// </summary>
    internal sealed class TarHeaderDecoder
    {
        private readonly TarBlockSource _blocks;
        private readonly TarExtensionState _ext;
        private readonly LimitChecks _limits;
        private readonly FramingReport _report;

        public TarHeaderDecoder(TarBlockSource blocks, TarExtensionState extensions, LimitChecks limits, FramingReport report)
        {
            _blocks = blocks;
            _ext = extensions;
            _limits = limits;
            _report = report;
        }

        /// <summary>The names and format as the header block itself stores them.</summary>
        private sealed class HeaderNames
        {
            public bool IsGnu;
            public bool IsUstar;
            public string Name = string.Empty;
            public bool NameInvalid;
            public string Link = string.Empty;
            public bool LinkInvalid;
            /// <summary>
            /// GNU headers keep atime/ctime where ustar keeps the name prefix. GNU tar and bsdtar read those bytes as GNU
            /// fields; Go's archive/tar and CPython's tarfile join them to the name as a prefix (CPython for every non-GNU
            /// type). Filled, they make the readers extract the member under different paths.
            /// </summary>
            public string? GnuPrefixConflict;
        }

        /// <summary>Decodes the member at <paramref name="index"/>; null when a limit or truncation stopped reading.</summary>
        public ArchiveMember? Decode(byte[] h, char type, long headerSize, bool sizeBase256, long memberStart, int index)
        {
            var names = ReadNames(h, type);
            if (!_limits.AllowsAnotherMember(index, _ext.PaxPath ?? _ext.GnuLongName ?? names.Name)) return null;

            string path = _ext.PaxPath ?? _ext.GnuLongName ?? names.Name;
            bool pathInvalid = _ext.PaxPath != null ? _ext.PaxPathInvalid : _ext.GnuLongName != null ? _ext.GnuLongNameInvalid : names.NameInvalid;
            string link = _ext.PaxLinkPath ?? _ext.GnuLongLink ?? names.Link;
            bool linkInvalid = _ext.PaxLinkPath != null ? _ext.PaxLinkInvalid : _ext.GnuLongLink != null ? _ext.GnuLongLinkInvalid : names.LinkInvalid;
            var entryType = _ext.PaxSparse ? PySdistEntryType.SparseFile : EntryTypeOf(type, path);

            long size = ResolveSize(headerSize, path, index);
            if (!_limits.AllowsMemberSize(path, size)) return null;
            if (type == 'S' && h[482] != 0 && !SkipSparseMap(path)) return null;
            if (!_limits.AllowsMemberData(path, _blocks.Offset, size)) return null;

            var member = new ArchiveMember
            {
                Index = index,
                Path = path,
                Type = entryType,
                TypeFlag = type,
                Size = size,
                HeaderOffset = memberStart,
                HeaderFormat = _ext.PaxSeen ? MemberHeaderFormat.Pax : names.IsGnu ? MemberHeaderFormat.Gnu : names.IsUstar ? MemberHeaderFormat.Ustar : MemberHeaderFormat.V7,
            };
            _report.FlushPending(index);
            if (names.GnuPrefixConflict != null && _ext.PaxPath == null && _ext.GnuLongName == null)
            {
                Report(K.TarGnuPrefixConflict, index, names.Name, names.GnuPrefixConflict);
            }
            if (entryType == PySdistEntryType.SymbolicLink || entryType == PySdistEntryType.HardLink) member.LinkTarget = link;

            ReadNumbers(h, member, sizeBase256);
            ReadOwners(h, member, names);
            ReportNameConflicts(member, names);
            if (pathInvalid) Report(K.TarPathNotUtf8, index, path);
            if (member.LinkTarget != null && linkInvalid) Report(K.TarLinkNotUtf8, index, path, link);
            ReportTypeIssues(member);
            _limits.CheckPaths(index, path, member.LinkTarget);
            return member;
        }

        private static HeaderNames ReadNames(byte[] h, char type)
        {
            var names = new HeaderNames();
            names.IsGnu = h[257] == (byte)'u' && h[258] == (byte)'s' && h[259] == (byte)'t' && h[260] == (byte)'a' && h[261] == (byte)'r' && h[262] == (byte)' ';
            names.IsUstar = !names.IsGnu && h[257] == (byte)'u' && h[258] == (byte)'s' && h[259] == (byte)'t' && h[260] == (byte)'a' && h[261] == (byte)'r' && h[262] == 0;
            names.Name = TarFields.DecodeField(h, 0, 100, out names.NameInvalid);
            if (names.IsUstar && h[345] != 0)
            {
                string prefix = TarFields.DecodeField(h, 345, 155, out bool prefixInvalid);
                names.Name = prefix + "/" + names.Name;
                names.NameInvalid |= prefixInvalid;
            }
            names.Link = TarFields.DecodeField(h, 157, 100, out names.LinkInvalid);
            if (names.IsGnu && h[345] != 0 && type != 'S') names.GnuPrefixConflict = TarFields.DecodeField(h, 345, 155, out _);
            return names;
        }

        private static PySdistEntryType EntryTypeOf(char type, string path)
        {
            switch (type)
            {
                case '0':
                case '7':
                    return PySdistEntryType.File;
                case '\0':
                    // Old tars mark directories as '\0' with a trailing slash; every reader treats them as directories.
                    return path.EndsWith("/", StringComparison.Ordinal) ? PySdistEntryType.Directory : PySdistEntryType.File;
                case '1': return PySdistEntryType.HardLink;
                case '2': return PySdistEntryType.SymbolicLink;
                case '3': return PySdistEntryType.CharacterDevice;
                case '4': return PySdistEntryType.BlockDevice;
                case '5': return PySdistEntryType.Directory;
                case '6': return PySdistEntryType.Fifo;
                case 'S': return PySdistEntryType.SparseFile;
                default: return PySdistEntryType.Unknown;
            }
        }

        /// <summary>Exactly one size source: the pax record when present, else the header field.</summary>
        private long ResolveSize(long headerSize, string path, int index)
        {
            if (!_ext.PaxSize.HasValue) return headerSize;
            long paxSize = _ext.PaxSize.Value;
            if (paxSize != headerSize && !(headerSize == 0 && paxSize > TarFields.MaxOctalSize))
            {
                _report.Report(new FramingIssue(K.PaxSizeMismatch, memberIndex: index) { Path = path, Number = paxSize, OtherNumber = headerSize });
            }
            return paxSize;
        }

        /// <summary>GNU old-style sparse members carry extension blocks of sparse maps before their data; false when cut short.</summary>
        private bool SkipSparseMap(string path)
        {
            var block = new byte[512];
            while (true)
            {
                long at = _blocks.Offset;
                int got = _blocks.ReadExact(block, 0, 512);
                if (_report.Stopped) return false;
                if (got < 512)
                {
                    _report.FlushPending(FindingCollector.ArchiveLevel);
                    _report.Stop(new FramingIssue(K.TarTruncatedSparseMap, at) { Path = path });
                    return false;
                }
                if (block[504] == 0) return true;
            }
        }

        private void ReadNumbers(byte[] h, ArchiveMember member, bool sizeBase256)
        {
            string? base256Fields = sizeBase256 && !_ext.PaxSize.HasValue ? "size" : null;
            if (TarFields.TryParseNumber(h, 100, 8, out long mode, out bool modeB256)) member.Mode = (int)(mode & 0xFFF);
            else ReportInvalidField(member, "mode");
            if (modeB256) base256Fields = Append(base256Fields, "mode");
            if (_ext.PaxUid.HasValue) member.Uid = _ext.PaxUid;
            else if (TarFields.TryParseNumber(h, 108, 8, out long uid, out bool uidB256)) { member.Uid = uid; if (uidB256) base256Fields = Append(base256Fields, "uid"); }
            else ReportInvalidField(member, "uid");
            if (_ext.PaxGid.HasValue) member.Gid = _ext.PaxGid;
            else if (TarFields.TryParseNumber(h, 116, 8, out long gid, out bool gidB256)) { member.Gid = gid; if (gidB256) base256Fields = Append(base256Fields, "gid"); }
            else ReportInvalidField(member, "gid");
            if (_ext.PaxMtime.HasValue) member.ModifiedTime = TarFields.FromUnixSeconds(_ext.PaxMtime.Value);
            else if (TarFields.TryParseNumber(h, 136, 12, out long mtime, out bool mtimeB256)) { member.ModifiedTime = TarFields.FromUnixSeconds(mtime); if (mtimeB256) base256Fields = Append(base256Fields, "mtime"); }
            else ReportInvalidField(member, "mtime");
            if (base256Fields != null) Report(K.TarBase256Field, member.Index, member.Path, base256Fields);
        }

        private void ReportInvalidField(ArchiveMember member, string field) => Report(K.TarNumberFieldInvalid, member.Index, member.Path, field);

        private static string Append(string? list, string item) => list == null ? item : list + ", " + item;

        private void ReadOwners(byte[] h, ArchiveMember member, HeaderNames names)
        {
            if (names.IsUstar || names.IsGnu)
            {
                string uname = TarFields.DecodeField(h, 265, 32, out _);
                string gname = TarFields.DecodeField(h, 297, 32, out _);
                member.UserName = _ext.PaxUname ?? (uname.Length > 0 ? uname : null);
                member.GroupName = _ext.PaxGname ?? (gname.Length > 0 ? gname : null);
            }
            else
            {
                member.UserName = _ext.PaxUname;
                member.GroupName = _ext.PaxGname;
            }
        }

        /// <summary>Disagreements between the name sources.</summary>
        private void ReportNameConflicts(ArchiveMember member, HeaderNames names)
        {
            int index = member.Index;
            string path = member.Path;
            if (_ext.PaxPath != null && _ext.GnuLongName != null) Report(K.PaxGnuPathConflict, index, path, _ext.PaxPath, _ext.GnuLongName);
            if (_ext.PaxLinkPath != null && _ext.GnuLongLink != null) Report(K.PaxGnuLinkConflict, index, path, _ext.PaxLinkPath, _ext.GnuLongLink);
            if (_ext.PaxPath != null && _ext.GnuLongName == null)
            {
                string? why = PaxNamePolicy.Conflict(_ext.PaxPath, names.Name, isLink: false);
                if (why != null) Report(K.PaxPathConflict, index, _ext.PaxPath, names.Name, why);
            }
            if (_ext.PaxLinkPath != null && _ext.GnuLongLink == null && member.LinkTarget != null)
            {
                string? why = PaxNamePolicy.Conflict(_ext.PaxLinkPath, names.Link, isLink: true);
                if (why != null) Report(K.PaxLinkConflict, index, path, _ext.PaxLinkPath, names.Link, why);
            }
        }

        private void ReportTypeIssues(ArchiveMember member)
        {
            if (member.Type == PySdistEntryType.SparseFile)
            {
                _report.Report(new FramingIssue(K.TarSparseMember, memberIndex: member.Index) { Path = member.Path, Flag = member.TypeFlag == 'S' });
            }
            else if (member.Type == PySdistEntryType.Unknown)
            {
                _report.Report(new FramingIssue(K.TarUnknownTypeFlag, memberIndex: member.Index) { Path = member.Path, Number = member.TypeFlag });
            }
            else if (member.Size != 0 && member.Type != PySdistEntryType.File)
            {
                _report.Report(new FramingIssue(K.TarPayloadOnNonFile, memberIndex: member.Index) { Path = member.Path, Value = member.Type.ToString(), Number = member.Size });
            }
        }

        private void Report(FramingIssueKind kind, int index, string path, string? value = null, string? otherValue = null, string? reason = null) =>
            _report.Report(new FramingIssue(kind, memberIndex: index) { Path = path, Value = value, OtherValue = otherValue, Reason = reason });
    }
}
