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
}
