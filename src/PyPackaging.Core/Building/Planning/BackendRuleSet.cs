using System;
using System.Collections.Generic;
using System.Linq;
using PyPackaging.Building.Project;
using PyPackaging.Building.Selection;

namespace PyPackaging.Building.Planning
{
    /// <summary>A parsed pattern and where it came from (for the exclusion reason).</summary>
    public sealed class OriginPattern
    {
        internal OriginPattern(GitIgnorePattern pattern, string origin)
        {
            Pattern = pattern;
            Origin = origin;
        }

        public GitIgnorePattern Pattern { get; }

        /// <summary>For example <c>tool.hatch.build.targets.sdist.exclude</c>.</summary>
        public string Origin { get; }
    }

    /// <summary>
    /// The active backend's sdist settings translated to the native build's gitignore-style rules, as data for
    /// <see cref="FileSelector"/> (which alone decides):
    /// <list type="bullet">
    /// <item><see cref="Scope"/>: what the backend packs on its defaults (<see cref="BackendScope"/>: hatchling the whole
    /// tree or its include/only-include; flit_core and uv_build their module; pdm-backend its includes or its default
    /// packages and tests/), plus the include settings below. Empty = the whole tree.</item>
    /// <item><see cref="ForceInclude"/>: packed even when ignored — uv <c>source-include</c>, flit <c>include</c>, pdm
    /// <c>source-includes</c>, hatch <c>artifacts</c> and <c>force-include</c> entries that keep their path. (pdm
    /// <c>includes</c> replace its default packages: they are scope, inside which the ignore files still apply.)</item>
    /// <item><see cref="Exclude"/>: hatch <c>exclude</c> (gitignore syntax), uv <c>source-exclude</c> (unanchored unless it
    /// starts with '/', as in uv), flit <c>exclude</c> and pdm <c>excludes</c> (root-relative).</item>
    /// </list>
    /// hatch keys come from the sdist target, else from [tool.hatch.build] (as hatchling reads them). The caller's
    /// -Include/-Exclude win over all of these. Tables of backends other than the active one are ignored with a warning.
    /// </summary>
    public sealed class BackendRuleSet
    {
        private BackendRuleSet()
        {
        }

        /// <summary>Patterns (for the walker's Include) whose matches are packed even when ignored.</summary>
        public IReadOnlyList<string> ForceInclude { get; private set; } = Array.Empty<string>();

        /// <summary>Patterns whose matching files are left out (unless the caller's -Include matches).</summary>
        public IReadOnlyList<OriginPattern> Exclude { get; private set; } = Array.Empty<OriginPattern>();

        /// <summary>When non-empty: only files matching one of these (or <see cref="AlwaysKept"/>) are packed.</summary>
        public IReadOnlyList<OriginPattern> Scope { get; private set; } = Array.Empty<OriginPattern>();

        /// <summary>Root-relative files the backend always packs, whatever <see cref="Scope"/> says.</summary>
        public IReadOnlyList<string> AlwaysKept { get; private set; } = new[] { "pyproject.toml" };

        /// <summary>Directories outside <see cref="Scope"/> may be left out whole (the backend never reads them).</summary>
        public bool ScopeSkipsDirectories { get; private set; }

        /// <summary>The backend as messages name it.</summary>
        public string BackendName { get; private set; } = "the backend";

        /// <summary>Why the backend itself would refuse the tree (no module); null when it would not.</summary>
        public string? Problem { get; private set; }

        /// <summary>Sentences for settings that are not applied, or applied differently from the backend.</summary>
        public IReadOnlyList<string> Warnings { get; private set; } = Array.Empty<string>();

        /// <summary>What was honoured, one line per setting (for verbose output).</summary>
        public IReadOnlyList<string> Honoured { get; private set; } = Array.Empty<string>();

