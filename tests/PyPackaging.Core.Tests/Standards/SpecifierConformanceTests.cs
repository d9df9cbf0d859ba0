using System.Collections.Generic;
using System.Linq;
using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    // Test data ported from pypa/packaging tests/test_specifiers.py (Apache-2.0 OR BSD-2-Clause):
    // test_specifiers_invalid, test_specifiers_normalized, test_specifiers (with prereleases=True),
    // test_specifier_prereleases_detection, test_arbitrary_equality and the > / < guard tables. The code is ours.
    public class SpecifierConformanceTests
    {
        [Theory]
        [InlineData("2.0")]
        [InlineData("=>2.0")]
        [InlineData("==")]
        [InlineData("~=1.0+5")]
        [InlineData(">=1.0+deadbeef")]
        [InlineData("<=1.0+abc123")]
        [InlineData(">1.0+watwat")]
        [InlineData("<1.0+1.0")]
        [InlineData("~=1.0.*")]
        [InlineData(">=1.0.*")]
        [InlineData("<=1.0.*")]
        [InlineData(">1.0.*")]
        [InlineData("<1.0.*")]
        [InlineData("==1.0.*+5")]
        [InlineData("!=1.0.*+deadbeef")]
        [InlineData("==2.0a1.*")]
        [InlineData("!=2.0a1.*")]
        [InlineData("==2.0.post1.*")]
        [InlineData("!=2.0.post1.*")]
        [InlineData("==2.0.dev1.*")]
        [InlineData("!=2.0.dev1.*")]
        [InlineData("==1.0+5.*")]
        [InlineData("!=1.0+deadbeef.*")]
        [InlineData("==1.0.*.5")]
        [InlineData("~=1")]
        [InlineData("==1.0.dev1.*")]
        [InlineData("!=1.0.dev1.*")]
        [InlineData("==1.2+\u0130")]
        [InlineData("==1.2+\u0130\u0131\u017fK")]
        public void Invalid_specifiers(string text)
        {
            Assert.False(VersionSpecifier.TryParse(text, out _, out var error));
            Assert.NotNull(error);
        }

        public static readonly string[] NormalizableVersions =
        {
            "1.0dev", "1.0.dev", "1.0dev1", "1.0-dev", "1.0-dev1", "1.0DEV", "1.0.DEV", "1.0DEV1", "1.0.DEV1", "1.0-DEV",
            "1.0-DEV1", "1.0a", "1.0.a", "1.0.a1", "1.0-a", "1.0-a1", "1.0alpha", "1.0.alpha", "1.0.alpha1", "1.0-alpha",
            "1.0-alpha1", "1.0A", "1.0.A", "1.0.A1", "1.0-A", "1.0-A1", "1.0ALPHA", "1.0.ALPHA", "1.0.ALPHA1",
            "1.0-ALPHA", "1.0-ALPHA1", "1.0b", "1.0.b", "1.0.b1", "1.0-b", "1.0-b1", "1.0beta", "1.0.beta", "1.0.beta1",
            "1.0-beta", "1.0-beta1", "1.0B", "1.0.B", "1.0.B1", "1.0-B", "1.0-B1", "1.0BETA", "1.0.BETA", "1.0.BETA1",
            "1.0-BETA", "1.0-BETA1", "1.0c", "1.0.c", "1.0.c1", "1.0-c", "1.0-c1", "1.0rc", "1.0.rc", "1.0.rc1", "1.0-rc",
            "1.0-rc1", "1.0C", "1.0.C", "1.0.C1", "1.0-C", "1.0-C1", "1.0RC", "1.0.RC", "1.0.RC1", "1.0-RC", "1.0-RC1",
            "1.0post", "1.0.post", "1.0post1", "1.0-post", "1.0-post1", "1.0POST", "1.0.POST", "1.0POST1", "1.0.POST1",
            "1.0-POST", "1.0-POST1", "1.0-5", "1.0+AbC", "1.01", "1.0a05", "1.0b07", "1.0c056", "1.0rc09", "1.0.post000",
            "1.1.dev09000", "00!1.2", "0100!0.0", "v1.0", "  \r \f \v v1.0\t\n",
        };

        [Fact]
        public void Every_spelling_is_accepted_after_every_allowed_operator()
        {
            foreach (var version in NormalizableVersions)
            {
                var ops = version.Contains("+") ? new[] { "==", "!=" } : new[] { "~=", "==", "!=", "<=", ">=", "<", ">" };
                foreach (var op in ops)
                {
                    Assert.True(VersionSpecifier.TryParse(op + version, out _, out var error), op + version + ": " + error);
                }
            }
        }

        [Theory]
        [InlineData("!=2.0", "!=2.0")]
        [InlineData("<2.0", "<2.0")]
        [InlineData("~=2.0", "~=2.0")]
        [InlineData("< 2", "<2")]
        public void Specifier_to_string(string text, string expected)
        {
            Assert.True(VersionSpecifier.TryParse(text, out var s, out _));
            Assert.Equal(expected, s!.ToString());
        }

        public static IEnumerable<object[]> ContainsCases()
        {
            var yes = new[]
            {
                ("2.0", "==2"), ("2.0", "==2.0"), ("2.0", "==2.0.0"), ("2.0+deadbeef", "==2"), ("2.0+deadbeef", "==2.0"),
                ("2.0+deadbeef", "==2.0.0"), ("2.0+deadbeef", "==2+deadbeef"), ("2.0+deadbeef", "==2.0+deadbeef"),
                ("2.0+deadbeef", "==2.0.0+deadbeef"), ("2.0+deadbeef.0", "==2.0.0+deadbeef.00"),
                ("2.dev1", "==2.*"), ("2a1", "==2.*"), ("2a1.post1", "==2.*"), ("2b1", "==2.*"), ("2b1.dev1", "==2.*"),
                ("2c1", "==2.*"), ("2c1.post1.dev1", "==2.*"), ("2c1.post1.dev1", "==2.0.*"), ("2rc1", "==2.*"),
                ("2rc1", "==2.0.*"), ("2", "==2.*"), ("2", "==2.0.*"), ("2", "==2.0.0.*"), ("2", "==0!2.*"), ("0!2", "==2.*"),
                ("2.0", "==2.*"), ("2.0.0", "==2.*"), ("2.0.0.0", "==2.0.*"), ("2.1+local.version", "==2.1.*"),
                ("2.1", "!=2"), ("2.1", "!=2.0"), ("2.0.1", "!=2"), ("2.0.1", "!=2.0"), ("2.0.1", "!=2.0.0"),
                ("2.0", "!=2.0+deadbeef"), ("2.0", "!=3.*"), ("2.1", "!=2.0.*"), ("3", "!=2.0.0.*"), ("2.1.0.0", "!=2.0.*"),
                ("2.0", ">=2"), ("2.0", ">=2.0"), ("2.0", ">=2.0.0"), ("2.0.post1", ">=2"), ("2.0.post1.dev1", ">=2"),
                ("3", ">=2"), ("3.0.0a8", ">=3.0.0a7"),
                ("2.0", "<=2"), ("2.0", "<=2.0"), ("2.0", "<=2.0.0"), ("2.0.dev1", "<=2"), ("2.0a1", "<=2"),
                ("2.0a1.dev1", "<=2"), ("2.0b1", "<=2"), ("2.0b1.post1", "<=2"), ("2.0c1", "<=2"), ("2.0c1.post1.dev1", "<=2"),
                ("2.0rc1", "<=2"), ("1", "<=2"), ("3.0.0a7", "<=3.0.0a8"),
                ("3", ">2"), ("2.1", ">2.0"), ("2.0.1", ">2"), ("2.1.post1", ">2"), ("2.1+local.version", ">2"),
                ("3.0.0a8", ">3.0.0a7"),
                ("1", "<2"), ("2.0", "<2.1"), ("2.0.dev0", "<2.1"), ("3.0.0a7", "<3.0.0a8"),
                ("1", "~=1.0"), ("1.0.1", "~=1.0"), ("1.1", "~=1.0"), ("1.9999999", "~=1.0"), ("1.1", "~=1.0a1"),
                ("2022.01.01", "~=2022.01.01"),
                ("2!1.0", "~=2!1.0"), ("2!1.0", "==2!1.*"), ("2!1.0", "==2!1.0"), ("2!1.0", "!=1.0"),
                ("2!1.0.0", "==2!1.0.0.0.*"), ("2!1.0.0", "==2!1.0.*"), ("2!1.0.0", "==2!1.*"), ("1.0", "!=2!1.0"),
                ("1.0", "<=2!0.1"), ("2!1.0", ">=2.0"), ("1.0", "<2!0.1"), ("2!1.0", ">2.0"),
                ("2.0.5", ">2.0dev"),
                ("1.0+local", ">1.0.dev1"), ("4.1.0a2.dev1235+local", ">4.1.0a2.dev1234"), ("1.0a2+local", ">1.0a1"),
                ("1.0b2+local", ">1.0b1"), ("1.0rc2+local", ">1.0rc1"), ("1.0.post2+local", ">1.0.post1"),
                ("1.0.dev2+local", ">1.0.dev1"), ("1.0a1.dev2+local", ">1.0a1.dev1"), ("1.0.post1.dev2+local", ">1.0.post1.dev1"),
            };
            var no = new[]
            {
                ("2.1", "==2"), ("2.1", "==2.0"), ("2.1", "==2.0.0"), ("2.0", "==2.0+deadbeef"),
                ("2.0", "==3.*"), ("2.1", "==2.0.*"), ("3", "==2.0.0.*"), ("2.1.0.0", "==2.0.*"),
                ("2.0", "!=2"), ("2.0", "!=2.0"), ("2.0", "!=2.0.0"), ("2.0+deadbeef", "!=2"), ("2.0+deadbeef", "!=2.0"),
                ("2.0+deadbeef", "!=2.0.0"), ("2.0+deadbeef", "!=2+deadbeef"), ("2.0+deadbeef", "!=2.0+deadbeef"),
                ("2.0+deadbeef", "!=2.0.0+deadbeef"), ("2.0+deadbeef.0", "!=2.0.0+deadbeef.00"),
                ("2.dev1", "!=2.*"), ("2a1", "!=2.*"), ("2a1.post1", "!=2.*"), ("2b1", "!=2.*"), ("2b1.dev1", "!=2.*"),
                ("2c1", "!=2.*"), ("2c1.post1.dev1", "!=2.*"), ("2c1.post1.dev1", "!=2.0.*"), ("2rc1", "!=2.*"),
                ("2rc1", "!=2.0.*"), ("2", "!=2.*"), ("2", "!=2.0.*"), ("2", "!=2.0.0.*"), ("2.0", "!=2.*"),
                ("2.0.0", "!=2.*"), ("2.0.0.0", "!=2.0.*"),
                ("2.0.dev1", ">=2"), ("2.0a1", ">=2"), ("2.0a1.dev1", ">=2"), ("2.0b1", ">=2"), ("2.0b1.post1", ">=2"),
                ("2.0c1", ">=2"), ("2.0c1.post1.dev1", ">=2"), ("2.0rc1", ">=2"), ("1", ">=2"),
                ("2.0.post1", "<=2"), ("2.0.post1.dev1", "<=2"), ("3", "<=2"),
                ("1", ">2"), ("2.0.dev1", ">2"), ("2.0a1", ">2"), ("2.0a1.post1", ">2"), ("2.0b1", ">2"), ("2.0b1.dev1", ">2"),
                ("2.0c1", ">2"), ("2.0c1.post1.dev1", ">2"), ("2.0rc1", ">2"), ("2.0", ">2"), ("2.0.post1", ">2"),
                ("2.0.post1.dev1", ">2"), ("2.0+local.version", ">2"), ("4.1.0a2.dev1234+local", ">4.1.0a2.dev1234"),
                ("1.0a1+local", ">1.0a1"), ("1.0b1+local", ">1.0b1"), ("1.0rc1+local", ">1.0rc1"),
                ("1.0.post1+local", ">1.0.post1"), ("1.0.dev1+local", ">1.0.dev1"), ("1.0a1.dev1+local", ">1.0a1.dev1"),
                ("1.0.post1.dev1+local", ">1.0.post1.dev1"),
                ("2.0.dev1", "<2"), ("2.0a1", "<2"), ("2.0a1.post1", "<2"), ("2.0b1", "<2"), ("2.0b2.dev1", "<2"),
                ("2.0c1", "<2"), ("2.0c1.post1.dev1", "<2"), ("2.0rc1", "<2"), ("2.0", "<2"), ("2.post1", "<2"),
                ("2.post1.dev1", "<2"), ("3", "<2"),
                ("2.0", "~=1.0"), ("1.1.0", "~=1.0.0"), ("1.1.post1", "~=1.0.0"),
                ("1.0", "~=2!1.0"), ("2!1.0", "~=1.0"), ("2!1.0", "==1.0"), ("1.0", "==2!1.0"), ("2!1.0", "==1.0.0.*"),
                ("1.0", "==2!1.0.0.*"), ("2!1.0", "==1.*"), ("1.0", "==2!1.*"), ("2!1.0", "!=2!1.0"),
            };
            foreach (var (v, s) in yes) yield return new object[] { v, s, true };
            foreach (var (v, s) in no) yield return new object[] { v, s, false };
        }

        [Theory]
        [MemberData(nameof(ContainsCases))]
        public void Contains_with_prereleases_allowed(string version, string specifier, bool expected)
        {
            Assert.True(VersionSpecifierSet.TryParse(specifier, out var set, out var error), error);
            Assert.True(Pep440Version.TryParse(version, out var v, out error), error);
            Assert.Equal(expected, set!.Contains(v!, prereleases: true));
        }

        [Theory]
        [InlineData(">1.0.dev1", "1.0.dev0", false)]
        [InlineData(">1.0.dev1", "1.0.dev2", true)]
        [InlineData(">1.0.dev1", "1.0.post0", true)]
        [InlineData(">1.0.dev1", "1.0.post1", true)]
        [InlineData(">1.0.dev0", "1.0.post0", true)]
        [InlineData(">1.0a1", "1.0.post0", true)]
        [InlineData(">1.0b1", "1.0.post0", true)]
        [InlineData(">1.0rc1", "1.0.post0", true)]
        [InlineData(">1.0a1", "1.0a1.post0", false)]
        [InlineData(">1.0b2", "1.0b2.post0", false)]
        [InlineData(">1.0rc1", "1.0rc1.post0", false)]
        [InlineData(">1.0a1", "1.0a2.post0", true)]
        [InlineData(">1.0b1", "1.0b2.post0", true)]
        [InlineData(">1.0.dev1", "1.0", true)]
        [InlineData(">1.0.dev1", "1.0a1", true)]
        [InlineData(">1.0.dev1", "1.1", true)]
        [InlineData(">1.0", "1.0.post0", false)]
        [InlineData(">1.0", "1.0.post1", false)]
        [InlineData(">1.0", "2.0.post0", true)]
        [InlineData(">1.0", "0.9.post0", false)]
        [InlineData(">1.0.dev1", "1.1.post0", true)]
        [InlineData(">1.0.dev1", "0.9.post0", false)]
        [InlineData("<1.0.post1", "1.0.post1.dev0", false)]
        [InlineData("<1.0.post0", "1.0.post0.dev0", false)]
        [InlineData("<1.0.post1", "1.0.dev0", true)]
        [InlineData("<1.0.post1", "1.0a1", true)]
        [InlineData("<1.0.post1", "1.0rc1", true)]
        [InlineData("<1.0.post0", "1.0.dev0", true)]
        [InlineData("<1.0.post0", "1.0a1", true)]
        [InlineData("<1.0.post0", "1.0b1", true)]
        [InlineData("<1.0.post0", "1.0rc2", true)]
        [InlineData("<1.0.post1", "1.0.post0.dev0", true)]
        [InlineData("<1.0.post2", "1.0.post1.dev0", true)]
        [InlineData("<1.0.post1", "1.0", true)]
        [InlineData("<1.0.post1", "1.0.post0", true)]
        [InlineData("<1.0.post1", "0.9", true)]
        [InlineData("<1.0.post0", "1.0", true)]
        [InlineData("<1.0.post10", "1.0.dev0", true)]
        [InlineData("<1.0.post10", "1.0.post9.dev0", true)]
        [InlineData("<1.0.post10", "1.0.post9", true)]
        [InlineData("<1.0.post1", "1.0+local", true)]
        [InlineData("<1.0.post1", "1.0.post0+local", true)]
        [InlineData("<1.0.post1", "0.9.dev0", true)]
        [InlineData("<2.0", "2.0a1", false)]
        [InlineData("<2.0a2", "2.0a1", true)]
        public void Exclusive_comparison_guards(string specifier, string version, bool expected)
        {
            Assert.True(VersionSpecifierSet.TryParse(specifier, out var set, out _));
            Assert.Equal(expected, set!.Contains(Pep440Version.ParseOrNull(version)!, prereleases: true));
        }

        [Theory]
        [InlineData("==1.0", false)]
        [InlineData(">=1.0", false)]
        [InlineData("<=1.0", false)]
        [InlineData("~=1.0", false)]
        [InlineData("<1.0", false)]
        [InlineData(">1.0", false)]
        [InlineData("<1.0.dev1", true)]
        [InlineData(">1.0.dev1", true)]
        [InlineData("!=1.0.dev1", false)]
        [InlineData("==1.0.*", false)]
        [InlineData("==1.0.dev1", true)]
        [InlineData(">=1.0.dev1", true)]
        [InlineData("<=1.0.dev1", true)]
        [InlineData("~=1.0.dev1", true)]
        public void Prerelease_detection(string specifier, bool expected)
        {
            Assert.True(VersionSpecifier.TryParse(specifier, out var s, out _));
            Assert.Equal(expected, s!.MentionsPrerelease);
        }

        [Theory]
        [InlineData("1.0.0", "===1.0", false)]
        [InlineData("1.0.dev0", "===1.0", false)]
        [InlineData("1.0", "===1.0", true)]
        [InlineData("1.0.dev0", "===1.0.dev0", true)]
        [InlineData("1.0+downstream1", "===1.0", false)]
        [InlineData("1.0", "===1.0+downstream1", false)]
        [InlineData("1.0a1", "===1.0A1", true)]
        [InlineData("1.0.POST1", "===1.0.post1", true)]
        [InlineData("1.0+ABC.DEF", "===1.0+abc.def", true)]
        [InlineData("1.0A1.POST2.DEV3", "===1.0a1.post2.dev3", true)]
        // Version objects compare in normal form (test_arbitrary_equality_normalization).
        [InlineData("1.01", "===1.1", true)]
        [InlineData("1.01", "===1.01", false)]
        [InlineData("1.a1", "===1a1", true)]
        [InlineData("1.a1", "===1.a1", false)]
        [InlineData("0!1.0", "===1.0", true)]
        [InlineData("1.0", "===0!1.0", false)]
        [InlineData("1.0-1", "===1.0.post1", true)]
        [InlineData("1.0.dev01", "===1.0.dev1", true)]
        public void Arbitrary_equality(string version, string specifier, bool expected)
        {
            Assert.True(VersionSpecifierSet.TryParse(specifier, out var set, out _));
            Assert.Equal(expected, set!.Contains(Pep440Version.ParseOrNull(version)!, prereleases: true));
        }

        [Theory]
        [InlineData("~=1.4.2", "1.4.2", true)]
        [InlineData("~=1.4.2", "1.4.3.dev1", true)]
        [InlineData("~=1.4.2", "1.4.3a1", true)]
        [InlineData("~=1.4.2", "1.4.3", true)]
        [InlineData("~=1.4.2", "1.4.3.post1", true)]
        [InlineData("~=1.4.2", "1.4.3+local", true)]
        [InlineData("~=1.4.2", "1.4.1", false)]
        [InlineData("~=1.4.2", "1.4.1.post1", false)]
        [InlineData("~=1.4.2", "1.5.0.dev0", false)]
        [InlineData("~=1.4.2", "1.5.0a1", false)]
        [InlineData("~=1.4.2", "1.5.0", false)]
        [InlineData("~=1.4.2", "2.0", false)]
        [InlineData("~=1.4.2", "2.0+local", false)]
        public void Compatible_release(string specifier, string version, bool expected)
        {
            Assert.True(VersionSpecifierSet.TryParse(specifier, out var set, out _));
            Assert.Equal(expected, set!.Contains(Pep440Version.ParseOrNull(version)!, prereleases: true));
        }

        [Fact]
        public void Empty_set_contains_every_version_when_prereleases_are_allowed()
        {
            foreach (var v in Pep440VersionTests.Versions)
            {
                Assert.True(VersionSpecifierSet.Empty.Contains(Pep440Version.ParseOrNull(v)!, prereleases: true), v);
            }
        }

        [Theory]
        [InlineData("", 0)]
        [InlineData("==2.0", 1)]
        [InlineData(">=2.0,<3", 2)]
        [InlineData(">=2.0,<3,==2.4", 3)]
        public void Set_length(string text, int count)
        {
            Assert.True(VersionSpecifierSet.TryParse(text, out var set, out _));
            Assert.Equal(count, set!.Specifiers.Count);
            Assert.Equal(text.Split(',').Where(p => p.Length > 0), set.Specifiers.Select(s => s.ToString()));
        }
    }
}
