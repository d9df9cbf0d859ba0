using System.Collections.Generic;
using PyPackaging.Checks.Hygiene;
using PyPackaging.Inspection;
using PyPackaging.Paths;
using PyPackaging.Rules;
using static PyPackaging.Checks.Safety.CheckText;

namespace PyPackaging.Checks.Safety
{
    /// <summary>Symbolic and hard links, resolved lexically through the archive's link graph.</summary>
    public sealed class LinkCheck : ArchiveCheck
    {
        private static readonly PySdistRule[] OwnRules =
        {
            RuleCatalog.SymlinkAbsolute, RuleCatalog.SymlinkEscapes, RuleCatalog.SymlinkLeavesTopLevel, RuleCatalog.SymlinkToRoot,
            RuleCatalog.SymlinkLoop, RuleCatalog.SymlinkTooDeep, RuleCatalog.SymlinkEmptyTarget, RuleCatalog.SymlinkDangling,
            RuleCatalog.HardlinkAbsolute, RuleCatalog.HardlinkEscapes, RuleCatalog.HardlinkToMissing, RuleCatalog.HardlinkToLater,
            RuleCatalog.HardlinkToSelf, RuleCatalog.HardlinkToNonRegular, RuleCatalog.HardlinkToDirectory,
            RuleCatalog.UnsafeLinkTarget, RuleCatalog.ControlCharacterInPath, RuleCatalog.SymlinkAmbiguousTarget,
        };

        public override IReadOnlyList<PySdistRule> Rules => OwnRules;

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            var graph = snapshot.Links;
            var content = ContentMap.For(snapshot);
            foreach (var link in graph.Symlinks) ReportSymlink(graph, content, link, findings);
            foreach (var link in graph.HardLinks) ReportHardLink(graph, link, findings);
            foreach (var member in snapshot.Members)
            {
                if (member.LinkTarget == null) continue;
                if (member.Type != PySdistEntryType.SymbolicLink && member.Type != PySdistEntryType.HardLink) continue;
                ReportTargetCharacters(member.Index, member.Path, member.LinkTarget, findings);
                if (member.Type == PySdistEntryType.SymbolicLink) ReportAmbiguousTarget(member.Index, member.Path, member.LinkTarget, findings);
            }
        }

        private static void ReportAmbiguousTarget(int index, string path, string target, FindingCollector findings)
        {
            var parts = MemberPath.SplitRaw(target);
            for (var i = 1; i < parts.Count; i++)
            {
                if (parts[i] != ".." || parts[i - 1] == "..") continue;
                findings.Report(RuleCatalog.SymlinkAmbiguousTarget, index,
                    $"{Q(path)} is a symbolic link to {Q(target)}, whose '..' follows the component {Q(parts[i - 1])}. If {Q(parts[i - 1])} is (or later becomes) a link, '..' climbs from wherever it points, so readers disagree about the target; uv's strict tar backend refuses it.");
                return;
            }
        }

        private static void ReportTargetCharacters(int index, string path, string target, FindingCollector findings)
        {
            var parsed = MemberPath.Parse(target);
            var head = $"{Q(path)} is a link to {Q(target)}";
            if (parsed.Has(PathProblems.ControlCharacter))
            {
                findings.Report(RuleCatalog.ControlCharacterInPath, index,
                    $"{head}, a target containing {(parsed.Has(PathProblems.Nul) ? "a NUL character" : "a control character")}. Readers cut or reject such targets, so tools disagree about where the link points.");
            }
            if (parsed.Has(PathProblems.Backslash))
            {
                findings.Report(RuleCatalog.UnsafeLinkTarget, index,
                    $"{head}, a target containing a backslash. POSIX reads it as part of a name, Windows as a separator, so the link points to different places.");
            }
            if (parsed.Has(PathProblems.Colon) && !parsed.Has(PathProblems.DriveLetter))
            {
                findings.Report(RuleCatalog.UnsafeLinkTarget, index,
                    $"{head}, a target containing ':'. On Windows ':' introduces a drive or an alternate data stream, so the link points somewhere else there.");
            }
        }

