using System;
using System.Collections.Generic;
using System.IO;
using PyPackaging.Archives;
using PyPackaging.Paths;
using PyPackaging.Rules;

namespace PyPackaging.Extraction
{
    /// <summary>
    /// Why the extraction pass refuses to write one member. Each value is named after the catalogue rule it is reported
    /// under (<see cref="RefusalKinds.Rule"/>), so Get-PySdistRule lists every reason Expand gives. Most of those rules
    /// block extraction when a check reports them anyway; the pass only refuses earlier. Six are refused only when this
    /// extraction cannot hold the member, although their findings never block on their own: MemberOutsideTopLevel and
    /// TopLevelFile with -StripTopLevel or past the top-level cap, the three Windows name rules with WindowsNameRules (on
    /// Windows by default), CaseCollision on a case-insensitive volume. Against CPython's data filter: AbsolutePathError
    /// is AbsolutePath/DriveLetterPath/UncPath, OutsideDestinationError is PathTraversal, SpecialFileError is SpecialFile;
    /// its link errors (AbsoluteLinkError, LinkOutsideDestinationError) are found by the checks on the whole link
    /// graph, and links are written last, from the checked resolutions (LinkWriter).
    /// </summary>
    internal enum RefusalKind
    {
        SpecialFile,
        EmptyPath,
        AbsolutePath,
        DriveLetterPath,
        UncPath,
        BackslashInPath,
        PathTraversal,
        ParentComponentInPath,
        ControlCharacterInPath,
        MemberOutsideTopLevel,
        TopLevelFile,
        WindowsForbiddenCharacter,
        TrailingDotOrSpace,
        WindowsReservedName,
        SymlinkAsParent,
        NonDirectoryAsParent,
        DuplicatePath,
        PathTypeChange,
        CaseCollision,
    }

    internal static class RefusalKinds
    {
        /// <summary>The catalogue rule a refusal is reported under (its id is the refusal's name).</summary>
        public static PySdistRule Rule(this RefusalKind kind) => kind switch
        {
            RefusalKind.SpecialFile => RuleCatalog.SpecialFile,
            RefusalKind.EmptyPath => RuleCatalog.EmptyPath,
            RefusalKind.AbsolutePath => RuleCatalog.AbsolutePath,
            RefusalKind.DriveLetterPath => RuleCatalog.DriveLetterPath,
            RefusalKind.UncPath => RuleCatalog.UncPath,
            RefusalKind.BackslashInPath => RuleCatalog.BackslashInPath,
            RefusalKind.PathTraversal => RuleCatalog.PathTraversal,
            RefusalKind.ParentComponentInPath => RuleCatalog.ParentComponentInPath,
            RefusalKind.ControlCharacterInPath => RuleCatalog.ControlCharacterInPath,
            RefusalKind.MemberOutsideTopLevel => RuleCatalog.MemberOutsideTopLevel,
            RefusalKind.TopLevelFile => RuleCatalog.TopLevelFile,
            RefusalKind.WindowsForbiddenCharacter => RuleCatalog.WindowsForbiddenCharacter,
            RefusalKind.TrailingDotOrSpace => RuleCatalog.TrailingDotOrSpace,
            RefusalKind.WindowsReservedName => RuleCatalog.WindowsReservedName,
            RefusalKind.SymlinkAsParent => RuleCatalog.SymlinkAsParent,
            RefusalKind.NonDirectoryAsParent => RuleCatalog.NonDirectoryAsParent,
            RefusalKind.DuplicatePath => RuleCatalog.DuplicatePath,
            RefusalKind.PathTypeChange => RuleCatalog.PathTypeChange,
            RefusalKind.CaseCollision => RuleCatalog.CaseCollision,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        /// <summary>The id the refusal is reported under: its catalogue rule's id.</summary>
        public static string Code(this RefusalKind kind) => kind.Rule().Id;
    }

