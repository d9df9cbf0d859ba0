using System;
using System.Collections.Generic;
using PyPackaging.Archives;
using PyPackaging.Inspection;
using PyPackaging.Paths;
using PyPackaging.Rules;
using static PyPackaging.Checks.Safety.CheckText;

namespace PyPackaging.Checks.Structure
{
    /// <summary>Container format, top-level layout, PKG-INFO / pyproject.toml presence and the tar dialect.</summary>
    public sealed class LayoutCheck : ArchiveCheck
    {
        private static readonly string[] KnownSuffixes = { ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar.zst", ".tar", ".zip" };

        private static readonly PySdistRule[] OwnRules =
        {
            RuleCatalog.ContainerNotTarGz, RuleCatalog.TopLevelNotSingle, RuleCatalog.TopLevelMismatch, RuleCatalog.MemberOutsideTopLevel,
            RuleCatalog.TopLevelFile, RuleCatalog.MissingPkgInfo, RuleCatalog.PkgInfoNotRegular, RuleCatalog.MissingPyprojectToml,
            RuleCatalog.PyprojectTomlNotRegular, RuleCatalog.NonPaxHeader,
        };

        public override IReadOnlyList<PySdistRule> Rules => OwnRules;

        /// <summary>The file name without its archive suffix (.tar.gz or .zip, or another known one): the expected top-level directory.</summary>
        public static string Stem(string fileName)
        {
            foreach (var suffix in KnownSuffixes)
            {
                if (fileName.Length > suffix.Length && fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return fileName.Substring(0, fileName.Length - suffix.Length);
                }
            }
            var dot = fileName.LastIndexOf('.');
            return dot > 0 ? fileName.Substring(0, dot) : fileName;
        }

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            ReportContainer(snapshot, findings);
            if (snapshot.Container == ContainerFormat.Empty || snapshot.Container == ContainerFormat.Unknown) return;

            var graph = snapshot.Links;
            var top = ReportLayout(snapshot, graph, findings);
            if (top != null)
            {
                ReportRequiredFile(snapshot, graph, top, "PKG-INFO", RuleCatalog.MissingPkgInfo, RuleCatalog.PkgInfoNotRegular, findings,
                    "PyPI refuses the upload ('PKG-INFO not found'), twine check fails, and the metadata cannot be read without building the sdist.");
                ReportRequiredFile(snapshot, graph, top, "pyproject.toml", RuleCatalog.MissingPyprojectToml, RuleCatalog.PyprojectTomlNotRegular, findings,
                    "This is a legacy sdist: PyPI accepts it, and pip and uv build it through setup.py (setuptools' legacy backend). The current sdist format requires pyproject.toml.");
            }
            ReportHeaderFormats(snapshot, findings);
        }

        private static void ReportContainer(SdistSnapshot snapshot, FindingCollector findings)
        {
            string? why;
            switch (snapshot.Container)
            {
                case ContainerFormat.TarGzip: why = null; break;
                case ContainerFormat.Zip:
                    why = "is a legacy zip sdist, not accepted by PEP 625/PyPI: new sdists must be gzip-compressed tar archives ({name}-{version}.tar.gz). pip and uv still read it, but PyPI refuses the upload.";
                    break;
                case ContainerFormat.Tar:
                    why = "is an uncompressed tar archive. Sdists must be gzip-compressed ({name}-{version}.tar.gz); PyPI refuses any other container.";
                    break;
                case ContainerFormat.Bzip2:
                    why = "is bzip2-compressed. Sdists must be gzip-compressed tar archives (.tar.gz); PyPI refuses .tar.bz2 and uv no longer reads it.";
                    break;
                case ContainerFormat.Xz:
                    why = "is xz-compressed. Sdists must be gzip-compressed tar archives (.tar.gz); PyPI refuses .tar.xz and uv no longer reads it.";
                    break;
                case ContainerFormat.Zstandard:
                    why = "is zstd-compressed. Sdists must be gzip-compressed tar archives (.tar.gz); PyPI and pip do not accept .tar.zst sdists.";
                    break;
                case ContainerFormat.Empty:
                    why = "is empty: it holds no archive at all, so nothing can install from it.";
                    break;
                default:
                    why = "is not a recognised archive (neither gzip-compressed tar, tar nor zip), so no installer can read it as an sdist.";
                    break;
            }
            if (why != null) findings.ReportArchive(RuleCatalog.ContainerNotTarGz, $"{Q(snapshot.FileName)} {why}");
        }

        /// <summary>Reports layout problems and returns the directory that plays the {top} role, or null when there is none.</summary>
        private static string? ReportLayout(SdistSnapshot snapshot, LinkGraph graph, FindingCollector findings)
        {
            var stem = Stem(snapshot.FileName);
            var tops = TopLevelEntries.Collect(snapshot, graph);
            if (tops.Order.Count == 0)
            {
                if (snapshot.Completed)
                {
                    findings.ReportArchive(RuleCatalog.TopLevelNotSingle,
                        $"{Q(snapshot.FileName)} has no member inside a top-level directory (expected {Dir(stem)}). PyPI refuses it and installers find nothing to build.");
                }
                return null;
            }
            ReportTopLevelFiles(snapshot, tops, stem, findings);
            return ReportTopLevelDirectories(snapshot, tops, stem, findings);
        }

        /// <summary>The archive's top-level names in first-seen order, with each one's first member, member count and whether it is a directory.</summary>
        private sealed class TopLevelEntries
        {
            public readonly List<string> Order = new List<string>();
            public readonly Dictionary<string, int> First = new Dictionary<string, int>(StringComparer.Ordinal);
            public readonly Dictionary<string, int> Count = new Dictionary<string, int>(StringComparer.Ordinal);
            public readonly HashSet<string> DirLike = new HashSet<string>(StringComparer.Ordinal);

