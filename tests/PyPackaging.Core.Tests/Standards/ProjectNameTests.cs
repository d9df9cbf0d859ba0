using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    // Test data ported from pypa/packaging tests/test_utils.py (Apache-2.0 OR BSD-2-Clause) and the
    // name-normalization specification (packaging.python.org); the code is ours.
    public class ProjectNameTests
    {
        [Theory]
        [InlineData("foo", "foo")]
        [InlineData("Foo", "foo")]
        [InlineData("fOo", "foo")]
        [InlineData("foo.bar", "foo-bar")]
        [InlineData("Foo.Bar", "foo-bar")]
        [InlineData("Foo.....Bar", "foo-bar")]
        [InlineData("foo_bar", "foo-bar")]
        [InlineData("foo___bar", "foo-bar")]
        [InlineData("foo-bar", "foo-bar")]
        [InlineData("foo----bar", "foo-bar")]
        public void Normalize_matches_packaging(string name, string expected)
        {
            Assert.True(ProjectName.IsValid(name));
            Assert.Equal(expected, ProjectName.Normalize(name));
            Assert.Equal(expected.Replace('-', '_'), ProjectName.EscapeForFileName(name));
        }

        // The seven spellings of the spec's name-normalization example.
        [Theory]
        [InlineData("friendly-bard")]
        [InlineData("Friendly-Bard")]
        [InlineData("FRIENDLY-BARD")]
        [InlineData("friendly.bard")]
        [InlineData("friendly_bard")]
        [InlineData("friendly--bard")]
        [InlineData("FrIeNdLy-._.-bArD")]
        public void All_spellings_of_friendly_bard_are_equivalent(string name)
        {
            Assert.True(ProjectName.IsValid(name));
            Assert.Equal("friendly-bard", ProjectName.Normalize(name));
            Assert.Equal("friendly_bard", ProjectName.EscapeForFileName(name));
            Assert.True(ProjectName.AreEquivalent(name, "friendly-bard"));
        }

        [Theory]
        [InlineData("_not_legal")]
        [InlineData("hi\n")]
        [InlineData("\nhi")]
        [InlineData("h\ni")]
        [InlineData("hi\r")]
        [InlineData("\rhi")]
        [InlineData("h\ri")]
        [InlineData("")]
        [InlineData("foo_")]
        [InlineData("-foo")]
        [InlineData(".test")]
        [InlineData("foo bar")]
        [InlineData("foo#bar")]
        [InlineData("caf\u00e9")]
        [InlineData("\u0130stanbul")]
        [InlineData("\uff41bc")]          // fullwidth a
        [InlineData("abc\u0663")]         // Arabic-Indic digit three
        public void Invalid_names_are_rejected(string name)
        {
            Assert.False(ProjectName.IsValid(name));
        }

        [Fact]
        public void Null_is_invalid()
        {
            Assert.False(ProjectName.IsValid(null));
        }

        [Theory]
        [InlineData("A")]
        [InlineData("A.B-C_D")]
        [InlineData("aa")]
        [InlineData("9")]
        [InlineData("a1")]
        public void Valid_names_from_the_dependency_specifier_spec(string name)
        {
            Assert.True(ProjectName.IsValid(name));
        }

        [Theory]
        [InlineData("Demo.Pkg", "demo_pkg")]
        [InlineData("Foo__Bar", "foo_bar")]
        [InlineData("flit-core", "flit_core")]
        public void Escape_for_file_name_examples(string name, string expected)
        {
            Assert.Equal(expected, ProjectName.EscapeForFileName(name));
        }

        [Theory]
        [InlineData("test", true)]
        [InlineData("test-extra", true)]
        [InlineData("a1-b2-c3", true)]
        [InlineData("Test", false)]
        [InlineData("test_extra", false)]
        [InlineData("test.extra", false)]
        [InlineData("test--extra", false)]
        [InlineData("-test", false)]
        [InlineData("test-", false)]
        [InlineData("", false)]
        public void Is_normalized_extra(string extra, bool expected)
        {
            Assert.Equal(expected, ProjectName.IsNormalizedExtra(extra));
        }

        [Theory]
        [InlineData("Test_Extra", "test-extra")]
        [InlineData("DOCS", "docs")]
        [InlineData("a..b", "a-b")]
        public void Normalize_extra(string extra, string expected)
        {
            Assert.Equal(expected, ProjectName.NormalizeExtra(extra));
            Assert.True(ProjectName.IsNormalizedExtra(expected));
        }

        [Fact]
        public void Lowercasing_is_culture_independent_under_tr_TR()
        {
            using (new CultureScope("tr-TR"))
            {
                Assert.Equal("friendly-bard", ProjectName.Normalize("FRIENDLY-BARD"));
                Assert.Equal("pip", ProjectName.Normalize("PIP"));
                Assert.Equal("i_i", ProjectName.EscapeForFileName("I.I"));
                Assert.True(ProjectName.IsValid("IIII"));
                Assert.False(ProjectName.IsValid("\u0130I"));
                Assert.True(ProjectName.AreEquivalent("TITLE", "title"));
            }
        }
    }
}

namespace PyPackaging.Core.Tests.Standards
{
    public class CultureScopeTests
    {
        // Proves the tr-TR tests are meaningful when culture data is available (run the suite with
        // `-p:InvariantGlobalization=false` to get ICU): there, culture-sensitive lowercasing really breaks "I".
        [Fact]
        public void Turkish_lowercasing_trap_is_live_when_culture_data_exists()
        {
            using (var scope = new CultureScope("tr-TR"))
            {
                var invariant = System.AppContext.TryGetSwitch("System.Globalization.Invariant", out var on) && on;
                Assert.True(invariant || scope.IsTurkish, "tr-TR must be available when globalization is not invariant");
                if (scope.IsTurkish && !invariant)
                {
                    Assert.NotEqual("title", "TITLE".ToLower(System.Globalization.CultureInfo.CurrentCulture));
                }
                Assert.Equal("title", PyPackaging.Standards.ProjectName.Normalize("TITLE"));
            }
        }
    }
}
