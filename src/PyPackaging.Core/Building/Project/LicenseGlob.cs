using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

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
        /// Every regular file below <paramref name="root"/> as a '/'-separated relative path, sorted ordinally.
        /// Symbolic links to directories are not followed (no cycles, nothing outside the tree); <c>.git</c> is skipped.
        /// </summary>
        internal static List<string> EnumerateFiles(string root, out List<string> symlinks)
        {
            var result = new List<string>();
            symlinks = new List<string>();
            var stack = new Stack<(string Full, string Rel)>();
            stack.Push((root, string.Empty));
            while (stack.Count > 0)
            {
                var (dir, rel) = stack.Pop();
                IEnumerable<FileSystemInfo> children;
                try
                {
                    children = new DirectoryInfo(dir).EnumerateFileSystemInfos();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    continue;
                }
                foreach (var child in children)
                {
                    string childRel = rel.Length == 0 ? child.Name : rel + "/" + child.Name;
                    bool link = (child.Attributes & FileAttributes.ReparsePoint) != 0;
                    if ((child.Attributes & FileAttributes.Directory) != 0)
                    {
                        if (link || (rel.Length == 0 && child.Name == ".git")) continue;
                        stack.Push((child.FullName, childRel));
                    }
                    else if (link)
                    {
                        symlinks.Add(childRel);
                    }
                    else
                    {
                        result.Add(childRel);
                    }
                }
            }
            result.Sort(StringComparer.Ordinal);
            symlinks.Sort(StringComparer.Ordinal);
            return result;
        }
    }
}
