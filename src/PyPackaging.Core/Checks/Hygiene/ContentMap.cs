using System;
using System.Collections.Generic;
using System.Text;
using PyPackaging.Inspection;
using PyPackaging.Paths;

namespace PyPackaging.Checks.Hygiene
{
    public enum ContentAreaKind
    {
        /// <summary>A Python virtual environment or conda environment.</summary>
        VirtualEnvironment,
        /// <summary>A tool cache: a directory tagged with CACHEDIR.TAG, or a well-known cache name.</summary>
        Cache,
        /// <summary>A version-control directory (.git, .hg, ...).</summary>
        VersionControl,
    }

    /// <summary>A directory of the archive that holds content that does not belong in an sdist.</summary>
    public sealed class ContentArea
    {
        internal ContentArea(ContentAreaKind kind, string directory, string evidence, int evidenceMember)
        {
            Kind = kind;
            Directory = directory;
            Evidence = evidence;
            EvidenceMember = evidenceMember;
        }

        public ContentAreaKind Kind { get; }

        /// <summary>Normalised directory path, without a trailing '/'; empty for the archive root.</summary>
        public string Directory { get; }

        /// <summary>Why the directory is classified, in words ("contains pyvenv.cfg").</summary>
        public string Evidence { get; internal set; }

        /// <summary>The member that proves it (pyvenv.cfg, CACHEDIR.TAG, the conda-meta entry...).</summary>
        public int EvidenceMember { get; internal set; }

        /// <summary>The first member at or below the directory, in archive order.</summary>
        public int FirstMember { get; internal set; } = -1;

        /// <summary>For a virtual environment: the first interpreter (or other) link inside it that points outside the archive; -1 if none.</summary>
        public int EscapingLink { get; internal set; } = -1;

        /// <summary>For a cache tagged by CACHEDIR.TAG: whether the tag starts with the specified signature.</summary>
        public bool SignatureValid { get; internal set; } = true;

        /// <summary>True when the area is inside another area that is reported (nested caches, __pycache__ inside a venv).</summary>
        public bool IsNested { get; internal set; }

        /// <summary>The directory as shown in messages, with a trailing '/'.</summary>
        public string DisplayDirectory => Directory.Length == 0 ? "./" : Directory + "/";

        /// <summary>"the virtual environment `x/` (contains pyvenv.cfg)".</summary>
        public string Describe()
        {
            var what = Kind == ContentAreaKind.VirtualEnvironment ? "the virtual environment"
                : Kind == ContentAreaKind.Cache ? "the cache directory"
                : "the version-control directory";
            return what + " `" + MemberPath.Display(DisplayDirectory) + "` (" + Evidence + ")";
        }
    }

    /// <summary>
    /// Names that are never project content: the Hygiene checks report them in an sdist, and the build's file selector
    /// (<see cref="Building.Selection.FileSelector"/>) leaves them out of one. One list, so the two cannot disagree.
    /// </summary>
    internal static class LitterNames
    {
        /// <summary>Version-control metadata directories.</summary>
        public static readonly HashSet<string> VersionControl = new HashSet<string>(StringComparer.Ordinal)
        {
            ".git", ".hg", ".svn", ".bzr", "_darcs", "CVS",
        };

        /// <summary>Environments and caches of development tools, recognised by name alone.</summary>
        public static readonly HashSet<string> ToolCaches = new HashSet<string>(StringComparer.Ordinal)
        {
            ".tox", ".nox", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hatch", ".pixi",
        };

        /// <summary>The directory CPython writes compiled bytecode to.</summary>
        public const string BytecodeDirectory = "__pycache__";
    }

    /// <summary>
    /// Classifies the directories of a snapshot: virtual environments, tool caches and VCS directories. Computed once
    /// per snapshot and shared by the Hygiene checks and the Safety link messages (which name the environment or
    /// cache a bad link sits in).
    /// </summary>
    public sealed class ContentMap
    {
        /// <summary>The 43-byte signature a CACHEDIR.TAG file starts with (Cache Directory Tagging Specification).</summary>
        public const string CacheDirTagSignature = "Signature: 8a477f597d28d172789f06886806bc55";

