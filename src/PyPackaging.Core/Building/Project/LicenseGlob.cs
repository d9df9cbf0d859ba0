using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Linq;
using System.Text.RegularExpressions;
using PyPackaging.Building.Selection;

namespace PyPackaging.Building.Project
{
    /// <summary>
    /// The glob syntax of the packaging glob-patterns specification (used by <c>license-files</c>): alphanumerics,
    /// <c>_</c>, <c>-</c>, <c>.</c> and space match literally; <c>*</c> and <c>?</c> match within one path segment;
    /// <c>**</c> as a whole segment matches any number of directories; <c>[...]</c> holds literal characters and
    /// ASCII ranges; <c>/</c> is the only separator. No leading <c>/</c>, no <c>..</c>, nothing else.
    /// </summary>
    public sealed class LicenseGlob
    {
        private readonly Regex _regex;

        private LicenseGlob(string pattern, Regex regex)
        {
            Pattern = pattern;
            _regex = regex;
        }

        public string Pattern { get; }

        /// <summary>Parses a pattern; false with a reason when it is not valid.</summary>
        public static bool TryParse(string pattern, out LicenseGlob? glob, out string? error)
        {
            glob = null;
            if (pattern.Length == 0)
            {
                error = "the pattern is empty";
                return false;
            }
            if (pattern[0] == '/' || (pattern.Length >= 2 && pattern[1] == ':'))
            {
                error = "the pattern must be relative to the project directory (no leading '/')";
                return false;
            }
            var sb = new StringBuilder("^");
            string[] segments = pattern.Split('/');
            for (int s = 0; s < segments.Length; s++)
            {
                string seg = segments[s];
                bool last = s == segments.Length - 1;
                if (seg == "..")
                {
                    error = "the pattern must match files within the project directory ('..' is not allowed)";
                    return false;
                }
                if (seg.Length == 0)
                {
                    error = last ? "the pattern must not end with '/'" : "the pattern must not contain empty path segments ('//')";
                    return false;
                }
                if (seg == "**")
                {
                    // Zero or more whole directories (or, as the last segment, any file below).
                    sb.Append(last ? "(?:[^/]+/)*[^/]+" : "(?:[^/]+/)*");
                    continue;
                }
                if (!AppendSegment(seg, sb, out error)) return false;
                if (!last) sb.Append('/');
            }
            sb.Append("\\z");
            glob = new LicenseGlob(pattern, new Regex(sb.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2)));
            error = null;
            return true;
        }

