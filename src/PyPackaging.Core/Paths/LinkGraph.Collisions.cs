using System;
using System.Collections.Generic;
using PyPackaging.Archives;

namespace PyPackaging.Paths
{
    public sealed partial class LinkGraph
    {
        // ----- parents and collisions -----

        /// <summary>For each member, the first parent an earlier member (the last one there) holds as a non-directory.</summary>
        private void FindParentProblems()
        {
            for (var i = 0; i < _members.Count; i++)
            {
                var path = _paths[i];
                if (!path.IsInside) continue;
                foreach (var prefix in PathClash.Parents(path.Normalized))
                {
                    var before = LastBefore(prefix, i);
                    if (before < 0) continue;
                    var problem = PathClash.Below(MemberKinds.PathKindOf(_members[before].Type));
                    if (problem == null) continue;
                    _parentProblems.Add(new ParentProblem(i, problem.Value, prefix, before));
                    break;
                }
            }
        }

        private void FindCollisions()
        {
            foreach (var pair in _byPath)
            {
                var list = pair.Value;
                var firstChild = FirstMemberBelow(pair.Key);
                for (var k = 0; k < list.Count; k++)
                {
                    var index = list[k];
                    var kind = MemberKinds.PathKindOf(_members[index].Type);

                    // An earlier explicit member of another kind is the most telling; then an earlier child (implied directory);
                    // then an earlier member of the same kind (a duplicate). Directories may repeat.
                    PathCollision? found = null;
                    for (var e = k - 1; e >= 0 && found == null; e--)
                    {
                        var earlierKind = MemberKinds.PathKindOf(_members[list[e]].Type);
                        if (PathClash.IsTypeChange(earlierKind, kind)) found = new PathCollision(index, list[e], earlierKind, kind, false);
                    }
                    if (found == null && firstChild >= 0 && firstChild < index && !PathClash.MayShare(PathKind.Directory, kind))
                    {
                        found = new PathCollision(index, firstChild, PathKind.Directory, kind, true);
                    }
                    if (found == null && k > 0 && !PathClash.MayShare(kind, kind))
                    {
                        found = new PathCollision(index, list[k - 1], kind, kind, false);
                    }
                    if (found != null) _collisions.Add(found);
                }
            }
            _collisions.Sort((a, b) => a.MemberIndex.CompareTo(b.MemberIndex));
        }
    }
}