        private readonly List<ContentArea> _areas = new List<ContentArea>();
        private readonly Dictionary<string, List<ContentArea>> _byDirectory = new Dictionary<string, List<ContentArea>>(StringComparer.Ordinal);

        private ContentMap(SdistSnapshot snapshot)
        {
            var graph = snapshot.Links;
            var members = snapshot.Members;
            var envs = new Dictionary<string, ContentArea>(StringComparer.Ordinal);
            var caches = new Dictionary<string, ContentArea>(StringComparer.Ordinal);
            var vcs = new Dictionary<string, ContentArea>(StringComparer.Ordinal);

            var hasLibPython = DirectoriesHoldingLibPython(snapshot);
            for (var i = 0; i < members.Count; i++)
            {
                var path = graph.PathOf(i);
                if (!path.IsInside) continue;
                var isDir = members[i].Type == PySdistEntryType.Directory;
                AddEnvironmentMarkers(envs, path, isDir, hasLibPython, i);
                AddCacheTag(caches, snapshot, path, isDir, i);
                AddAreasNamedAlongPath(envs, caches, vcs, path, isDir, i);
            }

            _areas.AddRange(envs.Values);
            _areas.AddRange(caches.Values);
            _areas.AddRange(vcs.Values);
            IndexAreas(graph);
            MarkNestedAreas();
            foreach (var env in envs.Values)
            {
                env.EscapingLink = FindEscapingLink(graph, env.Directory);
            }
            _areas.Sort((a, b) => a.FirstMember.CompareTo(b.FirstMember));
        }

        /// <summary>Directories that hold lib/pythonX.Y, for the bin/python heuristic.</summary>
        private static HashSet<string> DirectoriesHoldingLibPython(SdistSnapshot snapshot)
        {
            var graph = snapshot.Links;
            var members = snapshot.Members;
            var hasLibPython = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < members.Count; i++)
            {
                var path = graph.PathOf(i);
                if (!path.IsInside) continue;
                var c = path.Components;
                for (var k = 1; k + 1 < c.Count || (k + 1 == c.Count && members[i].Type == PySdistEntryType.Directory); k++)
                {
                    if (c[k] == "lib" && k + 1 < c.Count && IsPythonVersionDir(c[k + 1]))
                    {
                        hasLibPython.Add(path.Prefix(k));
                    }
                }
            }
            return hasLibPython;
        }

        /// <summary>Files that mark their directory as a virtual environment: pyvenv.cfg, bin/python* beside lib/python*, Scripts/python.exe.</summary>
        private static void AddEnvironmentMarkers(Dictionary<string, ContentArea> envs, MemberPath path, bool isDir, HashSet<string> hasLibPython, int i)
        {
            var c = path.Components;
            var name = path.Name;
            if (name == "pyvenv.cfg" && !isDir)
            {
                // pyvenv.cfg is the defining marker: it wins over the heuristics as evidence.
                var env = AddArea(envs, ContentAreaKind.VirtualEnvironment, path.Parent, "contains pyvenv.cfg", i);
                env.Evidence = "contains pyvenv.cfg";
                env.EvidenceMember = i;
            }
            if (c.Count >= 2 && name.StartsWith("python", StringComparison.Ordinal) && c[c.Count - 2] == "bin" && !isDir)
            {
                var env = path.Prefix(c.Count - 2);
                if (hasLibPython.Contains(env))
                {
                    AddArea(envs, ContentAreaKind.VirtualEnvironment, env, "contains bin/" + name + " and lib/python*", i);
                }
            }
            if (c.Count >= 2 && string.Equals(name, "python.exe", StringComparison.OrdinalIgnoreCase) &&
                string.Equals(c[c.Count - 2], "Scripts", StringComparison.OrdinalIgnoreCase) && !isDir)
            {
                AddArea(envs, ContentAreaKind.VirtualEnvironment, path.Prefix(c.Count - 2), "contains Scripts/python.exe", i);
            }
        }

