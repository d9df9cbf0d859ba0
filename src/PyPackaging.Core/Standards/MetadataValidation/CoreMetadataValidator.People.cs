using System.Collections.Generic;

namespace PyPackaging.Standards
{
    // People fields: the addresses in Author-email and Maintainer-email.
    public static partial class CoreMetadataValidator
    {
        /// <summary>Why one address of an Author-email / Maintainer-email list is malformed, or null.</summary>
        public static string? CheckEmailAddress(string entry) => EmailAddress.WhyInvalidEntry(entry, EmailRules.CoreMetadataHeader);

        private static void CheckEmails(CoreMetadata m, List<MetadataProblem> problems)
        {
            foreach (var field in new[] { "Author-email", "Maintainer-email" })
            {
                foreach (var f in FieldsNamed(m, field))
                {
                    foreach (var entry in EmailAddress.SplitList(f.Value.Replace('\n', ' ')))
                    {
                        // `UNKNOWN` is the placeholder old setuptools wrote for a missing value.
                        if (AsciiText.Trim(entry).Length == 0 || AsciiText.Trim(entry) == "UNKNOWN") continue;
                        var reason = CheckEmailAddress(entry);
                        if (reason != null)
                        {
                            problems.Add(new MetadataProblem(MetadataProblemKind.InvalidEmail, field,
                                field + " `" + AsciiText.Printable(AsciiText.Trim(entry)) + "` is not a valid email address: " + reason + ". PyPI rejects the upload.", f.Line, f.Value));
                        }
                    }
                }
            }
        }
    }
}
