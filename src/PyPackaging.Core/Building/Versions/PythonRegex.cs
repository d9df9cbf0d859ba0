using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PyPackaging.Building.Versions
{
    /// <summary>Python <c>re</c> patterns run with .NET regular expressions: the Python-only group syntax translated.</summary>
    internal static class PythonRegex
    {
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

        /// <summary>
        /// A .NET regex for a Python pattern: <c>(?P&lt;name&gt;…)</c> becomes <c>(?&lt;name&gt;…)</c>, <c>(?P=name)</c>
        /// becomes <c>\k&lt;name&gt;</c>, <c>\Z</c> becomes <c>\z</c>. <paramref name="anchored"/> gives <c>re.match</c>
        /// (the match must start at the beginning) instead of <c>re.search</c>.
        /// </summary>
        /// <exception cref="ArgumentException">The pattern is not valid.</exception>
        public static Regex Create(string pattern, bool anchored, RegexOptions options = RegexOptions.None)
        {
            var sb = new StringBuilder(pattern.Length + 8);
            if (anchored) sb.Append(@"\A(?:");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    sb.Append(pattern[i + 1] == 'Z' ? @"\z" : pattern.Substring(i, 2));
                    i++;
                }
                else if (string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
                {
                    sb.Append("(?<");
                    i += 3;
                }
                else if (string.CompareOrdinal(pattern, i, "(?P=", 0, 4) == 0)
                {
                    int close = pattern.IndexOf(')', i);
                    if (close < 0) throw new ArgumentException("unterminated (?P= group");
                    sb.Append(@"\k<").Append(pattern, i + 4, close - i - 4).Append('>');
                    i = close;
                }
                else
                {
                    sb.Append(c);
                }
            }
            if (anchored) sb.Append(')');
            return new Regex(sb.ToString(), options | RegexOptions.CultureInvariant, MatchTimeout);
        }
    }

    /// <summary>Python's <c>repr</c> of a str, as version files write it.</summary>
    internal static class PythonRepr
    {
        public static string String(string s)
        {
            char quote = s.IndexOf('\'') >= 0 && s.IndexOf('"') < 0 ? '"' : '\'';
            var sb = new StringBuilder(s.Length + 2).Append(quote);
            foreach (char c in s)
            {
                if (c == '\\') sb.Append("\\\\");
                else if (c == quote) sb.Append('\\').Append(c);
                else if (c == '\n') sb.Append("\\n");
                else if (c == '\r') sb.Append("\\r");
                else if (c == '\t') sb.Append("\\t");
                else if (c < ' ' || c == 0x7F) sb.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.Append(quote).ToString();
        }
    }
}
