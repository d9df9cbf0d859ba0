using System.Collections.Generic;
using PyPackaging.Inspection;
using PyPackaging.Rules;
using PyPackaging.Standards;

namespace PyPackaging.Checks.Metadata
{
    /// <summary>An sdist's PKG-INFO should declare Metadata-Version 2.2 or later (PEP 643).</summary>
    public sealed class PkgInfoMetadataVersionCheck : ArchiveCheck
    {
        private static readonly IReadOnlyList<PySdistRule> AllRules = new[] { RuleCatalog.PkgInfoMetadataVersionTooOld };

        public override IReadOnlyList<PySdistRule> Rules => AllRules;

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            var a = SdistMetadataAnalysis.Get(snapshot);
            if (a.PkgInfo == null || a.PkgInfoMember == null) return;
            var mv = a.PkgInfo.Get("Metadata-Version");
            if (mv == null || !CoreMetadataValidator.TryParseMetadataVersion(mv, out var major, out var minor)) return;
            if (major < 2 || (major == 2 && minor < 2))
            {
                findings.Report(RuleCatalog.PkgInfoMetadataVersionTooOld, a.PkgInfoMember.Index,
                    "`" + a.PkgInfoMember.Path + "` declares Metadata-Version `" + AsciiText.Trim(mv)
                    + "`, older than 2.2, so every field counts as dynamic and tools must build the sdist to learn its real metadata.");
            }
        }
    }
}
