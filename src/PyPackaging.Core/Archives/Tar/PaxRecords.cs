using System;
using System.Collections.Generic;
using System.Globalization;
using K = PyPackaging.Archives.FramingIssueKind;


namespace PyPackaging.Archives
{
    /// <summary>
    /// Parses the records "&lt;len&gt; &lt;key&gt;=&lt;value&gt;\n" of a pax extended ('x') or global ('g') header into the
    /// <see cref="TarExtensionState"/>, reporting every record readers could read differently. Issues of an extended
    /// header wait for the member they describe; a global header's are reported at once.
    /// </summary>
    internal sealed class PaxRecords
    {
        private readonly FramingReport _report;
        private readonly TarExtensionState _state;
        private readonly HashSet<string> _keys = new HashSet<string>(StringComparer.Ordinal);
        private byte[] _b = Array.Empty<byte>();
        private long _blockOffset;
        private bool _global;

        public PaxRecords(FramingReport report, TarExtensionState state)
        {
            _report = report;
            _state = state;
        }

        /// <summary>
        /// Walks the records of <paramref name="size"/> bytes in <paramref name="payload"/>. A malformed length ends the
        /// walk (nothing after it can be delimited; for an extended header the archive cannot be framed: PaxFatal);
        /// trailing NUL padding is tolerated.
        /// </summary>
        public void Parse(byte[] payload, int size, long blockOffset, bool global)
        {
            _b = payload;
            _blockOffset = blockOffset;
            _global = global;
            _keys.Clear();
            int pos = 0;
            while (pos < size)
            {
                if (_b[pos] == 0 && TarFields.IsZeroBlock(_b, pos, size - pos)) break;
                int end = Delimit(pos, size, out int keyStart);
                if (end < 0)
                {
                    if (!global) _state.PaxFatal = true;
                    return;
                }
                ParseRecord(pos, keyStart, end);
                pos = end;
            }
        }

        /// <summary>Checks the record's length prefix; returns where the record ends, or -1 (reported) when it cannot be delimited.</summary>
        private int Delimit(int pos, int size, out int keyStart)
        {
            keyStart = -1;
            int p = pos;
            long len = 0;
            int digits = 0;
            while (p < size && _b[p] >= (byte)'0' && _b[p] <= (byte)'9' && digits < 10)
            {
                len = len * 10 + (_b[p] - (byte)'0');
                p++;
                digits++;
            }
            if (digits == 0 || p >= size || _b[p] != (byte)' ')
            {
                Emit(new FramingIssue(K.PaxRecordWithoutLength, _blockOffset) { Number = pos });
                return -1;
            }
            if (len < digits + 2 || pos + len > size)
            {
                Emit(new FramingIssue(K.PaxRecordLengthOutOfBounds, _blockOffset) { Number = pos, OtherNumber = len, ThirdNumber = size });
                return -1;
            }
            int end = pos + (int)len;
            if (_b[end - 1] != (byte)'\n')
            {
                Emit(new FramingIssue(K.PaxRecordWithoutNewline, _blockOffset) { Number = pos });
                return -1;
            }
            keyStart = p + 1;
            return end;
        }

        private void ParseRecord(int pos, int keyStart, int end)
        {
            int eq = Array.IndexOf(_b, (byte)'=', keyStart, end - 1 - keyStart);
            if (eq < 0)
            {
                Emit(new FramingIssue(K.PaxRecordWithoutEquals, _blockOffset) { Number = pos });
                return;
            }
            if (eq == keyStart)
            {
                Emit(new FramingIssue(K.PaxKeywordEmpty, _blockOffset) { Number = pos });
                return;
            }
            if (Array.IndexOf(_b, (byte)0, keyStart, eq - keyStart) >= 0)
            {
                // Go's archive/tar, bsdtar and GNU tar refuse a keyword that is empty or holds NUL; others cut it at NUL.
                Emit(new FramingIssue(K.PaxKeywordCutByNul, _blockOffset) { Number = pos, Value = TarFields.DecodeUtf8(_b, keyStart, eq - keyStart, out _) });
                return;
            }
            string key = TarFields.DecodeUtf8(_b, keyStart, eq - keyStart, out _);
            int valueStart = eq + 1;
            int valueLength = end - 1 - valueStart;
            bool duplicate = !_keys.Add(key);
            if (_global) ApplyGlobal(key, valueStart, valueLength, duplicate);
            else ApplyLocal(key, valueStart, valueLength, duplicate);
        }

        private void Emit(FramingIssue issue)
        {
            issue.Flag = _global;
            if (_global) _report.Report(issue);
            else _report.Defer(issue);
        }

        private string Text(int start, int length) => TarFields.DecodeUtf8(_b, start, length, out _);

        private void ApplyGlobal(string key, int valueStart, int valueLength, bool duplicate)
        {
            if (duplicate) _report.Report(new FramingIssue(K.PaxDuplicateGlobalKey, _blockOffset) { Value = key });
            if (key == "path" || key == "linkpath" || key == "size")
            {
                _report.Report(new FramingIssue(K.PaxGlobalOverride, _blockOffset) { Value = key, OtherValue = Text(valueStart, valueLength) });
            }
            else if (key == "hdrcharset" && IsValue(valueStart, valueLength, "BINARY"))
            {
                Emit(new FramingIssue(K.PaxBinaryCharset, _blockOffset));
            }
        }

