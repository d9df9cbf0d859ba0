using System;
using System.Collections.Generic;
using System.Text;

namespace PyPackaging.Standards
{
    /// <summary>
    /// Writes core metadata (PKG-INFO) deterministically: fields in a fixed order (uv_build's order, see
    /// sdist-format.md §3.3), repeated fields in the order given, the description as the message body,
    /// LF line endings, UTF-8 without BOM.
    /// </summary>
    public static class CoreMetadataWriter
    {
        /// <summary>The order fields are written in; fields not listed here are rejected.</summary>
        public static readonly IReadOnlyList<string> FieldOrder = new[]
        {
            "Metadata-Version", "Name", "Version", "Platform", "Supported-Platform", "Summary", "Keywords", "Home-page",
            "Download-URL", "Author", "Author-email", "License", "License-Expression", "License-File", "Classifier",
            "Requires-Dist", "Provides-Dist", "Obsoletes-Dist", "Maintainer", "Maintainer-email", "Requires-Python",
            "Requires-External", "Project-URL", "Provides-Extra", "Import-Name", "Import-Namespace",
            "Description-Content-Type", "Dynamic",
        };

        /// <summary>
        /// The lowest Metadata-Version that allows every field in <paramref name="fieldNames"/>, never below 2.2
        /// (the minimum for an sdist).
        /// </summary>
        public static string ChooseMetadataVersion(IEnumerable<string> fieldNames)
        {
            int bestMajor = 2, bestMinor = 2;
            foreach (var name in fieldNames)
            {
                var added = CoreMetadataValidator.FieldAddedIn(name);
                if (added == null || !CoreMetadataValidator.TryParseMetadataVersion(added, out var major, out var minor)) continue;
                if (major > bestMajor || (major == bestMajor && minor > bestMinor))
                {
                    bestMajor = major;
                    bestMinor = minor;
                }
            }
            return bestMajor.ToString(System.Globalization.CultureInfo.InvariantCulture) + "."
                + bestMinor.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Renders the fields (name → value; names matched case-insensitively and written in their specification
        /// spelling) and the optional description body. False with an error for an unknown field, a repeated
        /// single-use field, a field name of <c>Description</c> (use <paramref name="description"/>), or a value with
        /// a line break in a field other than License.
        /// </summary>
        public static bool TryWrite(IEnumerable<KeyValuePair<string, string>> fields, string? description, out string text, out string? error)
        {
            text = string.Empty;
            var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var pair in fields)
            {
                var name = CoreMetadataValidator.CanonicalFieldName(pair.Key);
                if (name == null || Array.IndexOf((string[])FieldOrder, name) < 0)
                {
                    error = name == "Description"
                        ? "Pass the description as the body, not as a Description field."
                        : "`" + AsciiText.Printable(pair.Key) + "` is not a core metadata field this writer knows.";
                    return false;
                }
                var value = pair.Value ?? string.Empty;
                if (name != "License" && (value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0))
                {
                    error = "The value of `" + name + "` contains a line break.";
                    return false;
                }
                if (!byField.TryGetValue(name, out var list))
                {
                    list = new List<string>();
                    byField[name] = list;
                }
                else if (!IsMultipleUse(name))
                {
                    error = "`" + name + "` may appear only once.";
                    return false;
                }
                list.Add(value);
            }

            var sb = new StringBuilder();
            foreach (var name in FieldOrder)
            {
                if (!byField.TryGetValue(name, out var values)) continue;
                foreach (var value in values)
                {
                    sb.Append(name).Append(": ");
                    // Fold a multi-line License: every further line indented, so email.parser joins it back.
                    var lines = value.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
                    var indent = new string(' ', name.Length + 2);
                    for (var i = 0; i < lines.Length; i++)
                    {
                        if (i > 0) sb.Append('\n').Append(indent);
                        sb.Append(lines[i]);
                    }
                    sb.Append('\n');
                }
            }
            if (description != null)
            {
                sb.Append('\n').Append(description);
            }
            text = sb.ToString();
            error = null;
            return true;
        }

        /// <summary><see cref="TryWrite"/> as UTF-8 bytes without BOM.</summary>
        public static bool TryWriteUtf8(IEnumerable<KeyValuePair<string, string>> fields, string? description, out byte[] bytes, out string? error)
        {
            if (!TryWrite(fields, description, out var text, out error))
            {
                bytes = Array.Empty<byte>();
                return false;
            }
            bytes = new UTF8Encoding(false).GetBytes(text);
            return true;
        }

        private static bool IsMultipleUse(string name)
        {
            switch (name)
            {
                case "Dynamic":
                case "Platform":
                case "Supported-Platform":
                case "License-File":
                case "Classifier":
                case "Requires-Dist":
                case "Requires-External":
                case "Project-URL":
                case "Provides-Extra":
                case "Provides-Dist":
                case "Obsoletes-Dist":
                case "Import-Name":
                case "Import-Namespace":
                    return true;
                default:
                    return false;
            }
        }
    }
}
