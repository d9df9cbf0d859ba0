using System;
using System.Collections.Generic;
using PyPackaging.Building.Versions;
using Xunit;

namespace PyPackaging.Core.Tests.Building.Versions
{
    /// <summary>
    /// setuptools-scm's default scheme, formatted natively. The expected strings are what setuptools-scm 7.1.0 (Debian)
    /// prints for the same input (format_version with guess-next-dev and each local scheme, SOURCE_DATE_EPOCH=1700000000,
    /// i.e. 2023-11-14 22:13:20 UTC), and what its <c>_version_as_tuple</c> writes into the version file.
    /// </summary>
    public sealed class ScmVersionSchemeTests
    {
        private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeSeconds(1700000000);

        [Theory]
        [InlineData("1.2.0", "1.2.1.dev3+gabc1234")]
        [InlineData("v1.2", "1.3.dev3+gabc1234")]
        [InlineData("V2.0.0", "2.0.1.dev3+gabc1234")]
        [InlineData("1.0rc1", "1.0rc2.dev3+gabc1234")]
        [InlineData("1.0.post1", "1.0.post2.dev3+gabc1234")]
        [InlineData("1!2.0", "1!2.1.dev3+gabc1234")]
        [InlineData("2.0.dev0", "2.0.dev3+gabc1234")]
        [InlineData("1.0a", "1.0a1.dev3+gabc1234")]
        [InlineData("1.2.3+local", "1.2.4.dev3+gabc1234")]
        [InlineData("proj-1.4", "1.5.dev3+gabc1234")]
        public void Three_commits_after_a_tag_guess_the_next_version(string tag, string expected)
        {
            var version = ScmVersionScheme.TagToVersion(tag, null, out var error);
            Assert.True(version != null, error);
            Assert.Equal(expected, ScmVersionScheme.Format(version!, new ScmFacts(tag, 3, "gabc1234", false), Epoch));
        }

        [Theory]
        [InlineData(null, "gabc1234", false, "node-and-date", "1.2.0")]
        [InlineData(0, "gabc1234", true, "node-and-date", "1.2.1.dev0+gabc1234.d20231114")]
        [InlineData(2, "gabc1234", true, "node-and-date", "1.2.1.dev2+gabc1234.d20231114")]
        [InlineData(0, null, true, "node-and-date", "1.2.1.dev0+d20231114")]
        [InlineData(0, "gabc1234", true, "node-and-timestamp", "1.2.1.dev0+gabc1234.d20231114221320")]
        [InlineData(0, "gabc1234", true, "dirty-tag", "1.2.1.dev0+dirty")]
        [InlineData(2, "gabc1234", true, "no-local-version", "1.2.1.dev2")]
        [InlineData(null, null, true, "node-and-date", "1.2.0+d20231114")] // pdm-backend: dirty exactly on a tag
        public void Local_schemes_and_the_dirty_date(int? distance, string? node, bool dirty, string scheme, string expected)
        {
            var version = ScmVersionScheme.TagToVersion("1.2.0", null, out _)!;
            Assert.Equal(expected, ScmVersionScheme.Format(version, new ScmFacts("1.2.0", distance, node, dirty), Epoch, scheme));
        }

        [Fact]
        public void Tags_without_a_version_and_unbumpable_dev_tags_are_errors()
        {
            Assert.Null(ScmVersionScheme.TagToVersion("release", null, out var error));
            Assert.Contains("does not match", error);
            Assert.Null(ScmVersionScheme.TagToVersion("v1.x.y", null, out error));
            Assert.Contains("not a PEP 440 version", error);
            Assert.Throws<FormatException>(() => ScmVersionScheme.GuessNext(ScmVersionScheme.TagToVersion("1.0.dev3", null, out _)!));
        }

        [Fact]
        public void A_custom_tag_regex_in_python_syntax_is_honoured()
        {
            Assert.Equal("3.1.0", ScmVersionScheme.TagToVersion("mypkg@3.1.0", @"^mypkg@(?P<version>\d+(?:\.\d+)*)$", out _)!.ToString());
            Assert.Equal("2.0", ScmVersionScheme.TagToVersion("rel_2.0", @"rel_(\d+\.\d+)", out _)!.ToString());
            Assert.Null(ScmVersionScheme.TagToVersion("x-rel_2.0", @"rel_(\d+\.\d+)", out _)); // re.match: anchored at the start
        }

        [Theory]
        [InlineData("v1.2.0-3-gabc1234", "v1.2.0", 3, "gabc1234", false)]
        [InlineData("v1.2.0-0-gabc1234-dirty", "v1.2.0", 0, "gabc1234", true)]
        [InlineData("my-pkg-1.0-12-g0123456789", "my-pkg-1.0", 12, "g0123456789", false)]
        public void Describe_output_is_split_from_the_right(string output, string tag, int distance, string node, bool dirty)
        {
            Assert.True(GitVersionReader.TryParseDescribe(output, out var t, out int d, out var n, out bool dirtyFlag));
            Assert.Equal((tag, distance, node, dirty), (t, d, n, dirtyFlag));
        }

        [Theory]
        [InlineData("1.2.1.dev3+gabc1234", "(1, 2, 1, 'dev3', 'gabc1234')")]
        [InlineData("1.0", "(1, 0)")]
        [InlineData("1.0rc1", "(1, 0)")]
        [InlineData("2.0.post1.dev2+g1.d2023", "(2, 0, 'dev2', 'g1.d2023')")]
        [InlineData("1!2.0", "(2, 0)")]
        [InlineData("7", "(7,)")]
        public void Version_tuple_as_setuptools_scm_7_1_writes_it(string version, string expected)
        {
            Assert.Equal(expected, ScmVersionScheme.VersionTupleRepr(version));
        }

        [Fact]
        public void Version_file_templates_follow_python_str_format()
        {
            var fields = new Dictionary<string, (string, string)> { ["version"] = ("1.0", "'1.0'"), [string.Empty] = ("1.0", "'1.0'") };
            Assert.Equal("v = '1.0' {x}", VersionFileWriter.PythonFormat("v = {version!r} {{x}}", fields));
            Assert.Equal("__version__ = \"1.0\"\n", VersionFileWriter.PythonFormat("__version__ = \"{}\"\n", fields));
            Assert.Equal("1.0", VersionFileWriter.PythonFormat("{0}", fields));
            Assert.Throws<FormatException>(() => VersionFileWriter.PythonFormat("{commit}", fields));
            Assert.Throws<FormatException>(() => VersionFileWriter.PythonFormat("{version", fields));
        }
    }
}
