using System.Collections.Generic;
using PyPackaging.Inspection;
using PyPackaging.Paths;
using PyPackaging.Rules;
using static PyPackaging.Checks.Safety.CheckText;

namespace PyPackaging.Checks.Safety
{
    /// <summary>Member paths that installers refuse or that land in different places on different systems.</summary>
    public sealed class MemberPathCheck : ArchiveCheck
    {
        private static readonly PySdistRule[] OwnRules =
        {
            RuleCatalog.AbsolutePath, RuleCatalog.DriveLetterPath, RuleCatalog.UncPath, RuleCatalog.BackslashInPath,
            RuleCatalog.PathTraversal, RuleCatalog.ParentComponentInPath, RuleCatalog.ControlCharacterInPath, RuleCatalog.EmptyPath,
        };

        public override IReadOnlyList<PySdistRule> Rules => OwnRules;

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            var graph = snapshot.Links;
            foreach (var member in snapshot.Members)
            {
                var path = graph.PathOf(member.Index);
                var i = member.Index;
                var q = Q(member.Path);
                if (path.Has(PathProblems.Empty))
                {
                    findings.Report(RuleCatalog.EmptyPath, i,
                        $"Member {i} ({KindName(member.Type)}) has an empty path. Readers skip it, refuse the archive or write it over the destination directory itself.");
                    continue;
                }
                if (path.Has(PathProblems.ResolvesToRoot) && member.Type != PySdistEntryType.Directory)
                {
                    findings.Report(RuleCatalog.EmptyPath, i,
                        $"{q} is a {KindName(member.Type)} whose path names the archive root itself; extracting it would replace the destination directory. Only a directory may resolve to the extraction root.");
                }
                if (path.Has(PathProblems.Unc))
                {
                    findings.Report(RuleCatalog.UncPath, i,
                        $"{q} starts with a UNC prefix (two separators). On Windows it names a network share, outside the extraction directory; installers refuse such members.");
                }
                else if (path.Has(PathProblems.Absolute))
                {
                    findings.Report(RuleCatalog.AbsolutePath, i,
                        $"{q} is stored with an absolute path. CPython's tarfile strips the leading '/' and writes it to {Q(path.Normalized)} inside the destination, while stricter extractors (uv's tar-codec) refuse the whole archive.");
                }
                if (path.Has(PathProblems.DriveLetter))
                {
                    findings.Report(RuleCatalog.DriveLetterPath, i,
                        $"{q} starts with the Windows drive prefix {Q(member.Path.Substring(0, 2))}. On Windows it is written relative to that drive, outside the extraction directory; on POSIX it is a file literally named {Q(path.Top)}.");
                }
                if (path.Has(PathProblems.Backslash))
                {
                    var asWindows = MemberPath.Parse(member.Path.Replace('\\', '/'));
                    var consequence = asWindows.EscapeDepth > 0
                        ? "On Windows, where '\\' is a separator, it climbs above the extraction directory."
                        : $"POSIX reads it as one file name, Windows as the path {Q(asWindows.Normalized)}, so the member lands in different places.";
                    findings.Report(RuleCatalog.BackslashInPath, i, $"{q} contains a backslash. {consequence}");
                }
                if (path.Has(PathProblems.ParentEscapes))
                {
                    findings.Report(RuleCatalog.PathTraversal, i,
                        $"{q} climbs above the archive root with '..' (it normalises to {Q(path.Normalized)}). It would be written outside the extraction directory; installers must not unpack it.");
                }
                else if (path.Has(PathProblems.ParentInside))
                {
                    findings.Report(RuleCatalog.ParentComponentInPath, i,
                        $"{q} contains a '..' component; it stays inside the archive (as {Q(path.Normalized)}), but strict extractors (uv's tar-codec) refuse any '..' in a member path, and a '..' after a link component can escape.");
                }
                if (path.Has(PathProblems.ControlCharacter))
                {
                    var what = path.Has(PathProblems.Nul) ? "a NUL character" : "a control character";
                    findings.Report(RuleCatalog.ControlCharacterInPath, i,
                        $"{q} contains {what}. C-based tools cut the name at NUL or reject it, so different readers see different members.");
                }
            }
        }
    }
}
