using System;
using System.Text;

namespace PyPackaging.Building.Selection
{
    /// <summary>
    /// One line of a .gitignore file, compiled once, with git's semantics:
    /// <list type="bullet">
    /// <item>a leading <c>!</c> negates (re-includes); write <c>\!</c> for a literal <c>!</c>, and <c>\#</c> for a leading <c>#</c>;</item>
    /// <item>a trailing <c>/</c> makes the pattern match directories only;</item>
    /// <item>a <c>/</c> at the start or in the middle anchors the pattern to the directory of its .gitignore file,
    /// and the pattern is then matched (with <c>*</c>/<c>?</c>/<c>[...]</c> not crossing <c>/</c>, and <c>**</c>
    /// spanning directories) against the path relative to that directory;</item>
    /// <item>without such a slash the pattern is matched against the last path component, at any depth.</item>
    /// </list>
    /// Matching is case-sensitive and works on UTF-8 bytes, as git does on Linux.
    /// </summary>
    public sealed class GitIgnorePattern
    {
        private readonly byte[] _body;      // pattern bytes without '!' and without the trailing '/'
        private readonly int _matchStart;   // 1 when the body starts with '/', else 0
        private readonly int _literalPrefix; // bytes (from _matchStart) before the first glob character

        private GitIgnorePattern(string text, byte[] body, bool negated, bool directoryOnly, bool anchored, string? source, int lineNumber)
        {
            Text = text;
            _body = body;
            IsNegated = negated;
            IsDirectoryOnly = directoryOnly;
            IsAnchored = anchored;
            Source = source;
            LineNumber = lineNumber;
            _matchStart = body.Length > 0 && body[0] == (byte)'/' ? 1 : 0;
            int prefix = 0;
            for (int i = _matchStart; i < body.Length; i++)
            {
                byte b = body[i];
                if (b == (byte)'*' || b == (byte)'?' || b == (byte)'[' || b == (byte)'\\')
                {
                    break;
                }

                prefix++;
            }

            _literalPrefix = prefix;
        }

        /// <summary>The pattern as written (after trailing-space trimming), including any leading <c>!</c>.</summary>
        public string Text { get; }

        /// <summary>The pattern re-includes what earlier patterns excluded (<c>!pattern</c>).</summary>
        public bool IsNegated { get; }

        /// <summary>The pattern ended with <c>/</c> and matches directories only.</summary>
        public bool IsDirectoryOnly { get; }

        /// <summary>The pattern contains a <c>/</c> before its end and is matched against the whole relative path.</summary>
        public bool IsAnchored { get; }

        /// <summary>Where the pattern came from (a file path or a description), for messages; may be null.</summary>
        public string? Source { get; }

        /// <summary>1-based line number in <see cref="Source"/>; 0 when not from a file.</summary>
        public int LineNumber { get; }

        /// <summary>"'pattern' (source line n)", for messages.</summary>
        public string Describe()
        {
            string where = Source is null ? string.Empty
                : LineNumber > 0 ? " (" + Source + " line " + LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"
                : " (" + Source + ")";
            return "'" + Text + "'" + where;
        }

        /// <summary>
        /// Compiles one line. Returns null for blank lines and <c>#</c> comments. Trailing spaces are removed unless
        /// escaped with a backslash (tabs are kept, as git keeps them); a trailing carriage return is removed.
        /// </summary>
        public static GitIgnorePattern? Parse(string line, string? source = null, int lineNumber = 0)
        {
            if (line is null)
            {
                throw new ArgumentNullException(nameof(line));
            }

            byte[] bytes = Encoding.UTF8.GetBytes(line);
            return Parse(bytes, 0, bytes.Length, source, lineNumber);
        }

        /// <summary>Compiles the line buf[start..end) (no newline inside). Returns null for blank lines and comments.</summary>
        internal static GitIgnorePattern? Parse(byte[] buf, int start, int end, string? source, int lineNumber)
        {
            if (end > start && buf[end - 1] == (byte)'\r')
            {
                end--;
            }

            if (end == start || buf[start] == (byte)'#')
            {
                return null;
            }

            end = TrimTrailingSpaces(buf, start, end);
            string text = Encoding.UTF8.GetString(buf, start, end - start);
            int i = start;
            bool negated = false;
            if (i < end && buf[i] == (byte)'!')
            {
                negated = true;
                i++;
            }

            bool directoryOnly = false;
            if (end > i && buf[end - 1] == (byte)'/')
            {
                directoryOnly = true;
                end--;
            }

            if (end == i)
            {
                // Nothing left ("", "!", "/", "!/"): git keeps such a line but it can never match.
                return text.Length == 0 ? null : new GitIgnorePattern(text, Array.Empty<byte>(), negated, directoryOnly, true, source, lineNumber);
            }

            var body = new byte[end - i];
            Buffer.BlockCopy(buf, i, body, 0, body.Length);
            bool anchored = Array.IndexOf(body, (byte)'/') >= 0;
            return new GitIgnorePattern(text, body, negated, directoryOnly, anchored, source, lineNumber);
        }

