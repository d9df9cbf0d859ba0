using System;
using System.Collections.Generic;
using System.Globalization;

namespace PyPackaging.Standards
{
    /// <summary>
    /// Validates a <see cref="CoreMetadata"/> the way PyPI's upload check does (pypa/packaging's metadata validation
    /// plus warehouse's extra rules): see the core metadata specification and sdist-format.md §3.2 / §10.1.
    /// </summary>
    public static partial class CoreMetadataValidator
    {
        /// <summary>Every Metadata-Version value the specifications define.</summary>
        public static readonly IReadOnlyList<string> KnownMetadataVersions = new[] { "1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6" };

        /// <summary>The newest Metadata-Version this validator understands.</summary>
        public const string LatestMetadataVersion = "2.6";

        public const int MaxSummaryLength = 512;
        public const int MaxProjectUrlLabelLength = 32;
        /// <summary>Every problem in <paramref name="metadata"/>, in file order as far as possible.</summary>
        public static IReadOnlyList<MetadataProblem> Validate(CoreMetadata metadata)
        {
            // PyPI drops values equal to UNKNOWN before validating; validate what PyPI validates.
            metadata = metadata.WithoutUnknownPlaceholders();
            var problems = new List<MetadataProblem>();
            CheckFileSyntax(metadata, problems);
            var version = CheckMetadataVersion(metadata, problems);
            CheckFieldNames(metadata, version, problems);
            CheckDescriptionGivenTwice(metadata, problems);

            // One family after the other; the order is part of the output (findings are listed in it).
            CheckName(metadata, problems);
            CheckVersion(metadata, problems);
            CheckSummary(metadata, problems);
            CheckDescriptionContentType(metadata, problems);
            CheckRequirements(metadata, problems);
            CheckRequiresPython(metadata, problems);
            CheckProvidesExtra(metadata, problems, version.IsAtLeast(2, 3));
            CheckLicense(metadata, problems);
            CheckLicenseFiles(metadata, problems);
            CheckUrls(metadata, problems);
            CheckDynamic(metadata, problems);
            CheckImportNames(metadata, problems);
            CheckEmails(metadata, problems);
            if (version.IsAtLeast(2, 1)) CheckDescriptionContentTypePresent(metadata, problems);
            return problems;
        }

        private static void CheckFileSyntax(CoreMetadata metadata, List<MetadataProblem> problems)
        {
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

    }
}
