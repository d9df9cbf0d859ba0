using PyPackaging.Rules;
using K = PyPackaging.Archives.FramingIssueKind;

namespace PyPackaging.Archives
{
    /// <summary>
    /// The extension headers that precede a member: pax extended ('x', Solaris 'X') and global ('g') headers, whose
    /// records <see cref="PaxRecords"/> parses, and GNU long names ('L') and long links ('K'). What they say goes into
    /// the <see cref="TarExtensionState"/>; a repeated one is reported with the member it precedes.
    /// </summary>
    internal sealed class TarExtensionHeaders
    {
        private readonly TarBlockSource _blocks;
        private readonly TarExtensionState _ext;
        private readonly FramingReport _report;
        private readonly PaxRecords _pax;
        private byte[] _buffer = new byte[4096];

        public TarExtensionHeaders(TarBlockSource blocks, TarExtensionState state, FramingReport report)
        {
            _blocks = blocks;
            _ext = state;
            _report = report;
            _pax = new PaxRecords(report, state);
        }

        public enum Outcome { NotAnExtension, Read, Stopped }

        /// <summary>Reads a pax ('x', 'X', 'g') or GNU long name/link ('L', 'K') header into the extension state.</summary>
        public Outcome Read(char type, long headerSize, long blockOffset)
        {
            switch (type)
            {
                case 'x':
                case 'X': // Solaris' extended header: the same records as pax 'x' (CPython's tarfile and libarchive read it as pax)
                case 'g':
                    return ReadPaxHeader(global: type == 'g', headerSize, blockOffset);
                case 'L':
                case 'K':
                    return ReadGnuLongEntry(isName: type == 'L', headerSize, blockOffset);
                default:
                    return Outcome.NotAnExtension;
            }
        }

        private Outcome ReadPaxHeader(bool global, long headerSize, long blockOffset)
        {
            if (headerSize > ArchiveLimits.MaxPaxHeaderSize)
            {
                _report.Stop(new FramingIssue(K.PaxHeaderTooLarge, blockOffset) { Flag = global, Number = headerSize });
                return Outcome.Stopped;
            }
            if (!global && _ext.PaxSeen) _report.Defer(new FramingIssue(K.TarRepeatedPaxHeader, blockOffset));
            if (!ReadExtensionPayload((int)headerSize, blockOffset)) return Outcome.Stopped;
            if (!global) _ext.PaxSeen = true;
            _pax.Parse(_buffer, (int)headerSize, blockOffset, global);
            if (!global && _ext.PaxFatal)
            {
                _report.FlushPending(FindingCollector.ArchiveLevel);
                _report.StopOnly(FramingMessages.Reasons.MalformedPaxSize);
                return Outcome.Stopped;
            }
            return Outcome.Read;
        }

        private Outcome ReadGnuLongEntry(bool isName, long headerSize, long blockOffset)
        {
            if (headerSize > ArchiveLimits.MaxGnuLongNameSize)
            {
                _report.Stop(new FramingIssue(K.GnuLongNameTooLarge, blockOffset) { Flag = isName, Number = headerSize });
                return Outcome.Stopped;
            }
            if (!ReadExtensionPayload((int)headerSize, blockOffset)) return Outcome.Stopped;
            int n = TarFields.FieldLength(_buffer, 0, (int)headerSize);
            string value = TarFields.DecodeUtf8(_buffer, 0, n, out bool invalid);
            if ((isName ? _ext.GnuLongName : _ext.GnuLongLink) != null)
            {
                _report.Defer(new FramingIssue(K.TarRepeatedGnuEntry, blockOffset) { Flag = isName });
            }
            if (isName) { _ext.GnuLongName = value; _ext.GnuLongNameInvalid = invalid; }
            else { _ext.GnuLongLink = value; _ext.GnuLongLinkInvalid = invalid; }
            return Outcome.Read;
        }

        /// <summary>Reads an extension header's payload (and its padding) into the extension buffer.</summary>
        private bool ReadExtensionPayload(int size, long blockOffset)
        {
            if (_buffer.Length < size)
            {
                int capacity = _buffer.Length;
                while (capacity < size) capacity *= 2;
                _buffer = new byte[capacity];
            }
            int got = _blocks.ReadExact(_buffer, 0, size);
            if (_report.Stopped) return false;
            int pad = (512 - size % 512) % 512;
            long padGot = got == size ? _blocks.Skip(pad) : 0;
            if (_report.Stopped) return false;
            if (got < size || padGot < pad)
            {
                _report.FlushPending(FindingCollector.ArchiveLevel);
                _report.Stop(new FramingIssue(K.TarTruncatedExtension, blockOffset) { Number = size });
                return false;
            }
            return true;
        }
    }
}