        /// <summary>The rules for a project; <paramref name="projectRoot"/> null skips the module lookups (flit_core, uv_build, pdm-backend scopes).</summary>
        public static BackendRuleSet From(ProjectMetadata metadata, string? projectRoot = null)
        {
            if (metadata == null) throw new ArgumentNullException(nameof(metadata));
            var set = new BackendRuleSet();
            var force = new List<string>();
            var forceOrigins = new List<OriginPattern>();
            var exclude = new List<OriginPattern>();
            var warnings = new List<string>();
            var honoured = new List<string>();
            var active = metadata.ActiveBackendFileRules;

            foreach (var rules in metadata.BackendFileRules)
            {
                if (!ReferenceEquals(rules, active))
                {
                    warnings.Add("[" + rules.TablePath + "] is not applied: the project's build backend is '" + (metadata.BuildSystem?.BuildBackend ?? "(none)") + "', not the backend that table configures.");
                }
            }

            if (active != null)
            {
                switch (active.Backend)
                {
                    case BuildBackendKind.Hatch:
                        AddPatterns(active.Exclude, active.OriginOf("exclude"), p => p, exclude, warnings, honoured, "leaves out");
                        AddForce(active.Artifacts, active.OriginOf("artifacts"), p => p, force, forceOrigins, warnings, honoured);
                        AddHatchForceInclude(active, force, forceOrigins, warnings, honoured);
                        break;
                    case BuildBackendKind.Uv:
                        AddForce(active.SourceInclude, active.OriginOf("source-include"), Anchor, force, forceOrigins, warnings, honoured);
                        AddPatterns(active.SourceExclude, active.OriginOf("source-exclude"), p => p.StartsWith("/", StringComparison.Ordinal) ? p : "**/" + p, exclude, warnings, honoured, "leaves out");
                        break;
                    case BuildBackendKind.Flit:
                        AddForce(active.Include, active.OriginOf("include"), Anchor, force, forceOrigins, warnings, honoured);
                        AddPatterns(active.Exclude, active.OriginOf("exclude"), Anchor, exclude, warnings, honoured, "leaves out");
                        break;
                    case BuildBackendKind.Pdm:
                        AddForce(active.SourceInclude, active.OriginOf("source-includes"), Anchor, force, forceOrigins, warnings, honoured);
                        AddPatterns(active.Exclude, active.OriginOf("excludes"), Anchor, exclude, warnings, honoured, "leaves out");
                        break;
                }
            }

            ApplyScope(set, metadata, active, projectRoot, forceOrigins, warnings, honoured);
            set.ForceInclude = force;
            set.Exclude = exclude;
            set.Warnings = warnings;
            set.Honoured = honoured;
            return set;
        }

        // The backend's default scope, widened by its include settings (which add to what it packs).
        private static void ApplyScope(BackendRuleSet set, ProjectMetadata metadata, BackendFileRules? active, string? projectRoot,
            List<OriginPattern> forceOrigins, List<string> warnings, List<string> honoured)
        {
            BackendScope scope = BackendScope.For(metadata, active, projectRoot);
            var patterns = new List<OriginPattern>();
            foreach (var (pattern, origin, shown) in scope.Patterns)
            {
                if (Unsafe(shown, origin, warnings)) continue;
                var parsed = GitIgnorePattern.Parse(pattern, origin);
                if (parsed == null)
                {
                    warnings.Add("[" + origin + "] '" + shown + "' is not a pattern the native build understands; it is not applied.");
                    continue;
                }

                patterns.Add(new OriginPattern(parsed, origin));
                honoured.Add(origin + " '" + shown + "' restricts the sdist to matching files.");
            }

            if (patterns.Count > 0) patterns.AddRange(forceOrigins);
            set.Scope = patterns;
            set.AlwaysKept = scope.AlwaysKept;
            set.BackendName = scope.Backend;
            set.ScopeSkipsDirectories = scope.SkipsDirectoriesOutside;
            set.Problem = scope.Problem;
        }

