using System;
using System.Collections.Generic;
using System.Globalization;

namespace PyPackaging.Standards
{
    /// <summary>The kinds of problem <see cref="CoreMetadataValidator"/> reports. Stable: checks map each kind to a rule.</summary>
    public enum MetadataProblemKind
    {
        NotUtf8,
        MalformedHeader,
        RequiredFieldMissing,
        FieldRepeated,
        MetadataVersionInvalid,
        MetadataVersionNewer,
        InvalidName,
        InvalidVersion,
        LocalVersion,
        SummaryMultiline,
        SummaryTooLong,
        InvalidDescriptionContentType,
        InvalidRequirement,
        DirectUrlDependency,
        InvalidRequiresPython,
        InvalidProvidesExtra,
        LicenseWithLicenseExpression,
        InvalidLicenseExpression,
        LicenseExpressionNotCanonical,
        DeprecatedLicenseId,
        InvalidLicenseFile,
        InvalidProjectUrl,
        FieldTooNew,
        InvalidDynamic,
        UnknownField,
        InvalidImportName,
        LicenseClassifierWithExpression,
        DescriptionContentTypeMissing,
        InvalidEmail,
        LegacyLicenseFile,
        RequirementNotStrict,
    }

    /// <summary>One problem found in core metadata: its kind, the field it concerns (canonical spelling), the 1-based line and a message.</summary>
    public sealed class MetadataProblem
    {
        public MetadataProblem(MetadataProblemKind kind, string field, string message, int line = 0, string? value = null)
        {
            Kind = kind;
            Field = field;
            Message = message;
            Line = line;
            Value = value;
        }

        public MetadataProblemKind Kind { get; }

        /// <summary>The field name in its specification spelling (e.g. <c>Requires-Dist</c>); empty for file-level problems.</summary>
        public string Field { get; }

        /// <summary>A full sentence: what is wrong and what happens because of it.</summary>
        public string Message { get; }

        /// <summary>1-based line in the file, 0 when not tied to a line.</summary>
        public int Line { get; }

        /// <summary>The offending value, when there is one.</summary>
        public string? Value { get; }

        /// <summary>True for problems PyPI or installers reject: the severity of the rule the kind is reported under.</summary>
        public bool IsError => Checks.Metadata.PkgInfoContentCheck.RuleFor(Kind).Severity == PySdistSeverity.Error;

        public override string ToString() => Kind + ": " + Message;
    }

    /// <summary>
    /// Validates a <see cref="CoreMetadata"/> the way PyPI's upload check does (pypa/packaging's metadata validation
    /// plus warehouse's extra rules): see the core metadata specification and sdist-format.md §3.2 / §10.1.
    /// </summary>
    public static class CoreMetadataValidator
    {
        /// <summary>Every Metadata-Version value the specifications define.</summary>
        public static readonly IReadOnlyList<string> KnownMetadataVersions = new[] { "1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6" };

        /// <summary>The newest Metadata-Version this validator understands.</summary>
        public const string LatestMetadataVersion = "2.6";

        public const int MaxSummaryLength = 512;
        public const int MaxProjectUrlLabelLength = 32;

        internal sealed class FieldInfo
        {
            public FieldInfo(string name, string added, bool multiple)
            {
                Name = name;
                Added = added;
                Multiple = multiple;
            }

            public string Name { get; }
            public string Added { get; }
            public bool Multiple { get; }
        }

        private static readonly FieldInfo[] FieldTable =
        {
            new FieldInfo("Metadata-Version", "1.0", false),
            new FieldInfo("Name", "1.0", false),
            new FieldInfo("Version", "1.0", false),
            new FieldInfo("Dynamic", "2.2", true),
            new FieldInfo("Platform", "1.0", true),
            new FieldInfo("Supported-Platform", "1.1", true),
            new FieldInfo("Summary", "1.0", false),
            new FieldInfo("Description", "1.0", false),
            new FieldInfo("Description-Content-Type", "2.1", false),
            new FieldInfo("Keywords", "1.0", false),
            new FieldInfo("Home-page", "1.0", false),
            new FieldInfo("Download-URL", "1.1", false),
            new FieldInfo("Author", "1.0", false),
            new FieldInfo("Author-email", "1.0", false),
            new FieldInfo("Maintainer", "1.2", false),
            new FieldInfo("Maintainer-email", "1.2", false),
            new FieldInfo("License", "1.0", false),
            new FieldInfo("License-Expression", "2.4", false),
            new FieldInfo("License-File", "2.4", true),
            new FieldInfo("Classifier", "1.1", true),
            new FieldInfo("Requires-Dist", "1.2", true),
            new FieldInfo("Requires-Python", "1.2", false),
            new FieldInfo("Requires-External", "1.2", true),
            new FieldInfo("Project-URL", "1.2", true),
            new FieldInfo("Provides-Extra", "2.1", true),
            new FieldInfo("Provides-Dist", "1.2", true),
            new FieldInfo("Obsoletes-Dist", "1.2", true),
            new FieldInfo("Import-Name", "2.5", true),
            new FieldInfo("Import-Namespace", "2.5", true),
            new FieldInfo("Requires", "1.1", true),
            new FieldInfo("Provides", "1.1", true),
            new FieldInfo("Obsoletes", "1.1", true),
        };

