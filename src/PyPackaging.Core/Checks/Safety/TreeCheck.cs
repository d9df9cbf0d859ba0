using System.Collections.Generic;
using System.Text;
using PyPackaging.Archives;
using PyPackaging.Inspection;
using PyPackaging.Paths;
using PyPackaging.Rules;
using static PyPackaging.Checks.Safety.CheckText;

namespace PyPackaging.Checks.Safety
{
    /// <summary>How members interact in the extracted tree, and member types and modes installers refuse or change.</summary>
    public sealed class TreeCheck : ArchiveCheck
    {
        private const int SetUid = 0x800, SetGid = 0x400, Sticky = 0x200, GroupWrite = 0x10, OtherWrite = 0x2;

        private static readonly PySdistRule[] OwnRules =
        {
            RuleCatalog.SymlinkAsParent, RuleCatalog.NonDirectoryAsParent, RuleCatalog.PathTypeChange, RuleCatalog.DuplicatePath,
            RuleCatalog.SpecialFile, RuleCatalog.SpecialModeBits, RuleCatalog.WritableMode,
        };

        public override IReadOnlyList<PySdistRule> Rules => OwnRules;

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            ReportParentProblems(snapshot, findings);
            ReportCollisions(snapshot, findings);
            foreach (var member in snapshot.Members)
            {
                ReportSpecialFile(member, findings);
                if (member.Mode is int mode)
                {
                    ReportSpecialModeBits(member, mode, findings);
                    ReportWritableMode(member, mode, findings);
                }
            }
        }

        /// <summary>Members stored below a symbolic link or a non-directory.</summary>
        private static void ReportParentProblems(SdistSnapshot snapshot, FindingCollector findings)
        {
            var graph = snapshot.Links;
            var members = snapshot.Members;
            foreach (var problem in graph.ParentProblems)
            {
                var member = members[problem.MemberIndex];
                var parent = members[problem.ParentMemberIndex];
                if (problem.Kind == ParentProblemKind.SymlinkParent)
                {
                    var resolution = graph.Symlink(problem.ParentMemberIndex);
                    var where = resolution != null && resolution.Outcome != SymlinkOutcome.Inside && resolution.Outcome != SymlinkOutcome.Dangling
                        ? ", which points outside the archive" : string.Empty;
                    findings.Report(RuleCatalog.SymlinkAsParent, problem.MemberIndex,
                        $"{Q(member.Path)} is stored below {Q(problem.ParentPath)}, which an earlier member ({Q(parent.Path)}) made a symbolic link to {Q(parent.LinkTarget ?? string.Empty)}{where}. Extracting it writes through the link; installers refuse such archives.");
                }
                else
                {
                    findings.Report(RuleCatalog.NonDirectoryAsParent, problem.MemberIndex,
                        $"{Q(member.Path)} is stored below {Q(problem.ParentPath)}, which an earlier member ({Q(parent.Path)}) made a {KindName(parent.Type)}. Extraction fails or replaces that file, depending on the tool.");
                }
            }
        }

        /// <summary>Members whose (normalised) path an earlier member already took, with the same kind or another.</summary>
        private static void ReportCollisions(SdistSnapshot snapshot, FindingCollector findings)
        {
            var graph = snapshot.Links;
            var members = snapshot.Members;
            foreach (var collision in graph.Collisions)
            {
                var member = members[collision.MemberIndex];
                var earlier = members[collision.EarlierIndex];
                if (collision.IsTypeChange)
                {
                    var before = collision.EarlierIsImplied
                        ? $"earlier members already used as a directory (first {Q(earlier.Path)})"
                        : $"the earlier member {Q(earlier.Path)} made a {KindName(earlier.Type)}";
                    findings.Report(RuleCatalog.PathTypeChange, collision.MemberIndex,
                        $"{Q(member.Path)} is a {KindName(member.Type)} at a path that {before}. Replacing a directory (or changing a path's kind) makes tools disagree about the result and was used to escape the destination (CVE-2024-12718).");
                }
                else
                {
                    var same = earlier.Path == member.Path ? "the same path" : "the same path after normalisation";
                    findings.Report(RuleCatalog.DuplicatePath, collision.MemberIndex,
                        $"{Q(member.Path)} and the earlier member {Q(earlier.Path)} have {same} ({Q(graph.PathOf(collision.MemberIndex).Normalized)}). The later one silently overwrites the earlier, so tools disagree about which content is in the sdist.");
                }
            }
        }

        private static void ReportSpecialFile(ArchiveMember member, FindingCollector findings)
        {
            switch (member.Type)
            {
                case PySdistEntryType.CharacterDevice:
                case PySdistEntryType.BlockDevice:
                case PySdistEntryType.Fifo:
                    findings.Report(RuleCatalog.SpecialFile, member.Index,
                        $"{Q(member.Path)} is a {KindName(member.Type)}. Installers must not unpack device files or FIFOs (PEP 721); pip refuses this sdist.");
                    break;
            }
        }

        private static void ReportSpecialModeBits(ArchiveMember member, int mode, FindingCollector findings)
        {
            var special = new List<string>();
            if ((mode & SetUid) != 0) special.Add("setuid");
            if ((mode & SetGid) != 0) special.Add("setgid");
            if ((mode & Sticky) != 0) special.Add("sticky");
            if (special.Count > 0)
            {
                findings.Report(RuleCatalog.SpecialModeBits, member.Index,
                    $"{Q(member.Path)} has mode {PySdistEntry.FormatMode(mode)} with the {List(special)} bit{(special.Count > 1 ? "s" : string.Empty)} set. Installers must clear these bits, so users do not get the stored mode; special bits in an sdist are a red flag.");
            }
        }

        private static void ReportWritableMode(ArchiveMember member, int mode, FindingCollector findings)
        {
            // Link modes are meaningless (and usually 0777).
            var writable = new List<string>();
            if (member.Type != PySdistEntryType.SymbolicLink)
            {
                if ((mode & GroupWrite) != 0) writable.Add("group-write");
                if ((mode & OtherWrite) != 0) writable.Add("other-write");
            }
            if (writable.Count > 0)
            {
                findings.Report(RuleCatalog.WritableMode, member.Index,
                    $"{Q(member.Path)} has mode {PySdistEntry.FormatMode(mode)} with the {List(writable)} bit{(writable.Count > 1 ? "s" : string.Empty)} set. CPython's data filter and every safe extractor (Expand-PySdistSafely too) clear {(writable.Count > 1 ? "them" : "it")}, so users get mode {PySdistEntry.FormatMode(mode & ~(GroupWrite | OtherWrite) & 0x1FF)}.");
            }
        }
    }
}
