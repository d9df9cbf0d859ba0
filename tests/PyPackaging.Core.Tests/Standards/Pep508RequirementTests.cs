using System.Linq;
using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    // Valid strings from the dependency-specifiers specification; error cases after pypa/packaging
    // tests/test_requirements.py and test_markers.py (Apache-2.0 OR BSD-2-Clause). The code is ours.
    public class Pep508RequirementTests
    {
        private static Pep508Requirement R(string s)
        {
            Assert.True(Pep508Requirement.TryParse(s, out var r, out var error), s + ": " + error);
            return r!;
        }

        [Theory]
        [InlineData("A")]
        [InlineData("A.B-C_D")]
        [InlineData("aa")]
        [InlineData("name")]
        [InlineData("name<=1")]
        [InlineData("name>=3")]
        [InlineData("name>=3,")]
        [InlineData("name>=3,<2")]
        [InlineData("name@http://foo.com")]
        [InlineData("name [fred,bar] @ http://foo.com ; python_version=='2.7'")]
        [InlineData("name[quux, strange];python_version<'2.7' and platform_version=='2'")]
        [InlineData("name; os_name=='a' or os_name=='b'")]
        [InlineData("name; os_name=='a' and os_name=='b' or os_name=='c'")]
        [InlineData("name; os_name=='a' and (os_name=='b' or os_name=='c')")]
        [InlineData("name; os_name=='a' or os_name=='b' and os_name=='c'")]
        [InlineData("name; (os_name=='a' or os_name=='b') and os_name=='c'")]
        [InlineData("name (>=1.0, <2.0)")]
        [InlineData("name[]")]
        [InlineData("test_dependency[test_extra2]>3.0; os_name == \"nt\" and extra == \"test\"")]
        [InlineData("requests[security] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"")]
        [InlineData("pip @ file:///localbuilds/pip-1.3.1.zip")]
        [InlineData("name; sys_platform == 'win32' and platform_machine != 'x86_64'")]
        [InlineData("name; 'linux' in sys_platform")]
        [InlineData("name; platform_release >= '5.10'")]
        [InlineData("name; python_version in '2.7 3.4'")]     // substring test on a version variable: valid
        [InlineData("name; \"3.\" not in python_version")]
        public void Valid_requirements(string text)
        {
            Assert.True(Pep508Requirement.TryParse(text, out var r, out var error), error);
            Assert.NotNull(r);
        }

        [Theory]
        [InlineData("")]
        [InlineData("name\n")]                                  // trailing line break
        [InlineData("name>=1.0\n")]
        [InlineData("_name")]
        [InlineData("name-")]
        [InlineData("name 1.0")]
        [InlineData("name[bar")]
        [InlineData("name[_bad]")]
        [InlineData("name>=1.0+local")]
        [InlineData("name~=1")]
        [InlineData("name==1.0.dev1.*")]
        [InlineData("name@")]
        [InlineData("name @ http://foo.com; os_name=='a'")]    // whitespace needed before ';' after a URL
        [InlineData("name; os_name")]
        [InlineData("name;")]
        [InlineData("name; unknown_var == 'a'")]
        [InlineData("name; '3.4' < python_version < '3.9'")]   // chained comparison
        [InlineData("name; python_version == '''3.8'''")]      // triple quotes
        [InlineData("name; python_version == '3.8")]
        [InlineData("name; (os_name == 'a'")]
        [InlineData("name; os_name == 'a' and")]
        [InlineData("name (>=1.0")]
        [InlineData("caf\u00e9>=1.0")]
        public void Invalid_requirements(string text)
        {
            Assert.False(Pep508Requirement.TryParse(text, out var r, out var error));
            Assert.Null(r);
            Assert.False(string.IsNullOrEmpty(error));
        }

        [Fact]
        public void Lock_file_variables_can_be_allowed()
        {
            Assert.True(Pep508Requirement.TryParse("name; 'dev' in dependency_groups", out _, out _, allowLockFileVariables: true));
            Assert.True(Pep508Requirement.TryParse("name; 'x' in extras", out _, out _, allowLockFileVariables: true));
        }

        [Fact]
        public void Parts_are_exposed()
        {
            var r = R("Name [fred, bar] >= 1.0, < 2 ; python_version < '3.9' and extra == 'test'");
            Assert.Equal("Name", r.Name);
            Assert.Equal(new[] { "fred", "bar" }, r.Extras);
            Assert.Equal(2, r.Specifier.Specifiers.Count);
            Assert.Null(r.Url);
            Assert.NotNull(r.Marker);
            var m = Assert.IsType<MarkerBoolean>(r.Marker!.Root);
            Assert.Equal("and", m.Operator);
            Assert.Equal(2, m.Operands.Count);

            var u = R("name [fred,bar] @ http://foo.com ; python_version=='2.7'");
            Assert.Equal("http://foo.com", u.Url);
            Assert.True(u.Specifier.IsEmpty);
        }

        [Theory]
        [InlineData("name", "name")]
        [InlineData("name (>=1.0, <2.0)", "name>=1.0,<2.0")]
        [InlineData("Name [fred, bar] >= 1.0 ; python_version<'3.9'", "Name[fred,bar]>=1.0; python_version < \"3.9\"")]
        [InlineData("name [fred,bar] @ http://foo.com ; python_version=='2.7'", "name[fred,bar] @ http://foo.com ; python_version == \"2.7\"")]
        [InlineData("name@http://foo.com", "name @ http://foo.com")]
        [InlineData("name; os_name=='a' and (os_name=='b' or os_name=='c')", "name; os_name == \"a\" and (os_name == \"b\" or os_name == \"c\")")]
        [InlineData("name; 'linux' not   in sys_platform", "name; \"linux\" not in sys_platform")]
        [InlineData("name; platform_version == 'say \"hi\"'", "name; platform_version == 'say \"hi\"'")]
        public void ToString_is_canonical(string text, string expected)
        {
            var r = R(text);
            Assert.Equal(expected, r.ToString());
            // The canonical form parses back to itself.
            Assert.Equal(expected, R(expected).ToString());
        }

        [Fact]
        public void Marker_parse_standalone()
        {
            Assert.True(Marker.TryParse("python_version >= \"3.8\" or extra == \"docs\"", out var m, out var error), error);
            Assert.Equal("python_version >= \"3.8\" or extra == \"docs\"", m!.ToString());
            Assert.False(Marker.TryParse("", out _, out _));
            Assert.False(Marker.TryParse("python_version >= \"3.8\" foo", out _, out _));
        }

        [Fact]
        public void Deeply_nested_markers_are_rejected_without_stack_overflow()
        {
            var text = "name; " + new string('(', 10000) + "os_name == 'a'" + new string(')', 10000);
            Assert.False(Pep508Requirement.TryParse(text, out _, out var error));
            Assert.NotNull(error);
        }
    }
}
