using System;
using System.Collections.Generic;
using PyPackaging.Archives;

namespace PyPackaging.Paths
{
    public sealed partial class LinkGraph
    {
        // ----- hard links -----

        private HardLinkResolution ResolveHardLink(int index, int depth)
        {
            var raw = _members[index].LinkTarget ?? string.Empty;
            if (raw.Length == 0) return new HardLinkResolution(index, HardLinkOutcome.EmptyTarget, string.Empty, -1);
            var target = MemberPath.Parse(raw);
            if (target.IsRooted) return new HardLinkResolution(index, HardLinkOutcome.Absolute, raw, -1);
            if (target.EscapeDepth > 0) return new HardLinkResolution(index, HardLinkOutcome.Escapes, target.Normalized, -1);
            var key = target.Normalized;
            if (key.Length == 0) return new HardLinkResolution(index, HardLinkOutcome.ToDirectory, key, -1);
            if (_paths[index].IsInside && key == _paths[index].Normalized)
            {
                // Earlier members at the same path are replaced by this very link before it is made.
                return new HardLinkResolution(index, HardLinkOutcome.Self, key, index);
            }

            // A parent component that is (at this point) a symbolic link redirects the target.
            for (var n = 1; n < target.Components.Count; n++)
            {
                var prefix = target.Prefix(n);
                var before = LastBefore(prefix, index);
                if (before >= 0 && _members[before].Type == PySdistEntryType.SymbolicLink)
                {
                    return new HardLinkResolution(index, HardLinkOutcome.ThroughSymlink, key, before);
                }
            }

            var earlier = LastBefore(key, index);
            if (earlier < 0)
            {
                var all = MembersAt(key);
                if (all.Count > 0) return new HardLinkResolution(index, HardLinkOutcome.Later, key, all[0]);
                var child = FirstMemberBelow(key);
                if (child >= 0) return new HardLinkResolution(index, HardLinkOutcome.ToDirectory, key, -1);
                return new HardLinkResolution(index, HardLinkOutcome.Missing, key, -1);
            }

            switch (_members[earlier].Type)
            {
                case PySdistEntryType.File:
                    return new HardLinkResolution(index, HardLinkOutcome.Regular, key, earlier);
                case PySdistEntryType.SymbolicLink:
                    return new HardLinkResolution(index, HardLinkOutcome.ToSymlink, key, earlier);
                case PySdistEntryType.Directory:
                    return new HardLinkResolution(index, HardLinkOutcome.ToDirectory, key, earlier);
                case PySdistEntryType.HardLink:
                    if (depth < MaxExpansionDepth)
                    {
                        var inner = _hardLinks.TryGetValue(earlier, out var known) ? known : ResolveHardLink(earlier, depth + 1);
                        if (inner.Outcome == HardLinkOutcome.Regular) return new HardLinkResolution(index, HardLinkOutcome.Regular, key, earlier);
                    }
                    return new HardLinkResolution(index, HardLinkOutcome.ToNonRegular, key, earlier);
                default:
                    return new HardLinkResolution(index, HardLinkOutcome.ToNonRegular, key, earlier);
            }
        }

        private int LastBefore(string normalizedPath, int index)
        {
            if (!_byPath.TryGetValue(normalizedPath, out var list)) return -1;
            var found = -1;
            foreach (var i in list)
            {
                if (i >= index) break;
                found = i;
            }
            return found;
        }
    }
}
