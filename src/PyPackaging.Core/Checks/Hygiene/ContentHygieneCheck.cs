using System;
using System.Collections.Generic;
using PyPackaging.Archives;
using PyPackaging.Inspection;
using PyPackaging.Paths;
using PyPackaging.Rules;
using static PyPackaging.Checks.Safety.CheckText;

namespace PyPackaging.Checks.Hygiene
{
    /// <summary>Virtual environments, caches, version-control data, bytecode and build outputs packed into the sdist.</summary>
    public sealed class ContentHygieneCheck : ArchiveCheck
    {
        private static readonly PySdistRule[] OwnRules =
        {
            RuleCatalog.VirtualEnvironment, RuleCatalog.CacheDirectory, RuleCatalog.CacheDirTagUnsigned, RuleCatalog.VcsDirectory,
            RuleCatalog.CompiledBytecode, RuleCatalog.BuildOutput, RuleCatalog.NativeBinary,
        };

        private static readonly string[] NativeExtensions = { ".so", ".pyd", ".dll", ".dylib" };

        public override IReadOnlyList<PySdistRule> Rules => OwnRules;

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            var graph = snapshot.Links;
            var map = ContentMap.For(snapshot);
            ReportAreas(graph, map, findings);

            var buildDirs = new List<string>();
            foreach (var member in snapshot.Members)
            {
                var path = graph.PathOf(member.Index);
                if (!path.IsInside || map.IsInArea(path.Normalized)) continue;
                if (IsBelowAny(path.Normalized, buildDirs)) continue;
                var isDir = member.Type == PySdistEntryType.Directory;
                if (ReportBuildOutputDirectory(graph, member, path, isDir, buildDirs, findings) || isDir) continue;
                ReportStrayFile(member, path, findings);
            }
        }

        /// <summary>One finding per outermost environment, cache and version-control directory.</summary>
        private static void ReportAreas(LinkGraph graph, ContentMap map, FindingCollector findings)
        {
            foreach (var area in map.Areas)
            {
                if (area.IsNested) continue;
                switch (area.Kind)
                {
                    case ContentAreaKind.VirtualEnvironment: ReportEnvironment(graph, area, findings); break;
                    case ContentAreaKind.Cache: ReportCache(graph, area, findings); break;
                    case ContentAreaKind.VersionControl: ReportVcs(graph, area, findings); break;
                }
            }
        }

        /// <summary>
        /// Build-output directories: {top}/build, {top}/dist, stray *.egg-info. One finding per directory, at the first
        /// member along whose path it lies; returns whether this member reported one (it is added to <paramref name="buildDirs"/>).
        /// </summary>
        private static bool ReportBuildOutputDirectory(LinkGraph graph, ArchiveMember member, MemberPath path, bool isDir,
            List<string> buildDirs, FindingCollector findings)
        {
            var c = path.Components;
            var lastDir = isDir ? c.Count : c.Count - 1;
            for (var k = 1; k <= lastDir; k++)
            {
                var name = c[k - 1];
                string? why = null;
                if (k == 2 && (name == "build" || name == "dist"))
                {
                    why = $"a top-level {name}/ directory, the output of an earlier build";
                }
                else if (name.EndsWith(".egg-info", StringComparison.OrdinalIgnoreCase) && !IsExpectedEggInfo(c, k))
                {
                    why = "an *.egg-info directory outside the places setuptools puts it ({top}/ or {top}/src/)";
                }
                if (why == null) continue;
                var dir = path.Prefix(k);
                buildDirs.Add(dir);
                findings.Report(RuleCatalog.BuildOutput, member.Index,
                    $"{Dir(dir)} is {why}; it holds {CountIn(graph, dir)} member(s) of this sdist. Stale build artefacts bloat the sdist and can be picked up by the next build.",
                    $"Exclude `{RelativeToTop(dir)}` from the build (for example in .gitignore), delete it before building, and rebuild.");
                return true;
            }
            return false;
        }

