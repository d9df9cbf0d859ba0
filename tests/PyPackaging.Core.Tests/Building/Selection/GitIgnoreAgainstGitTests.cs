using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PyPackaging.Building.Selection;

using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Building.Selection
{
    /// <summary>
    /// Builds real repositories and compares <see cref="GitIgnoreMatcher"/> with git's own verdict for every file.
    /// A scenario maps paths to contents; ".gitignore" files and ".git/info/exclude" hold patterns, every other
    /// path is a plain file.
    /// </summary>
    public class GitIgnoreAgainstGitTests
    {
        private const string Exclude = ".git/info/exclude";

        public static readonly Dictionary<string, Dictionary<string, string>> Scenarios = new Dictionary<string, Dictionary<string, string>>
        {
            ["basic-anchoring"] = new Dictionary<string, string>
            {
                [".gitignore"] = "*.log\nbuild/\n/root-only.txt\ndoc/*.txt\nsub/exact\n",
                ["a.log"] = "", ["sub/b.log"] = "", ["sub/logs.txt"] = "",
                ["build/x"] = "", ["sub/build/y"] = "", ["builder/z"] = "",
                ["root-only.txt"] = "", ["sub/root-only.txt"] = "",
                ["doc/a.txt"] = "", ["doc/sub/b.txt"] = "", ["sub/doc/c.txt"] = "",
                ["sub/exact"] = "", ["other/sub/exact"] = "",
            },
            ["negation"] = new Dictionary<string, string>
            {
                [".gitignore"] = "*.log\n!keep.log\nlogs/\n!logs/important.log\ncache/*\n!cache/keep.txt\n!/cache/sub/\nbuild\n!build/x\n",
                ["a.log"] = "", ["keep.log"] = "", ["sub/keep.log"] = "",
                ["logs/x.txt"] = "", ["logs/important.log"] = "",
                ["cache/a.txt"] = "", ["cache/keep.txt"] = "", ["cache/sub/deep.txt"] = "", ["cache/other/deep.txt"] = "",
                ["build/x"] = "", ["build/y"] = "",
            },
            ["double-star"] = new Dictionary<string, string>
            {
                [".gitignore"] = "**/foo\nabc/**\na/**/b\n**/x/**/*.py\nfoo**bar\nq**/r\nlib/**/\n",
                ["foo"] = "", ["d/foo"] = "", ["d/e/foo"] = "", ["foox"] = "",
                ["abc/1"] = "", ["abc/d/2"] = "", ["abcd/3"] = "",
                ["a/b"] = "", ["a/x/b"] = "", ["a/x/y/b"] = "", ["a/xb"] = "", ["xa/b"] = "",
                ["x/m.py"] = "", ["k/x/n/m.py"] = "", ["k/x/m.txt"] = "",
                ["fooXbar"] = "", ["fooz/bar"] = "", ["d/fooYYbar"] = "",
                ["q/r"] = "", ["qq/r"] = "", ["qz/s/r"] = "", ["q/s/r"] = "",
                ["lib/f"] = "", ["lib/pkg/f"] = "", ["lib/pkg/deep/f"] = "",
            },
            ["directory-only"] = new Dictionary<string, string>
            {
                [".gitignore"] = "out/\ndata/\n/top/\nnest/inner/\n",
                ["out/a"] = "", ["sub/out"] = "", ["sub/out2/a"] = "", ["deep/er/out/b"] = "",
                ["data"] = "", ["sub/data/f"] = "",
                ["top/a"] = "", ["sub/top/a"] = "",
                ["nest/inner/a"] = "", ["x/nest/inner/a"] = "", ["nest/inner2"] = "",
            },
            ["escapes-and-spaces"] = new Dictionary<string, string>
            {
                [".gitignore"] = "#comment\n\\#hash\n\\!bang\ntrail\\ \nspaces   \ntab\t\n\\*star\nback\\\\slash\n  lead\nend\\\n",
                ["#comment"] = "", ["#hash"] = "", ["!bang"] = "", ["bang"] = "",
                ["trail "] = "", ["trail"] = "", ["spaces"] = "", ["spaces "] = "",
                ["tab\t"] = "", ["tab"] = "", ["*star"] = "", ["xstar"] = "",
                ["back\\slash"] = "", ["backslash"] = "", ["  lead"] = "", ["lead"] = "", ["end\\"] = "", ["end"] = "",
            },
            ["character-classes"] = new Dictionary<string, string>
            {
                [".gitignore"] = "file[0-9].txt\n[!a]*.md\n[^b]x\nx[]]y\n[[:digit:]]*.dat\nq?.txt\n[a-c-e]z\n[[:upper:][:punct:]]u\nw[x\n[!]]k\n",
                ["file1.txt"] = "", ["filea.txt"] = "", ["file12.txt"] = "",
                ["a.md"] = "", ["b.md"] = "", ["zz.md"] = "",
                ["ax"] = "", ["bx"] = "", ["cx"] = "",
                ["x]y"] = "", ["xy"] = "",
                ["7.dat"] = "", ["a7.dat"] = "",
                ["q1.txt"] = "", ["q.txt"] = "", ["q12.txt"] = "",
                ["az"] = "", ["dz"] = "", ["-z"] = "", ["ez"] = "",
                ["Au"] = "", ["_u"] = "", ["au"] = "",
                ["w[x"] = "", ["wx"] = "",
                ["]k"] = "", ["ak"] = "",
            },
            ["nested-files"] = new Dictionary<string, string>
            {
                [".gitignore"] = "*.txt\n!important.cfg\n/only-root.md\nsecret/\n",
                ["a.txt"] = "", ["important.cfg"] = "", ["only-root.md"] = "",
                ["sub/.gitignore"] = "!*.txt\n*.cfg\n/local.md\ndeep/thing\n!secret/\n",
                ["sub/a.txt"] = "", ["sub/important.cfg"] = "", ["sub/local.md"] = "", ["sub/x/local.md"] = "",
                ["sub/deep/thing"] = "", ["sub/x/deep/thing"] = "", ["sub/only-root.md"] = "",
                ["sub/secret/s.py"] = "", ["secret/s.py"] = "",
                ["sub/deeper/.gitignore"] = "secret.txt\n!*.cfg\n",
                ["sub/deeper/secret.txt"] = "", ["sub/deeper/open.txt"] = "", ["sub/deeper/c.cfg"] = "",
                ["other/b.txt"] = "",
            },
            ["info-exclude"] = new Dictionary<string, string>
            {
                [Exclude] = "*.tmp\nnotes.md\n!kept.bak\n",
                [".gitignore"] = "!keep.tmp\n*.bak\n",
                ["a.tmp"] = "", ["keep.tmp"] = "", ["notes.md"] = "", ["sub/notes.md"] = "",
                ["x.bak"] = "", ["kept.bak"] = "",
                ["sub/.gitignore"] = "!a.tmp\n",
                ["sub/a.tmp"] = "", ["sub/b.tmp"] = "",
            },
            ["utf8-and-line-ends"] = new Dictionary<string, string>
            {
                [".gitignore"] = "\uFEFFbom.txt\r\ncrlf.txt\r\n\u00e9*.dat\n?.x\n[\u00e9]y\nsp.txt \r\n",
                ["bom.txt"] = "", ["crlf.txt"] = "", ["\u00e9t\u00e9.dat"] = "", ["ete.dat"] = "",
                ["\u00e9.x"] = "", ["a.x"] = "", ["\u00e9y"] = "", ["ey"] = "", ["sp.txt"] = "",
            },
            ["dir-vs-parent-rule"] = new Dictionary<string, string>
            {
                [".gitignore"] = "/*\n!/src/\n!/pyproject.toml\nsrc/**/gen/\n!src/pkg/gen/keep.py\ntests/\n!tests/\n",
                ["pyproject.toml"] = "", ["README.md"] = "", ["other/x"] = "",
                ["src/pkg/a.py"] = "", ["src/pkg/gen/b.py"] = "", ["src/pkg/gen/keep.py"] = "", ["src/gen/c.py"] = "",
                ["src/tests/t.py"] = "",
            },
            ["odd-lines"] = new Dictionary<string, string>
            {
                [".gitignore"] = "/\n!\n**foo\nbar**\nm/**/\n*/n/\n!/keep/\n\\[x]\nsp ace\n***/triple\n",
                ["afoo"] = "", ["d/bfoo"] = "", ["barz"] = "", ["d/bar2"] = "",
                ["m/a/f"] = "", ["m/f"] = "", ["x/m/a/f"] = "",
                ["y/n/f"] = "", ["n/f"] = "", ["y/z/n/f"] = "",
                ["keep/f"] = "", ["[x]"] = "", ["e/x"] = "", ["sp ace"] = "", ["space"] = "",
                ["triple"] = "", ["t/triple"] = "",
            },
            ["star-everything"] = new Dictionary<string, string>
            {
                [".gitignore"] = "*\n!*/\n!*.py\n!/.gitignore\n",
                ["a.py"] = "", ["b.txt"] = "", ["pkg/c.py"] = "", ["pkg/d.txt"] = "", ["pkg/sub/e.py"] = "",
                ["pkg/.gitignore"] = "*.py\n!keep.py\n", ["pkg/keep.py"] = "",
            },
        };

        public static IEnumerable<object[]> ScenarioNames() => Scenarios.Keys.Select(k => new object[] { k });

        [GitTheory]
        [MemberData(nameof(ScenarioNames))]
        public void MatcherAgreesWithGitOnEveryFile(string scenario)
        {
            using var temp = new TempDir();
            Git.Init(temp.Path);
            var matcher = new GitIgnoreMatcher();
            var files = new List<string>();
            foreach (KeyValuePair<string, string> entry in Scenarios[scenario])
            {
                temp.File(entry.Key, entry.Value);
                if (entry.Key == Exclude)
                {
                    matcher.AddLowPrecedenceFile(GitIgnoreFile.Load(Path.Combine(temp.Path, entry.Key), string.Empty));
                    continue;
                }

                files.Add(entry.Key);
                if (entry.Key == ".gitignore" || entry.Key.EndsWith("/.gitignore", StringComparison.Ordinal))
                {
                    string dir = entry.Key.Length > ".gitignore".Length ? entry.Key.Substring(0, entry.Key.Length - "/.gitignore".Length) : string.Empty;
                    matcher.AddDirectoryFile(GitIgnoreFile.Load(Path.Combine(temp.Path, entry.Key), dir));
                }
            }

            HashSet<string> ignored = Git.IgnoredFiles(temp.Path);
            HashSet<string> untracked = Git.UntrackedFiles(temp.Path);

            // Sanity: git saw exactly the files we wrote.
            Assert.Equal(files.OrderBy(f => f, StringComparer.Ordinal), ignored.Concat(untracked).OrderBy(f => f, StringComparer.Ordinal));
            Assert.NotEmpty(ignored);
            Assert.NotEmpty(untracked);

            var disagreements = new List<string>();
            foreach (string file in files.OrderBy(f => f, StringComparer.Ordinal))
            {
                bool ours = matcher.IsIgnored(file, isDirectory: false);
                bool gits = ignored.Contains(file);
                if (ours != gits)
                {
                    disagreements.Add(file + ": git " + (gits ? "ignores" : "keeps") + ", matcher " + (ours ? "ignores" : "keeps")
                        + " (" + matcher.Explain(file, false).Pattern + ")");
                }
            }

            Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
            AssertWalkerSelectsWhatGitKeeps(temp.Path, untracked);
        }

        /// <summary>The walker, which reads the ignore files itself while it descends, packs exactly git's untracked files.</summary>
        internal static void AssertWalkerSelectsWhatGitKeeps(string root, HashSet<string> untracked)
        {
            SourceTreeResult walked = SourceTreeWalker.Walk(new SourceTreeOptions(root));
            var expected = untracked.Where(f => !f.Any(char.IsControl)).OrderBy(f => f, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, walked.Files.Select(f => f.ArchivePath).ToList());
            Assert.All(walked.Errors, e => Assert.Equal(SourceProblem.ControlCharacterInName, e.Problem));
            Assert.All(walked.Excluded, e => Assert.True(
                e.Reason == ExclusionReason.GitIgnore || (e.Reason == ExclusionReason.VersionControl && e.ArchivePath == ".git"),
                e.ToString()));
        }
    }
}
