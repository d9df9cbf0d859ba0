using System;
using System.Collections.Generic;

namespace PyPackaging.Paths
{
    // What the link graph finds: how each link resolves, and which members sit below or over an earlier one.
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

        public bool IsTypeChange => PathClash.IsTypeChange(EarlierKind, Kind);
    }

    /// <summary>
    /// The archive's paths and links, resolved lexically against the member table: no file system is touched.
    /// Symbolic-link targets are resolved relative to the link's own directory, hard-link targets relative to the
    /// archive root (tar semantics); chains through other links in the archive are expanded, including links used as
    /// intermediate directories, with a cycle detector, a nesting cap and a work budget. The extraction destination is
    /// the archive root. Symbolic links are judged against the final state of the archive (the last member at each
    /// path wins), so a later member cannot change the meaning of an earlier check.
    /// </summary>
}
