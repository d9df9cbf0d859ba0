using System;
using System.Text;
using PyPackaging.Building.Versions;
using Xunit;

namespace PyPackaging.Core.Tests.Building.Versions
{
    /// <summary>
    /// The static read of <c>__version__</c> and the docstring, case by case as flit_core's AST read decides (a plain str
    /// constant assigned at module level counts; annotated, computed, f-string, bytes or nested assignments do not).
    /// Each expectation was checked with Python 3.11's ast on the same source.
    /// </summary>
    public sealed class PythonModuleScannerTests
    {
        [Theory]
        [InlineData("__version__ = '1.0'\n", "1.0")]
        [InlineData("__version__ = \"1.0\"  # comment\n", "1.0")]
        [InlineData("__version__ = version = '2.0'\n", "2.0")]
        [InlineData("version = __version__ = '2.1'\n", "2.1")]
        [InlineData("__version__ = ('3.0')\n", "3.0")]
        [InlineData("__version__ = '3.' '1'\n", "3.1")]
        [InlineData("__version__ = (\n    '3.'\n    '2'\n)\n", "3.2")]
        [InlineData("import os; __version__ = '4.0'\n", "4.0")]
        [InlineData("__version__ = u'5.0'\n", "5.0")]
        [InlineData("__version__ = r'5.1'\n", "5.1")]
        [InlineData("__version__ = '''6.0'''\n", "6.0")]
        [InlineData("__version__ = '\\x37.0'\n", "7.0")]
        [InlineData("__version__ = get()\n__version__ = '8.0'\n", "8.0")]
        [InlineData("__version__ = '9.0'\n__version__ = '9.1'\n", "9.0")]
        [InlineData("x = [\n'__version__ = \"no\"'\n]\n__version__ = '10.0'\n", "10.0")]
        [InlineData("__version__ \\\n  = '11.0'\n", "11.0")]
        [InlineData("\ufeff__version__ = '12.0'\r\n", "12.0")]
        public void Reads_the_first_module_level_string_assignment(string source, string expected)
        {
            Assert.Equal(expected, PythonModuleScanner.Scan(source.TrimStart('\ufeff')).Version);
        }

        [Theory]
        [InlineData("__version__: str = '1.0'\n")]
        [InlineData("__version__ = f'1.0'\n")]
        [InlineData("__version__ = b'1.0'\n")]
        [InlineData("__version__ = '1.' + '0'\n")]
        [InlineData("__version__ = '1.0' if x else '2.0'\n")]
        [InlineData("if True:\n    __version__ = '1.0'\n")]
        [InlineData("def f():\n    __version__ = '1.0'\n")]
        [InlineData("try:\n    from ._v import __version__\nexcept ImportError:\n    __version__ = '0'\n")]
        [InlineData("__version__ += '1'\n")]
        [InlineData("x.__version__ = '1.0'\n")]
        [InlineData("__version__ == '1.0'\n")]
        [InlineData("s = '''\n__version__ = '1.0'\n'''\n")]
        public void Ignores_what_flit_would_have_to_import_for(string source)
        {
            Assert.Null(PythonModuleScanner.Scan(source).Version);
        }

        [Theory]
        [InlineData("\"\"\"Tools for X.\n\nMore.\n\"\"\"\n__version__ = '1'\n", "Tools for X.\n\nMore.\n")]
        [InlineData("# comment\n\n'Short.'\n", "Short.")]
        [InlineData("r'''Raw \\d.'''\n", "Raw \\d.")]
        [InlineData("('Paren' 'thesised.')\n", "Parenthesised.")]
        public void Reads_the_docstring(string source, string expected)
        {
            Assert.Equal(expected, PythonModuleScanner.Scan(source).Docstring);
        }

        [Theory]
        [InlineData("import os\n'Not a docstring.'\n")]
        [InlineData("f'Not {a} docstring.'\n")]
        [InlineData("b'Bytes.'\n")]
        [InlineData("")]
        public void No_docstring_unless_the_first_statement_is_a_str_constant(string source)
        {
            Assert.Null(PythonModuleScanner.Scan(source).Docstring);
        }

        [Theory]
        [InlineData("\tA demo\tmodule.\n\nMore.", "A demo  module.")]
        [InlineData("\n    Indented first line.\n    Second.", "Indented first line.")]
        [InlineData("One line", "One line")]
        [InlineData("   \n  \n", null)]
        public void Flit_summary_is_the_cleaned_first_line(string docstring, string? expected)
        {
            Assert.Equal(expected, DynamicVersionResolver.FlitSummary(docstring));
        }

        [Fact]
        public void Decodes_by_coding_cookie_and_refuses_an_unterminated_string()
        {
            byte[] latin1 = Encoding.GetEncoding("iso-8859-1").GetBytes("# -*- coding: latin-1 -*-\n\"\"\"Caf\u00e9.\"\"\"\n__version__ = '1.0'\n");
            var facts = PythonModuleScanner.Scan(PythonModuleScanner.Decode(latin1));
            Assert.Equal("Caf\u00e9.", facts.Docstring);
            Assert.Equal(3, facts.VersionLine);
            Assert.Throws<FormatException>(() => PythonModuleScanner.Scan("__version__ = '1.0\n"));
            Assert.Throws<FormatException>(() => PythonModuleScanner.Decode(Encoding.ASCII.GetBytes("# coding: no-such-codec\n")));
        }
    }
}
