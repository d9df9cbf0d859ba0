using System;
using System.Collections.Generic;
using PyPackaging.Inspection;
using PyPackaging.Rules;
using PyPackaging.Standards;

namespace PyPackaging.Checks.Metadata
{
    /// <summary>PEP 625 file name (<c>{escaped_name}-{normal_version}.tar.gz</c>) and its agreement with PKG-INFO.</summary>
    public sealed class SdistFileNameCheck : ArchiveCheck
    {
        private static readonly IReadOnlyList<PySdistRule> AllRules = new[]
        {
            RuleCatalog.SdistFileNameNotNormalized, RuleCatalog.PkgInfoNameMismatch, RuleCatalog.PkgInfoVersionMismatch,
        };

        public override IReadOnlyList<PySdistRule> Rules => AllRules;

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            var a = SdistMetadataAnalysis.Get(snapshot);
            var fileName = snapshot.FileName;

            // What the name should be: from PKG-INFO when it has a valid Name and Version, else from the file name itself.
            string? expected = null;
            string source;
            if (a.Name != null && a.Version != null)
            {
                expected = SdistFileName.Compose(a.Name, a.Version);
                source = "from Name `" + a.Name + "` and Version `" + a.PkgInfo!.Get("Version") + "` in `" + a.PkgInfoMember!.Path + "`";
            }
            else if (a.FileNameProject != null && a.FileNameVersion != null)
            {
                expected = SdistFileName.Compose(a.FileNameProject, a.FileNameVersion);
                source = "from the name and version in the file name";
            }
            else
            {
                source = string.Empty;
            }

            if (expected == null)
            {
                findings.ReportArchive(RuleCatalog.SdistFileNameNotNormalized,
                    "The file name `" + AsciiText.Printable(fileName) + "` is not of the form `{name}-{version}.tar.gz` (" + a.FileNameError
                    + "). PyPI rejects the upload and installers cannot tell the project and version from it.");
            }
            else if (!string.Equals(fileName, expected, StringComparison.Ordinal))
            {
                findings.ReportArchive(RuleCatalog.SdistFileNameNotNormalized,
                    "The file name `" + AsciiText.Printable(fileName) + "` should be `" + expected + "` (PEP 625, " + source
                    + "). PyPI rejects the upload with \"Filename is invalid\".",
                    "Rename the file to `" + expected + "`, or better rebuild it with a PEP 625-conforming backend.");
            }

            // PKG-INFO must describe the project and version the file name announces.
            if (a.PkgInfoMember == null || a.PkgInfo == null || a.FileNameProject == null || a.FileNameVersion == null) return;
            var member = a.PkgInfoMember;
            if (a.Name != null && !ProjectName.AreEquivalent(a.Name, a.FileNameProject))
            {
                findings.Report(RuleCatalog.PkgInfoNameMismatch, member.Index,
                    "`" + member.Path + "` declares Name `" + a.Name + "` but the file name says `" + a.FileNameProject
                    + "`. PyPI will reject the upload, and installers may install a different project than the file name promises.");
            }
            if (a.Version != null && !a.Version.Equals(a.FileNameVersion))
            {
                findings.Report(RuleCatalog.PkgInfoVersionMismatch, member.Index,
                    "`" + member.Path + "` declares Version `" + a.PkgInfo.Get("Version") + "` but the file name says `" + a.FileNameVersion.Original
                    + "`. PyPI will reject the upload, and installers resolve the wrong version from the file name.");
            }
        }
    }
}
