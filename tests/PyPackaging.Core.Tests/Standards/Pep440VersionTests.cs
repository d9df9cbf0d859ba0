using System;
using System.Collections.Generic;
using System.Linq;
using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    // Test data ported from pypa/packaging tests/test_version.py (Apache-2.0 OR BSD-2-Clause) and the
    // version-specifiers specification; the code is ours.
    public class Pep440VersionTests
    {
        // In the correct sort order.
        public static readonly string[] Versions =
        {
            "1.0.dev0", "1.0.dev456", "1.0.dev456+local", "1.0a0", "1.0a0.post0.dev0", "1.0a0.post0", "1.0a1.dev1",
            "1.0a1.dev1+local", "1.0a1", "1.0a1+local", "1.0b0", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456",
            "1.0b2.post345", "1.0b2-346", "1.0rc0", "1.0rc1.dev1", "1.0c1", "1.0rc2", "1.0", "1.0.post0.dev0",
            "1.0.post0", "1.0.post456.dev34", "1.0.post456", "1.0.post456+local", "1.0.1.dev1", "1.0.1a1", "1.0.1",
            "1.0.1+local", "1.0.1.post1", "1.1.dev1", "1.2+a", "1.2+abc", "1.2+abcdef", "1.2+def", "1.2+0", "1.2+1",
            "1.2+1.abc", "1.2+1.1", "1.2+1.1.0", "1.2+2", "1.2+123", "1.2+123456", "1.2.r32+123456", "1.2.rev33+123456",
            "1!1.0.dev0", "1!1.0.dev456", "1!1.0.dev456+local", "1!1.0a0", "1!1.0a0.post0.dev0", "1!1.0a0.post0",
            "1!1.0a1.dev1", "1!1.0a1.dev1+local", "1!1.0a1", "1!1.0a1+local", "1!1.0b0", "1!1.0b1.dev456", "1!1.0b2",
            "1!1.0b2.post345.dev456", "1!1.0b2.post345", "1!1.0b2-346", "1!1.0rc0", "1!1.0rc1.dev1", "1!1.0c1",
            "1!1.0rc2", "1!1.0", "1!1.0.post0.dev0", "1!1.0.post0", "1!1.0.post456.dev34", "1!1.0.post456",
            "1!1.0.post456+local", "1!1.0.1.dev1", "1!1.0.1a1", "1!1.0.1", "1!1.0.1+local", "1!1.0.1.post1",
            "1!1.1.dev1", "1!1.2+a", "1!1.2+abc", "1!1.2+abcdef", "1!1.2+def", "1!1.2+0", "1!1.2+1", "1!1.2+1.abc",
            "1!1.2+1.1", "1!1.2+1.1.0", "1!1.2+2", "1!1.2+123", "1!1.2+123456", "1!1.2.r32+123456", "1!1.2.rev33+123456",
        };

        public static IEnumerable<object[]> VersionData() => Versions.Select(v => new object[] { v });

        private static Pep440Version V(string s)
        {
            Assert.True(Pep440Version.TryParse(s, out var v, out var error), s + ": " + error);
            return v!;
        }

        [Theory]
        [MemberData(nameof(VersionData))]
        public void Valid_versions_parse(string text)
        {
            Assert.True(Pep440Version.TryParse(text, out var v, out var error), error);
            Assert.NotNull(v);
            Assert.Null(error);
        }

        [Fact]
        public void Versions_sort_in_the_documented_order()
        {
            var parsed = Versions.Select(V).ToList();
            for (var i = 0; i < parsed.Count; i++)
            {
                for (var j = 0; j < parsed.Count; j++)
                {
                    var expected = Math.Sign(i.CompareTo(j));
                    var actual = Math.Sign(parsed[i].CompareTo(parsed[j]));
                    // 1.0rc1 and 1.0c1 are distinct entries but both come after 1.0rc1.dev1 and before 1.0rc2: fine.
                    Assert.True(expected == actual, $"{Versions[i]} vs {Versions[j]}: expected {expected}, got {actual}");
                }
            }
            var shuffled = parsed.OrderBy(v => v.ToString().GetHashCode()).ToList();
            shuffled.Sort();
            Assert.Equal(parsed.Select(v => v.ToString()), shuffled.Select(v => v.ToString()));
        }

        [Theory]
        [InlineData("french toast")]
        [InlineData("1.0+a+")]
        [InlineData("1.0++")]
        [InlineData("1.0+_foobar")]
        [InlineData("1.0+foo&asd")]
        [InlineData("1.0+1+1")]
        [InlineData("1. 0")]
        [InlineData("1 .0")]
        [InlineData("1. 0a1")]
        [InlineData("1 .0a1")]
        [InlineData("1.0 a1")]
        [InlineData("1.0a 1")]
        [InlineData("\u0660\u0661\u0662.\u0663\u0664\u0665.\u0666\u0667\u0668\u0669")] // Arabic-Indic digits
        [InlineData(".")]
        [InlineData("..")]
        [InlineData("1..0")]
        [InlineData("1.0.")]
        [InlineData(".1.0")]
        [InlineData("1..2.3")]
        [InlineData("1.0+\u0130")] // Turkish dotted capital I
        [InlineData("1.0-")]
        [InlineData("")]
        [InlineData("0.1.0-extra")]
        [InlineData("1.x")]
        [InlineData("\uff11.0")] // fullwidth digit one
        public void Invalid_versions_fail_without_exception(string text)
        {
            Assert.False(Pep440Version.TryParse(text, out var v, out var error));
            Assert.Null(v);
            Assert.False(string.IsNullOrEmpty(error));
        }

        [Theory]
        [InlineData("1.0dev", "1.0.dev0")]
        [InlineData("1.0.dev", "1.0.dev0")]
        [InlineData("1.0dev1", "1.0.dev1")]
        [InlineData("1.0-dev", "1.0.dev0")]
        [InlineData("1.0-dev1", "1.0.dev1")]
        [InlineData("1.0DEV", "1.0.dev0")]
        [InlineData("1.0.DEV1", "1.0.dev1")]
        [InlineData("1.0-DEV1", "1.0.dev1")]
        [InlineData("1.0a", "1.0a0")]
        [InlineData("1.0.a", "1.0a0")]
        [InlineData("1.0.a1", "1.0a1")]
        [InlineData("1.0-a1", "1.0a1")]
        [InlineData("1.0alpha", "1.0a0")]
        [InlineData("1.0.alpha1", "1.0a1")]
        [InlineData("1.0-ALPHA1", "1.0a1")]
        [InlineData("1.0A", "1.0a0")]
        [InlineData("1.0b", "1.0b0")]
        [InlineData("1.0.beta1", "1.0b1")]
        [InlineData("1.0-BETA", "1.0b0")]
        [InlineData("1.0c", "1.0rc0")]
        [InlineData("1.0.c1", "1.0rc1")]
        [InlineData("1.0rc", "1.0rc0")]
        [InlineData("1.0-RC1", "1.0rc1")]
        [InlineData("1.0pre1", "1.0rc1")]
        [InlineData("1.0preview2", "1.0rc2")]
        [InlineData("1.0post", "1.0.post0")]
        [InlineData("1.0.post", "1.0.post0")]
        [InlineData("1.0-post1", "1.0.post1")]
        [InlineData("1.0POST1", "1.0.post1")]
        [InlineData("1.0r", "1.0.post0")]
        [InlineData("1.0rev", "1.0.post0")]
        [InlineData("1.0.r1", "1.0.post1")]
        [InlineData("1.0-5", "1.0.post5")]
        [InlineData("1.0-r5", "1.0.post5")]
        [InlineData("1.0-rev5", "1.0.post5")]
        [InlineData("1.0+AbC", "1.0+abc")]
        [InlineData("1.01", "1.1")]
        [InlineData("1.0a05", "1.0a5")]
        [InlineData("1.0c056", "1.0rc56")]
        [InlineData("1.0.post000", "1.0.post0")]
        [InlineData("1.1.dev09000", "1.1.dev9000")]
        [InlineData("00!1.2", "1.2")]
        [InlineData("0100!0.0", "100!0.0")]
        [InlineData("v1.0", "1.0")]
        [InlineData("   v1.0\t\n", "1.0")]
        // sdist-format.md §1.1 / §8.1: str(Version) keeps trailing zeros.
        [InlineData("1.0.0", "1.0.0")]
        [InlineData("1.0", "1.0")]
        [InlineData("1.0-1", "1.0.post1")]
        [InlineData("V2.0RC1", "2.0rc1")]
        [InlineData("1.2.dev", "1.2.dev0")]
        [InlineData("0!1.0", "1.0")]
        [InlineData("09000", "9000")]
        [InlineData("1.1-a1", "1.1a1")]
        [InlineData("1.2a", "1.2a0")]
        [InlineData("1.2-post2", "1.2.post2")]
        [InlineData("1.2dev2", "1.2.dev2")]
        [InlineData("1.0+ubuntu-1", "1.0+ubuntu.1")]
        [InlineData(" 1.0\n", "1.0")]
        [InlineData("1.0+0001", "1.0+1")]
        public void Normal_form_matches_str_Version(string text, string normal)
        {
            var v = V(text);
            Assert.Equal(normal, v.ToString());
            Assert.Equal(text == normal, v.IsCanonical);
        }

        [Theory]
        [InlineData("1.0+deadbeef", "1.0")]
        [InlineData("1!1.0a1.post5.dev6+deadbeef", "1!1.0a1.post5.dev6")]
        [InlineData("1.0.post5", "1.0.post5")]
        public void Public_drops_the_local_label(string text, string expected)
        {
            Assert.Equal(expected, V(text).Public.ToString());
            Assert.False(V(text).Public.IsLocal);
        }

        [Theory]
        [InlineData("1.0rc4+deadbeef", "1.0")]
        [InlineData("1!1.0a1.post5.dev6", "1!1.0")]
        public void Base_version(string text, string expected)
        {
            Assert.Equal(expected, V(text).BaseVersion.ToString());
        }

        [Fact]
        public void Properties()
        {
            var v = V("1!2.3.4rc5.post6.dev7+Ubuntu-8");
            Assert.Equal(1, (int)v.Epoch);
            Assert.Equal(new[] { 2, 3, 4 }, v.Release.Select(x => (int)x));
            Assert.Equal("rc", v.PreLabel);
            Assert.Equal(5, (int)v.PreNumber);
            Assert.Equal(6, (int)v.Post!.Value);
            Assert.Equal(7, (int)v.Dev!.Value);
            Assert.Equal("ubuntu.8", v.LocalLabel);
            Assert.True(v.IsLocal);
            Assert.True(v.IsPrerelease);
            Assert.True(v.IsPostRelease);
            Assert.True(v.IsDevRelease);
            Assert.False(V("1.0").IsPrerelease);
            Assert.True(V("1.0.dev1").IsPrerelease);
        }

        [Fact]
        public void Equality_ignores_trailing_zeros_and_rc_spelling()
        {
            Assert.Equal(V("1.0"), V("1.0.0"));
            Assert.Equal(V("1.0").GetHashCode(), V("1.0.0.0").GetHashCode());
            Assert.Equal(V("1.0rc1"), V("1.0c1"));
            Assert.True(V("1.0") == V("1.0.0"));
            Assert.True(V("1.0") < V("1.0.post1"));
            Assert.True(V("1.0+local") > V("1.0"));
            Assert.NotEqual(V("1.0+a"), V("1.0"));
        }

        [Fact]
        public void Huge_numbers_are_a_validation_error_not_an_exception()
        {
            var big = new string('9', 5000);
            Assert.False(Pep440Version.TryParse(big, out _, out var error));
            Assert.Contains("digits", error);

            // Beyond 64 bits but within the digit limit: valid and ordered numerically.
            var a = V("1." + new string('9', 40));
            var b = V("1.1" + new string('0', 40));
            Assert.True(a < b);
            Assert.Equal("1." + new string('9', 40), a.ToString());
        }

        [Fact]
        public void Very_long_input_is_rejected_quickly()
        {
            var text = string.Join(".", Enumerable.Repeat("1", 20000));
            Assert.False(Pep440Version.TryParse(text, out _, out var error));
            Assert.NotNull(error);
            Assert.False(Pep440Version.TryParse(new string('1', 3000) + "x", out _, out _));
        }

        [Fact]
        public void Null_is_rejected()
        {
            Assert.False(Pep440Version.TryParse(null, out _, out var error));
            Assert.NotNull(error);
        }

        [Fact]
        public void Normalisation_is_culture_independent_under_tr_TR()
        {
            using (new CultureScope("tr-TR"))
            {
                Assert.Equal("1.0rc1", V("1.0RC1").ToString());
                Assert.Equal("1.0.dev0", V("1.0.DEV").ToString());
                Assert.Equal("1.0+ii", V("1.0+II").ToString());
                Assert.Equal("2.0rc1", V("V2.0RC1").ToString());
                Assert.False(Pep440Version.TryParse("1.0+\u0130", out _, out _));
                Assert.False(Pep440Version.TryParse("1.0+\u0131", out _, out _));
                Assert.True(V("1.0") < V("1.0.post1"));
            }
        }

        [Fact]
        public void Unicode_whitespace_around_a_version_is_stripped_like_packaging()
        {
            // packaging matches `^\s*...\s*$` on a str; conformance vector pk00244.
            Assert.True(Pep440Version.TryParse("\u202F1.0\t\u2029\n ", out var v, out _));
            Assert.Equal("1.0", v!.ToString());
            Assert.True(Pep440Version.TryParse("1.0\u00a0", out _, out _));
        }
    }
}
