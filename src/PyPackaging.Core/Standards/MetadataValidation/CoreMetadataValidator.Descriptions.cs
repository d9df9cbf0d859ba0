using System.Collections.Generic;
using System.Globalization;

namespace PyPackaging.Standards
{
    // Description fields: Summary, Description-Content-Type and whether a description has one.
    public static partial class CoreMetadataValidator
    {
        private static void CheckDescriptionGivenTwice(CoreMetadata metadata, List<MetadataProblem> problems)
        {
            if (metadata.Body != null && metadata.Has("Description") && metadata.SyntaxErrors.Count == 0)
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.FieldRepeated, "Description",
                    "The description is given both as a `Description` header and as the message body; PyPI rejects the metadata as malformed.", LineOf(metadata, "Description")));
            }
        }

        private static void CheckSummary(CoreMetadata m, List<MetadataProblem> problems)
        {
            foreach (var f in FieldsNamed(m, "Summary"))
            {
                if (f.Value.IndexOf('\n') >= 0 || f.Value.IndexOf('\r') >= 0)
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.SummaryMultiline, "Summary",
                        "Summary spans several lines; it must be a single line, and PyPI rejects the upload.", f.Line, f.Value));
                }
                if (f.Value.Length > MaxSummaryLength)
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.SummaryTooLong, "Summary",
                        "Summary is " + f.Value.Length.ToString(CultureInfo.InvariantCulture) + " characters long; PyPI rejects summaries longer than " + MaxSummaryLength.ToString(CultureInfo.InvariantCulture) + " characters.", f.Line, f.Value));
                }
                break;
            }
        }

        /// <summary>Validates a Description-Content-Type value; null when it is acceptable.</summary>
        public static string? CheckContentType(string value)
        {
            var parts = value.Split(';');
            var type = AsciiText.ToLower(AsciiText.Trim(parts[0]));
            if (type != "text/plain" && type != "text/x-rst" && type != "text/markdown")
            {
                return "Description-Content-Type `" + AsciiText.Printable(value) + "` must be one of `text/plain`, `text/x-rst` or `text/markdown`; PyPI rejects the upload.";
            }
            for (var i = 1; i < parts.Length; i++)
            {
                var p = AsciiText.Trim(parts[i]);
                if (p.Length == 0) continue;
                var eq = p.IndexOf('=');
                if (eq <= 0) continue;
                var key = AsciiText.ToLower(AsciiText.Trim(p.Substring(0, eq)));
                var val = AsciiText.Trim(p.Substring(eq + 1)).Trim('"');
                if (key == "charset" && !AsciiText.EqualsIgnoreCase(val, "UTF-8"))
                {
                    return "Description-Content-Type `" + AsciiText.Printable(value) + "` specifies charset `" + AsciiText.Printable(val) + "`; only UTF-8 is allowed, and PyPI rejects the upload.";
                }
                if (key == "variant" && type == "text/markdown" && val != "GFM" && val != "CommonMark")
                {
                    return "Description-Content-Type `" + AsciiText.Printable(value) + "` specifies Markdown variant `" + AsciiText.Printable(val) + "`; only `GFM` and `CommonMark` are valid, and PyPI rejects the upload.";
                }
            }
            return null;
        }

        private static void CheckDescriptionContentType(CoreMetadata m, List<MetadataProblem> problems)
        {
            foreach (var f in FieldsNamed(m, "Description-Content-Type"))
            {
                var error = CheckContentType(f.Value);
                if (error != null) problems.Add(new MetadataProblem(MetadataProblemKind.InvalidDescriptionContentType, "Description-Content-Type", error, f.Line, f.Value));
                break;
            }
        }

        private static void CheckDescriptionContentTypePresent(CoreMetadata m, List<MetadataProblem> problems)
        {
            var description = m.Description;
            if (description == null || AsciiText.Trim(description).Length == 0 || m.Has("Description-Content-Type")) return;
            problems.Add(new MetadataProblem(MetadataProblemKind.DescriptionContentTypeMissing, "Description-Content-Type",
                "There is a description but no `Description-Content-Type`, so PyPI renders it as reStructuredText (`twine check` warns); a Markdown readme shows up as raw text or fails to render."));
        }
    }
}
