using System;
using System.Collections.Generic;
using System.IO;
using PyPackaging.Paths;

namespace PyPackaging.Extraction
{
    /// <summary>
    /// Writes the links once the whole archive is known and judged, from the resolutions the checks used (the
    /// snapshot's <see cref="LinkGraph"/>), never from the stored link text: as copies of the file they lead to, or
    /// (-LinkMode Symlink) as normalised relative symbolic links.
    /// </summary>
    internal sealed class LinkWriter
    {
        private readonly LinkMode _mode;
        private readonly IReadOnlyList<MemberPlan> _plans;
        private readonly StagingArea _staging;
        private readonly LinkGraph _graph;

        public LinkWriter(LinkMode mode, IReadOnlyList<MemberPlan> plans, StagingArea staging, LinkGraph graph)
        {
            _mode = mode;
            _plans = plans;
            _staging = staging;
            _graph = graph;
        }

        /// <summary>Writes (or gives the skip reason of) one hard or symbolic link the policy and the checks let through.</summary>
        public void Write(MemberPlan plan)
        {
            if (_mode == LinkMode.Skip)
            {
                plan.SkipReason = "Links are not extracted with -LinkMode Skip.";
                return;
            }
            if (plan.Member.Type == PySdistEntryType.HardLink)
            {
                var h = _graph.HardLink(plan.Member.Index);
                if (h == null || h.Outcome != HardLinkOutcome.Regular || h.TargetMemberIndex < 0)
                {
                    plan.SkipReason = "The hard link does not lead to an earlier regular file.";
                    return;
                }
                CopyFrom(plan, h.TargetMemberIndex < _plans.Count ? _plans[h.TargetMemberIndex] : null);
                return;
            }
            WriteSymlink(plan);
        }

        private void WriteSymlink(MemberPlan plan)
        {
            var s = _graph.Symlink(plan.Member.Index);
            if (s == null || s.Outcome != SymlinkOutcome.Inside)
            {
                plan.SkipReason = s?.Outcome == SymlinkOutcome.Dangling
                    ? $"The link's target '{s.ResolvedPath}' is not in the archive."
                    : "The link does not resolve to a member of the archive.";
                return;
            }
            var targetIndex = s.TargetMemberIndex;
            if (targetIndex >= 0 && _plans[targetIndex].Member.Type == PySdistEntryType.HardLink && _graph.HardLink(targetIndex) is HardLinkResolution viaHard && viaHard.Outcome == HardLinkOutcome.Regular)
            {
                targetIndex = viaHard.TargetMemberIndex; // a symbolic link to a hard link copies the file the hard link names
            }
            if (_mode == LinkMode.Copy)
            {
                if (s.TargetIsDirectory || targetIndex < 0 || _plans[targetIndex].Member.Type != PySdistEntryType.File)
                {
                    plan.SkipReason = s.TargetIsDirectory
                        ? "Links to directories are not copied; use -LinkMode Symlink to create them as links."
                        : "The link does not lead to a regular file.";
                    return;
                }
                CopyFrom(plan, _plans[targetIndex]);
                return;
            }
            CreateSymlink(plan, s);
        }

        private void CopyFrom(MemberPlan plan, MemberPlan? source)
        {
            if (source == null || !source.Written || source.Member.Type != PySdistEntryType.File)
            {
                plan.SkipReason = "The link's target was not extracted.";
                return;
            }
            var target = _staging.StagedPath(plan.Relative!);
            _staging.EnsureParent(plan.Key!);
            File.Copy(_staging.StagedPath(source.Relative!), target, overwrite: false);
            StagingArea.SetFileTime(target, source.Member.ModifiedTime);
            plan.Written = true;
        }

        private void CreateSymlink(MemberPlan plan, SymlinkResolution s)
        {
#if NET8_0_OR_GREATER
            if (s.TargetMemberIndex >= 0 && !_plans[s.TargetMemberIndex].Written && !s.TargetIsDirectory)
            {
                plan.SkipReason = "The link's target was not extracted.";
                return;
            }
            var relative = RelativeTarget(_graph.PathOf(plan.Member.Index).Components, MemberPath.Parse(s.ResolvedPath).Components);
            var path = _staging.StagedPath(plan.Relative!);
            _staging.EnsureParent(plan.Key!);
            try
            {
                if (s.TargetIsDirectory) Directory.CreateSymbolicLink(path, relative);
                else File.CreateSymbolicLink(path, relative);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new IOException($"Creating the symbolic link failed ({ex.Message}). On Windows, symbolic links need Developer Mode or administrator rights; -LinkMode Copy works everywhere.", ex);
            }
            plan.Written = true;
#else
            plan.SkipReason = "Symbolic links are not supported on Windows PowerShell 5.1; use -LinkMode Copy.";
#endif
        }

        /// <summary>A normalised relative target computed from the checked resolution, never the stored text.</summary>
        private static string RelativeTarget(IReadOnlyList<string> linkPath, IReadOnlyList<string> targetComponents)
        {
            var common = 0;
            var parentCount = linkPath.Count - 1;
            while (common < parentCount && common < targetComponents.Count && string.Equals(linkPath[common], targetComponents[common], StringComparison.Ordinal)) common++;
            var parts = new List<string>();
            for (var i = common; i < parentCount; i++) parts.Add("..");
            for (var i = common; i < targetComponents.Count; i++) parts.Add(targetComponents[i]);
            if (parts.Count == 0) parts.Add(".");
            return string.Join(Path.DirectorySeparatorChar.ToString(), parts);
        }
    }
}