        // hatchling's force-include maps a source to a path in the sdist; only entries that keep their path inside the
        // project are selection (a rename is not).
        private static void AddHatchForceInclude(BackendFileRules rules, List<string> force, List<OriginPattern> forceOrigins, List<string> warnings, List<string> honoured)
        {
            string origin = rules.OriginOf("force-include");
            foreach (var kv in rules.ForceIncludeMap)
            {
                string source = kv.Key.Replace('\\', '/').Trim('/');
                string target = kv.Value.Replace('\\', '/').Trim('/');
                if (source != target)
                {
                    warnings.Add("[" + origin + "] '" + kv.Key + "' = '" + kv.Value + "' is not applied: the native build packs files under their own path only; use the clean room (the project's backend) for renamed files.");
                    continue;
                }

                AddForce(new[] { source }, origin, Anchor, force, forceOrigins, warnings, honoured);
            }
        }

        /// <summary>Whether a file's path matches a pattern list (the path or one of its parent directories; the last matching pattern decides, '!' negates).</summary>
        public static OriginPattern? Match(IEnumerable<OriginPattern> patterns, string relativePath)
        {
            OriginPattern? decided = null;
            bool included = false;
            foreach (var p in patterns)
            {
                if (Matches(p.Pattern, relativePath))
                {
                    decided = p;
                    included = !p.Pattern.IsNegated;
                }
            }
            return included ? decided : null;
        }

        /// <summary>
        /// Whether a directory may hold files a pattern list selects: a non-negated pattern matches it or one of its
        /// parents, or could match something below it (conservative: true unless certainly not).
        /// </summary>
        internal static bool MayHoldMatches(IEnumerable<OriginPattern> patterns, string directory)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(directory);
            foreach (var p in patterns)
            {
                if (p.Pattern.IsNegated) continue;
                if (p.Pattern.IsMatch(directory, true) || Matches(p.Pattern, directory) || p.Pattern.CouldMatchBelow(bytes, 0)) return true;
            }
            return false;
        }

        internal static bool Matches(GitIgnorePattern pattern, string relativePath)
        {
            if (pattern.IsMatch(relativePath, false)) return true;
            int slash = relativePath.IndexOf('/');
            while (slash > 0)
            {
                if (pattern.IsMatch(relativePath.Substring(0, slash), true)) return true;
                slash = relativePath.IndexOf('/', slash + 1);
            }
            return false;
        }

        private static string Anchor(string p) => p.StartsWith("/", StringComparison.Ordinal) ? p : "/" + p;

        private static bool Unsafe(string p, string origin, List<string> warnings)
        {
            string trimmed = p.TrimStart('/');
            bool bad = p.Length == 0 || p.StartsWith("~", StringComparison.Ordinal) || p.Contains("\\") || p.Contains(":") ||
                       ("/" + trimmed + "/").Contains("/../");
            if (bad) warnings.Add("[" + origin + "] '" + p + "' is not applied: patterns must be relative to the project root, without '..', '~', '\\' or drive letters.");
            return bad;
        }

        private static void AddForce(IReadOnlyList<string> patterns, string origin, Func<string, string> convert, List<string> force, List<OriginPattern> forceOrigins, List<string> warnings, List<string> honoured)
        {
            foreach (var raw in patterns)
            {
                if (Unsafe(raw, origin, warnings)) continue;
                string p = convert(raw);
                var parsed = GitIgnorePattern.Parse(p, origin);
                if (parsed == null)
                {
                    warnings.Add("[" + origin + "] '" + raw + "' is not a pattern the native build understands; it is not applied.");
                    continue;
                }
                force.Add(p);
                forceOrigins.Add(new OriginPattern(parsed, origin));
                honoured.Add(origin + " '" + raw + "' packs matching files even when ignored.");
            }
        }

        private static void AddPatterns(IReadOnlyList<string> patterns, string origin, Func<string, string> convert, List<OriginPattern> target,
            List<string> warnings, List<string> honoured, string verb)
        {
            foreach (var raw in patterns)
            {
                if (Unsafe(raw, origin, warnings)) continue;
                var parsed = GitIgnorePattern.Parse(convert(raw), origin);
                if (parsed == null)
                {
                    warnings.Add("[" + origin + "] '" + raw + "' is not a pattern the native build understands; it is not applied.");
                    continue;
                }
                target.Add(new OriginPattern(parsed, origin));
                honoured.Add(origin + " '" + raw + "' " + verb + " matching files.");
            }
        }
    }
}
