using System;
using System.Collections.Generic;
using PyPackaging.Inspection;
using PyPackaging.Paths;
using PyPackaging.Rules;
using PyPackaging.Standards;

namespace PyPackaging.Checks.Metadata
{
    /// <summary>With Metadata-Version 2.4+, every License-File must exist at <c>{top}/{path}</c>.</summary>
    public sealed class LicenseFileCheck : ArchiveCheck
    {
        private static readonly IReadOnlyList<PySdistRule> AllRules = new[] { RuleCatalog.LicenseFileMissing };

        public override IReadOnlyList<PySdistRule> Rules => AllRules;

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            var a = SdistMetadataAnalysis.Get(snapshot);
            if (a.PkgInfo == null || a.PkgInfoMember == null || a.Top == null) return;
            // An archive not read to its end cannot prove that a file is missing.
            if (!snapshot.Completed) return;
            var mv = a.PkgInfo.Get("Metadata-Version");
            if (mv == null || !CoreMetadataValidator.TryParseMetadataVersion(mv, out var major, out var minor)) return;
            if (major < 2 || (major == 2 && minor < 4)) return;

            var files = new HashSet<string>(StringComparer.Ordinal);
            var directories = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in snapshot.Members)
            {
                var key = MemberPath.JoinRaw(m.Path);
                if (m.Type == PySdistEntryType.Directory) directories.Add(key);
                else files.Add(key);
            }

            foreach (var licenseFile in a.PkgInfo.GetAll("License-File"))
            {
                // Invalid paths are PkgInfoInvalidLicenseFile's business.
                if (CoreMetadataValidator.CheckLicenseFilePath(licenseFile) != null) continue;
                var expected = a.Top + "/" + licenseFile;
                if (files.Contains(expected)) continue;
                var what = directories.Contains(expected) ? "is a directory, not a file" : "is not in the archive";
                findings.Report(RuleCatalog.LicenseFileMissing, a.PkgInfoMember.Index,
                    "`" + a.PkgInfoMember.Path + "` lists License-File `" + AsciiText.Printable(licenseFile) + "`, but `" + AsciiText.Printable(expected) + "` " + what
                    + ". PyPI rejects the upload (License-File ... does not exist in distribution file).",
                    "Include `" + AsciiText.Printable(licenseFile) + "` in the sdist (check `[project].license-files`), or remove it from License-File.");
            }
        }
    }
}