            public static TopLevelEntries Collect(SdistSnapshot snapshot, LinkGraph graph)
            {
                var tops = new TopLevelEntries();
                foreach (var member in snapshot.Members)
                {
                    var path = graph.PathOf(member.Index);
                    if (!path.IsInside) continue;
                    var t = path.Top;
                    if (!tops.First.ContainsKey(t))
                    {
                        tops.First[t] = member.Index;
                        tops.Count[t] = 0;
                        tops.Order.Add(t);
                    }
                    tops.Count[t]++;
                    if (path.Components.Count > 1 || member.Type == PySdistEntryType.Directory) tops.DirLike.Add(t);
                }
                return tops;
            }
        }

        private static void ReportTopLevelFiles(SdistSnapshot snapshot, TopLevelEntries tops, string stem, FindingCollector findings)
        {
            foreach (var t in tops.Order)
            {
                if (tops.DirLike.Contains(t)) continue;
                var member = snapshot.Members[tops.First[t]];
                findings.Report(RuleCatalog.TopLevelFile, member.Index,
                    $"{Q(member.Path)} is a {KindName(member.Type)} at the top level of the archive, outside {Dir(stem)}. PyPI counts it as another top-level entry and refuses the upload ('Incorrect number of top-level directories in sdist').");
            }
        }

        /// <summary>Reports extra, missing or misnamed top-level directories and returns the one that plays the {top} role, or null.</summary>
        private static string? ReportTopLevelDirectories(SdistSnapshot snapshot, TopLevelEntries tops, string stem, FindingCollector findings)
        {
            var dirs = tops.Order.FindAll(tops.DirLike.Contains);
            if (tops.DirLike.Contains(stem))
            {
                foreach (var t in dirs)
                {
                    if (t == stem) continue;
                    var member = snapshot.Members[tops.First[t]];
                    findings.Report(RuleCatalog.MemberOutsideTopLevel, member.Index,
                        $"{Dir(t)} ({tops.Count[t]} member(s), first {Q(member.Path)}) is stored beside {Dir(stem)} instead of inside it. PyPI refuses an sdist with more than one top-level directory ('Incorrect number of top-level directories in sdist').");
                }
                return stem;
            }
            if (dirs.Count == 1)
            {
                findings.ReportArchive(RuleCatalog.TopLevelMismatch,
                    $"The top-level directory is {Dir(dirs[0])}, but the file name {Q(snapshot.FileName)} calls for {Dir(stem)}. The sdist format requires the same {{name}}-{{version}} stem for both; PyPI and installers do not check it and use the directory as it is.");
                return dirs[0];
            }
            var names = new List<string>();
            foreach (var t in tops.Order) names.Add(tops.DirLike.Contains(t) ? Dir(t) : Q(t));
            var expected = $"expected only {Dir(stem)}";
            findings.ReportArchive(RuleCatalog.TopLevelNotSingle,
                dirs.Count == 0
                    ? $"{Q(snapshot.FileName)} has no top-level directory, only top-level files ({List(names)}); {expected}. PyPI refuses it ('Incorrect number of top-level directories in sdist')."
                    : $"{Q(snapshot.FileName)} has {dirs.Count} top-level directories ({List(names)}); {expected}. PyPI refuses it ('Incorrect number of top-level directories in sdist'), and pip, which strips a leading directory only when every member shares it, unpacks it as is.");
            return null;
        }

        private static void ReportRequiredFile(SdistSnapshot snapshot, LinkGraph graph, string top, string name,
            PySdistRule missingRule, PySdistRule notRegularRule, FindingCollector findings, string consequence)
        {
            var path = top + "/" + name;
            var members = graph.MembersAt(path);
            if (members.Count == 0)
            {
                if (snapshot.Completed)
                {
                    findings.ReportArchive(missingRule, $"{Q(path)} is missing from {Q(snapshot.FileName)}. {consequence}");
                }
                return;
            }
            foreach (var index in members)
            {
                var member = snapshot.Members[index];
                if (member.Type == PySdistEntryType.File) continue;
                var target = member.LinkTarget != null ? $" to {Q(member.LinkTarget)}" : string.Empty;
                findings.Report(notRegularRule, index,
                    $"{Q(member.Path)} is a {KindName(member.Type)}{target}, not a regular file. {(name == "PKG-INFO" ? "twine check fails ('PKG-INFO is not a regular file') and PyPI cannot read the metadata." : "pip treats it as absent and falls back to a legacy setup.py build; other frontends may fail to read it.")}");
            }
        }

        private static void ReportHeaderFormats(SdistSnapshot snapshot, FindingCollector findings)
        {
            if (snapshot.Container == ContainerFormat.Zip) return;
            int gnu = 0, v7 = 0, total = 0;
            foreach (var member in snapshot.Members)
            {
                if (member.HeaderFormat == MemberHeaderFormat.Zip) continue;
                total++;
                if (member.HeaderFormat == MemberHeaderFormat.Gnu) gnu++;
                else if (member.HeaderFormat == MemberHeaderFormat.V7) v7++;
            }
            if (gnu == 0 && v7 == 0) return;
            var parts = new List<string>();
            if (gnu > 0) parts.Add($"{gnu} use GNU headers");
            if (v7 > 0) parts.Add($"{v7} use pre-POSIX (v7) headers");
            findings.ReportArchive(RuleCatalog.NonPaxHeader,
                $"Of the {total} members of {Q(snapshot.FileName)}, {List(parts)}. The sdist format asks for POSIX.1-2001 pax; pip, uv, CPython's tarfile and PyPI read these headers all the same.");
        }
    }
}