        /// <summary>Files that do not belong in an sdist wherever they are: bytecode, wheels, native libraries.</summary>
        private static void ReportStrayFile(ArchiveMember member, MemberPath path, FindingCollector findings)
        {
            var file = path.Name;
            if (member.Type == PySdistEntryType.Directory || member.Type == PySdistEntryType.SymbolicLink) return;
            if (file.EndsWith(".pyc", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".pyo", StringComparison.OrdinalIgnoreCase))
            {
                findings.Report(RuleCatalog.CompiledBytecode, member.Index,
                    $"{Q(member.Path)} is compiled Python bytecode outside a __pycache__ directory. It is specific to one interpreter version, is regenerated on install, and a stale copy can shadow the source.");
            }
            else if (file.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
            {
                findings.Report(RuleCatalog.BuildOutput, member.Index,
                    $"{Q(member.Path)} is a wheel, the output of an earlier build. It bloats the sdist and is not used to build it.",
                    $"Exclude `{RelativeToTop(path.Normalized, false)}` (or all *.whl files) from the build and rebuild.");
            }
            else if (IsNative(file))
            {
                findings.Report(RuleCatalog.NativeBinary, member.Index,
                    $"{Q(member.Path)} is a compiled native library. An sdist is built from source on the installing machine; this prebuilt binary is platform-specific, may be loaded instead of the freshly built one, and cannot be reviewed.");
            }
        }

        private static void ReportEnvironment(LinkGraph graph, ContentArea env, FindingCollector findings)
        {
            var remedy = env.Directory.IndexOf('/') < 0
                ? $"The project directory itself is a virtual environment ({env.Evidence}): create environments outside the project or in an excluded subdirectory such as .venv/, remove the environment files, and rebuild."
                : $"Exclude `{RelativeToTop(env.Directory)}` from the build (for example in .gitignore) and rebuild.";
            if (env.EscapingLink >= 0)
            {
                var link = graph.Members[env.EscapingLink];
                var resolution = graph.Symlink(env.EscapingLink);
                var where = resolution != null && resolution.Outcome == SymlinkOutcome.Escapes
                    ? $", which resolves to {Q(resolution.ResolvedPath)} outside the archive" : ", outside the archive";
                // The link's own safety finding says what the link does; this one says what the environment is, so the
                // two findings on the link never read the same.
                findings.Report(RuleCatalog.VirtualEnvironment, env.EscapingLink,
                    $"{Dir(env.Directory)} is a virtual environment ({env.Evidence}) with {CountIn(graph, env.Directory)} member(s) packed into the sdist. Its interpreter link {Q(link.Path)} points to {Q(link.LinkTarget ?? string.Empty)}{where}, so pip and uv ≥ 0.8.1 refuse to install this sdist.",
                    remedy);
                return;
            }
            var at = env.EvidenceMember >= 0 ? env.EvidenceMember : env.FirstMember;
            findings.Report(RuleCatalog.VirtualEnvironment, at,
                $"{Dir(env.Directory)} is a virtual environment ({env.Evidence}) with {CountIn(graph, env.Directory)} member(s) packed into the sdist. Environments are machine-specific and must not be in source distributions; their interpreter links usually point outside the archive, and then pip and uv refuse the sdist.",
                remedy);
        }

        private static void ReportCache(LinkGraph graph, ContentArea cache, FindingCollector findings)
        {
            var remedy = $"Exclude `{RelativeToTop(cache.Directory)}` from the build (for example in .gitignore), or keep the cache outside the project, and rebuild.";
            if (!cache.SignatureValid)
            {
                findings.Report(RuleCatalog.CacheDirTagUnsigned, cache.EvidenceMember,
                    $"{Q(graph.Members[cache.EvidenceMember].Path)} does not start with the CACHEDIR.TAG signature ({ContentMap.CacheDirTagSignature}), so tools do not treat {Dir(cache.Directory)} as a cache. It is probably a cache all the same, with {CountIn(graph, cache.Directory)} member(s) in the sdist.",
                    remedy);
                return;
            }
            findings.Report(RuleCatalog.CacheDirectory, cache.FirstMember,
                $"{Dir(cache.Directory)} is a cache directory ({cache.Evidence}) with {CountIn(graph, cache.Directory)} member(s) packed into the sdist. Caches are machine-specific, bloat the sdist and can hold virtual environments whose links make installers refuse it.",
                remedy);
        }

        private static void ReportVcs(LinkGraph graph, ContentArea vcs, FindingCollector findings)
        {
            findings.Report(RuleCatalog.VcsDirectory, vcs.FirstMember,
                $"{Dir(vcs.Directory)} is version-control data ({vcs.Evidence}) with {CountIn(graph, vcs.Directory)} member(s) packed into the sdist. It bloats the sdist and can leak history, remotes or unpublished work.",
                $"Exclude `{RelativeToTop(vcs.Directory)}` from the build (check include settings and MANIFEST.in graft lines) and rebuild.");
        }

        private static bool IsExpectedEggInfo(IReadOnlyList<string> c, int k)
        {
            // {top}/X.egg-info (k == 2) or {top}/src/X.egg-info (k == 3).
            return k == 2 || (k == 3 && c[1] == "src");
        }

        private static bool IsNative(string name)
        {
            foreach (var ext in NativeExtensions)
            {
                if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return true;
            }
            // Versioned shared objects: libfoo.so.1, libfoo.so.1.2
            var so = name.LastIndexOf(".so.", StringComparison.OrdinalIgnoreCase);
            if (so > 0)
            {
                var rest = name.Substring(so + 4);
                if (rest.Length == 0) return false;
                foreach (var ch in rest)
                {
                    if (!char.IsDigit(ch) && ch != '.') return false;
                }
                return true;
            }
            return false;
        }

        private static bool IsBelowAny(string path, List<string> dirs)
        {
            foreach (var d in dirs)
            {
                if (path == d || ContentMap.IsStrictlyBelow(path, d)) return true;
            }
            return false;
        }

        /// <summary>How many members are at or below <paramref name="directory"/> (counted once per graph for all directories asked).</summary>
        internal static int CountIn(LinkGraph graph, string directory)
        {
            var counts = graph.DirectoryCounts();
            return counts.TryGetValue(directory, out var n) ? n : 0;
        }

        /// <summary>The directory as a project-relative path ("venv/"), i.e. without the sdist's top-level directory.</summary>
        internal static string RelativeToTop(string normalizedPath, bool directory = true)
        {
            var slash = normalizedPath.IndexOf('/');
            var rel = slash < 0 ? normalizedPath : normalizedPath.Substring(slash + 1);
            if (rel.Length == 0) return "./";
            return directory ? rel + "/" : rel;
        }
    }
}