    /// <summary>
    /// What Expand-PySdistSafely refuses while it streams, member by member, before the checks have seen the whole
    /// archive: given a member (path, type) and the tree written so far, where the member goes or why it is refused.
    /// The checks judge the finished snapshot afterwards; a member is written only when both let it through
    /// (ExtractionRun.Decide). Modelled on the shape of CPython's tarfile data filter: one predicate per member,
    /// typed refusals.
    /// </summary>
    internal sealed class ExtractionPolicy
    {
        private const PathProblems Unplaceable =
            PathProblems.Empty | PathProblems.Absolute | PathProblems.DriveLetter | PathProblems.Unc | PathProblems.Backslash |
            PathProblems.ParentEscapes | PathProblems.ParentInside | PathProblems.ControlCharacter | PathProblems.Nul;

        private readonly ExtractionOptions _options;
        private readonly Action<string> _onNewTopLevel;
        private readonly MemberTree _tree;
        private readonly List<string> _tops = new List<string>();
        private string? _stripTop;

        /// <param name="onNewTopLevel">Called with each new top-level name as soon as it is seen (the run refuses an existing target there).</param>
        public ExtractionPolicy(ExtractionOptions options, IReadOnlyList<ArchiveMember> members, bool caseInsensitive, Action<string> onNewTopLevel)
        {
            _options = options;
            _onNewTopLevel = onNewTopLevel;
            _tree = new MemberTree(members, caseInsensitive);
        }

        /// <summary>The top-level names the archive writes, in the order first seen.</summary>
        public IReadOnlyList<string> TopLevelNames => _tops;

        /// <summary>
        /// Judges one member: true when it may be written (its <see cref="MemberPlan.Key"/> is set and its path claimed);
        /// false with refusals on the plan, or with a skip reason when there is nothing to write.
        /// </summary>
        public bool Admit(MemberPlan plan)
        {
            var type = plan.Member.Type;
            plan.Path = MemberPath.Parse(plan.Member.Path);
            var placed = Place(plan, plan.Path);
            switch (type)
            {
                case PySdistEntryType.Directory:
                case PySdistEntryType.File:
                case PySdistEntryType.SymbolicLink:
                case PySdistEntryType.HardLink:
                    return placed && _tree.Claim(plan);
                default:
                    plan.Refuse(RefusalKind.SpecialFile, $"'{MemberPath.Display(plan.Member.Path)}' is a {MemberKinds.Name(type)}; only regular files, directories and links are extracted.");
                    return false;
            }
        }

        /// <summary>Checks the member's path lexically and computes where it goes; false when it must not be written.</summary>
        private bool Place(MemberPlan plan, MemberPath path)
        {
            var member = plan.Member;
            var shown = MemberPath.Display(member.Path);
            if (!RefuseUnplaceable(plan, path, shown)) return false;
            if (path.Components.Count == 0)
            {
                if (member.Type == PySdistEntryType.Directory)
                {
                    plan.SkipReason = "The member names the archive root itself.";
                    return false;
                }
                plan.Refuse(RefusalKind.EmptyPath, $"'{shown}' names the archive root itself; it is not written.");
                return false;
            }

            var components = path.Components;
            var start = 0;
            if (_options.StripTopLevel)
            {
                if (!InsideStrippedTop(plan, components, shown)) return false;
                start = 1;
            }
            else if (!AdmitTopLevel(plan, path, shown))
            {
                return false;
            }
            if (!RefuseHostileNames(plan, path, start, shown)) return false;

            if (start >= components.Count)
            {
                plan.Key = string.Empty;
                plan.Relative = string.Empty;
                return true;
            }
            plan.Key = start == 0 ? path.Normalized : MemberPath.JoinRange(components, start, components.Count - start);
            plan.Relative = Path.DirectorySeparatorChar == '/' ? plan.Key : plan.Key.Replace('/', Path.DirectorySeparatorChar);
            return true;
        }

