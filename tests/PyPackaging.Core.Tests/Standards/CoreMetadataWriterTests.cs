using System.Collections.Generic;
using System.Linq;
using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    public class CoreMetadataWriterTests
    {
        private static KeyValuePair<string, string> F(string k, string v) => new KeyValuePair<string, string>(k, v);

        [Fact]
        public void Writes_in_the_fixed_order_with_the_body_and_round_trips()
        {
            var fields = new[]
            {
                F("Requires-Dist", "b>=1"),
                F("name", "Hello-World"),
                F("Version", "1.0.0"),
                F("Metadata-Version", "2.4"),
                F("Requires-Dist", "a; extra == \"x\""),
                F("Provides-Extra", "x"),
                F("Description-Content-Type", "text/markdown"),
                F("License-Expression", "MIT"),
                F("Summary", "Hello"),
            };
            Assert.True(CoreMetadataWriter.TryWrite(fields, "# Hello\n\nWorld\n", out var text, out var error), error);
            Assert.Equal(
                "Metadata-Version: 2.4\nName: Hello-World\nVersion: 1.0.0\nSummary: Hello\nLicense-Expression: MIT\n" +
                "Requires-Dist: b>=1\nRequires-Dist: a; extra == \"x\"\nProvides-Extra: x\nDescription-Content-Type: text/markdown\n" +
                "\n# Hello\n\nWorld\n", text);

            var parsed = CoreMetadata.Parse(System.Text.Encoding.UTF8.GetBytes(text));
            Assert.Equal("Hello-World", parsed.Get("Name"));
            Assert.Equal(new[] { "b>=1", "a; extra == \"x\"" }, parsed.GetAll("Requires-Dist"));
            Assert.Equal("# Hello\n\nWorld\n", parsed.Body);
            Assert.Empty(CoreMetadataValidator.Validate(parsed));
        }

        [Fact]
        public void Multi_line_license_is_folded_and_read_back()
        {
            Assert.True(CoreMetadataWriter.TryWrite(new[] { F("Metadata-Version", "2.2"), F("Name", "a"), F("Version", "1"), F("License", "line 1\n\nline 3") }, null, out var text, out _));
            Assert.Equal("Metadata-Version: 2.2\nName: a\nVersion: 1\nLicense: line 1\n         \n         line 3\n", text);
            var parsed = CoreMetadata.Parse(text);
            Assert.Null(parsed.Body);
            Assert.Empty(parsed.SyntaxErrors);
            Assert.StartsWith("line 1\n", parsed.Get("License"));
        }

        [Theory]
        [InlineData("Description", "x")]
        [InlineData("Frobnicate", "x")]
        [InlineData("Summary", "two\nlines")]
        public void Rejects_bad_fields(string key, string value)
        {
            Assert.False(CoreMetadataWriter.TryWrite(new[] { F(key, value) }, null, out _, out var error));
            Assert.NotNull(error);
        }

        [Fact]
        public void Rejects_repeated_single_use_fields()
        {
            Assert.False(CoreMetadataWriter.TryWrite(new[] { F("Name", "a"), F("Name", "b") }, null, out _, out _));
        }

        [Theory]
        [InlineData(new[] { "Name", "Version", "Summary" }, "2.2")]
        [InlineData(new[] { "Name", "Provides-Extra" }, "2.2")]
        [InlineData(new[] { "Name", "License-Expression" }, "2.4")]
        [InlineData(new[] { "License-File", "Import-Name" }, "2.5")]
        public void Chooses_the_lowest_sufficient_metadata_version(string[] fields, string expected)
        {
            Assert.Equal(expected, CoreMetadataWriter.ChooseMetadataVersion(fields));
        }

        [Fact]
        public void Utf8_output_has_no_bom()
        {
            Assert.True(CoreMetadataWriter.TryWriteUtf8(new[] { F("Name", "caf\u00e9") }, null, out var bytes, out _));
            Assert.Equal((byte)'N', bytes[0]);
            Assert.Equal("Name: caf\u00e9\n", System.Text.Encoding.UTF8.GetString(bytes));
            Assert.Equal(FieldOrderCount(), CoreMetadataWriter.FieldOrder.Distinct().Count());
        }

        private static int FieldOrderCount() => CoreMetadataWriter.FieldOrder.Count;
    }
}
