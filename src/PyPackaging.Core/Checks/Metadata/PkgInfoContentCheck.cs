using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PyPackaging.Inspection;
using PyPackaging.Rules;
using PyPackaging.Standards;

namespace PyPackaging.Checks.Metadata
{
    /// <summary>Validates the content of <c>{top}/PKG-INFO</c> (core metadata) and reports one rule per problem kind.</summary>
    public sealed class PkgInfoContentCheck : ArchiveCheck
    {
        private static readonly Dictionary<MetadataProblemKind, PySdistRule> RuleByKind = new Dictionary<MetadataProblemKind, PySdistRule>
        {
            [MetadataProblemKind.NotUtf8] = RuleCatalog.PkgInfoNotUtf8,
            [MetadataProblemKind.MalformedHeader] = RuleCatalog.PkgInfoMalformedHeader,
            [MetadataProblemKind.RequiredFieldMissing] = RuleCatalog.PkgInfoRequiredFieldMissing,
            [MetadataProblemKind.FieldRepeated] = RuleCatalog.PkgInfoFieldRepeated,
            [MetadataProblemKind.MetadataVersionInvalid] = RuleCatalog.PkgInfoMetadataVersionInvalid,
            [MetadataProblemKind.MetadataVersionNewer] = RuleCatalog.PkgInfoMetadataVersionNewer,
            [MetadataProblemKind.InvalidName] = RuleCatalog.PkgInfoInvalidName,
            [MetadataProblemKind.InvalidVersion] = RuleCatalog.PkgInfoInvalidVersion,
            [MetadataProblemKind.LocalVersion] = RuleCatalog.PkgInfoLocalVersion,
            [MetadataProblemKind.SummaryMultiline] = RuleCatalog.PkgInfoSummaryMultiline,
            [MetadataProblemKind.SummaryTooLong] = RuleCatalog.PkgInfoSummaryTooLong,
            [MetadataProblemKind.InvalidDescriptionContentType] = RuleCatalog.PkgInfoInvalidDescriptionContentType,
            [MetadataProblemKind.InvalidRequirement] = RuleCatalog.PkgInfoInvalidRequirement,
            [MetadataProblemKind.DirectUrlDependency] = RuleCatalog.PkgInfoDirectUrlDependency,
            [MetadataProblemKind.InvalidRequiresPython] = RuleCatalog.PkgInfoInvalidRequiresPython,
            [MetadataProblemKind.InvalidProvidesExtra] = RuleCatalog.PkgInfoInvalidProvidesExtra,
            [MetadataProblemKind.LicenseWithLicenseExpression] = RuleCatalog.PkgInfoLicenseWithExpression,
            [MetadataProblemKind.InvalidLicenseExpression] = RuleCatalog.PkgInfoInvalidLicenseExpression,
            [MetadataProblemKind.LicenseExpressionNotCanonical] = RuleCatalog.PkgInfoLicenseExpressionNotCanonical,
            [MetadataProblemKind.DeprecatedLicenseId] = RuleCatalog.PkgInfoDeprecatedLicenseId,
            [MetadataProblemKind.InvalidLicenseFile] = RuleCatalog.PkgInfoInvalidLicenseFile,
            [MetadataProblemKind.InvalidProjectUrl] = RuleCatalog.PkgInfoInvalidProjectUrl,
            [MetadataProblemKind.FieldTooNew] = RuleCatalog.PkgInfoFieldTooNew,
            [MetadataProblemKind.InvalidDynamic] = RuleCatalog.PkgInfoInvalidDynamic,
            [MetadataProblemKind.UnknownField] = RuleCatalog.PkgInfoUnknownField,
            [MetadataProblemKind.InvalidImportName] = RuleCatalog.PkgInfoInvalidImportName,
            [MetadataProblemKind.LicenseClassifierWithExpression] = RuleCatalog.PkgInfoLicenseClassifierWithExpression,
            [MetadataProblemKind.DescriptionContentTypeMissing] = RuleCatalog.PkgInfoDescriptionContentTypeMissing,
            [MetadataProblemKind.InvalidEmail] = RuleCatalog.PkgInfoInvalidEmail,
            [MetadataProblemKind.LegacyLicenseFile] = RuleCatalog.PkgInfoLegacyLicenseFile,
            [MetadataProblemKind.RequirementNotStrict] = RuleCatalog.PkgInfoRequirementNotStrict,
        };

        private static readonly IReadOnlyList<PySdistRule> AllRules = RuleByKind.Values.Distinct().ToList();

        public override IReadOnlyList<PySdistRule> Rules => AllRules;

        /// <summary>The rule a validator problem kind is reported under.</summary>
        public static PySdistRule RuleFor(MetadataProblemKind kind) => RuleByKind[kind];

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            var a = SdistMetadataAnalysis.Get(snapshot);
            if (a.PkgInfo == null || a.PkgInfoMember == null) return;
            var path = a.PkgInfoMember.Path;
            foreach (var p in a.Problems)
            {
                var where = p.Line > 0 ? "`" + path + "` line " + p.Line.ToString(CultureInfo.InvariantCulture) + ": " : "`" + path + "`: ";
                findings.Report(RuleFor(p.Kind), a.PkgInfoMember.Index, where + p.Message);
            }
        }
    }
}
