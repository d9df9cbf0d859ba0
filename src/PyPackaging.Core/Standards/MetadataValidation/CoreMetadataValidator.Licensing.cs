using System;
using System.Collections.Generic;

namespace PyPackaging.Standards
{
    // Licensing fields: License, License-Expression, license classifiers and License-File.
    public static partial class CoreMetadataValidator
    {
        private static void CheckLicense(CoreMetadata m, List<MetadataProblem> problems)
        {
            var expression = m.Get("License-Expression");
            if (expression != null && m.Has("License"))
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.LicenseWithLicenseExpression, "License",
                    "Both `License` and `License-Expression` are present; `License` is deprecated when `License-Expression` is given, and PyPI rejects the upload.", LineOf(m, "License")));
            }
            if (expression == null) return;
            foreach (var f in FieldsNamed(m, "Classifier"))
            {
                if (AsciiText.Trim(f.Value).StartsWith("License ::", StringComparison.Ordinal))
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.LicenseClassifierWithExpression, "Classifier",
                        "Classifier `" + AsciiText.Printable(f.Value) + "` is a license classifier, superseded by `License-Expression`; PyPI rejects uploads that have both.", f.Line, f.Value));
                }
            }
            var line = LineOf(m, "License-Expression");
            if (!SpdxExpression.TryCanonicalize(expression, out var canonical, out var error))
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.InvalidLicenseExpression, "License-Expression",
                    "License-Expression `" + AsciiText.Printable(expression) + "` is not a valid SPDX license expression (" + Inner(error) + "); PyPI rejects the upload.", line, expression));
                return;
            }
            if (!string.Equals(canonical, expression, StringComparison.Ordinal))
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.LicenseExpressionNotCanonical, "License-Expression",
                    "License-Expression `" + AsciiText.Printable(expression) + "` is not in canonical form (`" + canonical + "`); PyPI rejects expressions that are not normalised.", line, expression));
            }
            foreach (var id in SpdxExpression.FindDeprecatedIds(expression))
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.DeprecatedLicenseId, "License-Expression",
                    "License-Expression uses the deprecated SPDX identifier `" + id + "`; tools warn about it and a current identifier says more precisely what applies.", line, expression));
            }
        }

        /// <summary>Why a License-File path is not allowed, or null when it is fine.</summary>
        public static string? CheckLicenseFilePath(string path)
        {
            if (path.Length == 0) return "it is empty";
            if (path.IndexOf('\\') >= 0) return "paths must use '/' as the separator";
            if (path.IndexOf('*') >= 0 || path.IndexOf('?') >= 0 || path.IndexOf('[') >= 0) return "it must be a path, not a glob pattern";
            if (path[0] == '/' || (path.Length >= 2 && path[1] == ':' && AsciiText.IsLetter(path[0]))) return "paths must be relative";
            foreach (var c in path)
            {
                if (c < ' ' || c == '\x7f') return "it contains control characters";
            }
            foreach (var part in path.Split('/'))
            {
                if (part == "..") return "parent directory indicators are not allowed";
                if (part == "." || part.Length == 0) return "paths must be resolved (no empty or `.` components)";
            }
            return null;
        }

        private static void CheckLicenseFiles(CoreMetadata m, List<MetadataProblem> problems)
        {
            foreach (var f in FieldsNamed(m, "License-File"))
            {
                var reason = CheckLicenseFilePath(f.Value);
                if (reason != null)
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.InvalidLicenseFile, "License-File",
                        "License-File `" + AsciiText.Printable(f.Value) + "` is not a valid path: " + reason + ". PyPI rejects the upload.", f.Line, f.Value));
                }
            }
        }
    }
}
