using System;
using System.Collections.Generic;
using System.Text;

namespace PyPackaging.Building.Selection
{
    /// <summary>What the ignore rules say about one path.</summary>
    public enum GitIgnoreVerdict
    {
        /// <summary>No pattern matched.</summary>
        NotMatched = 0,

        /// <summary>The deciding pattern excludes the path.</summary>
        Ignored = 1,

        /// <summary>The deciding pattern is a negation (<c>!pattern</c>) that re-includes the path.</summary>
        Included = 2,
    }

    /// <summary>The verdict for one path and the pattern that decided it.</summary>
    public readonly struct GitIgnoreMatch
    {
        public GitIgnoreMatch(GitIgnoreVerdict verdict, GitIgnorePattern? pattern)
        {
            Verdict = verdict;
            Pattern = pattern;
        }

        public GitIgnoreVerdict Verdict { get; }

        /// <summary>The deciding pattern; null when nothing matched.</summary>
        public GitIgnorePattern? Pattern { get; }

        public bool IsIgnored => Verdict == GitIgnoreVerdict.Ignored;

        public static GitIgnoreMatch None => new GitIgnoreMatch(GitIgnoreVerdict.NotMatched, null);
    }

    /// <summary>
    /// Combines ignore files the way git does. Per-directory files (.gitignore) are consulted from the deepest
    /// directory containing the path up to the root, and the first file with a matching pattern decides (within a
    /// file the last matching pattern wins); only when none matches are the lower-precedence files consulted
    /// (.git/info/exclude), in the order added.
    /// <para>
    /// <see cref="Match"/> judges a path on its own; <see cref="IsIgnored"/> also applies git's rule that nothing
    /// below an excluded directory can be re-included. Paths are relative to the project root, '/'-separated.
    /// Not thread-safe while files are being added.
    /// </para>
    /// </summary>
    public sealed class GitIgnoreMatcher
    {
        private readonly Dictionary<string, List<GitIgnoreFile>> _perDirectory = new Dictionary<string, List<GitIgnoreFile>>(StringComparer.Ordinal);
        private readonly List<GitIgnoreFile> _lowPrecedence = new List<GitIgnoreFile>();

        /// <summary>Adds a per-directory file (a .gitignore); its <see cref="GitIgnoreFile.BaseDirectory"/> says where it lives.</summary>
        public void AddDirectoryFile(GitIgnoreFile file)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            if (!_perDirectory.TryGetValue(file.BaseDirectory, out List<GitIgnoreFile>? list))
            {
                list = new List<GitIgnoreFile>();
                _perDirectory.Add(file.BaseDirectory, list);
            }

            list.Add(file);
        }

        /// <summary>Adds a file below every per-directory file in precedence, such as .git/info/exclude.</summary>
        public void AddLowPrecedenceFile(GitIgnoreFile file)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            _lowPrecedence.Add(file);
        }

        /// <summary>Whether any file has been added.</summary>
        public bool IsEmpty => _perDirectory.Count == 0 && _lowPrecedence.Count == 0;

        /// <summary>Judges <paramref name="path"/> alone, without looking at its parent directories.</summary>
        public GitIgnoreMatch Match(string path, bool isDirectory)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            path = GitIgnoreFile.NormalizeBase(path);
            return Match(path, Encoding.UTF8.GetBytes(path), isDirectory);
        }

        internal GitIgnoreMatch Match(string path, byte[] pathBytes, bool isDirectory)
        {
            if (_perDirectory.Count > 0)
            {
                // Walk the containing directories from the deepest to the root.
                int cut = path.Length;
                while (true)
                {
                    cut = cut > 0 ? path.LastIndexOf('/', cut - 1) : -1;
                    string directory = cut < 0 ? string.Empty : path.Substring(0, cut);
                    if (_perDirectory.TryGetValue(directory, out List<GitIgnoreFile>? files))
                    {
                        for (int i = files.Count - 1; i >= 0; i--)
                        {
                            GitIgnorePattern? hit = files[i].FindLastMatch(pathBytes, isDirectory);
                            if (hit != null)
                            {
                                return Verdict(hit);
                            }
                        }
                    }

                    if (cut <= 0)
                    {
                        break;
                    }
                }
            }

            foreach (GitIgnoreFile file in _lowPrecedence)
            {
                GitIgnorePattern? hit = file.FindLastMatch(pathBytes, isDirectory);
                if (hit != null)
                {
                    return Verdict(hit);
                }
            }

            return GitIgnoreMatch.None;
        }

        /// <summary>
        /// Whether git would ignore <paramref name="path"/>: a parent directory is ignored, or the path itself is.
        /// </summary>
        public bool IsIgnored(string path, bool isDirectory)
        {
            return Explain(path, isDirectory).IsIgnored;
        }

        /// <summary>
        /// Like <see cref="IsIgnored"/>, returning the deciding match: the one for the outermost ignored parent
        /// directory if there is one, else the path's own.
        /// </summary>
        public GitIgnoreMatch Explain(string path, bool isDirectory)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            path = GitIgnoreFile.NormalizeBase(path);
            int slash = path.IndexOf('/');
            while (slash >= 0)
            {
                string parent = path.Substring(0, slash);
                GitIgnoreMatch parentMatch = Match(parent, Encoding.UTF8.GetBytes(parent), true);
                if (parentMatch.IsIgnored)
                {
                    return parentMatch;
                }

                slash = path.IndexOf('/', slash + 1);
            }

            return Match(path, Encoding.UTF8.GetBytes(path), isDirectory);
        }

        private static GitIgnoreMatch Verdict(GitIgnorePattern hit)
        {
            return new GitIgnoreMatch(hit.IsNegated ? GitIgnoreVerdict.Included : GitIgnoreVerdict.Ignored, hit);
        }
    }
}
