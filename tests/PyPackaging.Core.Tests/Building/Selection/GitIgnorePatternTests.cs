using PyPackaging.Building.Selection;

namespace PyPackaging.Core.Tests.Building.Selection
{
    public class GitIgnorePatternTests
    {
        [Theory]
        [InlineData("", true)]
        [InlineData("   ", true)]
        [InlineData("# comment", true)]
        [InlineData("\r", true)]
        [InlineData("\\#x", false)]
        [InlineData(" #x", false)]
        public void BlankLinesAndCommentsCompileToNothing(string line, bool nothing)
        {
            Assert.Equal(nothing, GitIgnorePattern.Parse(line) is null);
        }

        [Fact]
        public void FlagsAreDerivedFromSlashesAndBang()
        {
            GitIgnorePattern p = GitIgnorePattern.Parse("!/a/b/")!;
            Assert.True(p.IsNegated);
            Assert.True(p.IsDirectoryOnly);
            Assert.True(p.IsAnchored);
            Assert.Equal("!/a/b/", p.Text);

            GitIgnorePattern q = GitIgnorePattern.Parse("build/")!;
            Assert.False(q.IsAnchored);
            Assert.True(q.IsDirectoryOnly);
            Assert.False(q.IsNegated);
        }

        [Theory]
        [InlineData("*.log", "a/b/c.log", false, true)]
        [InlineData("*.log", "c.log/x", false, false)]
        [InlineData("build/", "build", false, false)]
        [InlineData("build/", "build", true, true)]
        [InlineData("build/", "src/build", true, true)]
        [InlineData("/build", "src/build", true, false)]
        [InlineData("doc/*.txt", "doc/a.txt", false, true)]
        [InlineData("doc/*.txt", "doc/x/a.txt", false, false)]
        [InlineData("doc/*.txt", "x/doc/a.txt", false, false)]
        [InlineData("**/foo", "a/b/foo", false, true)]
        [InlineData("**/foo", "foo", false, true)]
        [InlineData("a/**/b", "a/b", false, true)]
        [InlineData("a/**/b", "a/x/y/b", false, true)]
        [InlineData("a/**", "a/x/y", false, true)]
        [InlineData("a/**", "a", true, false)]
        [InlineData("a**b", "axxb", false, true)]
        [InlineData("back\\\\slash", "back\\slash", false, true)]
        [InlineData("\\!bang", "!bang", false, true)]
        [InlineData("trail\\ ", "trail ", false, true)]
        [InlineData("spaces   ", "spaces", false, true)]
        [InlineData("end\\", "end\\", false, false)]
        [InlineData("end\\", "end", false, false)]
        [InlineData("f[0-9]", "f5", false, true)]
        [InlineData("f[!0-9]", "f5", false, false)]
        [InlineData("f[^0-9]", "fa", false, true)]
        [InlineData("x[]]y", "x]y", false, true)]
        [InlineData("[[:digit:]]x", "1x", false, true)]
        [InlineData("[[:bogus:]]x", "1x", false, false)]
        [InlineData("w[x", "w[x", false, false)]
        [InlineData("?.x", "\u00e9.x", false, false)]
        [InlineData("??.x", "\u00e9.x", false, true)]
        [InlineData("Foo", "foo", false, false)]
        public void MatchesLikeGit(string pattern, string path, bool isDirectory, bool expected)
        {
            Assert.Equal(expected, GitIgnorePattern.Parse(pattern)!.IsMatch(path, isDirectory));
        }

        [Fact]
        public void LaterPatternsWinAndNegationReincludes()
        {
            var matcher = new GitIgnoreMatcher();
            matcher.AddDirectoryFile(GitIgnoreFile.Parse("*.log\n!keep.log\nlogs/\n!logs/keep.log\n"));
            Assert.True(matcher.IsIgnored("a.log", false));
            Assert.False(matcher.IsIgnored("keep.log", false));
            Assert.Equal(GitIgnoreVerdict.Included, matcher.Match("keep.log", false).Verdict);
            // A parent directory that is excluded cannot have a child re-included.
            Assert.Equal(GitIgnoreVerdict.Included, matcher.Match("logs/keep.log", false).Verdict);
            Assert.True(matcher.IsIgnored("logs/keep.log", false));
            Assert.Equal("logs/", matcher.Explain("logs/keep.log", false).Pattern!.Text);
        }

        [Fact]
        public void DeeperFilesWinOverShallowerAndInfoExcludeIsLowest()
        {
            var matcher = new GitIgnoreMatcher();
            matcher.AddLowPrecedenceFile(GitIgnoreFile.Parse("*.tmp\n", string.Empty, ".git/info/exclude"));
            matcher.AddDirectoryFile(GitIgnoreFile.Parse("*.txt\n!keep.tmp\n", string.Empty, ".gitignore"));
            matcher.AddDirectoryFile(GitIgnoreFile.Parse("!*.txt\n", "sub", "sub/.gitignore"));
            Assert.True(matcher.IsIgnored("a.txt", false));
            Assert.False(matcher.IsIgnored("sub/a.txt", false));
            Assert.True(matcher.IsIgnored("sub-x/a.txt", false));
            Assert.True(matcher.IsIgnored("x.tmp", false));
            Assert.False(matcher.IsIgnored("keep.tmp", false));
            GitIgnoreMatch m = matcher.Explain("x.tmp", false);
            Assert.Equal(".git/info/exclude", m.Pattern!.Source);
            Assert.Equal(1, m.Pattern.LineNumber);
        }
    }
}
