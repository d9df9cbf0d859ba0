using System;
using System.Collections.Generic;
using System.Globalization;

namespace PyPackaging.Standards
{
    // Identity fields: Name, Version, Import-Name and Import-Namespace.
    public static partial class CoreMetadataValidator
    {
        private static void CheckName(CoreMetadata m, List<MetadataProblem> problems)
        {
            var name = m.Get("Name");
            if (name == null)
            {
                problems.Add(Missing("Name"));
                return;
            }
            if (!ProjectName.IsValid(name))
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.InvalidName, "Name",
                    "Name `" + AsciiText.Printable(name) + "` is not a valid project name: it must start and end with an ASCII letter or digit and contain only letters, digits, `.`, `_` and `-`. PyPI rejects the upload.", LineOf(m, "Name"), name));
            }
        }

        private static void CheckVersion(CoreMetadata m, List<MetadataProblem> problems)
        {
            var text = m.Get("Version");
            if (text == null)
            {
                problems.Add(Missing("Version"));
                return;
            }
            if (!Pep440Version.TryParse(text, out var version, out var error))
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.InvalidVersion, "Version",
                    "Version `" + AsciiText.Printable(text) + "` is not a valid PEP 440 version (" + Inner(error) + "); PyPI and installers reject it.", LineOf(m, "Version"), text));
                return;
            }
            if (version!.IsLocal)
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.LocalVersion, "Version",
                    "Version `" + text + "` has a local version label (`+" + version.LocalLabel + "`); PyPI rejects uploads with local versions.", LineOf(m, "Version"), text));
            }
        }

        private static readonly HashSet<string> PythonKeywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
            "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        };

        private static bool IsIdentifier(string s)
        {
            if (s.Length == 0) return false;
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                bool ok;
                if (c <= '\x7f') ok = AsciiText.IsLetter(c) || c == '_' || (i > 0 && AsciiText.IsDigit(c));
                else
                {
                    // Python identifiers may be non-ASCII (PEP 3131): letters, and after the first character marks,
                    // digits and connectors. The Unicode category is culture-independent.
                    var cat = CharUnicodeInfo.GetUnicodeCategory(c);
                    ok = cat == UnicodeCategory.UppercaseLetter || cat == UnicodeCategory.LowercaseLetter
                        || cat == UnicodeCategory.TitlecaseLetter || cat == UnicodeCategory.ModifierLetter
                        || cat == UnicodeCategory.OtherLetter || cat == UnicodeCategory.LetterNumber
                        || (i > 0 && (cat == UnicodeCategory.NonSpacingMark || cat == UnicodeCategory.SpacingCombiningMark
                            || cat == UnicodeCategory.DecimalDigitNumber || cat == UnicodeCategory.ConnectorPunctuation));
                }
                if (!ok) return false;
            }
            return !PythonKeywords.Contains(s);
        }

        /// <summary>Why an Import-Name / Import-Namespace value is invalid, or null; <paramref name="name"/> gets the dotted name.</summary>
        public static string? CheckImportName(string value, bool allowEmpty, out string name)
        {
            var v = AsciiText.Trim(value);
            var semicolon = v.IndexOf(';');
            if (semicolon >= 0)
            {
                var modifier = AsciiText.Trim(v.Substring(semicolon + 1));
                v = AsciiText.Trim(v.Substring(0, semicolon));
                if (modifier != "private")
                {
                    name = v;
                    return "the only modifier allowed after `;` is `private`";
                }
            }
            name = v;
            if (v.Length == 0) return allowEmpty && semicolon < 0 ? null : "it is empty";
            foreach (var part in v.Split('.'))
            {
                if (!IsIdentifier(part))
                {
                    return PythonKeywords.Contains(part)
                        ? "`" + part + "` is a Python keyword"
                        : "`" + AsciiText.Printable(part) + "` is not a valid Python identifier";
                }
            }
            return null;
        }

        private static void CheckImportNames(CoreMetadata m, List<MetadataProblem> problems)
        {
            var namespaces = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in FieldsNamed(m, "Import-Namespace"))
            {
                var reason = CheckImportName(f.Value, false, out var name);
                if (reason != null)
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.InvalidImportName, "Import-Namespace",
                        "Import-Namespace `" + AsciiText.Printable(f.Value) + "` is invalid: " + reason + ". PyPI rejects the upload.", f.Line, f.Value));
                }
                else
                {
                    namespaces.Add(name);
                }
            }
            foreach (var f in FieldsNamed(m, "Import-Name"))
            {
                var reason = CheckImportName(f.Value, true, out var name);
                if (reason == null && namespaces.Contains(name)) reason = "`" + name + "` is also listed as an Import-Namespace";
                if (reason != null)
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.InvalidImportName, "Import-Name",
                        "Import-Name `" + AsciiText.Printable(f.Value) + "` is invalid: " + reason + ". PyPI rejects the upload.", f.Line, f.Value));
                }
            }
        }
    }
}
