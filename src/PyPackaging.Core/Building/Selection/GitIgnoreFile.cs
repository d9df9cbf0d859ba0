using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PyPackaging.Building.Selection
{
    /// <summary>
    /// The compiled patterns of one ignore file (a .gitignore, .git/info/exclude, or a caller's pattern list),
    /// together with the directory its patterns are relative to.
    /// </summary>
    public sealed class GitIgnoreFile
    {
        private readonly GitIgnorePattern[] _patterns;
        private readonly byte[] _baseBytes;

        private GitIgnoreFile(string baseDirectory, GitIgnorePattern[] patterns, string? source)
        {
            BaseDirectory = baseDirectory;
            _baseBytes = Encoding.UTF8.GetBytes(baseDirectory);
            _patterns = patterns;
            Source = source;
        }

        /// <summary>
        /// The directory the patterns are relative to, as a '/'-separated path relative to the project root,
        /// without leading or trailing '/'; empty for the root.
        /// </summary>
        public string BaseDirectory { get; }

        /// <summary>The file the patterns were read from (or a description); may be null.</summary>
        public string? Source { get; }

        /// <summary>The patterns in file order (blank lines and comments dropped).</summary>
        public IReadOnlyList<GitIgnorePattern> Patterns => _patterns;

        /// <summary>Compiles file content. A leading UTF-8 byte-order mark is skipped, lines end at '\n'.</summary>
        public static GitIgnoreFile Parse(byte[] content, string baseDirectory = "", string? source = null)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            string normalizedBase = NormalizeBase(baseDirectory);
            var patterns = new List<GitIgnorePattern>();
            int start = 0;
            if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
            {
                start = 3;
            }

            int lineNumber = 1;
            while (start < content.Length)
            {
                int end = Array.IndexOf(content, (byte)'\n', start);
                if (end < 0)
                {
                    end = content.Length;
                }

                GitIgnorePattern? pattern = GitIgnorePattern.Parse(content, start, end, source, lineNumber);
                if (pattern != null)
                {
                    patterns.Add(pattern);
                }

                lineNumber++;
                start = end + 1;
            }

            return new GitIgnoreFile(normalizedBase, patterns.ToArray(), source);
        }

        /// <summary>Compiles text (for example a caller's patterns joined with '\n').</summary>
        public static GitIgnoreFile Parse(string content, string baseDirectory = "", string? source = null)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            return Parse(Encoding.UTF8.GetBytes(content), baseDirectory, source);
        }

        /// <summary>Compiles a list of patterns, one per item, relative to <paramref name="baseDirectory"/>.</summary>
        public static GitIgnoreFile FromPatterns(IEnumerable<string> patterns, string baseDirectory = "", string? source = null)
        {
            if (patterns is null)
            {
                throw new ArgumentNullException(nameof(patterns));
            }

            var compiled = new List<GitIgnorePattern>();
            int n = 0;
            foreach (string line in patterns)
            {
                n++;
                if (line is null)
                {
                    continue;
                }

                GitIgnorePattern? p = GitIgnorePattern.Parse(line, source, n);
                if (p != null)
                {
                    compiled.Add(p);
                }
            }

            return new GitIgnoreFile(NormalizeBase(baseDirectory), compiled.ToArray(), source);
        }

        /// <summary>Reads and compiles a file from disk (I/O exceptions propagate to the caller).</summary>
        public static GitIgnoreFile Load(string filePath, string baseDirectory, string? source = null)
        {
            return Parse(File.ReadAllBytes(filePath), baseDirectory, source ?? filePath);
        }

        /// <summary>
        /// The last pattern matching <paramref name="path"/> (relative to the project root, '/'-separated), or null
        /// when none matches or the path is not below <see cref="BaseDirectory"/>. The caller applies negation.
        /// </summary>
        public GitIgnorePattern? FindLastMatch(string path, bool isDirectory)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            return FindLastMatch(Encoding.UTF8.GetBytes(path), isDirectory);
        }

        /// <param name="anchoredOnly">Consider only patterns containing a '/' before their end.</param>
        internal GitIgnorePattern? FindLastMatch(byte[] path, bool isDirectory, bool anchoredOnly = false)
        {
            int relStart = RelativeStart(path);
            if (relStart < 0)
            {
                return null;
            }

            for (int i = _patterns.Length - 1; i >= 0; i--)
            {
                if ((!anchoredOnly || _patterns[i].IsAnchored) && _patterns[i].IsMatch(path, relStart, isDirectory))
                {
                    return _patterns[i];
                }
            }

            return null;
        }

        /// <summary>
        /// Whether some non-negated anchored pattern (one with a '/' before its end) could match a path strictly
        /// below the directory <paramref name="directory"/>. Patterns without a slash are left out on purpose.
        /// </summary>
        internal bool AnchoredCouldMatchBelow(byte[] directory)
        {
            int relStart = RelativeStart(directory);
            if (relStart < 0)
            {
                // The directory is above this file's base: anything in the file may apply further down.
                return IsPrefixDirectory(directory) && HasPositiveAnchoredPattern();
            }

            foreach (GitIgnorePattern p in _patterns)
            {
                if (!p.IsNegated && p.IsAnchored && p.CouldMatchBelow(directory, relStart))
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasPositiveAnchoredPattern()
        {
            foreach (GitIgnorePattern p in _patterns)
            {
                if (!p.IsNegated && p.IsAnchored)
                {
                    return true;
                }
            }

            return false;
        }

        // Whether directory is the base itself or an ancestor of it.
        private bool IsPrefixDirectory(byte[] directory)
        {
            if (directory.Length == 0)
            {
                return true;
            }

            if (directory.Length > _baseBytes.Length)
            {
                return false;
            }

            for (int i = 0; i < directory.Length; i++)
            {
                if (directory[i] != _baseBytes[i])
                {
                    return false;
                }
            }

            return directory.Length == _baseBytes.Length || _baseBytes[directory.Length] == (byte)'/';
        }

        // Offset of the part of path below BaseDirectory, or -1 when path is not strictly below it.
        private int RelativeStart(byte[] path)
        {
            if (_baseBytes.Length == 0)
            {
                return path.Length > 0 ? 0 : -1;
            }

            if (path.Length <= _baseBytes.Length + 1 || path[_baseBytes.Length] != (byte)'/')
            {
                return -1;
            }

            for (int i = 0; i < _baseBytes.Length; i++)
            {
                if (path[i] != _baseBytes[i])
                {
                    return -1;
                }
            }

            return _baseBytes.Length + 1;
        }

        internal static string NormalizeBase(string? baseDirectory)
        {
            if (string.IsNullOrEmpty(baseDirectory))
            {
                return string.Empty;
            }

            return baseDirectory!.Trim('/'); // '\\' is an ordinary name byte on Unix, as in git
        }
    }
}