        private static void ReportSymlink(LinkGraph graph, ContentMap content, SymlinkResolution link, FindingCollector findings)
        {
            var i = link.MemberIndex;
            var member = graph.Members[i];
            var path = graph.PathOf(i);
            var head = $"{Q(member.Path)} is a symbolic link to {Q(member.LinkTarget ?? string.Empty)}";
            var context = Context(content, path);
            var via = Via(graph, link);

            switch (link.Outcome)
            {
                case SymlinkOutcome.Absolute:
                    if (link.CulpritIndex == i)
                    {
                        findings.Report(RuleCatalog.SymlinkAbsolute, i,
                            $"{head}, outside the archive.{context} pip and uv ≥ 0.8.1 will refuse to install this sdist.");
                    }
                    else
                    {
                        findings.Report(RuleCatalog.SymlinkAbsolute, i,
                            $"{head}, which leads{via} to the absolute path {Q(link.ResolvedPath)}, outside the archive.{context} pip and uv ≥ 0.8.1 will refuse to install this sdist.");
                    }
                    break;
                case SymlinkOutcome.Escapes:
                    findings.Report(RuleCatalog.SymlinkEscapes, i,
                        $"{head}, which resolves{via} to {Q(link.ResolvedPath)}, outside the archive root.{context} Installers must not unpack it; pip and uv refuse this sdist.");
                    break;
                case SymlinkOutcome.ResolvesToRoot:
                    findings.Report(RuleCatalog.SymlinkToRoot, i,
                        $"{head}, which resolves{via} to the archive root itself, the extraction destination. Such a link can redirect every later member; current CPython rejects it.");
                    break;
                case SymlinkOutcome.Loop:
                    var culprit = link.CulpritIndex >= 0 && link.CulpritIndex != i ? $" (the cycle goes through {Q(graph.Members[link.CulpritIndex].Path)})" : string.Empty;
                    findings.Report(RuleCatalog.SymlinkLoop, i,
                        $"{head}, which never resolves: following the links comes back to a link already being followed{culprit}. Extractors fail with a link loop.");
                    break;
                case SymlinkOutcome.TooDeep:
                    findings.Report(RuleCatalog.SymlinkTooDeep, i,
                        $"{head}; resolving it needs more than {LinkGraph.MaxExpansionDepth} nested link expansions (or exceeds the resolution budget). Such chains defeated CPython's containment check (CVE-2025-4517), so the link is refused.");
                    break;
                case SymlinkOutcome.EmptyTarget:
                    findings.Report(RuleCatalog.SymlinkEmptyTarget, i,
                        $"{Q(member.Path)} is a symbolic link with an empty target. Extractors reject it or create a broken link.");
                    break;
                case SymlinkOutcome.Inside:
                case SymlinkOutcome.Dangling:
                    ReportInsideArchive(link, path, head, via, context, findings);
                    break;
            }
        }

        /// <summary>A link that stays in the archive can still leave the top-level directory (pip strips it) or point at nothing.</summary>
        private static void ReportInsideArchive(SymlinkResolution link, MemberPath path, string head, string via, string context, FindingCollector findings)
        {
            var i = link.MemberIndex;
            if (link.LeavesTopLevel && path.Components.Count >= 2)
            {
                findings.Report(RuleCatalog.SymlinkLeavesTopLevel, i,
                    $"{head}, which resolves{via} to {Q(link.ResolvedPath)}, outside the top-level directory {Dir(path.Top)}.{context} pip strips that directory while unpacking, so for pip the link points outside the destination and the install fails.");
            }
            else if (link.Outcome == SymlinkOutcome.Dangling)
            {
                findings.Report(RuleCatalog.SymlinkDangling, i,
                    $"{head}, which resolves{via} to {Q(link.ResolvedPath)}, but the archive has no member there. The link is broken after unpacking, and extractors that copy link targets skip it.");
            }
        }

        /// <summary>The sentence naming the environment or cache the link sits in (or that it looks like an interpreter link), or empty.</summary>
        private static string Context(ContentMap content, MemberPath path)
        {
            var context = path.IsInside ? content.ContextSentence(path.Normalized) : string.Empty;
            if (context.Length == 0 && LooksLikeInterpreter(path))
            {
                context = $" It looks like the interpreter link of a virtual environment in {Dir(path.Prefix(path.Components.Count - 2))}; virtual environments must not be in an sdist.";
            }
            return context;
        }

