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
    /// The active backend's include/exclude settings translated to the native build's gitignore-style rules.
    /// <list type="bullet">
    /// <item>hatchling <c>[tool.hatch.build.targets.sdist]</c>: <c>exclude</c> (gitignore syntax) leaves files out;
    /// <c>include</c> (gitignore syntax) and <c>only-include</c> (root-relative paths) restrict the sdist to what they match,
    /// as hatchling does, always keeping pyproject.toml, the readme, the license files and the ignore files.</item>
    /// <item>uv_build <c>[tool.uv.build-backend]</c>: <c>source-include</c> (root-relative globs) adds files even when
    /// ignored; <c>source-exclude</c> leaves files out (unanchored unless it starts with '/', as in uv).</item>
    /// <item>flit_core <c>[tool.flit.sdist]</c>: <c>include</c> adds, <c>exclude</c> leaves out (root-relative globs).</item>
    /// <item>pdm-backend <c>[tool.pdm.build]</c>: <c>source-includes</c> and <c>includes</c> add (root-relative globs or
    /// prefixes), <c>excludes</c> leaves out. <c>includes</c> is additive here, not a restriction: warned.</item>
    /// </list>
    /// The caller's -Include/-Exclude win over all of these. Tables of backends other than the active one are
    /// ignored with a warning.
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

        /// <summary>When non-empty: only files matching one of these are packed (hatchling include/only-include).</summary>
        public IReadOnlyList<OriginPattern> Restrict { get; private set; } = Array.Empty<OriginPattern>();

        /// <summary>Sentences for settings that are not applied, or applied differently from the backend.</summary>
        public IReadOnlyList<string> Warnings { get; private set; } = Array.Empty<string>();

        /// <summary>What was honoured, one line per setting (for verbose output).</summary>
        public IReadOnlyList<string> Honoured { get; private set; } = Array.Empty<string>();

        public static BackendRuleSet From(ProjectMetadata metadata)
        {
            if (metadata == null) throw new ArgumentNullException(nameof(metadata));
            var set = new BackendRuleSet();
            var force = new List<string>();
            var exclude = new List<OriginPattern>();
            var restrict = new List<OriginPattern>();
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
                string t = active.TablePath;
                switch (active.Backend)
                {
                    case BuildBackendKind.Hatch:
                        AddPatterns(active.Exclude, t + ".exclude", p => p, exclude, warnings, honoured, "leaves out");
                        AddPatterns(active.Include, t + ".include", p => p, restrict, warnings, honoured, "restricts the sdist to");
                        AddPatterns(active.OnlyInclude, t + ".only-include", Anchor, restrict, warnings, honoured, "restricts the sdist to");
                        break;
                    case BuildBackendKind.Uv:
                        AddForce(active.SourceInclude, t + ".source-include", force, warnings, honoured);
                        AddPatterns(active.SourceExclude, t + ".source-exclude", p => p.StartsWith("/", StringComparison.Ordinal) ? p : "**/" + p, exclude, warnings, honoured, "leaves out");
                        break;
                    case BuildBackendKind.Flit:
                        AddForce(active.Include, t + ".include", force, warnings, honoured);
                        AddPatterns(active.Exclude, t + ".exclude", Anchor, exclude, warnings, honoured, "leaves out");
                        break;
                    case BuildBackendKind.Pdm:
                        AddForce(active.SourceInclude, t + ".source-includes", force, warnings, honoured);
                        if (active.Include.Count > 0)
                        {
                            AddForce(active.Include, t + ".includes", force, warnings, honoured);
                            warnings.Add("[" + t + "] includes: pdm-backend packs only these (plus source-includes) into its sdist; the native build packs the whole project tree and only adds them (leave files out with excludes or -Exclude).");
                        }
                        AddPatterns(active.Exclude, t + ".excludes", Anchor, exclude, warnings, honoured, "leaves out");
                        break;
                }
            }

            set.ForceInclude = force;
            set.Exclude = exclude;
            set.Restrict = restrict;
            set.Warnings = warnings;
            set.Honoured = honoured;
            return set;
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

        private static void AddForce(IReadOnlyList<string> patterns, string origin, List<string> force, List<string> warnings, List<string> honoured)
        {
            foreach (var raw in patterns)
            {
                if (Unsafe(raw, origin, warnings)) continue;
                string p = Anchor(raw);
                if (GitIgnorePattern.Parse(p) == null)
                {
                    warnings.Add("[" + origin + "] '" + raw + "' is not a pattern the native build understands; it is not applied.");
                    continue;
                }
                force.Add(p);
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
