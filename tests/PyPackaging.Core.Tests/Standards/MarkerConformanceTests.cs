using System.Linq;
using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    // Variables, operators and values from pypa/packaging tests/test_markers.py (Apache-2.0 OR BSD-2-Clause);
    // the strict publisher policy asserted here is ours (sdist-format.md §7).
    public class MarkerConformanceTests
    {
        private static readonly string[] Variables =
        {
            "extra", "implementation_version", "os_name", "platform_machine", "platform_release", "platform_system",
            "platform_version", "python_full_version", "platform_python_implementation", "python_version", "sys_platform",
            "implementation_name",
        };

        private static readonly string[] Operators = { "===", "==", ">=", "<=", "!=", "~=", ">", "<", "in", "not in" };

        private static readonly string[] Values = { "1.0", "5.6a0", "dog", "freebsd", "literally any string can go here", "things @#4 dsfd (((" };

        [Fact]
        public void Cross_product_is_accepted_in_both_orders_like_packaging()
        {
            var checkedCount = 0;
            foreach (var variable in Variables)
            foreach (var op in Operators)
            foreach (var value in Values)
            {
                // pypa/packaging parses every operator with every variable (string comparison where no version comparison applies).
                var expected = true;
                foreach (var text in new[] { variable + " " + op + " '" + value + "'", "'" + value + "' " + op + " " + variable })
                {
                    var ok = Marker.TryParse(text, out var marker, out var error);
                    Assert.True(expected == ok, text + " -> " + (ok ? "accepted" : error));
                    if (ok)
                    {
                        // The normal form parses back to itself.
                        Assert.True(Marker.TryParse(marker!.ToString(), out var again, out _), marker.ToString());
                        Assert.Equal(marker.ToString(), again!.ToString());
                    }
                    checkedCount++;
                }
            }
            Assert.Equal(Variables.Length * Operators.Length * Values.Length * 2, checkedCount);
        }

        [Theory]
        [InlineData("this_isnt_a_real_variable >= '1.0'")]
        [InlineData("python_version")]
        [InlineData("(python_version)")]
        [InlineData("python_version >= 1.0 and (python_version)")]
        [InlineData("python_version >= '1.0' and")]
        [InlineData("python_version >= '1.0' or or os_name == 'a'")]
        [InlineData("()")]
        [InlineData("python_version >= '1.0')")]
        public void Invalid_markers(string text)
        {
            Assert.False(Marker.TryParse(text, out _, out var error));
            Assert.NotNull(error);
        }

        [Theory]
        [InlineData("python_version == '2.7'", "python_version == \"2.7\"")]
        [InlineData("python_version == \"2.7\"", "python_version == \"2.7\"")]
        [InlineData("python_version == \"2.7\" and os_name == \"linux\"", "python_version == \"2.7\" and os_name == \"linux\"")]
        [InlineData("python_version == \"2.7\" or os_name == \"linux\"", "python_version == \"2.7\" or os_name == \"linux\"")]
        [InlineData("python_version == \"2.7\" and os_name == \"linux\" or sys_platform == \"win32\"", "python_version == \"2.7\" and os_name == \"linux\" or sys_platform == \"win32\"")]
        [InlineData("(python_version == \"2.7\")", "python_version == \"2.7\"")]
        [InlineData("(python_version == \"2.7\" and sys_platform == \"win32\")", "python_version == \"2.7\" and sys_platform == \"win32\"")]
        [InlineData("python_version == \"2.7\" and (sys_platform == \"win32\" or sys_platform == \"linux\")", "python_version == \"2.7\" and (sys_platform == \"win32\" or sys_platform == \"linux\")")]
        [InlineData("python_version == \"2.7\" and ((sys_platform == \"win32\" or sys_platform == \"linux\"))", "python_version == \"2.7\" and (sys_platform == \"win32\" or sys_platform == \"linux\")")]
        [InlineData("(os_name == 'a') and os_name == 'b'", "os_name == \"a\" and os_name == \"b\"")]
        [InlineData("os_name=='a'and\tos_name=='b'", "os_name == \"a\" and os_name == \"b\"")]
        public void Normal_form(string text, string expected)
        {
            Assert.True(Marker.TryParse(text, out var m, out var error), error);
            Assert.Equal(expected, m!.ToString());
        }
    }
}