        // Git trims trailing ' ' only; a backslash protects the byte after it.
        private static int TrimTrailingSpaces(byte[] buf, int start, int end)
        {
            int firstTrailingSpace = -1;
            for (int i = start; i < end; i++)
            {
                byte b = buf[i];
                if (b == (byte)' ')
                {
                    if (firstTrailingSpace < 0)
                    {
                        firstTrailingSpace = i;
                    }
                }
                else if (b == (byte)'\\')
                {
                    i++;
                    if (i >= end)
                    {
                        return end; // a trailing lone backslash: git leaves the line alone
                    }

                    firstTrailingSpace = -1;
                }
                else
                {
                    firstTrailingSpace = -1;
                }
            }

            return firstTrailingSpace >= 0 ? firstTrailingSpace : end;
        }

        /// <summary>
        /// Whether the pattern matches <paramref name="relativePath"/>, a '/'-separated path relative to the directory
        /// the pattern belongs to. Negation is not applied here: a negated pattern that matches returns true.
        /// Parent directories are not considered (see <see cref="GitIgnoreMatcher.IsIgnored"/> for that).
        /// </summary>
        public bool IsMatch(string relativePath, bool isDirectory)
        {
            if (relativePath is null)
            {
                throw new ArgumentNullException(nameof(relativePath));
            }

            byte[] path = Encoding.UTF8.GetBytes(relativePath);
            return IsMatch(path, 0, isDirectory);
        }

        /// <summary>Matches path[relStart..) (relative to the pattern's directory).</summary>
        internal bool IsMatch(byte[] path, int relStart, bool isDirectory)
        {
            if (IsDirectoryOnly && !isDirectory)
            {
                return false;
            }

            if (_body.Length == 0)
            {
                return false;
            }

            if (!IsAnchored)
            {
                int nameStart = relStart;
                for (int i = path.Length - 1; i >= relStart; i--)
                {
                    if (path[i] == (byte)'/')
                    {
                        nameStart = i + 1;
                        break;
                    }
                }

                // Without a slash in the pattern git matches the last component without WM_PATHNAME.
                return WildMatch.IsMatch(_body, 0, _body.Length, path, nameStart, path.Length, pathMode: false);
            }

            // Git compares the glob-free prefix literally, then wildmatches the remainder as a pattern of its own
            // (so a '**' right after the prefix counts as a leading one, which is git's behaviour).
            int p = _matchStart;
            int t = relStart;
            if (_literalPrefix > 0)
            {
                if (path.Length - t < _literalPrefix)
                {
                    return false;
                }

                for (int k = 0; k < _literalPrefix; k++)
                {
                    if (_body[p + k] != path[t + k])
                    {
                        return false;
                    }
                }

                p += _literalPrefix;
                t += _literalPrefix;
                if (p == _body.Length && t == path.Length)
                {
                    return true;
                }
            }

            return WildMatch.IsMatch(_body, p, _body.Length, path, t, path.Length, pathMode: true);
        }

        /// <summary>
        /// Conservatively tells whether the pattern could match something strictly below the directory
        /// <paramref name="directory"/> (relative to the pattern's directory). False only when it certainly cannot.
        /// </summary>
        internal bool CouldMatchBelow(byte[] directory, int relStart)
        {
            if (_body.Length == 0)
            {
                return false;
            }

            if (!IsAnchored)
            {
                return true; // matches names at any depth
            }

            // Compare the pattern's leading segments with the directory's segments.
            int p = _matchStart;
            int d = relStart;
            while (d < directory.Length)
            {
                if (p >= _body.Length)
                {
                    return false; // pattern shorter than the directory: it can match the directory or above only
                }

                int pSegEnd = IndexOfSlash(_body, p);
                int dSegEnd = IndexOfSlash(directory, d);
                if (pSegEnd - p == 2 && _body[p] == (byte)'*' && _body[p + 1] == (byte)'*')
                {
                    return true;
                }

                if (!WildMatch.IsMatch(_body, p, pSegEnd, directory, d, dSegEnd, pathMode: true))
                {
                    // A segment with '**' glued to other text, or an escape across the slash: stay conservative.
                    return ContainsDoubleStar(_body, p, pSegEnd);
                }

                p = pSegEnd + 1;
                d = dSegEnd + 1;
            }

            return p < _body.Length;
        }

        private static bool ContainsDoubleStar(byte[] b, int from, int to)
        {
            for (int i = from; i + 1 < to; i++)
            {
                if (b[i] == (byte)'*' && b[i + 1] == (byte)'*')
                {
                    return true;
                }
            }

            return false;
        }

        private static int IndexOfSlash(byte[] b, int from)
        {
            int i = Array.IndexOf(b, (byte)'/', from);
            return i < 0 ? b.Length : i;
        }

        public override string ToString() => Describe();
    }
}
