using System.Collections.Generic;

namespace PyPackaging.Standards
{
    // The Dynamic field: which fields a build backend may still fill in.
    public static partial class CoreMetadataValidator
    {
        private static void CheckDynamic(CoreMetadata m, List<MetadataProblem> problems)
        {
            foreach (var f in FieldsNamed(m, "Dynamic"))
            {
                var value = AsciiText.Trim(f.Value);
                var canonical = CanonicalFieldName(value);
                string? reason = null;
                if (canonical == "Name" || canonical == "Version" || canonical == "Metadata-Version")
                {
                    reason = "`" + canonical + "` is not allowed as a dynamic field: it must be fixed in the sdist";
                }
                else if (canonical == null || canonical == "Dynamic")
                {
                    reason = "`" + AsciiText.Printable(value) + "` is not a valid dynamic field (not a core metadata field name)";
                }
                if (reason != null)
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.InvalidDynamic, "Dynamic",
                        "Dynamic " + reason + "; PyPI rejects the upload.", f.Line, f.Value));
                }
            }
        }
    }
}
