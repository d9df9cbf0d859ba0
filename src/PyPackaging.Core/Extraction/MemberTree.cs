using System;
using System.Collections.Generic;
using PyPackaging.Archives;
using PyPackaging.Paths;

namespace PyPackaging.Extraction
{
    /// <summary>
    /// The tree the extraction has staged so far, keyed by output path: which member holds each path and as what kind.
    /// It applies the checks' judgement (<see cref="PathClash"/>, also used by LinkGraph) in streaming order, to what
    /// this run writes: a member that clashes is refused and never holds its path, so the first holder stays (LinkGraph
    /// judges the whole table as a plain extractor would, where later members replace earlier ones). Two things only
    /// this tree knows: its keys are output paths (after -StripTopLevel), and it folds letter case on
    /// case-insensitive volumes.
    /// </summary>
    internal sealed class MemberTree
    {
        private readonly IReadOnlyList<ArchiveMember> _members;
        private readonly Dictionary<string, (int Index, PathKind Kind)> _holders = new Dictionary<string, (int, PathKind)>(StringComparer.Ordinal);
        private readonly Dictionary<string, string>? _folded; // case-folded key -> first spelling (case-insensitive volumes only)
        private string? _lastParentKey;

        public MemberTree(IReadOnlyList<ArchiveMember> members, bool caseInsensitive)
        {
            _members = members;
            if (caseInsensitive) _folded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Records the member at its path, after checking its parents are directories (not files or links of earlier
        /// members) and the path is not already held, exactly or, on a case-insensitive volume, by another spelling.
        /// </summary>
        public bool Claim(MemberPlan plan)
        {
            var key = plan.Key!;
            var kind = MemberKinds.PathKindOf(plan.Member.Type);
            if (key.Length == 0) return kind == PathKind.Directory;
            var slash = key.LastIndexOf('/');
            var parentKey = slash < 0 ? string.Empty : key.Substring(0, slash);
            if (parentKey.Length > 0 && !string.Equals(parentKey, _lastParentKey, StringComparison.Ordinal))
            {
                if (!ClaimParents(plan, key)) return false;
                _lastParentKey = parentKey;
            }

            if (_holders.TryGetValue(key, out var holder))
            {
                if (PathClash.MayShare(holder.Kind, kind)) return true;
                var earlier = _members[holder.Index];
                plan.Refuse(PathClash.IsTypeChange(holder.Kind, kind) ? RefusalKind.PathTypeChange : RefusalKind.DuplicatePath,
                    $"'{MemberPath.Display(plan.Member.Path)}' is also member {holder.Index} ('{MemberPath.Display(earlier.Path)}'); a later member must not replace an earlier one, so it is not written.");
                return false;
            }
            if (!CheckFolded(plan, key, kind)) return false;
            _holders[key] = (plan.Member.Index, kind);
            return true;
        }

        /// <summary>Every parent of the member must be a directory (held as one by this member when first seen).</summary>
        private bool ClaimParents(MemberPlan plan, string key)
        {
            foreach (var parent in PathClash.Parents(key))
            {
                if (_holders.TryGetValue(parent, out var holder))
                {
                    var problem = PathClash.Below(holder.Kind);
                    if (problem == null) continue;
                    var symlink = problem == ParentProblemKind.SymlinkParent;
                    plan.Refuse(symlink ? RefusalKind.SymlinkAsParent : RefusalKind.NonDirectoryAsParent,
                        $"'{MemberPath.Display(plan.Member.Path)}' would be written below '{MemberPath.Display(_members[holder.Index].Path)}', which is {(symlink ? "a link" : "a file")}; it is not written.");
                    return false;
                }
                if (!CheckFolded(plan, parent, PathKind.Directory)) return false;
                _holders[parent] = (plan.Member.Index, PathKind.Directory);
            }
            return true;
        }

        private bool CheckFolded(MemberPlan plan, string key, PathKind kind)
        {
            if (_folded == null) return true;
            if (_folded.TryGetValue(key, out var spelled))
            {
                if (string.Equals(spelled, key, StringComparison.Ordinal)) return true;
                var other = _holders[spelled];
                if (PathClash.MayShare(other.Kind, kind)) return true;
                plan.Refuse(RefusalKind.CaseCollision,
                    $"'{MemberPath.Display(plan.Member.Path)}' and member {other.Index} ('{MemberPath.Display(_members[other.Index].Path)}') differ only in letter case; this volume is case-insensitive and would write them to the same file.");
                return false;
            }
            _folded[key] = key;
            return true;
        }
    }
}
