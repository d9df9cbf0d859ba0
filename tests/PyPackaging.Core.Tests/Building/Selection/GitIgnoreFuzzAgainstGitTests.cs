using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Building.Selection;

using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Building.Selection
{
    /// <summary>Random patterns and trees (fixed seeds), compared with git file by file.</summary>
    public class GitIgnoreFuzzAgainstGitTests
    {
        private static readonly string[] Names = { "a", "b", "ab", "ba", "a.py", "b.txt", "x", "xa", "[a]", "a b" };
        private static readonly string[] Tokens = { "a", "b", "x", "*", "?", "**", "/", "[ab]", "[!a]", "[a-b]", ".py", ".txt", "\\[", " " };

        [GitTheory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        [InlineData(6)]
        [InlineData(7)]
        [InlineData(8)]
        public void RandomPatternsAgreeWithGit(int seed)
        {
            var random = new Random(seed);
            using var temp = new TempDir();
            Git.Init(temp.Path);

            var files = new SortedSet<string>(StringComparer.Ordinal);
            var directories = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < 60; i++)
            {
                int depth = 1 + random.Next(4);
                var parts = new List<string>();
                for (int d = 0; d < depth; d++)
                {
                    parts.Add(Names[random.Next(Names.Length)]);
                }

                string path = string.Join("/", parts);
                // A path cannot be both a file and a directory.
                bool clash = directories.Contains(path);
                for (int k = 1; k < parts.Count && !clash; k++)
                {
                    clash = files.Contains(string.Join("/", parts.Take(k)));
                }

                if (clash)
                {
                    continue;
                }

                files.Add(path);
                for (int k = 1; k < parts.Count; k++)
                {
                    directories.Add(string.Join("/", parts.Take(k)));
                }
            }

            var matcher = new GitIgnoreMatcher();
            var ignoreDirs = new List<string> { string.Empty };
            ignoreDirs.AddRange(directories.OrderBy(d => d, StringComparer.Ordinal).Where(_ => random.Next(3) == 0).Take(3));
            var patternsForMessage = new StringBuilder();
            foreach (string dir in ignoreDirs)
            {
                var lines = new List<string>();
                int count = 3 + random.Next(5);
                for (int n = 0; n < count; n++)
                {
                    lines.Add(RandomPattern(random));
                }

                string content = string.Join("\n", lines) + "\n";
                string rel = dir.Length == 0 ? ".gitignore" : dir + "/.gitignore";
                temp.File(rel, content);
                files.Add(rel);
                matcher.AddDirectoryFile(GitIgnoreFile.Parse(content, dir, rel));
                patternsForMessage.Append(rel).Append(": ").Append(string.Join(" | ", lines)).AppendLine();
            }

            string exclude = RandomPattern(random) + "\n" + RandomPattern(random) + "\n";
            temp.File(".git/info/exclude", exclude);
            matcher.AddLowPrecedenceFile(GitIgnoreFile.Parse(exclude, string.Empty, "exclude"));
            patternsForMessage.Append("exclude: ").Append(exclude.Replace("\n", " | ")).AppendLine();

            foreach (string f in files.Where(f => !f.EndsWith(".gitignore", StringComparison.Ordinal)))
            {
                temp.File(f);
            }

            HashSet<string> ignored = Git.IgnoredFiles(temp.Path);
            HashSet<string> untracked = Git.UntrackedFiles(temp.Path);
            Assert.Equal(files.Count, ignored.Count + untracked.Count);

            var disagreements = files
                .Where(f => matcher.IsIgnored(f, false) != ignored.Contains(f))
                .Select(f => f + ": git " + (ignored.Contains(f) ? "ignores" : "keeps"))
                .ToList();
            Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements) + Environment.NewLine + patternsForMessage);
            GitIgnoreAgainstGitTests.AssertWalkerSelectsWhatGitKeeps(temp.Path, untracked);
        }

        private static string RandomPattern(Random random)
        {
            var sb = new StringBuilder();
            if (random.Next(4) == 0)
            {
                sb.Append('!');
            }

            int n = 1 + random.Next(4);
            for (int i = 0; i < n; i++)
            {
                sb.Append(Tokens[random.Next(Tokens.Length)]);
            }

            if (random.Next(4) == 0)
            {
                sb.Append('/');
            }

            return sb.ToString();
        }
    }
}
