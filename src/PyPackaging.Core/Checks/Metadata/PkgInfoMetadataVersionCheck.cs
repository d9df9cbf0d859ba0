using System.Collections.Generic;
using PyPackaging.Inspection;
using PyPackaging.Rules;
using PyPackaging.Standards;

namespace PyPackaging.Checks.Metadata
{
    /// <summary>
    /// An sdist's PKG-INFO should declare Metadata-Version 2.2 or later (PEP 643). The sdist specification defines the
    /// current format (with pyproject.toml) and leaves the legacy one alone, so an old version in a legacy sdist is a
    /// fact (Information) and in a current-format sdist a tolerated violation (Warning).
    /// </summary>
    public sealed class PkgInfoMetadataVersionCheck : ArchiveCheck
    {
        private static readonly IReadOnlyList<PySdistRule> AllRules = new[] { RuleCatalog.PkgInfoMetadataVersionTooOld, RuleCatalog.PkgInfoLegacyMetadataVersion };

        public override IReadOnlyList<PySdistRule> Rules => AllRules;

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            var a = SdistMetadataAnalysis.Get(snapshot);
            if (a.PkgInfo == null || a.PkgInfoMember == null) return;
            var mv = a.PkgInfo.Get("Metadata-Version");
            if (mv == null || !CoreMetadataValidator.TryParseMetadataVersion(mv, out var major, out var minor)) return;
            if (major < 2 || (major == 2 && minor < 2))
            {
                var declared = "`" + a.PkgInfoMember.Path + "` declares Metadata-Version `" + AsciiText.Trim(mv) + "`, older than 2.2";
                if (a.PyprojectMember != null)
                {
                    findings.Report(RuleCatalog.PkgInfoMetadataVersionTooOld, a.PkgInfoMember.Index,
                        declared + ", although the sdist has a pyproject.toml (the current format asks for 2.2 or later). Every field counts as dynamic, so tools build the sdist to learn its metadata.");
                }
                else
                {
                    findings.Report(RuleCatalog.PkgInfoLegacyMetadataVersion, a.PkgInfoMember.Index,
                        declared + ", in a legacy sdist without pyproject.toml. PyPI, pip and uv accept it; tools build the sdist to learn its metadata.");
                }
            }
        }
    }
}
