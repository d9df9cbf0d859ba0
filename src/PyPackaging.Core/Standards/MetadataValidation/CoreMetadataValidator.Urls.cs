using System;
using System.Collections.Generic;
using System.Globalization;

namespace PyPackaging.Standards
{
    // URL fields: Home-page, Download-URL and Project-URL.
    public static partial class CoreMetadataValidator
    {
        /// <summary>True for an absolute http(s) URL with a host, as PyPI requires for URL fields.</summary>
        public static bool IsValidWebUrl(string url)
        {
            var u = AsciiText.Trim(url);
            // Compare the scheme after ASCII lowercasing only: OrdinalIgnoreCase would also fold U+017F (long s) to `s`.
            var head = AsciiText.ToLower(u.Length > 8 ? u.Substring(0, 8) : u);
            string rest;
            if (head.StartsWith("https://", StringComparison.Ordinal)) rest = u.Substring(8);
            else if (head.StartsWith("http://", StringComparison.Ordinal)) rest = u.Substring(7);
            else return false;
            if (rest.Length == 0 || rest[0] == '/' || rest[0] == '?' || rest[0] == '#') return false;
            foreach (var c in u)
            {
                if (c <= ' ' || c == '\x7f') return false;
            }
            return true;
        }

        private static void CheckUrls(CoreMetadata m, List<MetadataProblem> problems)
        {
            foreach (var field in new[] { "Home-page", "Download-URL" })
            {
                foreach (var f in FieldsNamed(m, field))
                {
                    if (AsciiText.Trim(f.Value).Length > 0 && !IsValidWebUrl(f.Value) && f.Value != "UNKNOWN")
                    {
                        problems.Add(new MetadataProblem(MetadataProblemKind.InvalidProjectUrl, field,
                            field + " `" + AsciiText.Printable(f.Value) + "` is not a valid http(s) URL; PyPI rejects the upload.", f.Line, f.Value));
                    }
                }
            }
            foreach (var f in FieldsNamed(m, "Project-URL"))
            {
                var comma = f.Value.IndexOf(',');
                var label = comma < 0 ? string.Empty : AsciiText.Trim(f.Value.Substring(0, comma));
                var url = comma < 0 ? AsciiText.Trim(f.Value) : AsciiText.Trim(f.Value.Substring(comma + 1));
                string? reason = null;
                if (comma < 0 || label.Length == 0) reason = "it must have a label (`label, URL`)";
                else if (label.Length > MaxProjectUrlLabelLength) reason = "its label `" + AsciiText.Printable(label) + "` is longer than " + MaxProjectUrlLabelLength.ToString(CultureInfo.InvariantCulture) + " characters";
                else if (url.Length == 0) reason = "it must have a URL after the label";
                else if (!IsValidWebUrl(url)) reason = "`" + AsciiText.Printable(url) + "` is not a valid http(s) URL";
                if (reason != null)
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.InvalidProjectUrl, "Project-URL",
                        "Project-URL `" + AsciiText.Printable(f.Value) + "` is invalid: " + reason + ". PyPI rejects the upload.", f.Line, f.Value));
                }
            }
        }
    }
}