        /// <summary>A CACHEDIR.TAG marks its directory as a cache; a tag with the standard signature is the preferred evidence.</summary>
        private static void AddCacheTag(Dictionary<string, ContentArea> caches, SdistSnapshot snapshot, MemberPath path, bool isDir, int i)
        {
            if (path.Name != "CACHEDIR.TAG" || isDir) return;
            var valid = HasSignature(snapshot, i);
            var area = AddArea(caches, ContentAreaKind.Cache, path.Parent,
                valid ? "tagged by CACHEDIR.TAG" : "has a CACHEDIR.TAG without the standard signature", i);
            if (!valid && area.EvidenceMember == i) area.SignatureValid = false;
            if (valid && !area.SignatureValid)
            {
                area.SignatureValid = true;
                area.Evidence = "tagged by CACHEDIR.TAG";
                area.EvidenceMember = i;
            }
        }

        /// <summary>Directory names anywhere along the path (a component is a directory when something is below it).</summary>
        private static void AddAreasNamedAlongPath(Dictionary<string, ContentArea> envs, Dictionary<string, ContentArea> caches,
            Dictionary<string, ContentArea> vcs, MemberPath path, bool isDir, int i)
        {
            var c = path.Components;
            var last = isDir ? c.Count : c.Count - 1;
            for (var k = 0; k < last; k++)
            {
                if (c[k] == "conda-meta")
                {
                    AddArea(envs, ContentAreaKind.VirtualEnvironment, path.Prefix(k), "contains conda-meta/", i);
                }
                else if (c[k] == LitterNames.BytecodeDirectory || LitterNames.ToolCaches.Contains(c[k]))
                {
                    var cache = AddArea(caches, ContentAreaKind.Cache, path.Prefix(k + 1), "a " + c[k] + " directory", i);
                    if (!cache.SignatureValid)
                    {
                        // A well-known cache name needs no tag; an odd tag inside it does not make it less of a cache.
                        cache.SignatureValid = true;
                        cache.Evidence = "a " + c[k] + " directory";
                    }
                }
                else if (LitterNames.VersionControl.Contains(c[k]))
                {
                    AddArea(vcs, ContentAreaKind.VersionControl, path.Prefix(k + 1), "a " + c[k] + " directory", i);
                }
            }
        }

        /// <summary>Sets each area's first member and indexes the areas by directory (for <see cref="Enclosing"/>).</summary>
        private void IndexAreas(LinkGraph graph)
        {
            foreach (var area in _areas)
            {
                area.FirstMember = FirstMemberIn(graph, area.Directory);
            }
            foreach (var area in _areas)
            {
                if (!_byDirectory.TryGetValue(area.Directory, out var list))
                {
                    list = new List<ContentArea>(1);
                    _byDirectory[area.Directory] = list;
                }
                list.Add(area);
            }
        }

        /// <summary>An area inside another area is not reported on its own (virtual environments first, then caches, then VCS).</summary>
        private void MarkNestedAreas()
        {
            foreach (var area in _areas)
            {
                foreach (var outer in Enclosing(area.Directory))
                {
                    if (ReferenceEquals(area, outer)) continue;
                    if (outer.Directory != area.Directory || outer.Kind < area.Kind)
                    {
                        area.IsNested = true;
                        break;
                    }
                }
            }
        }

        public static ContentMap For(SdistSnapshot snapshot) => snapshot.GetAnalysis(s => new ContentMap(s));

        /// <summary>Every classified directory, ordered by its first member.</summary>
        public IReadOnlyList<ContentArea> Areas => _areas;

        /// <summary>The outermost area holding <paramref name="normalizedPath"/> (or equal to it), preferring environments; null if none.</summary>
        public ContentArea? AreaOf(string normalizedPath)
        {
            ContentArea? best = null;
            foreach (var area in Enclosing(normalizedPath))
            {
                if (best == null || area.Kind < best.Kind ||
                    (area.Kind == best.Kind && area.Directory.Length < best.Directory.Length))
                {
                    best = area;
                }
            }
            return best;
        }

        /// <summary>Every area whose directory is <paramref name="normalizedPath"/> or one of its ancestors (the root included).</summary>
        private IEnumerable<ContentArea> Enclosing(string normalizedPath)
        {
            if (_byDirectory.Count == 0) yield break;
            if (normalizedPath.Length > 0 && _byDirectory.TryGetValue(string.Empty, out var atRoot))
            {
                foreach (var a in atRoot) yield return a;
            }
            var end = normalizedPath.Length;
            while (end > 0)
            {
                if (_byDirectory.TryGetValue(normalizedPath.Substring(0, end), out var list))
                {
                    foreach (var a in list) yield return a;
                }
                end = normalizedPath.LastIndexOf('/', end - 1);
            }
        }