        private static bool LooksLikeInterpreter(MemberPath path)
        {
            var c = path.Components;
            if (c.Count < 3 || !path.Name.StartsWith("python", System.StringComparison.OrdinalIgnoreCase)) return false;
            var parent = c[c.Count - 2];
            return parent == "bin" || string.Equals(parent, "Scripts", System.StringComparison.OrdinalIgnoreCase);
        }

        private static string Via(LinkGraph graph, SymlinkResolution link)
        {
            if (link.Via.Count == 0) return string.Empty;
            var names = new List<string>();
            foreach (var v in link.Via) names.Add(Q(graph.Members[v].Path));
            return " through " + List(names, 3);
        }

        private static void ReportHardLink(LinkGraph graph, HardLinkResolution link, FindingCollector findings)
        {
            var i = link.MemberIndex;
            var member = graph.Members[i];
            var head = $"{Q(member.Path)} is a hard link to {Q(member.LinkTarget ?? string.Empty)}";
            var other = link.TargetMemberIndex >= 0 ? graph.Members[link.TargetMemberIndex] : null;
            switch (link.Outcome)
            {
                case HardLinkOutcome.Absolute:
                    findings.Report(RuleCatalog.HardlinkAbsolute, i,
                        $"{head}, an absolute path outside the archive. Extracting it would link (or copy) a file from the extracting machine; installers must not unpack it.");
                    break;
                case HardLinkOutcome.Escapes:
                    findings.Report(RuleCatalog.HardlinkEscapes, i,
                        $"{head}; hard-link targets are relative to the archive root, so it points to {Q(link.TargetPath)}, outside the archive. Installers must not unpack it.");
                    break;
                case HardLinkOutcome.EmptyTarget:
                    findings.Report(RuleCatalog.HardlinkToMissing, i,
                        $"{Q(member.Path)} is a hard link with an empty target. Extractors fail on it or fall back to copying nothing.");
                    break;
                case HardLinkOutcome.Missing:
                    findings.Report(RuleCatalog.HardlinkToMissing, i,
                        $"{head}, but no member of the archive has the path {Q(link.TargetPath)} (hard-link targets are relative to the archive root). Extraction fails or falls back to an unchecked copy (CVE-2025-4330).");
                    break;
                case HardLinkOutcome.Later:
                    findings.Report(RuleCatalog.HardlinkToLater, i,
                        $"{head}, but that member ({Q(other!.Path)}) only comes later in the archive, so it does not exist yet when the link is extracted.");
                    break;
                case HardLinkOutcome.Self:
                    findings.Report(RuleCatalog.HardlinkToSelf, i,
                        $"{head}, its own path. The link has no content; extractors fail or produce an empty file.");
                    break;
                case HardLinkOutcome.ToSymlink:
                    findings.Report(RuleCatalog.HardlinkToNonRegular, i,
                        $"{head}, which is the symbolic link {Q(other!.Path)}. Linking duplicates the symbolic link itself, which then reads (and lets later steps change) whatever it points to (CPython gh-157190).");
                    break;
                case HardLinkOutcome.ThroughSymlink:
                    findings.Report(RuleCatalog.HardlinkToNonRegular, i,
                        $"{head}, a path below the symbolic link {Q(other!.Path)}. The operating system follows that link, so the hard link can reach a file outside the archive.");
                    break;
                case HardLinkOutcome.ToDirectory:
                    findings.Report(RuleCatalog.HardlinkToDirectory, i,
                        $"{head}, which is a directory. Hard links to directories cannot be created and are refused by extractors.");
                    break;
                case HardLinkOutcome.ToNonRegular:
                    var kind = other == null ? "a non-regular member" : $"the {KindName(other.Type)} {Q(other.Path)}";
                    findings.Report(RuleCatalog.HardlinkToNonRegular, i,
                        $"{head}, which is {kind}, not a regular file. Extractors refuse hard links to anything but an earlier regular file.");
                    break;
            }
        }
    }
}