        private static readonly Dictionary<string, FieldInfo> FieldsByLower = BuildIndex();

        private static Dictionary<string, FieldInfo> BuildIndex()
        {
            var d = new Dictionary<string, FieldInfo>(StringComparer.Ordinal);
            foreach (var f in FieldTable) d[AsciiText.ToLower(f.Name)] = f;
            return d;
        }

        /// <summary>The specification spelling of a known field name (case-insensitive), or null when unknown.</summary>
        public static string? CanonicalFieldName(string key) =>
            AsciiText.IsAllAscii(key) && FieldsByLower.TryGetValue(AsciiText.ToLower(key), out var f) ? f.Name : null;

        /// <summary>The Metadata-Version that introduced a known field, or null.</summary>
        public static string? FieldAddedIn(string key) =>
            AsciiText.IsAllAscii(key) && FieldsByLower.TryGetValue(AsciiText.ToLower(key), out var f) ? f.Added : null;

        /// <summary>Parses a Metadata-Version such as <c>2.4</c> into (major, minor); false for anything else.</summary>
        public static bool TryParseMetadataVersion(string? text, out int major, out int minor)
        {
            major = minor = 0;
            if (text == null) return false;
            var t = AsciiText.Trim(text);
            var dot = t.IndexOf('.');
            if (dot <= 0 || dot == t.Length - 1 || dot > 6 || t.Length - dot - 1 > 6) return false;
            for (var i = 0; i < t.Length; i++)
            {
                if (i != dot && !AsciiText.IsDigit(t[i])) return false;
            }
            major = int.Parse(t.Substring(0, dot), NumberStyles.None, CultureInfo.InvariantCulture);
            minor = int.Parse(t.Substring(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture);
            return true;
        }

        private static int CompareMetadataVersions(int aMajor, int aMinor, int bMajor, int bMinor) =>
            aMajor != bMajor ? aMajor.CompareTo(bMajor) : aMinor.CompareTo(bMinor);

        /// <summary>Every problem in <paramref name="metadata"/>, in file order as far as possible.</summary>
        public static IReadOnlyList<MetadataProblem> Validate(CoreMetadata metadata)
        {
            // PyPI drops values equal to UNKNOWN before validating; validate what PyPI validates.
            metadata = metadata.WithoutUnknownPlaceholders();
            var problems = new List<MetadataProblem>();
            if (!metadata.IsValidUtf8)
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.NotUtf8, string.Empty,
                    "The file is not valid UTF-8; core metadata must be UTF-8, and PyPI and installers cannot read it reliably."));
            }
            foreach (var e in metadata.SyntaxErrors)
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.MalformedHeader, string.Empty,
                    "Line " + e.Line.ToString(CultureInfo.InvariantCulture) + " (`" + AsciiText.Printable(e.Text, 80)
                    + "`) is not a `Key: value` header: Python's email parser (packaging, twine, PyPI) ends the headers there and reads the rest as the description, so the headers after it are lost.", e.Line, e.Text));
            }

            // Metadata-Version: decides which fields are allowed.
            int mvMajor = 0, mvMinor = 0;
            var mvKnown = false;
            var mvText = metadata.Get("Metadata-Version");
            if (mvText == null)
            {
                problems.Add(Missing("Metadata-Version"));
            }
            else if (!TryParseMetadataVersion(mvText, out mvMajor, out mvMinor))
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.MetadataVersionInvalid, "Metadata-Version",
                    "Metadata-Version `" + AsciiText.Printable(mvText) + "` is not a valid metadata version; PyPI and installers reject the file.", LineOf(metadata, "Metadata-Version"), mvText));
            }
            else if (mvMajor > 2)
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.MetadataVersionInvalid, "Metadata-Version",
                    "Metadata-Version `" + mvText + "` has a major version newer than " + LatestMetadataVersion + "; consumers must refuse to read it.", LineOf(metadata, "Metadata-Version"), mvText));
            }
            else if (mvMajor == 2 && mvMinor > 6)
            {
                mvKnown = true;
                problems.Add(new MetadataProblem(MetadataProblemKind.MetadataVersionNewer, "Metadata-Version",
                    "Metadata-Version `" + mvText + "` is newer than " + LatestMetadataVersion + " (the newest known); fields it adds are not checked and PyPI may not accept it yet.", LineOf(metadata, "Metadata-Version"), mvText));
            }
            else if (Array.IndexOf((string[])KnownMetadataVersions, AsciiText.Trim(mvText)) < 0)
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.MetadataVersionInvalid, "Metadata-Version",
                    "Metadata-Version `" + AsciiText.Printable(mvText) + "` is not one of the defined versions (" + string.Join(", ", KnownMetadataVersions) + "); PyPI rejects the file.", LineOf(metadata, "Metadata-Version"), mvText));
            }
            else
            {
                mvKnown = true;
            }

            // Per-field checks: unknown names, too new for the declared version, repeated single-use fields.
            var seenSingle = new HashSet<string>(StringComparer.Ordinal);
            // One FieldTooNew problem per field name (a PKG-INFO with 40 classifiers gets one, not 40).
            var tooNew = new Dictionary<string, (CoreMetadataField First, int Count)>(StringComparer.Ordinal);
            var tooNewOrder = new List<string>();
            foreach (var f in metadata.Fields)
            {
                var info = AsciiText.IsAllAscii(f.Key) && FieldsByLower.TryGetValue(AsciiText.ToLower(f.Key), out var fi) ? fi : null;
                if (info == null)
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.UnknownField, f.Key,
                        "`" + AsciiText.Printable(f.Key) + "` is not a core metadata field; tools ignore it (`twine check` reports it as unrecognized).", f.Line, f.Value));
                    continue;
                }
                if (mvKnown && TryParseMetadataVersion(info.Added, out var aMajor, out var aMinor)
                    && CompareMetadataVersions(mvMajor, mvMinor, aMajor, aMinor) < 0)
                {
                    if (info.Name == "License-File" && mvMajor == 2)
                    {
                        // setuptools wrote License-File with Metadata-Version 2.1 for years, before 2.4 defined it;
                        // twine drops it before uploading, so it is a leftover, not a rejection.
                        problems.Add(new MetadataProblem(MetadataProblemKind.LegacyLicenseFile, info.Name,
                            "`License-File` is only defined from Metadata-Version 2.4, but the file declares " + AsciiText.Trim(mvText!)
                            + " (older setuptools wrote it this way); tools ignore it, so the license files are not declared.", f.Line, f.Value));
                        continue;
                    }
                    if (tooNew.TryGetValue(info.Name, out var seen)) tooNew[info.Name] = (seen.First, seen.Count + 1);
                    else
                    {
                        tooNew[info.Name] = (f, 1);
                        tooNewOrder.Add(info.Name);
                    }
                }
                if (!info.Multiple && !seenSingle.Add(info.Name))
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.FieldRepeated, info.Name,
                        "`" + info.Name + "` may appear only once but is repeated on line " + f.Line.ToString(CultureInfo.InvariantCulture) + "; PyPI rejects the metadata as malformed.", f.Line, f.Value));
                }
            }
            foreach (var name in tooNewOrder)
            {
                var (first, count) = tooNew[name];
                var added = FieldAddedIn(name)!;
                var times = count == 1 ? string.Empty : " (" + count.ToString(CultureInfo.InvariantCulture) + " times, first on line " + first.Line.ToString(CultureInfo.InvariantCulture) + ")";
                problems.Add(new MetadataProblem(MetadataProblemKind.FieldTooNew, name,
                    "`" + name + "`" + times + " was introduced in metadata version " + added + ", but the file declares Metadata-Version " + AsciiText.Trim(mvText!)
                    + "; packaging.metadata refuses it (`" + AsciiText.ToLower(name) + " introduced in metadata version " + added + ", not " + AsciiText.Trim(mvText!) + "`), and so does PyPI's upload check.", first.Line, first.Value));
            }
            if (metadata.Body != null && metadata.Has("Description") && metadata.SyntaxErrors.Count == 0)
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.FieldRepeated, "Description",
                    "The description is given both as a `Description` header and as the message body; PyPI rejects the metadata as malformed.", LineOf(metadata, "Description")));
            }

            CheckName(metadata, problems);
            CheckVersion(metadata, problems);
            CheckSummary(metadata, problems);
            CheckDescriptionContentType(metadata, problems);
            CheckRequirements(metadata, problems);
            CheckRequiresPython(metadata, problems);
            CheckProvidesExtra(metadata, problems, mvKnown && CompareMetadataVersions(mvMajor, mvMinor, 2, 3) >= 0);
            CheckLicense(metadata, problems);
            CheckLicenseFiles(metadata, problems);
            CheckUrls(metadata, problems);
            CheckDynamic(metadata, problems);
            CheckImportNames(metadata, problems);
            CheckEmails(metadata, problems);
            if (mvKnown && CompareMetadataVersions(mvMajor, mvMinor, 2, 1) >= 0) CheckDescriptionContentTypePresent(metadata, problems);
            return problems;
        }

        // An embedded explanation without its closing period, so it reads well inside parentheses.
        private static string Inner(string? error)
        {
            if (string.IsNullOrEmpty(error)) return "invalid";
            var e = error!.TrimEnd();
            return e.EndsWith(".", StringComparison.Ordinal) ? e.Substring(0, e.Length - 1) : e;
        }

        private static MetadataProblem Missing(string field) =>
            new MetadataProblem(MetadataProblemKind.RequiredFieldMissing, field,
                "The required field `" + field + "` is missing; PyPI and installers reject the metadata.");

        private static int LineOf(CoreMetadata m, string field)
        {
            foreach (var f in m.Fields)
            {
                if (AsciiText.EqualsIgnoreCase(f.Key, field)) return f.Line;
            }
            return 0;
        }

        private static IEnumerable<CoreMetadataField> FieldsNamed(CoreMetadata m, string field)
        {
            foreach (var f in m.Fields)
            {
                if (AsciiText.EqualsIgnoreCase(f.Key, field)) yield return f;
            }
        }

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

        private static void CheckRequirements(CoreMetadata m, List<MetadataProblem> problems)
        {
            foreach (var field in new[] { "Requires-Dist", "Provides-Dist", "Obsoletes-Dist" })
            {
                foreach (var f in FieldsNamed(m, field))
                {
                    var ok = Pep508Requirement.TryParse(f.Value, out var req, out var error);
                    if (!ok && field != "Requires-Dist" && TryLegacyProvides(f.Value, out var legacy))
                    {
                        // Provides-Dist / Obsoletes-Dist may carry a bare version in parentheses: `AnotherProject (3.4)`.
                        ok = true;
                        req = legacy;
                    }
                    if (!ok)
                    {
                        problems.Add(new MetadataProblem(MetadataProblemKind.InvalidRequirement, field,
                            field + " `" + AsciiText.Printable(f.Value) + "` is not a valid PEP 508 requirement (" + Inner(error) + "); installers and PyPI reject it.", f.Line, f.Value));
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

        private static void CheckDescriptionContentTypePresent(CoreMetadata m, List<MetadataProblem> problems)
        {
            var description = m.Description;
            if (description == null || AsciiText.Trim(description).Length == 0 || m.Has("Description-Content-Type")) return;
            problems.Add(new MetadataProblem(MetadataProblemKind.DescriptionContentTypeMissing, "Description-Content-Type",
                "There is a description but no `Description-Content-Type`, so PyPI renders it as reStructuredText (`twine check` warns); a Markdown readme shows up as raw text or fails to render."));
        }

        /// <summary>Why one address of an Author-email / Maintainer-email list is malformed, or null.</summary>
        public static string? CheckEmailAddress(string entry)
        {
            var e = AsciiText.Trim(entry);
            string address;
            var open = e.LastIndexOf('<');
            if (open >= 0)
            {
                if (!e.EndsWith(">", StringComparison.Ordinal)) return "the address in `<...>` is not closed";
                address = e.Substring(open + 1, e.Length - open - 2).Trim(' ', '\t');
            }
            else
            {
                address = e;
            }
            var at = address.LastIndexOf('@');
            if (at <= 0 || at == address.Length - 1) return "`" + AsciiText.Printable(address) + "` is not of the form `local@domain`";
            foreach (var c in address)
            {
                if (c <= ' ' || c == '\x7f' || c == '<' || c == '>' || c == ',') return "`" + AsciiText.Printable(address) + "` contains whitespace or a forbidden character";
            }
            var domain = address.Substring(at + 1);
            if (domain.IndexOf('@') >= 0 || domain[0] == '.' || domain[domain.Length - 1] == '.' || domain.IndexOf("..", StringComparison.Ordinal) >= 0)
            {
                return "`" + AsciiText.Printable(domain) + "` is not a valid domain";
            }
            return null;
        }

        // Splits an RFC 822 address list on commas outside quotes and angle brackets.
        private static List<string> SplitAddresses(string value)
        {
            var result = new List<string>();
            var start = 0;
            var quoted = false;
            var angle = false;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '"' && !angle) quoted = !quoted;
                else if (c == '<' && !quoted) angle = true;
                else if (c == '>' && !quoted) angle = false;
                else if (c == ',' && !quoted && !angle)
                {
                    result.Add(value.Substring(start, i - start));
                    start = i + 1;
                }
            }
            result.Add(value.Substring(start));
            return result;
        }

        private static void CheckEmails(CoreMetadata m, List<MetadataProblem> problems)
        {
            foreach (var field in new[] { "Author-email", "Maintainer-email" })
            {
                foreach (var f in FieldsNamed(m, field))
                {
                    foreach (var entry in SplitAddresses(f.Value.Replace('\n', ' ')))
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
