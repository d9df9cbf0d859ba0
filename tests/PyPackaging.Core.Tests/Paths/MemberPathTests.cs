using PyPackaging.Paths;

namespace PyPackaging.Core.Tests.Paths
{
    public class MemberPathTests
    {
        [Theory]
        [InlineData("pkg-1.0/a/b/c.txt")]
        [InlineData("./pkg-1.0//a/./b/c.txt/")]
        [InlineData("pkg-1.0/x/../a/b/c.txt")]
        [InlineData("../../up/a")]
        [InlineData("/abs/a/b")]
        [InlineData("single")]
        public void Prefix_is_the_join_of_the_first_components(string raw)
        {
            var path = MemberPath.Parse(raw);
            for (var k = 0; k <= path.Components.Count + 1; k++)
            {
                Assert.Equal(MemberPath.JoinRange(path.Components, 0, System.Math.Min(k, path.Components.Count)), path.Prefix(k));
            }
            Assert.Equal(path.Components.Count <= 1 ? string.Empty : path.Prefix(path.Components.Count - 1), path.Parent);
        }

        [Theory]
        [InlineData("pkg-1.0/PKG-INFO")]
        [InlineData("./pkg-1.0/PKG-INFO")]
        [InlineData("pkg-1.0//PKG-INFO/")]
        [InlineData("pkg-1.0/./../x")]
        [InlineData("")]
        [InlineData("/")]
        [InlineData(".")]
        [InlineData("a/.b/..c/...")]
        public void Counting_and_joining_without_splitting_agree_with_SplitRaw(string raw)
        {
            var parts = MemberPath.SplitRaw(raw);
            Assert.Equal(parts.Count, MemberPath.CountComponents(raw));
            Assert.Equal(string.Join("/", parts), MemberPath.JoinRaw(raw));
        }

        [Fact]
        public void An_already_normal_path_is_its_own_normalised_form()
        {
            var raw = "pkg-1.0/src/pkg/__init__.py";
            Assert.Same(raw, MemberPath.Parse(raw).Normalized);
            Assert.Same(raw, MemberPath.JoinRaw(raw));
            Assert.Equal("pkg-1.0/src", MemberPath.Parse("pkg-1.0/src/").Normalized);
        }

        [Theory]
        [InlineData("pkg-1.0/a.txt", "pkg-1.0/a.txt")]
        [InlineData("pkg-1.0/./a/../b", "pkg-1.0/b")]
        [InlineData("./pkg-1.0//sub/", "pkg-1.0/sub")]
        [InlineData("/abs/file", "abs/file")]
        [InlineData("//double/abs", "double/abs")]
        [InlineData("../evil", "../evil")]
        [InlineData("pkg-1.0/../../evil", "../evil")]
        public void Normalises(string raw, string expected)
        {
            Assert.Equal(expected, MemberPath.Parse(raw).Normalized);
        }

        [Fact]
        public void CleanPathHasNoProblems()
        {
            var p = MemberPath.Parse("pkg-1.0/src/pkg/__init__.py");
            Assert.Equal(PathProblems.None, p.Problems);
            Assert.True(p.IsInside);
            Assert.Equal("pkg-1.0", p.Top);
            Assert.Equal("pkg-1.0/src/pkg", p.Parent);
            Assert.Equal("__init__.py", p.Name);
        }

        [Theory]
        [InlineData("", PathProblems.Empty)]
        [InlineData("/etc/passwd", PathProblems.Absolute)]
        [InlineData("C:/foo", PathProblems.DriveLetter)]
        [InlineData("C:", PathProblems.DriveLetter)]
        [InlineData("c:foo", PathProblems.DriveLetter)]
        [InlineData("//server/share", PathProblems.Unc)]
        [InlineData("\\\\server\\share", PathProblems.Unc)]
        [InlineData("pkg-1.0\\..\\..\\evil", PathProblems.Backslash)]
        [InlineData("../evil", PathProblems.ParentEscapes)]
        [InlineData("pkg-1.0/a/../b", PathProblems.ParentInside)]
        [InlineData("pkg-1.0/a\0b", PathProblems.Nul)]
        [InlineData("pkg-1.0/a\u0001b", PathProblems.ControlCharacter)]
        [InlineData("pkg-1.0/a\u007Fb", PathProblems.ControlCharacter)]
        [InlineData("pkg-1.0/a\uFFFDb", PathProblems.ReplacementCharacter)]
        [InlineData("pkg-1.0/ a", PathProblems.EdgeWhitespace)]
        [InlineData("pkg-1.0/a /b", PathProblems.EdgeWhitespace)]
        [InlineData("pkg-1.0/file.txt:stream", PathProblems.Colon)]
        [InlineData("./", PathProblems.ResolvesToRoot)]
        public void ClassifiesProblems(string raw, PathProblems expected)
        {
            Assert.True(MemberPath.Parse(raw).Has(expected), $"{raw} should have {expected}, has {MemberPath.Parse(raw).Problems}");
        }

        [Theory]
        [InlineData("pkg-1.0/C:")]
        [InlineData("pkg-1.0/a..b")]
        [InlineData("pkg-1.0/..foo")]
        [InlineData("pkg-1.0/fine i guess.py")]
        [InlineData("pkg-1.0/🌈.py")]
        public void NearMissesAreNotTraversalOrDrive(string raw)
        {
            var p = MemberPath.Parse(raw);
            Assert.False(p.Has(PathProblems.ParentEscapes | PathProblems.ParentInside | PathProblems.DriveLetter | PathProblems.Absolute));
        }

        [Fact]
        public void EscapingParentIsNotAlsoReportedAsInside()
        {
            var p = MemberPath.Parse("pkg-1.0/a/../../../x");
            Assert.True(p.Has(PathProblems.ParentEscapes));
            Assert.False(p.Has(PathProblems.ParentInside));
            Assert.Equal(1, p.EscapeDepth);
            Assert.False(p.IsInside);
        }

        [Fact]
        public void TrailingSlashIsStrippedAndRemembered()
        {
            var p = MemberPath.Parse("pkg-1.0/sub/");
            Assert.Equal("pkg-1.0/sub", p.Normalized);
            Assert.True(p.HasTrailingSlash);
        }
    }
}
