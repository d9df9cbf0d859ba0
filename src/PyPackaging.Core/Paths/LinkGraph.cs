using System;
using System.Collections.Generic;
using PyPackaging.Archives;

namespace PyPackaging.Paths
{
    /// <summary>
    /// The tree index of an archive's member table and every link resolved against it, computed once per snapshot
    /// (SdistSnapshot.Links) and shared by the checks and the extraction. Resolution is in LinkGraph.Symlinks.cs and
    /// LinkGraph.HardLinks.cs; parent problems and collisions in LinkGraph.Collisions.cs.
    /// </summary>
    public sealed partial class LinkGraph
    {
        /// <summary>Nested link expansions allowed while resolving one link.</summary>
        public const int MaxExpansionDepth = ArchiveLimits.MaxLinkExpansionDepth;

        /// <summary>Total component steps allowed for the whole graph (linear-time guard).</summary>
        public const long WorkBudget = ArchiveLimits.LinkResolutionWorkBudget;

        private readonly IReadOnlyList<ArchiveMember> _members;
        private readonly MemberPath[] _paths;
        private readonly Dictionary<string, List<int>> _byPath = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _firstChild = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<int, SymlinkResolution> _symlinks = new Dictionary<int, SymlinkResolution>();
        private readonly Dictionary<int, HardLinkResolution> _hardLinks = new Dictionary<int, HardLinkResolution>();
        private readonly List<ParentProblem> _parentProblems = new List<ParentProblem>();
        private readonly List<PathCollision> _collisions = new List<PathCollision>();
        private readonly HashSet<int> _inProgress = new HashSet<int>();
        private long _work;

