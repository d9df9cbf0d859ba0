using System.Collections.Generic;

namespace PyPackaging.Paths
{
    /// <summary>
    /// The one judgement of what a member meets in a tree: a member below a path another member holds, or at a path an
    /// earlier member holds. The checks apply it to the whole member table in archive order (LinkGraph: what a plain
    /// extractor, where later members replace earlier ones, would build); extraction applies it to what it has staged so
    /// far (Extraction/MemberTree: later members that clash are refused, so the first holder stays). Both name the same
    /// rules: SymlinkAsParent, NonDirectoryAsParent, DuplicatePath, PathTypeChange.
    /// </summary>
    internal static class PathClash
    {
        /// <summary>What writing below a path held by a member of kind <paramref name="holder"/> is; null for a directory.</summary>
        public static ParentProblemKind? Below(PathKind holder) => holder switch
        {
            PathKind.Directory => null,
            PathKind.Symlink => ParentProblemKind.SymlinkParent,
            _ => ParentProblemKind.NonDirectoryParent,
        };

        /// <summary>
        /// True when a member of kind <paramref name="later"/> may share its path with an earlier one of kind
        /// <paramref name="earlier"/>: only directories repeat (they merge); anything else is a duplicate or, when the kinds
        /// differ (<see cref="IsTypeChange"/>), a type change.
        /// </summary>
        public static bool MayShare(PathKind earlier, PathKind later) => earlier == PathKind.Directory && later == PathKind.Directory;

        /// <summary>True when a clash at one path changes its kind (PathTypeChange) rather than repeating it (DuplicatePath).</summary>
        public static bool IsTypeChange(PathKind earlier, PathKind later) => earlier != later;

        /// <summary>Every parent of a normalised member path, outermost first ("a", "a/b" for "a/b/c").</summary>
        public static IEnumerable<string> Parents(string normalizedPath)
        {
            for (var slash = normalizedPath.IndexOf('/'); slash >= 0; slash = normalizedPath.IndexOf('/', slash + 1))
            {
                yield return normalizedPath.Substring(0, slash);
            }
        }
    }
}
