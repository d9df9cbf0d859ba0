using System;
using System.Collections.Generic;
using PyPackaging.Archives;
using PyPackaging.Inspection;

namespace PyPackaging.Paths
{
    /// <summary>Where a symbolic link ends up once its target and every link along the way are expanded.</summary>
    public enum SymlinkOutcome
    {
        /// <summary>Resolves to a member of the archive (or a directory implied by member paths).</summary>
        Inside,
        /// <summary>Stays inside the archive root, but nothing in the archive is there.</summary>
        Dangling,
        /// <summary>Resolves to the archive root (the extraction destination) itself.</summary>
        ResolvesToRoot,
        /// <summary>Climbs above the archive root.</summary>
        Escapes,
        /// <summary>The target (or the target of a link on the way) is absolute, a drive letter or UNC path.</summary>
        Absolute,
        /// <summary>The stored target is empty.</summary>
        EmptyTarget,
        /// <summary>Expansion came back to a link still being expanded.</summary>
        Loop,
        /// <summary>More than <see cref="LinkGraph.MaxExpansionDepth"/> nested expansions, or the work budget ran out.</summary>
        TooDeep,
    }

    /// <summary>Where a hard link's target is, judged at the moment the link is extracted (tar semantics).</summary>
    public enum HardLinkOutcome
    {
        /// <summary>An earlier regular file (directly or through earlier hard links).</summary>
        Regular,
        EmptyTarget,
        Absolute,
        Escapes,
        /// <summary>No member has the target path.</summary>
        Missing,
        /// <summary>The target exists only later in the archive.</summary>
        Later,
        /// <summary>The link names itself.</summary>
        Self,
        /// <summary>The target is a symbolic link (gh-157190).</summary>
        ToSymlink,
        /// <summary>A parent component of the target is a symbolic link.</summary>
        ThroughSymlink,
        ToDirectory,
        /// <summary>A device, FIFO or other non-regular member, or a hard link that does not end at a regular file.</summary>
        ToNonRegular,
    }

    /// <summary>What is wrong with the parent components of a member at the time it is extracted.</summary>
    public enum ParentProblemKind
    {
        /// <summary>An earlier member made a parent component a symbolic link.</summary>
        SymlinkParent,
        /// <summary>An earlier member made a parent component a file or other non-directory.</summary>
        NonDirectoryParent,
    }

    /// <summary>The broad kind of an archive path, for type-change detection.</summary>
    public enum PathKind
    {
        Directory,
        Regular,
        Symlink,
        Special,
    }

    public sealed class SymlinkResolution
    {
        internal SymlinkResolution(int memberIndex, SymlinkOutcome outcome)
        {
            MemberIndex = memberIndex;
            Outcome = outcome;
        }

        public int MemberIndex { get; }
        public SymlinkOutcome Outcome { get; internal set; }

        /// <summary>The final normalised path (Inside, Dangling; empty for ResolvesToRoot; for Escapes the lexical path with leading '..').</summary>
        public string ResolvedPath { get; internal set; } = string.Empty;

        internal IReadOnlyList<string> ResolvedComponents { get; set; } = Array.Empty<string>();

        /// <summary>The member the link resolves to (Inside only); -1 for an implied directory or when there is none.</summary>
        public int TargetMemberIndex { get; internal set; } = -1;

        /// <summary>True when the link resolves to a directory (a directory member or one implied by member paths).</summary>
        public bool TargetIsDirectory { get; internal set; }

        /// <summary>True when the resolved location is not under the link's own top-level directory.</summary>
        public bool LeavesTopLevel { get; internal set; }

        /// <summary>Other symbolic links expanded on the way, in order.</summary>
        public IReadOnlyList<int> Via { get; internal set; } = Array.Empty<int>();

        /// <summary>For Absolute, Escapes, Loop: the link whose own target caused it (this link or one in <see cref="Via"/>).</summary>
        public int CulpritIndex { get; internal set; } = -1;

        public bool IsProblem => Outcome != SymlinkOutcome.Inside;

        public override string ToString() => $"{MemberIndex}: {Outcome} {ResolvedPath}";
    }

    public sealed class HardLinkResolution
    {
        internal HardLinkResolution(int memberIndex, HardLinkOutcome outcome, string targetPath, int targetIndex)
        {
            MemberIndex = memberIndex;
            Outcome = outcome;
            TargetPath = targetPath;
            TargetMemberIndex = targetIndex;
        }

        public int MemberIndex { get; }
        public HardLinkOutcome Outcome { get; }

        /// <summary>Normalised target path, relative to the archive root.</summary>
        public string TargetPath { get; }

        /// <summary>The member the outcome is about (the target, the later member, the symlink parent...); -1 when none.</summary>
        public int TargetMemberIndex { get; }

        public override string ToString() => $"{MemberIndex}: {Outcome} {TargetPath}";
    }

    public sealed class ParentProblem
    {
        internal ParentProblem(int memberIndex, ParentProblemKind kind, string parentPath, int parentMemberIndex)
        {
            MemberIndex = memberIndex;
            Kind = kind;
            ParentPath = parentPath;
            ParentMemberIndex = parentMemberIndex;
        }

        public int MemberIndex { get; }
        public ParentProblemKind Kind { get; }
        public string ParentPath { get; }
        public int ParentMemberIndex { get; }
    }

    /// <summary>A later member at a path an earlier member (or earlier children) gave another kind, or the same kind again.</summary>
    public sealed class PathCollision
    {
        internal PathCollision(int memberIndex, int earlierIndex, PathKind earlierKind, PathKind kind, bool earlierIsImplied)
        {
            MemberIndex = memberIndex;
            EarlierIndex = earlierIndex;
            EarlierKind = earlierKind;
            Kind = kind;
            EarlierIsImplied = earlierIsImplied;
        }

