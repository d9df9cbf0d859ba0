using System;
using System.Text;

namespace PyPackaging.Standards
{
    /// <summary>
    /// ASCII-only character helpers. The packaging standards are defined over ASCII; the .NET Unicode-aware
    /// helpers (char.IsDigit, ToLower, Trim, \d, \s) accept far more and must not be used for them.
    /// </summary>
    internal static class AsciiText
    {
        public static bool IsDigit(char c) => c >= '0' && c <= '9';

        public static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        public static bool IsLetterOrDigit(char c) => IsDigit(c) || IsLetter(c);

        /// <summary>Python's str.isspace() restricted to ASCII: space, \t, \n, \r, \f, \v (and the ASCII separators 0x1C-0x1F).</summary>
        public static bool IsWhiteSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');

        public static bool IsAllAscii(string s)
        {
            foreach (var c in s)
            {
                if (c > '\x7f') return false;
            }
            return true;
        }

        public static char ToLower(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;

        public static char ToUpper(char c) => c >= 'a' && c <= 'z' ? (char)(c - 32) : c;

        /// <summary>Lowercases ASCII letters only; every other character is kept as is (culture-independent).</summary>
        public static string ToLower(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s) sb.Append(ToLower(c));
            return sb.ToString();
        }

        public static string ToUpper(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s) sb.Append(ToUpper(c));
            return sb.ToString();
        }

        /// <summary>Strips ASCII whitespace at both ends (never Unicode spaces).</summary>
        /// <summary>
        /// Whitespace as Python's <c>str.isspace()</c> and the <c>\s</c> of a str pattern see it: the ASCII whitespace
        /// above plus Unicode spaces and line/paragraph separators (U+0085, U+00A0, U+2028, U+202F, ...). pypa/packaging
        /// strips these around versions and specifiers (`^\s*...\s*$`).
        /// </summary>
        public static bool IsPythonWhiteSpace(char c) => IsWhiteSpace(c) || (c > '\x7f' && char.IsWhiteSpace(c));

        /// <summary>Removes <see cref="IsPythonWhiteSpace"/> characters at both ends.</summary>
        public static string TrimPython(string s) => TrimWhere(s, IsPythonWhiteSpace);

        public static string Trim(string s) => TrimWhere(s, IsWhiteSpace);

        private static string TrimWhere(string s, Func<char, bool> isSpace)
        {
            var start = 0;
            var end = s.Length;
            while (start < end && isSpace(s[start])) start++;
            while (end > start && isSpace(s[end - 1])) end--;
            return s.Substring(start, end - start);
        }

        public static bool EqualsIgnoreCase(string a, string b)
        {
            if (a.Length != b.Length) return false;
            for (var i = 0; i < a.Length; i++)
            {
                if (ToLower(a[i]) != ToLower(b[i])) return false;
            }
            return true;
        }

        /// <summary>Renders a value for a message: control and non-ASCII characters escaped, so findings stay printable.</summary>
        public static string Printable(string s, int max = 200)
        {
            var sb = new StringBuilder();
            foreach (var c in s)
            {
                if (sb.Length >= max)
                {
                    sb.Append("...");
                    break;
                }
                if (c == '\n') sb.Append("\\n");
                else if (c == '\r') sb.Append("\\r");
                else if (c == '\t') sb.Append("\\t");
                else if (c < ' ' || c == '\x7f') sb.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
