using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    // Cases follow the version-specifiers specification and pypa/packaging tests/test_specifiers.py
    // (Apache-2.0 OR BSD-2-Clause); the code is ours.
    public class VersionSpecifierTests
    {
        private static Pep440Version V(string s) => Pep440Version.ParseOrNull(s) ?? throw new System.ArgumentException(s);

        private static VersionSpecifierSet S(string s)
        {
            Assert.True(VersionSpecifierSet.TryParse(s, out var set, out var error), s + ": " + error);
            return set!;
        }

        [Theory]
        [InlineData("~=2.0")]
        [InlineData("==2.1.*")]
        [InlineData("==2.1.0.3")]
        [InlineData("!=2.2.*")]
        [InlineData("!=2.2.0.5")]
        [InlineData("<=5")]
        [InlineData(">=7.9a1")]
        [InlineData("<1.0.dev1")]
        [InlineData(">2.0.post1")]
        [InlineData("===lolwat")]
        [InlineData("===1.0+local")]
        [InlineData("==1.0+local")]
        [InlineData("!=1.0+local")]
        [InlineData("== 1.0")]
        [InlineData(">=3,")]
        [InlineData(">=3,<2")]
        [InlineData(">= 1.0 , < 2.0")]
        [InlineData("")]
        [InlineData(">=3.8")]
        [InlineData("~=1.4.5a4")]
        [InlineData("==1!2.*")]
        public void Valid_specifier_sets(string text)
        {
            Assert.True(VersionSpecifierSet.TryParse(text, out var set, out var error), error);
            Assert.NotNull(set);
        }

        [Theory]
        [InlineData("~=1")]          // needs two release segments
        [InlineData("~=1.0.*")]      // no wildcard with ~=
        [InlineData("~=1.0+local")]  // no local with ~=
        [InlineData(">=1.0+local")]
        [InlineData("<1.0+local")]
        [InlineData(">=1.0.*")]
        [InlineData("<2.*")]
        [InlineData("==1.0.dev1.*")]
        [InlineData("==1.0+local.*")]
        [InlineData("==1.0.post1.*")]
        [InlineData("1.0")]
        [InlineData("=>1.0")]
        [InlineData("==")]
        [InlineData("==1.0 2.0")]
        [InlineData("==lolwat")]
        [InlineData(">=\u0661.0")]
        [InlineData("3.8")]
        public void Invalid_specifier_sets(string text)
        {
            Assert.False(VersionSpecifierSet.TryParse(text, out var set, out var error));
            Assert.Null(set);
            Assert.False(string.IsNullOrEmpty(error));
        }

        [Theory]
        // == and prefix matching
        [InlineData("==2.0", "2.0", true)]
        [InlineData("==2.0", "2.0.0", true)]
        [InlineData("==2.0", "2.0+deadbeef", true)]
        [InlineData("==2.0+deadbeef", "2.0", false)]
        [InlineData("==2.0+deadbeef", "2.0+deadbeef", true)]
        [InlineData("==2.*", "2.0", true)]
        [InlineData("==2.*", "2.9.1", true)]
        [InlineData("==2.*", "3.0", false)]
        [InlineData("==2.0.*", "2.0", true)]
        [InlineData("==2.0.*", "2.1", false)]
        [InlineData("==2.0.0.*", "2.0", true)]
        [InlineData("==1.0.*", "1.0.post1", true)]
        [InlineData("!=2.0", "2.0", false)]
        [InlineData("!=2.0", "2.1", true)]
        [InlineData("!=2.*", "2.5", false)]
        [InlineData("!=2.*", "3.0", true)]
        // ordered comparisons
        [InlineData(">=2.0", "2.0", true)]
        [InlineData(">=2.0", "1.9", false)]
        [InlineData(">=2.0", "2.0+local", true)]
        [InlineData("<=2.0", "2.0+local", true)]
        [InlineData("<=2.0", "2.0.post1", false)]
        [InlineData("<2.0", "1.9", true)]
        [InlineData("<2.0", "2.0", false)]
        [InlineData(">2.0", "2.1", true)]
        [InlineData(">2.0", "2.0.post1", false)]   // >V excludes post-releases of V
        [InlineData(">2.0.post1", "2.0.post2", true)]
        [InlineData(">2.0", "2.0+local", false)]   // and local versions of V
        [InlineData(">1.7", "1.7.1", true)]
        // ~=
        [InlineData("~=2.2", "2.2", true)]
        [InlineData("~=2.2", "2.9", true)]
        [InlineData("~=2.2", "3.0", false)]
        [InlineData("~=2.2", "2.1", false)]
        [InlineData("~=1.4.5", "1.4.9", true)]
        [InlineData("~=1.4.5", "1.5.0", false)]
        [InlineData("~=2.2.post3", "2.2.post3", true)]
        [InlineData("~=2.2.post3", "2.3", true)]
        [InlineData("~=2.2.post3", "2.2", false)]
        [InlineData("~=1!1.0", "1!1.5", true)]
        [InlineData("~=1!1.0", "1.5", false)]
        // ===
        [InlineData("===lolwat", "1.0", false)]
        [InlineData("===1.0", "1.0", true)]
        [InlineData("===1.0", "1.0.0", false)]
        // sets
        [InlineData(">=1.0,<2.0", "1.5", true)]
        [InlineData(">=1.0,<2.0", "2.0", false)]
        [InlineData(">=1.0,!=1.5.*,<2.0", "1.5.3", false)]
        [InlineData("", "1.0", true)]
        public void Contains_final_releases(string spec, string version, bool expected)
        {
            Assert.Equal(expected, S(spec).Contains(V(version)));
        }

        [Theory]
        [InlineData(">=1.0", "2.0a1", false)]          // pre-releases excluded by default
        [InlineData(">=1.0a1", "2.0a1", true)]         // unless a clause names one
        [InlineData("<2.0", "2.0a1", false)]
        [InlineData("<2.0rc1", "2.0b1", true)]
        [InlineData("==2.0a1", "2.0a1", true)]
        [InlineData("<=2.0.dev5", "2.0.dev3", true)]
        [InlineData("!=2.0a1", "1.5a1", false)]        // != does not admit pre-releases
        [InlineData("", "1.0a1", false)]
        public void Pre_release_handling(string spec, string version, bool expected)
        {
            Assert.Equal(expected, S(spec).Contains(V(version)));
        }

        [Fact]
        public void Pre_releases_can_be_forced()
        {
            Assert.True(S(">=1.0").Contains(V("2.0a1"), prereleases: true));
            Assert.False(S(">=1.0a1").Contains(V("2.0a1"), prereleases: false));
            Assert.False(S("<2.0").Contains(V("2.0a1"), prereleases: true)); // <V still excludes pre-releases of V
        }

        [Fact]
        public void ToString_is_compact()
        {
            Assert.Equal(">=1.0,<2.0", S(" >= 1.0 , < 2.0 ,").ToString());
            Assert.Equal("==2.1.*", S("== 2.1.*").ToString());
            Assert.True(S("").IsEmpty);
        }
    }
}