        private bool IsValue(int start, int length, string expected)
        {
            if (length != expected.Length) return false;
            for (int i = 0; i < length; i++)
            {
                if (_b[start + i] != (byte)expected[i]) return false;
            }
            return true;
        }

        private void ApplyLocal(string key, int valueStart, int valueLength, bool duplicate)
        {
            string? previous = null;
            switch (key)
            {
                case "path":
                    previous = _state.PaxPath;
                    if (ReadName(key, valueStart, valueLength, out string? path, out bool pathInvalid)) { _state.PaxPath = path; _state.PaxPathInvalid = pathInvalid; }
                    break;
                case "linkpath":
                    previous = _state.PaxLinkPath;
                    if (ReadName(key, valueStart, valueLength, out string? link, out bool linkInvalid)) { _state.PaxLinkPath = link; _state.PaxLinkInvalid = linkInvalid; }
                    break;
                case "size":
                    previous = _state.PaxSize?.ToString(CultureInfo.InvariantCulture);
                    if (TryParseDecimal(valueStart, valueLength, allowFraction: false, out long size)) _state.PaxSize = size;
                    else
                    {
                        Emit(new FramingIssue(K.PaxSizeNotDecimal, _blockOffset) { OtherValue = Text(valueStart, valueLength) });
                        _state.PaxFatal = true;
                    }
                    break;
                case "mtime":
                    _state.PaxMtime = ReadNumber(key, valueStart, valueLength, allowFraction: true) ?? _state.PaxMtime;
                    break;
                case "uid":
                    _state.PaxUid = ReadNumber(key, valueStart, valueLength, allowFraction: false) ?? _state.PaxUid;
                    break;
                case "gid":
                    _state.PaxGid = ReadNumber(key, valueStart, valueLength, allowFraction: false) ?? _state.PaxGid;
                    break;
                case "uname":
                    _state.PaxUname = Text(valueStart, valueLength);
                    break;
                case "gname":
                    _state.PaxGname = Text(valueStart, valueLength);
                    break;
                case "hdrcharset":
                    if (IsValue(valueStart, valueLength, "BINARY")) Emit(new FramingIssue(K.PaxBinaryCharset, _blockOffset));
                    break;
                default:
                    if (key.StartsWith("GNU.sparse.", StringComparison.Ordinal)) _state.PaxSparse = true;
                    break;
            }
            if (duplicate)
            {
                _report.Defer(previous != null
                    ? new FramingIssue(K.PaxDuplicateKeyValues, _blockOffset) { Value = key, OtherValue = previous, Reason = Text(valueStart, valueLength) }
                    : new FramingIssue(K.PaxDuplicateKey, _blockOffset) { Value = key });
            }
        }

        /// <summary>A path or linkpath value; false (reported) when empty. Not UTF-8 is reported but kept.</summary>
        private bool ReadName(string key, int start, int length, out string? value, out bool invalid)
        {
            value = null;
            invalid = false;
            if (length == 0)
            {
                Emit(new FramingIssue(K.PaxValueEmpty, _blockOffset) { Value = key });
                return false;
            }
            value = TarFields.DecodeUtf8(_b, start, length, out invalid);
            if (invalid) Emit(new FramingIssue(K.PaxValueNotUtf8, _blockOffset) { Value = key, OtherValue = value });
            return true;
        }

        private long? ReadNumber(string key, int start, int length, bool allowFraction)
        {
            if (TryParseDecimal(start, length, allowFraction, out long value)) return value;
            Emit(new FramingIssue(K.PaxNumberInvalid, _blockOffset) { Value = key });
            return null;
        }

        /// <summary>Parses an unsigned decimal (optionally with a leading '-' and a fraction when <paramref name="allowFraction"/>), keeping the integer part.</summary>
        private bool TryParseDecimal(int start, int length, bool allowFraction, out long value)
        {
            value = 0;
            int i = start, end = start + length;
            bool negative = false;
            if (allowFraction && i < end && _b[i] == (byte)'-') { negative = true; i++; }
            // Decimal of any length: leading zeros do not count (`size=000000000000000000000999` is 999 in every
            // other reader); only the value must fit.
            int digits = 0, significant = 0;
            while (i < end && _b[i] >= (byte)'0' && _b[i] <= (byte)'9')
            {
                if (significant > 0 || _b[i] != (byte)'0') significant++;
                if (significant > 18) return false;
                value = value * 10 + (_b[i] - (byte)'0');
                i++;
                digits++;
            }
            if (digits == 0) return false;
            if (i < end)
            {
                if (!allowFraction || _b[i] != (byte)'.') return false;
                i++;
                while (i < end)
                {
                    if (_b[i] < (byte)'0' || _b[i] > (byte)'9') return false;
                    i++;
                }
            }
            if (negative) value = -value;
            return true;
        }
    }
}
