using System;
using System.Collections.Generic;
using PyPackaging.Archives;
using PyPackaging.Paths;

namespace PyPackaging.Extraction
{
    internal enum SlotKind
    {
        Directory,
        File,
        Link,
    }

    /// <summary>
    /// The tree the extraction has claimed so far, keyed by output path: which member holds each path and as what. It
    /// refuses, in streaming order, what would write through or over an earlier member. The checks find the same
    /// problems on the whole snapshot (LinkGraph's parent problems and collisions); this tree differs in two ways that
    /// need it: its keys are output paths (after -StripTopLevel), and it folds letter case on case-insensitive volumes.
    /// </summary>
    internal sealed class MemberTree
    {
        private readonly IReadOnlyList<ArchiveMember> _members;
        private readonly Dictionary<string, (int Index, SlotKind Kind)> _slots = new Dictionary<string, (int, SlotKind)>(StringComparer.Ordinal);
        private readonly Dictionary<string, string>? _folded; // case-folded key -> first spelling (case-insensitive volumes only)
        private string? _lastParentKey;

        public MemberTree(IReadOnlyList<ArchiveMember> members, bool caseInsensitive)
        {
            _members = members;
            if (caseInsensitive) _folded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Records the member at its path, after checking its parents are directories (not files or links of earlier
        /// members) and the path is not already taken, exactly or, on a case-insensitive volume, by another spelling.
        /// </summary>
        public bool Claim(MemberPlan plan, SlotKind kind)
        {
            var key = plan.Key!;
            if (key.Length == 0) return kind == SlotKind.Directory;
            var slash = key.LastIndexOf('/');
            var parentKey = slash < 0 ? string.Empty : key.Substring(0, slash);
            if (parentKey.Length > 0 && !string.Equals(parentKey, _lastParentKey, StringComparison.Ordinal))
            {
                if (!ClaimParents(plan, parentKey)) return false;
                _lastParentKey = parentKey;
            }

            if (_slots.TryGetValue(key, out var existing))
            {
                if (existing.Kind == SlotKind.Directory && kind == SlotKind.Directory) return true;
                var earlier = _members[existing.Index];
                plan.Refuse(existing.Kind == kind ? RefusalKind.DuplicatePath : RefusalKind.PathTypeChange,
                    $"'{MemberPath.Display(plan.Member.Path)}' is also member {existing.Index} ('{MemberPath.Display(earlier.Path)}'); a later member must not replace an earlier one, so it is not written.");
                return false;
            }
            if (!CheckFolded(plan, key, kind)) return false;
            _slots[key] = (plan.Member.Index, kind);
            return true;
        }

        /// <summary>Every parent of the member must be a directory (claimed as one here when first seen).</summary>
        private bool ClaimParents(MemberPlan plan, string parentKey)
        {
            var from = 0;
            while (from < parentKey.Length)
            {
                var next = parentKey.IndexOf('/', from);
                var prefix = next < 0 ? parentKey : parentKey.Substring(0, next);
                if (_slots.TryGetValue(prefix, out var slot))
                {
                    if (slot.Kind != SlotKind.Directory)
                    {
                        var what = slot.Kind == SlotKind.Link ? "a link" : "a file";
                        plan.Refuse(slot.Kind == SlotKind.Link ? RefusalKind.SymlinkAsParent : RefusalKind.NonDirectoryAsParent,
                            $"'{MemberPath.Display(plan.Member.Path)}' would be written below '{MemberPath.Display(_members[slot.Index].Path)}', which is {what}; it is not written.");
                        return false;
                    }
                }
                else
                {
                    if (!CheckFolded(plan, prefix, SlotKind.Directory)) return false;
                    _slots[prefix] = (plan.Member.Index, SlotKind.Directory);
                }
                if (next < 0) break;
                from = next + 1;
            }
            return true;
        }

        private bool CheckFolded(MemberPlan plan, string key, SlotKind kind)
        {
            if (_folded == null) return true;
            if (_folded.TryGetValue(key, out var spelled))
            {
                if (string.Equals(spelled, key, StringComparison.Ordinal)) return true;
                var other = _slots[spelled];
                if (other.Kind == SlotKind.Directory && kind == SlotKind.Directory) return true;
                plan.Refuse(RefusalKind.CaseCollision,
                    $"'{MemberPath.Display(plan.Member.Path)}' and member {other.Index} ('{MemberPath.Display(_members[other.Index].Path)}') differ only in letter case; this volume is case-insensitive and would write them to the same file.");
                return false;
            }
            _folded[key] = key;
            return true;
        }
    }
}
