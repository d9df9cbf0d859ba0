using System;
using System.Collections.Generic;
using PyPackaging.Archives;

namespace PyPackaging.Paths
{
    public sealed partial class LinkGraph
    {
        // ----- symbolic links -----

        private SymlinkResolution ResolveSymlink(int index, int depth)
        {
            if (_symlinks.TryGetValue(index, out var done)) return done;
            if (_inProgress.Contains(index))
            {
                return new SymlinkResolution(index, SymlinkOutcome.Loop) { CulpritIndex = index };
            }
            if (depth > MaxExpansionDepth || _work > WorkBudget)
            {
                return new SymlinkResolution(index, SymlinkOutcome.TooDeep) { CulpritIndex = index };
            }

            _inProgress.Add(index);
            SymlinkResolution result;
            try
            {
                result = Expand(index, depth);
            }
            finally
            {
                _inProgress.Remove(index);
            }

            // A TooDeep verdict depends on where the expansion started, so only the link that started it keeps it.
            if (result.Outcome != SymlinkOutcome.TooDeep || depth == 0) _symlinks[index] = result;
            return result;
        }

        private SymlinkResolution Expand(int index, int depth)
        {
            var linkPath = _paths[index];
            var target = _members[index].LinkTarget ?? string.Empty;
            var via = new List<int>();
            if (target.Length == 0)
            {
                return new SymlinkResolution(index, SymlinkOutcome.EmptyTarget) { CulpritIndex = index };
            }
            var parsedTarget = MemberPath.Parse(target);
            if (parsedTarget.IsRooted)
            {
                return new SymlinkResolution(index, SymlinkOutcome.Absolute) { CulpritIndex = index, ResolvedPath = target };
            }

            // Start from the link's own directory. A link whose own path escapes or is the root has no usable directory.
            var stack = new List<string>();
            if (linkPath.IsInside)
            {
                for (var i = 0; i < linkPath.Components.Count - 1; i++) stack.Add(linkPath.Components[i]);
            }
            else if (linkPath.EscapeDepth > 0)
            {
                return Finish(new SymlinkResolution(index, SymlinkOutcome.Escapes) { CulpritIndex = index, ResolvedPath = linkPath.Normalized }, via, linkPath);
            }

            var parts = MemberPath.SplitRaw(target);
            for (var p = 0; p < parts.Count; p++)
            {
                _work++;
                if (_work > WorkBudget)
                {
                    return Finish(new SymlinkResolution(index, SymlinkOutcome.TooDeep) { CulpritIndex = index }, via, linkPath);
                }
                var part = parts[p];
                if (part == "..")
                {
                    if (stack.Count == 0) return Finish(Escaped(index, parts, p), via, linkPath);
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                stack.Add(part);
                var here = MemberPath.Join(stack);
                _work += stack.Count;
                var final = FinalMemberAt(here);
                // Nothing in the archive here: the rest is followed lexically (as a normalised target would be
                // written), so an escape is still caught.
                if (final < 0 || _members[final].Type != PySdistEntryType.SymbolicLink) continue;
                var stop = ThroughInnerLink(index, final, depth, parts, p, via, ref stack);
                if (stop != null) return Finish(stop, via, linkPath);
            }

            return Finish(Conclude(index, stack), via, linkPath);
        }

        /// <summary>The verdict for a <c>..</c> at component <paramref name="p"/> that climbs above the root: where it points.</summary>
        private static SymlinkResolution Escaped(int index, IReadOnlyList<string> parts, int p)
        {
            var escaped = new List<string> { ".." };
            for (var r = p + 1; r < parts.Count; r++) escaped.Add(parts[r]);
            return new SymlinkResolution(index, SymlinkOutcome.Escapes) { CulpritIndex = index, ResolvedPath = MemberPath.Join(escaped) };
        }

        /// <summary>Where the fully expanded target <paramref name="stack"/> lands: a member, an implied directory, the root, or nothing.</summary>
        private SymlinkResolution Conclude(int index, List<string> stack)
        {
            var result = new SymlinkResolution(index, SymlinkOutcome.Dangling)
            {
                ResolvedComponents = stack.ToArray(),
                ResolvedPath = MemberPath.Join(stack),
            };
            if (stack.Count == 0)
            {
                result.Outcome = SymlinkOutcome.ResolvesToRoot;
                result.TargetIsDirectory = true;
                return result;
            }
            var final = FinalMemberAt(result.ResolvedPath);
            if (final >= 0)
            {
                result.Outcome = SymlinkOutcome.Inside;
                result.TargetMemberIndex = final;
                result.TargetIsDirectory = _members[final].Type == PySdistEntryType.Directory;
            }
            else if (IsImpliedDirectory(result.ResolvedPath))
            {
                result.Outcome = SymlinkOutcome.Inside;
                result.TargetIsDirectory = true;
            }
            return result;
        }

        /// <summary>
        /// Continues the expansion through the link <paramref name="final"/> met on the way: replaces the path so far by
        /// where that link leads, or returns the verdict that ends the expansion (escape, absolute, loop, too deep).
        /// </summary>
        private SymlinkResolution? ThroughInnerLink(int index, int final, int depth, IReadOnlyList<string> parts, int p, List<int> via, ref List<string> stack)
        {
            var inner = ResolveSymlink(final, depth + 1);
            via.Add(final);
            foreach (var v in inner.Via) via.Add(v);
            switch (inner.Outcome)
            {
                case SymlinkOutcome.Inside:
                case SymlinkOutcome.Dangling:
                case SymlinkOutcome.ResolvesToRoot:
                    stack = new List<string>(inner.ResolvedComponents);
                    _work += stack.Count;
                    return null;
                default:
                    // For an escape, keep the rest of this target so the reported location is the real one.
                    var resolved = inner.ResolvedPath;
                    if (inner.Outcome == SymlinkOutcome.Escapes || inner.Outcome == SymlinkOutcome.Absolute)
                    {
                        var rest = new List<string>();
                        for (var r = p + 1; r < parts.Count; r++) rest.Add(parts[r]);
                        if (rest.Count > 0) resolved = resolved.TrimEnd('/') + "/" + MemberPath.Join(rest);
                    }
                    return new SymlinkResolution(index, inner.Outcome)
                    {
                        CulpritIndex = inner.CulpritIndex >= 0 ? inner.CulpritIndex : final,
                        ResolvedPath = resolved,
                    };
            }
        }

        private static SymlinkResolution Finish(SymlinkResolution result, List<int> via, MemberPath linkPath)
        {
            result.Via = via.ToArray();
            switch (result.Outcome)
            {
                case SymlinkOutcome.Inside:
                case SymlinkOutcome.Dangling:
                    result.LeavesTopLevel = result.ResolvedComponents.Count == 0 ||
                        !string.Equals(result.ResolvedComponents[0], linkPath.Top, StringComparison.Ordinal);
                    break;
                case SymlinkOutcome.ResolvesToRoot:
                case SymlinkOutcome.Escapes:
                case SymlinkOutcome.Absolute:
                    result.LeavesTopLevel = true;
                    break;
            }
            return result;
        }
    }
}