        /// <summary>Refuses a path that names no place inside the destination (one refusal per problem); true when it does.</summary>
        private static bool RefuseUnplaceable(MemberPlan plan, MemberPath path, string shown)
        {
            var bad = path.Problems & Unplaceable;
            if (bad == PathProblems.None && path.EscapeDepth <= 0) return true;
            foreach (PathProblems flag in Enum.GetValues(typeof(PathProblems)))
            {
                if (flag == PathProblems.None || (bad & flag) == 0) continue;
                plan.Refuse(KindFor(flag), $"'{shown}': {MemberPath.Describe(flag)}; it is not written.");
            }
            if (plan.Problems == null) plan.Refuse(RefusalKind.PathTraversal, $"'{shown}' climbs above the destination; it is not written.");
            return false;
        }

        private static RefusalKind KindFor(PathProblems flag) => flag switch
        {
            PathProblems.Empty => RefusalKind.EmptyPath,
            PathProblems.Absolute => RefusalKind.AbsolutePath,
            PathProblems.DriveLetter => RefusalKind.DriveLetterPath,
            PathProblems.Unc => RefusalKind.UncPath,
            PathProblems.Backslash => RefusalKind.BackslashInPath,
            PathProblems.ParentEscapes => RefusalKind.PathTraversal,
            PathProblems.ParentInside => RefusalKind.ParentComponentInPath,
            _ => RefusalKind.ControlCharacterInPath,
        };

        /// <summary>-StripTopLevel: every member must sit below the first member's top-level directory.</summary>
        private bool InsideStrippedTop(MemberPlan plan, IReadOnlyList<string> components, string shown)
        {
            var isDirectory = plan.Member.Type == PySdistEntryType.Directory;
            if (_stripTop == null)
            {
                if (components.Count == 1 && !isDirectory)
                {
                    plan.Refuse(RefusalKind.TopLevelFile, $"'{shown}' is not inside a top-level directory, so -StripTopLevel cannot place it.");
                    return false;
                }
                _stripTop = components[0];
                return true;
            }
            if (!string.Equals(components[0], _stripTop, StringComparison.Ordinal) || (components.Count == 1 && !isDirectory))
            {
                plan.Refuse(TopLevelKind(components, isDirectory), $"'{shown}' is outside the top-level directory '{_stripTop}/', so -StripTopLevel cannot place it.");
                return false;
            }
            return true;
        }

        /// <summary>A member that cannot sit below the one top-level directory: a file (or link) at the top itself, or anything beside it.</summary>
        private static RefusalKind TopLevelKind(IReadOnlyList<string> components, bool isDirectory) =>
            components.Count == 1 && !isDirectory ? RefusalKind.TopLevelFile : RefusalKind.MemberOutsideTopLevel;

        /// <summary>Without -StripTopLevel: records a new top-level entry (at most <see cref="ArchiveLimits.MaxTopLevelEntries"/>).</summary>
        private bool AdmitTopLevel(MemberPlan plan, MemberPath path, string shown)
        {
            var top = path.Components[0];
            if (_tops.Contains(top)) return true;
            if (_tops.Count >= ArchiveLimits.MaxTopLevelEntries)
            {
                plan.Refuse(TopLevelKind(path.Components, plan.Member.Type == PySdistEntryType.Directory), $"'{shown}' adds yet another top-level entry; more than {ArchiveLimits.MaxTopLevelEntries} are not extracted.");
                return false;
            }
            _onNewTopLevel(top);
            _tops.Add(top);
            return true;
        }

        /// <summary>Names this extraction's file system cannot hold as written (the Windows rules when asked for, ':' on Windows).</summary>
        private bool RefuseHostileNames(MemberPlan plan, MemberPath path, int start, string shown)
        {
            if (_options.WindowsNameRules)
            {
                for (var i = start; i < path.Components.Count; i++)
                {
                    var problem = OsNames.WindowsProblem(path.Components[i], out var kind);
                    if (problem != null)
                    {
                        plan.Refuse(kind, $"'{shown}': {problem}; it is not written.");
                        return false;
                    }
                }
            }
            else if (path.Has(PathProblems.Colon) && Path.DirectorySeparatorChar == '\\')
            {
                plan.Refuse(RefusalKind.WindowsForbiddenCharacter, $"'{shown}' contains ':'; it is not written.");
                return false;
            }
            return true;
        }
    }
}