        /// <summary>True when the path lies in (or is) an environment, cache or VCS directory.</summary>
        public bool IsInArea(string normalizedPath) => AreaOf(normalizedPath) != null;

        /// <summary>" It belongs to the virtual environment `x/` (contains pyvenv.cfg)." or empty, for link messages.</summary>
        public string ContextSentence(string normalizedPath)
        {
            var area = AreaOf(normalizedPath);
            if (area == null || area.Kind == ContentAreaKind.VersionControl) return string.Empty;
            var verb = area.Kind == ContentAreaKind.VirtualEnvironment ? "belongs to " : "sits in ";
            var sentence = " It " + verb + area.Describe();
            if (area.Kind == ContentAreaKind.VirtualEnvironment)
            {
                // Build environments inside a tool cache (uv#14834): name the cache too, it is what to exclude.
                ContentArea? cache = null;
                foreach (var outer in Enclosing(area.Directory))
                {
                    if (outer.Kind == ContentAreaKind.Cache && outer.Directory != area.Directory &&
                        (cache == null || outer.Directory.Length < cache.Directory.Length))
                    {
                        cache = outer;
                    }
                }
                if (cache != null) sentence += ", inside " + cache.Describe();
            }
            return sentence + ".";
        }

        public static bool IsStrictlyBelow(string path, string directory)
        {
            if (directory.Length == 0) return path.Length > 0;
            return path.Length > directory.Length + 1 && path[directory.Length] == '/' &&
                path.StartsWith(directory, StringComparison.Ordinal);
        }

        private static ContentArea AddArea(Dictionary<string, ContentArea> areas, ContentAreaKind kind, string directory, string evidence, int member)
        {
            if (areas.TryGetValue(directory, out var existing)) return existing;
            var area = new ContentArea(kind, directory, evidence, member);
            areas[directory] = area;
            return area;
        }

        private static bool IsPythonVersionDir(string name)
        {
            // python3.12, python3.13t, pypy3.10
            string rest;
            if (name.StartsWith("python", StringComparison.Ordinal)) rest = name.Substring(6);
            else if (name.StartsWith("pypy", StringComparison.Ordinal)) rest = name.Substring(4);
            else return false;
            return rest.Length >= 1 && char.IsDigit(rest[0]);
        }

        private static bool HasSignature(SdistSnapshot snapshot, int index)
        {
            if (!snapshot.TryGetContent(index, out var content) || content.Bytes == null) return false;
            var signature = Encoding.ASCII.GetBytes(CacheDirTagSignature);
            if (content.Bytes.Length < signature.Length) return false;
            for (var i = 0; i < signature.Length; i++)
            {
                if (content.Bytes[i] != signature[i]) return false;
            }
            return true;
        }

        private static int FirstMemberIn(LinkGraph graph, string directory)
        {
            var first = graph.FirstMemberBelow(directory);
            var at = graph.MembersAt(directory);
            if (at.Count > 0 && (first < 0 || at[0] < first)) first = at[0];
            if (directory.Length == 0 && graph.Members.Count > 0) first = 0;
            return first;
        }

        private static int FindEscapingLink(LinkGraph graph, string directory)
        {
            var fallback = -1;
            foreach (var link in graph.Symlinks)
            {
                if (link.Outcome != SymlinkOutcome.Absolute && link.Outcome != SymlinkOutcome.Escapes) continue;
                var path = graph.PathOf(link.MemberIndex);
                if (!IsStrictlyBelow(path.Normalized, directory)) continue;
                var c = path.Components;
                var isInterpreter = c.Count >= 2 && path.Name.StartsWith("python", StringComparison.OrdinalIgnoreCase) &&
                    (c[c.Count - 2] == "bin" || string.Equals(c[c.Count - 2], "Scripts", StringComparison.OrdinalIgnoreCase));
                if (isInterpreter) return link.MemberIndex;
                if (fallback < 0) fallback = link.MemberIndex;
            }
            return fallback;
        }
    }
}
