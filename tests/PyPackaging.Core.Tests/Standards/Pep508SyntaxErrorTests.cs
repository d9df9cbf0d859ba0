using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    // The tokenizer + parser report where a requirement or marker goes wrong; the message is the one TryParse gives.
    public class Pep508SyntaxErrorTests
    {
        [Theory]
        [InlineData("", 0, "Expected a package name at the start of the requirement.")]
        [InlineData("name\n", 4, "The requirement contains a line break.")]
        [InlineData("  _name", 2, "`_name` is not a valid package name: it must start and end with an ASCII letter or digit and contain only letters, digits, `.`, `_` and `-`.")]
        [InlineData("name [bar", 5, "The extras list is not closed with `]`.")]
        [InlineData("name[a,  _b]", 9, "`_b` is not a valid extra name.")]
        [InlineData("name (>=1.0", 5, "The version specifier in parentheses is not closed with `)`.")]
        [InlineData("name>=1,,2", 4, "Invalid version specifier: `>=1,,2` has an empty clause between commas.")]
        [InlineData("name @ ", 7, "Expected a URL after `@`.")]
        [InlineData("name @ http://x y", 16, "Expected `;` and a marker or the end of the requirement, found `y`.")]
        [InlineData("name;  ", 5, "Expected a marker after `;`.")]
        [InlineData("name; os_name", 13, "Invalid marker: Expected a comparison operator at the end of the marker.")]
        [InlineData("name; os_name ~ 'a'", 14, "Invalid marker: Expected a comparison operator at position 10, found `~ 'a'`.")]
        [InlineData("name; bogus == 'a'", 6, "Invalid marker: `bogus` is not a known environment marker variable.")]
        [InlineData("name; os_name == 'a", 17, "Invalid marker: A quoted string in the marker is not closed.")]
        [InlineData("name; os_name == 'a\\b'", 19, "Invalid marker: A quoted string in the marker has a backslash that escapes nothing (only \\\\, \\' and \\\" are allowed).")]
        public void Requirement_errors_carry_their_position(string text, int position, string message)
        {
            Assert.Null(Pep508Requirement.Parse(text, out var error));
            Assert.NotNull(error);
            Assert.Equal(message, error!.Message);
            Assert.Equal(position, error.Position);

            // The string-returning TryParse gives the same message.
            Assert.False(Pep508Requirement.TryParse(text, out _, out var text2));
            Assert.Equal(message, text2);
        }

        [Theory]
        [InlineData("name (>=1.0", "at column 6: the version specifier in parentheses is not closed with `)`.")]
        [InlineData("name [bar", "at column 6: the extras list is not closed with `]`.")]
        [InlineData("name @ ", "at column 8: expected a URL after `@`.")]
        [InlineData("  _name", "at column 3: `_name` is not a valid package name: it must start and end with an ASCII letter or digit and contain only letters, digits, `.`, `_` and `-`.")]
        [InlineData("name; os_name ~ 'a'", "at column 15: invalid marker: Expected a comparison operator, found `~ 'a'`.")]
        public void Findings_show_the_column_instead_of_the_markers_own_position(string text, string located)
        {
            Assert.Null(Pep508Requirement.Parse(text, out var error));
            Assert.Equal(located, error!.Located());
            Assert.Equal(error.Position + 1, error.Column);
        }

        [Fact]
        public void Marker_errors_count_from_the_start_of_the_marker()
        {
            Assert.Null(Marker.Parse("os_name == 'a' xor", out var error));
            Assert.Equal("Expected `and`, `or` or the end of the marker at position 16, found `xor`.", error!.Message);
            Assert.Equal(15, error.Position);

            Assert.Null(Marker.Parse("'x' in extras", out var lockError, allowLockFileVariables: false));
            Assert.Equal(7, lockError!.Position);
        }

        [Fact]
        public void Valid_input_has_no_error()
        {
            Assert.NotNull(Pep508Requirement.Parse("name[a]>=1; os_name == 'nt'", out var error));
            Assert.Null(error);
            Assert.NotNull(Marker.Parse("os_name == 'nt'", out var markerError));
            Assert.Null(markerError);
        }
    }
}
