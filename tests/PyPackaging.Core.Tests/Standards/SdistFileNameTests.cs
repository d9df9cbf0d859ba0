using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    // Examples from sdist-format.md §1.1 (hatchling / PyPI behaviour) and pypa/packaging tests/test_utils.py.
    public class SdistFileNameTests
    {
        [Theory]
        [InlineData("Demo.Pkg", "1.0.0", "demo_pkg-1.0.0.tar.gz")]
        [InlineData("Foo__Bar", "1.0-1", "foo_bar-1.0.post1.tar.gz")]
        [InlineData("flit-core", "3.9", "flit_core-3.9.tar.gz")]
        [InlineData("x", "1.0+local", "x-1.0+local.tar.gz")]
        [InlineData("foo", "1.0", "foo-1.0.tar.gz")]
        [InlineData("foo-bar", "1.0", "foo_bar-1.0.tar.gz")]
        [InlineData("demo", "V2.0RC1", "demo-2.0rc1.tar.gz")]
        public void Compose(string name, string version, string expected)
        {
            Assert.Equal(expected, SdistFileName.Compose(name, Pep440Version.ParseOrNull(version)!));
        }

        [Theory]
        [InlineData("foo-1.0.tar.gz", "foo", "1.0")]
        [InlineData("foo-1.0.zip", "foo", "1.0")]
        [InlineData("foo_bar-1.0.post1.tar.gz", "foo_bar", "1.0.post1")]
        [InlineData("Demo.Pkg-1.0.0.tar.gz", "Demo.Pkg", "1.0.0")]
        public void Parse_valid(string fileName, string name, string version)
        {
            Assert.True(SdistFileName.TryParse(fileName, out var n, out var v, out var error), error);
            Assert.Equal(name, n);
            Assert.Equal(version, v!.ToString());
        }

        [Theory]
        [InlineData("foo-1.0.xz")]
        [InlineData("foo1.0.tar.gz")]
        [InlineData("foo-1.x.tar.gz")]
        [InlineData("-1.0.tar.gz")]
        [InlineData("-1.0.zip")]
        public void Parse_invalid(string fileName)
        {
            Assert.False(SdistFileName.TryParse(fileName, out _, out _, out var error));
            Assert.NotNull(error);
        }
    }
}