        /// <summary>One path segment other than '**', as a regular expression.</summary>
        private static bool AppendSegment(string seg, StringBuilder sb, out string? error)
        {
            error = null;
            for (int i = 0; i < seg.Length; i++)
            {
                char c = seg[i];
                if (IsLiteral(c))
                {
                    sb.Append(Regex.Escape(c.ToString()));
                }
                else if (c == '*')
                {
                    if (i + 1 < seg.Length && seg[i + 1] == '*')
                    {
                        error = "'**' must be a whole path segment";
                        return false;
                    }
                    sb.Append("[^/]*");
                }
                else if (c == '?')
                {
                    sb.Append("[^/]");
                }
                else if (c == '[')
                {
                    int close = seg.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        error = "'[' has no closing ']'";
                        return false;
                    }
                    if (!AppendClass(seg.Substring(i + 1, close - i - 1), sb, out error)) return false;
                    i = close;
                }
                else
                {
                    error = "the character '" + c + "' is not allowed in a glob pattern (only letters, digits, '_', '-', '.', ' ', '*', '?', '[...]' and '/')";
                    return false;
                }
            }
            return true;
        }

        /// <summary>The body of a '[...]' expression: literal characters and ASCII ranges.</summary>
        private static bool AppendClass(string body, StringBuilder sb, out string? error)
        {
            error = null;
            if (body.Length == 0)
            {
                error = "'[]' is empty";
                return false;
            }
            var cls = new StringBuilder("[");
            for (int k = 0; k < body.Length; k++)
            {
                char b = body[k];
                if (b == '-' && k > 0 && k < body.Length - 1)
                {
                    char lo = body[k - 1], hi = body[k + 1];
                    if (lo > hi)
                    {
                        error = "the range '" + lo + "-" + hi + "' is reversed";
                        return false;
                    }
                    cls.Append('-');
                    continue;
                }
                if (!IsLiteral(b) || b == ' ')
                {
                    error = "'" + b + "' is not allowed inside '[...]'";
                    return false;
                }
                cls.Append(b == '-' ? "\\-" : Regex.Escape(b.ToString()));
            }
            cls.Append(']');
            sb.Append(cls);
            return true;
        }

        /// <summary>True when the '/'-separated relative path matches.</summary>
        public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

        private static bool IsLiteral(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ' ';

        /// <summary>
        /// The same glob as a root-anchored gitignore-style pattern for the build's walk (the two syntaxes agree on
        /// the characters this one allows; a trailing space, which gitignore would strip, is escaped).
        /// </summary>
        internal string ToWalkPattern() => "/" + (Pattern.EndsWith(" ", StringComparison.Ordinal) ? Pattern.Substring(0, Pattern.Length - 1) + "\\ " : Pattern);

        /// <summary>
        /// Matches <c>project.license-files</c> against what the build's one walk found and fills
        /// <see cref="ProjectMetadata.LicenseFiles"/>; returns the problems (a link, a pattern matching nothing, a file
        /// that is not UTF-8). The walk brings matching files in whatever the ignore files or the backend's scope say,
        /// but never looks inside junk (VCS metadata, environments, caches, build outputs): a license file there is
        /// not the project's (setuptools and hatchling glob the raw tree and would take it).
        /// </summary>
        internal static List<ProjectProblem> Resolve(ProjectMetadata metadata, IReadOnlyList<SourceTreeItem> items, string root)
        {
            var problems = new List<ProjectProblem>();
            if (metadata.LicenseFilePatterns.Count == 0) return problems;
            var files = items.Where(i => i.Kind == SourceItemKind.File || (i.Kind == SourceItemKind.Excluded && !i.IsDirectory)).ToList();
            var matched = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var pattern in metadata.LicenseFilePatterns)
            {
                var hits = files.Where(f => pattern.Glob.IsMatch(f.ArchivePath)).ToList();
                foreach (var link in hits.Where(h => h.LinkTarget != null))
                {
                    problems.Add(Error(pattern.KeyPath, link.ArchivePath, "License file '" + link.ArchivePath + "' (matched by '" + pattern.Pattern + "') is a symbolic link; an sdist carries no links, so copy the file instead."));
                }
                var regular = hits.Where(h => h.LinkTarget == null).ToList();
                if (regular.Count == 0)
                {
                    problems.Add(Error(pattern.KeyPath, pattern.Pattern, "Every pattern in \"project.license-files\" must match at least one file: '" + pattern.Pattern + "' did not match any"));
                    continue;
                }
                foreach (var h in regular)
                {
                    if (matched.Add(h.ArchivePath) && !IsUtf8(Path.Combine(root, h.ArchivePath.Replace('/', Path.DirectorySeparatorChar)), out string? failure))
                    {
                        problems.Add(Error(pattern.KeyPath, h.ArchivePath, "License file '" + h.ArchivePath + "' " + failure));
                    }
                }
            }
            metadata.LicenseFiles = matched.ToList();
            if (problems.Count > 0) metadata.Problems = metadata.Problems.Concat(problems).ToList();
            return problems;
        }

        private static ProjectProblem Error(string keyPath, string value, string message) => new ProjectProblem(ProjectProblemSeverity.Error, keyPath, value, message);

        private static bool IsUtf8(string full, out string? failure)
        {
            failure = null;
            try
            {
                var info = new FileInfo(full);
                if (info.Length > 16 * 1024 * 1024) return true;
                new UTF8Encoding(false, true).GetString(File.ReadAllBytes(full));
                return true;
            }
            catch (DecoderFallbackException)
            {
                failure = "must be UTF-8 encoded.";
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                failure = "cannot be read: " + ex.Message;
            }
            return false;
        }
    }
}