        private LinkGraph(IReadOnlyList<ArchiveMember> members)
        {
            _members = members;
            _paths = new MemberPath[members.Count];
            for (var i = 0; i < members.Count; i++)
            {
                var path = MemberPath.Parse(members[i].Path);
                _paths[i] = path;
                if (!path.IsInside) continue;
                var key = path.Normalized;
                if (!_byPath.TryGetValue(key, out var list))
                {
                    list = new List<int>(1);
                    _byPath[key] = list;
                }
                list.Add(i);
                foreach (var prefix in PathClash.Parents(key))
                {
                    if (!_firstChild.ContainsKey(prefix)) _firstChild[prefix] = i;
                }
            }

            for (var i = 0; i < members.Count; i++)
            {
                if (members[i].Type == PySdistEntryType.SymbolicLink) ResolveSymlink(i, 0);
            }
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i].Type == PySdistEntryType.HardLink) _hardLinks[i] = ResolveHardLink(i, 0);
            }
            FindParentProblems();
            FindCollisions();
        }

        /// <summary>Builds the graph for a member table.</summary>
        public static LinkGraph Build(IReadOnlyList<ArchiveMember> members) => new LinkGraph(members);

        public IReadOnlyList<ArchiveMember> Members => _members;

        /// <summary>The parsed path of member <paramref name="index"/>.</summary>
        public MemberPath PathOf(int index) => _paths[index];

        /// <summary>All members whose normalised path is <paramref name="normalizedPath"/>, in archive order.</summary>
        public IReadOnlyList<int> MembersAt(string normalizedPath) =>
            _byPath.TryGetValue(normalizedPath, out var list) ? list : (IReadOnlyList<int>)Array.Empty<int>();

        /// <summary>The member that ends up at <paramref name="normalizedPath"/> (the last one), or -1.</summary>
        public int FinalMemberAt(string normalizedPath) =>
            _byPath.TryGetValue(normalizedPath, out var list) ? list[list.Count - 1] : -1;

        private Dictionary<string, int>? _directoryCounts;

        /// <summary>For every path that is a member or a parent of one: how many members are at or below it (the root under "").</summary>
        public IReadOnlyDictionary<string, int> DirectoryCounts()
        {
            if (_directoryCounts != null) return _directoryCounts;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var path in _paths)
            {
                if (!path.IsInside) continue;
                counts.TryGetValue(string.Empty, out var root);
                counts[string.Empty] = root + 1;
                for (var n = 1; n <= path.Components.Count; n++)
                {
                    var prefix = path.Prefix(n);
                    counts.TryGetValue(prefix, out var c);
                    counts[prefix] = c + 1;
                }
            }
            _directoryCounts = counts;
            return counts;
        }

        /// <summary>True when members below <paramref name="normalizedPath"/> exist, making it a directory.</summary>
        public bool IsImpliedDirectory(string normalizedPath) => _firstChild.ContainsKey(normalizedPath);

        /// <summary>The first member strictly below <paramref name="normalizedPath"/>, or -1.</summary>
        public int FirstMemberBelow(string normalizedPath) => _firstChild.TryGetValue(normalizedPath, out var i) ? i : -1;

        public SymlinkResolution? Symlink(int memberIndex) => _symlinks.TryGetValue(memberIndex, out var r) ? r : null;

        public HardLinkResolution? HardLink(int memberIndex) => _hardLinks.TryGetValue(memberIndex, out var r) ? r : null;

        /// <summary>Every symbolic link, in archive order.</summary>
        public IEnumerable<SymlinkResolution> Symlinks
        {
            get
            {
                for (var i = 0; i < _members.Count; i++)
                {
                    if (_symlinks.TryGetValue(i, out var r)) yield return r;
                }
            }
        }

        /// <summary>Every hard link, in archive order.</summary>
        public IEnumerable<HardLinkResolution> HardLinks
        {
            get
            {
                for (var i = 0; i < _members.Count; i++)
                {
                    if (_hardLinks.TryGetValue(i, out var r)) yield return r;
                }
            }
        }

        /// <summary>Members extracted below a symbolic link or a non-directory that an earlier member put at a parent path.</summary>
        public IReadOnlyList<ParentProblem> ParentProblems => _parentProblems;

        /// <summary>Members at a path an earlier member (or earlier children) already used: duplicates and type changes.</summary>
        public IReadOnlyList<PathCollision> Collisions => _collisions;

        /// <summary>The parent problem of one member, or null.</summary>
        public ParentProblem? ParentProblemOf(int memberIndex)
        {
            if (_parentByMember == null)
            {
                _parentByMember = new Dictionary<int, ParentProblem>();
                foreach (var p in _parentProblems) _parentByMember[p.MemberIndex] = p;
            }
            return _parentByMember.TryGetValue(memberIndex, out var found) ? found : null;
        }

        private Dictionary<int, ParentProblem>? _parentByMember;
        private Dictionary<int, PathCollision>? _collisionByMember;

        /// <summary>The collision (duplicate or type change) of one member with an earlier one, or null.</summary>
        public PathCollision? CollisionOf(int memberIndex)
        {
            if (_collisionByMember == null)
            {
                _collisionByMember = new Dictionary<int, PathCollision>();
                foreach (var c in _collisions) _collisionByMember[c.MemberIndex] = c;
            }
            return _collisionByMember.TryGetValue(memberIndex, out var found) ? found : null;
        }

        /// <summary>
        /// True when member <paramref name="memberIndex"/> can be materialised inside the destination without following
        /// or replacing anything: its path is a clean relative path strictly inside the root, no earlier member made a
        /// parent a link or file, it collides with no earlier member, and a link resolves to an existing regular member
        /// (symbolic) or an earlier regular file (hard). Devices and other special types are never safe.
        /// </summary>
        public bool IsContained(int memberIndex)
        {
            var path = _paths[memberIndex];
            const PathProblems Unsafe = PathProblems.Empty | PathProblems.Absolute | PathProblems.DriveLetter | PathProblems.Unc |
                PathProblems.Backslash | PathProblems.ParentEscapes | PathProblems.ParentInside | PathProblems.ControlCharacter |
                PathProblems.Colon | PathProblems.ResolvesToRoot;
            if ((path.Problems & Unsafe) != 0 || !path.IsInside) return false;
            if (ParentProblemOf(memberIndex) != null || CollisionOf(memberIndex) != null) return false;
            switch (_members[memberIndex].Type)
            {
                case PySdistEntryType.File:
                case PySdistEntryType.Directory:
                    return true;
                case PySdistEntryType.SymbolicLink:
                    var s = Symlink(memberIndex);
                    return s != null && s.Outcome == SymlinkOutcome.Inside && !s.LeavesTopLevel;
                case PySdistEntryType.HardLink:
                    var h = HardLink(memberIndex);
                    return h != null && h.Outcome == HardLinkOutcome.Regular;
                default:
                    return false;
            }
        }
    }
}
