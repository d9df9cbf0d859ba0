using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace PyPackaging.Standards
{
    /// <summary>One header of a core metadata file, as written (key spelling kept; folded values keep their line breaks).</summary>
    public sealed class CoreMetadataField
    {
        public CoreMetadataField(string key, string value, int line)
        {
            Key = key;
            Value = value;
            Line = line;
        }

        /// <summary>The header name as written.</summary>
        public string Key { get; }

        /// <summary>The value: leading blanks after the colon removed; continuation lines joined with <c>\n</c> and kept verbatim.</summary>
        public string Value { get; }

        /// <summary>1-based line where the header starts.</summary>
        public int Line { get; }

        public override string ToString() => Key + ": " + Value;
    }

    /// <summary>A line of the header block that is neither a header nor a continuation.</summary>
    public sealed class CoreMetadataSyntaxError
    {
        public CoreMetadataSyntaxError(int line, string text)
        {
            Line = line;
            Text = text;
        }

        public int Line { get; }
        public string Text { get; }
    }

    /// <summary>
    /// A parsed core metadata file (PKG-INFO / METADATA): the headers in order, repeated ones kept, and the body
    /// (the description). Parsing follows Python's <c>email.parser</c> with the compat32 policy closely enough
    /// for validation, and never throws.
    /// </summary>
    public sealed class CoreMetadata
    {
        private readonly List<CoreMetadataField> _fields;
        private readonly List<CoreMetadataSyntaxError> _syntaxErrors;

        private CoreMetadata(List<CoreMetadataField> fields, string? body, bool isValidUtf8, List<CoreMetadataSyntaxError> syntaxErrors)
        {
            _fields = fields;
            Body = body;
            IsValidUtf8 = isValidUtf8;
            _syntaxErrors = syntaxErrors;
        }

        public IReadOnlyList<CoreMetadataField> Fields => _fields;

        /// <summary>The message body (the description in the recommended form); null when there is no body.</summary>
        public string? Body { get; }

        /// <summary>False when the bytes were not valid UTF-8 (the text was then decoded with replacement characters).</summary>
        public bool IsValidUtf8 { get; }

        /// <summary>Lines in the header block that could not be read as headers (the first one ends the header block).</summary>
        public IReadOnlyList<CoreMetadataSyntaxError> SyntaxErrors => _syntaxErrors;

        /// <summary>Parses UTF-8 bytes (a leading BOM is skipped).</summary>
        public static CoreMetadata Parse(byte[] bytes)
        {
            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            string text;
            var valid = true;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes, offset, bytes.Length - offset);
            }
            catch (DecoderFallbackException)
            {
                valid = false;
                text = new UTF8Encoding(false, false).GetString(bytes, offset, bytes.Length - offset);
            }
            return Parse(text, valid);
        }

        /// <summary>Parses text already decoded.</summary>
        public static CoreMetadata Parse(string text) => Parse(text, true);

        private static CoreMetadata Parse(string text, bool validUtf8)
        {
            var fields = new List<CoreMetadataField>();
            var errors = new List<CoreMetadataSyntaxError>();
            var lines = SplitLines(text, out var lineStarts);
            string? key = null;
            StringBuilder? value = null;
            var keyLine = 0;
            string? body = null;

            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Length == 0)
                {
                    body = BodyAfter(text, lineStarts, i);
                    break;
                }
                if (line[0] == ' ' || line[0] == '\t')
                {
                    if (key != null)
                    {
                        value!.Append('\n').Append(line);
                        continue;
                    }
                    errors.Add(new CoreMetadataSyntaxError(i + 1, line));
                    body = BodyFrom(text, lineStarts, i);
                    break;
                }
                var colon = line.IndexOf(':');
                if (colon <= 0 || !IsHeaderName(line, colon))
                {
                    // email.parser ends the header block here and treats the rest as the body.
                    errors.Add(new CoreMetadataSyntaxError(i + 1, line));
                    body = BodyFrom(text, lineStarts, i);
                    break;
                }
                if (key != null) fields.Add(new CoreMetadataField(key, value!.ToString(), keyLine));
                key = line.Substring(0, colon);
                value = new StringBuilder(line.Substring(colon + 1).TrimStart(' ', '\t'));
                keyLine = i + 1;
            }
            if (key != null) fields.Add(new CoreMetadataField(key, value!.ToString(), keyLine));
            return new CoreMetadata(fields, body, validUtf8, errors);
        }

        private static bool IsHeaderName(string line, int colon)
        {
            for (var i = 0; i < colon; i++)
            {
                var c = line[i];
                if (c < '\x21' || c > '\x7e') return false;
            }
            return true;
        }

        [MethodImpl(HotLoop.Optimised)] // every line of every PKG-INFO (see HotLoop)
        private static List<string> SplitLines(string text, out List<int> starts)
        {
            var lines = new List<string>();
            starts = new List<int>();
            var start = 0;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\r' || c == '\n')
                {
                    lines.Add(text.Substring(start, i - start));
                    starts.Add(start);
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    i++;
                    start = i;
                }
                else
                {
                    i++;
                }
            }
            if (start < text.Length)
            {
                lines.Add(text.Substring(start));
                starts.Add(start);
            }
            return lines;
        }

        // The body starts after the empty line at index `emptyLine`.
        private static string? BodyAfter(string text, List<int> starts, int emptyLine)
        {
            var pos = starts[emptyLine];
            if (pos < text.Length && text[pos] == '\r') pos++;
            if (pos < text.Length && text[pos] == '\n') pos++;
            return pos >= text.Length ? null : text.Substring(pos);
        }

        private static string BodyFrom(string text, List<int> starts, int line) => text.Substring(starts[line]);

        /// <summary>The value old setuptools wrote for a missing field; PyPI drops form values equal to it before validating.</summary>
        public const string UnknownPlaceholder = "UNKNOWN";

        /// <summary>
        /// This metadata without the fields whose value is exactly <c>UNKNOWN</c>, as PyPI's upload form sanitises them
        /// before validation (so old setuptools' <c>Description-Content-Type: UNKNOWN</c> never fails an upload).
        /// </summary>
        public CoreMetadata WithoutUnknownPlaceholders()
        {
            var kept = _fields.FindAll(f => !string.Equals(AsciiText.Trim(f.Value), UnknownPlaceholder, StringComparison.Ordinal));
            return kept.Count == _fields.Count ? this : new CoreMetadata(kept, Body, IsValidUtf8, _syntaxErrors);
        }

        /// <summary>Every value of field <paramref name="name"/> (ASCII case-insensitive), in order.</summary>
        public IReadOnlyList<string> GetAll(string name)
        {
            var result = new List<string>();
            foreach (var f in _fields)
            {
                if (AsciiText.EqualsIgnoreCase(f.Key, name)) result.Add(f.Value);
            }
            return result;
        }

        /// <summary>The first value of field <paramref name="name"/>, or null.</summary>
        public string? Get(string name)
        {
            foreach (var f in _fields)
            {
                if (AsciiText.EqualsIgnoreCase(f.Key, name)) return f.Value;
            }
            return null;
        }

        public bool Has(string name) => Get(name) != null;

        /// <summary>The description: the body, or else the legacy Description header.</summary>
        public string? Description => Body ?? Get("Description");
    }
}