        public int MemberIndex { get; }

        /// <summary>The earlier member with the same path, or (when <see cref="EarlierIsImplied"/>) the first earlier member below it.</summary>
        public int EarlierIndex { get; }

        public PathKind EarlierKind { get; }
        public PathKind Kind { get; }

        /// <summary>True when the path was only used as a directory by earlier members below it.</summary>
        public bool EarlierIsImplied { get; }

        public bool IsTypeChange => EarlierKind != Kind;
    }

    /// <summary>
    /// The archive's paths and links, resolved lexically against the member table: no file system is touched.
    /// Symbolic-link targets are resolved relative to the link's own directory, hard-link targets relative to the
    /// archive root (tar semantics); chains through other links in the archive are expanded, including links used as
    /// intermediate directories, with a cycle detector, a nesting cap and a work budget. The extraction destination is
    /// the archive root. Symbolic links are judged against the final state of the archive (the last member at each
    /// path wins), so a later member cannot change the meaning of an earlier check.
    /// </summary>
    public sealed class LinkGraph
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
                for (var n = 1; n < path.Components.Count; n++)
                {
                    var prefix = MemberPath.JoinRange(path.Components, 0, n);
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

        /// <summary>The graph of a snapshot, computed once and shared by every check.</summary>
        public static LinkGraph For(SdistSnapshot snapshot) => snapshot.GetAnalysis(s => Build(s.Members));

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
                    var prefix = n == path.Components.Count ? path.Normalized : MemberPath.JoinRange(path.Components, 0, n);
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

        public static PathKind KindOf(PySdistEntryType type)
        {
            switch (type)
            {
                case PySdistEntryType.Directory: return PathKind.Directory;
                case PySdistEntryType.SymbolicLink: return PathKind.Symlink;
                case PySdistEntryType.File:
                case PySdistEntryType.HardLink:
                case PySdistEntryType.SparseFile:
                    return PathKind.Regular;
                default: return PathKind.Special;
            }
        }

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
                    if (stack.Count == 0)
                    {
                        var escaped = new List<string> { ".." };
                        for (var r = p + 1; r < parts.Count; r++) escaped.Add(parts[r]);
                        return Finish(new SymlinkResolution(index, SymlinkOutcome.Escapes)
                        {
                            CulpritIndex = index,
                            ResolvedPath = MemberPath.Join(escaped),
                        }, via, linkPath);
                    }
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                stack.Add(part);
                var here = MemberPath.Join(stack);
                _work += stack.Count;
                var final = FinalMemberAt(here);
                if (final < 0)
                {
                    // Nothing in the archive here: the rest is followed lexically (as a normalised target would be
                    // written), so an escape is still caught.
                    continue;
                }
                var type = _members[final].Type;
                if (type == PySdistEntryType.SymbolicLink)
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
                            break;
                        default:
                            // For an escape, keep the rest of this target so the reported location is the real one.
                            var resolved = inner.ResolvedPath;
                            if (inner.Outcome == SymlinkOutcome.Escapes || inner.Outcome == SymlinkOutcome.Absolute)
                            {
                                var rest = new List<string>();
                                for (var r = p + 1; r < parts.Count; r++) rest.Add(parts[r]);
                                if (rest.Count > 0) resolved = resolved.TrimEnd('/') + "/" + MemberPath.Join(rest);
                            }
                            return Finish(new SymlinkResolution(index, inner.Outcome)
                            {
                                CulpritIndex = inner.CulpritIndex >= 0 ? inner.CulpritIndex : final,
                                ResolvedPath = resolved,
                            }, via, linkPath);
                    }
                }
            }

            var result = new SymlinkResolution(index, SymlinkOutcome.Dangling)
            {
                ResolvedComponents = stack.ToArray(),
                ResolvedPath = MemberPath.Join(stack),
            };
            if (stack.Count == 0)
            {
                result.Outcome = SymlinkOutcome.ResolvesToRoot;
                result.TargetIsDirectory = true;
            }
            else
            {
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
            }
            return Finish(result, via, linkPath);
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
                var prefix = MemberPath.JoinRange(target.Components, 0, n);
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

        // ----- parents and collisions -----

        private void FindParentProblems()
        {
            for (var i = 0; i < _members.Count; i++)
            {
                var path = _paths[i];
                if (!path.IsInside) continue;
                for (var n = 1; n < path.Components.Count; n++)
                {
                    var prefix = MemberPath.JoinRange(path.Components, 0, n);
                    var before = LastBefore(prefix, i);
                    if (before < 0) continue;
                    var kind = KindOf(_members[before].Type);
                    if (kind == PathKind.Directory) continue;
                    _parentProblems.Add(new ParentProblem(i,
                        kind == PathKind.Symlink ? ParentProblemKind.SymlinkParent : ParentProblemKind.NonDirectoryParent,
                        prefix, before));
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
                    var kind = KindOf(_members[index].Type);

                    // An earlier explicit member of another kind is the most telling; then an earlier child (implied directory);
                    // then an earlier member of the same kind (a duplicate). Directories may repeat.
                    PathCollision? found = null;
                    for (var e = k - 1; e >= 0 && found == null; e--)
                    {
                        var earlierKind = KindOf(_members[list[e]].Type);
                        if (earlierKind != kind) found = new PathCollision(index, list[e], earlierKind, kind, false);
                    }
                    if (found == null && kind != PathKind.Directory && firstChild >= 0 && firstChild < index)
                    {
                        found = new PathCollision(index, firstChild, PathKind.Directory, kind, true);
                    }
                    if (found == null && kind != PathKind.Directory && k > 0)
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
