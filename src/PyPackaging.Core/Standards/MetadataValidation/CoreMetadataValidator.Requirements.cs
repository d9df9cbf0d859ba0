using System;
using System.Collections.Generic;

namespace PyPackaging.Standards
{
    // Dependency fields: Requires-Dist, Provides-Dist, Obsoletes-Dist, Requires-Python and Provides-Extra.
    public static partial class CoreMetadataValidator
    {
        private static void CheckRequirements(CoreMetadata m, List<MetadataProblem> problems)
        {
            foreach (var field in new[] { "Requires-Dist", "Provides-Dist", "Obsoletes-Dist" })
            {
                foreach (var f in FieldsNamed(m, field))
                {
                    var req = Pep508Requirement.Parse(f.Value, out var error);
                    var ok = req != null;
                    if (!ok && field != "Requires-Dist" && TryLegacyProvides(f.Value, out var legacy))
                    {
                        // Provides-Dist / Obsoletes-Dist may carry a bare version in parentheses: `AnotherProject (3.4)`.
                        ok = true;
                        req = legacy;
                    }
                    if (!ok)
                    {
                        problems.Add(new MetadataProblem(MetadataProblemKind.InvalidRequirement, field,
                            field + " `" + AsciiText.Printable(f.Value) + "` is not a valid PEP 508 requirement (" + Inner(error?.Located()) + "); installers and PyPI reject it.", f.Line, f.Value));
                    }
                    else
                    {
                        if (req!.Url != null)
                        {
                            problems.Add(new MetadataProblem(MetadataProblemKind.DirectUrlDependency, field,
                                field + " `" + AsciiText.Printable(f.Value) + "` is a direct URL reference; PyPI rejects uploads with direct dependencies (`Can't have direct dependency`).", f.Line, f.Value));
                        }
                        var notes = req.SpecNotes;
                        if (notes.Count > 0)
                        {
                            problems.Add(new MetadataProblem(MetadataProblemKind.RequirementNotStrict, field,
                                field + " `" + AsciiText.Printable(f.Value) + "` is accepted by packaging, PyPI and installers, but not as the dependency-specifiers spec asks publishers to write it: " + string.Join("; ", notes) + ".", f.Line, f.Value));
                        }
                    }
                }
            }
        }

        // `Name (1.0)` is the core metadata example form for Provides-Dist: read it as `Name (==1.0)`.
        private static bool TryLegacyProvides(string value, out Pep508Requirement? requirement)
        {
            requirement = null;
            var open = value.IndexOf('(');
            if (open < 0) return false;
            var i = open + 1;
            while (i < value.Length && (value[i] == ' ' || value[i] == '\t')) i++;
            if (i >= value.Length || !AsciiText.IsDigit(value[i])) return false;
            var rewritten = value.Substring(0, i) + "==" + value.Substring(i);
            return Pep508Requirement.TryParse(rewritten, out requirement, out _);
        }

        private static void CheckRequiresPython(CoreMetadata m, List<MetadataProblem> problems)
        {
            foreach (var f in FieldsNamed(m, "Requires-Python"))
            {
                if (!VersionSpecifierSet.TryParse(f.Value, out _, out var error))
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.InvalidRequiresPython, "Requires-Python",
                        "Requires-Python `" + AsciiText.Printable(f.Value) + "` is not a valid version specifier set (" + Inner(error) + "); installers cannot use it and PyPI rejects it.", f.Line, f.Value));
                }
                break;
            }
        }

        private static void CheckProvidesExtra(CoreMetadata m, List<MetadataProblem> problems, bool mustBeNormalized)
        {
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var f in FieldsNamed(m, "Provides-Extra"))
            {
                var extra = f.Value;
                if (!ProjectName.IsValid(extra))
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.InvalidProvidesExtra, "Provides-Extra",
                        "Provides-Extra `" + AsciiText.Printable(extra) + "` is not a valid extra name; PyPI rejects the upload.", f.Line, extra));
                    continue;
                }
                var normalized = ProjectName.NormalizeExtra(extra);
                if (mustBeNormalized && !ProjectName.IsNormalizedExtra(extra))
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.InvalidProvidesExtra, "Provides-Extra",
                        "Provides-Extra `" + extra + "` is not normalised; from Metadata-Version 2.3 it must be written `" + normalized + "`, and PyPI rejects the upload.", f.Line, extra));
                }
                if (seen.TryGetValue(normalized, out var first) && !string.Equals(first, extra, StringComparison.Ordinal))
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.InvalidProvidesExtra, "Provides-Extra",
                        "Provides-Extra `" + extra + "` and `" + first + "` are the same extra after normalisation (`" + normalized + "`); installers cannot tell them apart.", f.Line, extra));
                }
                else
                {
                    seen[normalized] = extra;
                }
            }
        }
    }
}
