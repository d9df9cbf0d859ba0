using System.Linq;
using System.Text;
using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    public class CoreMetadataTests
    {
        private const string Good =
            "Metadata-Version: 2.4\n" +
            "Name: Demo.Pkg\n" +
            "Version: 1.0.0\n" +
            "Summary: A demo package\n" +
            "Keywords: a,b\n" +
            "Author-email: Jane <jane@example.org>\n" +
            "License-Expression: MIT OR Apache-2.0\n" +
            "License-File: LICENSE\n" +
            "License-File: licenses/NOTICE.txt\n" +
            "Classifier: Programming Language :: Python\n" +
            "Requires-Dist: requests>=2.8.1,==2.8.*; python_version < \"3.9\"\n" +
            "Requires-Dist: pytest; extra == \"test\"\n" +
            "Requires-Python: >=3.8\n" +
            "Project-URL: Homepage, https://example.org\n" +
            "Provides-Extra: test\n" +
            "Description-Content-Type: text/markdown; charset=UTF-8; variant=GFM\n" +
            "Dynamic: Classifier\n" +
            "\n" +
            "# Demo\n\nLong description.\n";

        private static CoreMetadata Parse(string text) => CoreMetadata.Parse(Encoding.UTF8.GetBytes(text));

        private static MetadataProblemKind[] Kinds(string text) =>
            CoreMetadataValidator.Validate(Parse(text)).Select(p => p.Kind).ToArray();

        private static string Base(string mv = "2.4") => "Metadata-Version: " + mv + "\nName: demo\nVersion: 1.0\n";

        [Fact]
        public void Parses_headers_in_order_with_repeats_and_the_body()
        {
            var m = Parse(Good);
            Assert.True(m.IsValidUtf8);
            Assert.Empty(m.SyntaxErrors);
            Assert.Equal("Metadata-Version", m.Fields[0].Key);
            Assert.Equal(17, m.Fields.Count);
            Assert.Equal(new[] { "LICENSE", "licenses/NOTICE.txt" }, m.GetAll("license-file"));
            Assert.Equal("Demo.Pkg", m.Get("NAME"));
            Assert.Equal("# Demo\n\nLong description.\n", m.Body);
            Assert.Equal(m.Body, m.Description);
            Assert.Equal(3, m.Fields[2].Line);
        }

        [Fact]
        public void A_good_file_has_no_problems()
        {
            Assert.Empty(CoreMetadataValidator.Validate(Parse(Good)));
            Assert.Empty(CoreMetadataValidator.Validate(Parse(Good.Replace("\n", "\r\n"))));
        }

        [Fact]
        public void Continuation_lines_are_joined_with_their_line_break()
        {
            var m = Parse(Base() + "Summary: first\n  second\nDescription: line one\n       |line two\n");
            Assert.Equal("first\n  second", m.Get("Summary"));
            Assert.Equal("line one\n       |line two", m.Get("Description"));
            Assert.Null(m.Body);
            Assert.Contains(MetadataProblemKind.SummaryMultiline, CoreMetadataValidator.Validate(m).Select(p => p.Kind));
        }

        [Fact]
        public void Invalid_utf8_is_reported_and_parsing_continues()
        {
            var bytes = Encoding.UTF8.GetBytes(Base() + "Summary: caf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
            var m = CoreMetadata.Parse(bytes);
            Assert.False(m.IsValidUtf8);
            Assert.Equal("demo", m.Get("Name"));
            Assert.Contains(MetadataProblemKind.NotUtf8, CoreMetadataValidator.Validate(m).Select(p => p.Kind));
        }

        [Fact]
        public void A_leading_bom_is_skipped()
        {
            var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Base())).ToArray();
            var m = CoreMetadata.Parse(bytes);
            Assert.Equal("Metadata-Version", m.Fields[0].Key);
        }

        [Fact]
        public void A_non_header_line_ends_the_header_block()
        {
            var m = Parse(Base() + "this is not a header\nSummary: lost\n");
            Assert.Single(m.SyntaxErrors);
            Assert.Equal(4, m.SyntaxErrors[0].Line);
            Assert.Null(m.Get("Summary"));
            Assert.Equal("this is not a header\nSummary: lost\n", m.Body);
            Assert.Contains(MetadataProblemKind.MalformedHeader, Kinds(Base() + "this is not a header\n"));
        }

        [Fact]
        public void Empty_input_reports_the_required_fields()
        {
            var kinds = Kinds("");
            Assert.Equal(3, kinds.Count(k => k == MetadataProblemKind.RequiredFieldMissing));
        }

        [Theory]
        [InlineData("1.0", true)]
        [InlineData("1.1", true)]
        [InlineData("1.2", true)]
        [InlineData("2.1", true)]
        [InlineData("2.2", true)]
        [InlineData("2.3", true)]
        [InlineData("2.4", true)]
        [InlineData("2.5", true)]
        [InlineData("2.6", true)]
        [InlineData("2.0", false)]
        [InlineData("1.3", false)]
        [InlineData("3.0", false)]
        [InlineData("two", false)]
        [InlineData("2.", false)]
        [InlineData("\u0662.4", false)]
        public void Metadata_version_values(string value, bool ok)
        {
            var kinds = Kinds(Base(value));
            Assert.Equal(ok, !kinds.Contains(MetadataProblemKind.MetadataVersionInvalid));
        }

        [Fact]
        public void A_newer_minor_metadata_version_is_a_warning()
        {
            var problems = CoreMetadataValidator.Validate(Parse(Base("2.7")));
            var p = Assert.Single(problems);
            Assert.Equal(MetadataProblemKind.MetadataVersionNewer, p.Kind);
            Assert.False(p.IsError);
        }

        [Theory]
        [InlineData("Name: -bad-\n", MetadataProblemKind.InvalidName)]
        [InlineData("Name: caf\u00e9\n", MetadataProblemKind.InvalidName)]
        [InlineData("Version: 1.x\n", MetadataProblemKind.InvalidVersion)]
        [InlineData("Version: 1.0+local\n", MetadataProblemKind.LocalVersion)]
        public void Name_and_version(string replacement, MetadataProblemKind kind)
        {
            var field = replacement.Substring(0, replacement.IndexOf(':'));
            var text = string.Join("\n", Base().Split('\n').Select(l => l.StartsWith(field + ":") ? replacement.TrimEnd('\n') : l));
            Assert.Contains(kind, Kinds(text));
        }

        [Theory]
        [InlineData("Requires-Dist: foo (>=1.0", "Requires-Dist `foo (>=1.0` is not a valid PEP 508 requirement (at column 5: the version specifier in parentheses is not closed with `)`); installers and PyPI reject it.")]
        [InlineData("Obsoletes-Dist: foo; os_name ==", "Obsoletes-Dist `foo; os_name ==` is not a valid PEP 508 requirement (at column 16: invalid marker: Expected a marker variable or a quoted string at the end of the marker); installers and PyPI reject it.")]
        public void Invalid_requirements_say_at_which_column(string line, string message)
        {
            var problem = CoreMetadataValidator.Validate(Parse(Base() + line + "\n")).Single(p => p.Kind == MetadataProblemKind.InvalidRequirement);
            Assert.Equal(message, problem.Message);
        }

        [Theory]
        [InlineData("Summary: x\nSummary: y\n", MetadataProblemKind.FieldRepeated)]
        [InlineData("Requires-Dist: foo >= 1.0.*\n", MetadataProblemKind.InvalidRequirement)]
        [InlineData("Requires-Dist: foo; os_name == 'a'\n", null)]
        [InlineData("Requires-Dist: foo @ https://example.org/foo.whl\n", MetadataProblemKind.DirectUrlDependency)]
        [InlineData("Provides-Dist: foo @ https://example.org/foo.whl\n", MetadataProblemKind.DirectUrlDependency)]
        [InlineData("Requires-Python: 3.8\n", MetadataProblemKind.InvalidRequiresPython)]
        [InlineData("Requires-Python: >=3.8, <4\n", null)]
        [InlineData("Provides-Extra: Test_Extra\n", MetadataProblemKind.InvalidProvidesExtra)]
        [InlineData("Provides-Extra: test-extra\n", null)]
        [InlineData("Provides-Extra: _bad\n", MetadataProblemKind.InvalidProvidesExtra)]
        [InlineData("License: MIT\nLicense-Expression: MIT\n", MetadataProblemKind.LicenseWithLicenseExpression)]
        [InlineData("License-Expression: Use-it-after-midnight\n", MetadataProblemKind.InvalidLicenseExpression)]
        [InlineData("License-Expression: mit\n", MetadataProblemKind.LicenseExpressionNotCanonical)]
        [InlineData("License-Expression: GPL-2.0\n", MetadataProblemKind.DeprecatedLicenseId)]
        [InlineData("License-File: ../LICENSE\n", MetadataProblemKind.InvalidLicenseFile)]
        [InlineData("License-File: /LICENSE\n", MetadataProblemKind.InvalidLicenseFile)]
        [InlineData("License-File: C:/LICENSE\n", MetadataProblemKind.InvalidLicenseFile)]
        [InlineData("License-File: licenses\\LICENSE\n", MetadataProblemKind.InvalidLicenseFile)]
        [InlineData("License-File: LICEN*\n", MetadataProblemKind.InvalidLicenseFile)]
        [InlineData("License-File: ./LICENSE\n", MetadataProblemKind.InvalidLicenseFile)]
        [InlineData("License-File: licenses/LICENSE.txt\n", null)]
        [InlineData("Project-URL: Homepage, https://example.org\n", null)]
        [InlineData("Project-URL: https://example.org\n", MetadataProblemKind.InvalidProjectUrl)]
        [InlineData("Project-URL: A very long label that is longer than 32, https://example.org\n", MetadataProblemKind.InvalidProjectUrl)]
        [InlineData("Project-URL: Homepage, example.org\n", MetadataProblemKind.InvalidProjectUrl)]
        [InlineData("Project-URL: Homepage,\n", MetadataProblemKind.InvalidProjectUrl)]
        [InlineData("Home-page: not a url\n", MetadataProblemKind.InvalidProjectUrl)]
        [InlineData("Home-page: HTTPS://example.org\n", null)]
        [InlineData("Home-page: http\u017f://example.org\n", MetadataProblemKind.InvalidProjectUrl)]
        [InlineData("Dynamic: Version\n", MetadataProblemKind.InvalidDynamic)]
        [InlineData("Dynamic: name\n", MetadataProblemKind.InvalidDynamic)]
        [InlineData("Dynamic: Not-A-Field\n", MetadataProblemKind.InvalidDynamic)]
        [InlineData("Dynamic: requires-dist\n", null)]
        [InlineData("Frobnicate: yes\n", MetadataProblemKind.UnknownField)]
        [InlineData("Author-email: a@example.org, \"B, C\" <bc@example.org>\n", null)]
        [InlineData("Maintainer-email: x@localhost\n", null)]
        [InlineData("Author-email: UNKNOWN\nHome-page: UNKNOWN\nDownload-URL: UNKNOWN\n", null)]
        [InlineData("Author-email: Jane <jane@example.org\n", MetadataProblemKind.InvalidEmail)]
        [InlineData("Author-email: jane\n", MetadataProblemKind.InvalidEmail)]
        [InlineData("Author-email: jane@\n", MetadataProblemKind.InvalidEmail)]
        [InlineData("Author-email: jane doe@example.org\n", MetadataProblemKind.InvalidEmail)]
        [InlineData("Author-email: jane@example..org\n", MetadataProblemKind.InvalidEmail)]
        [InlineData("License-Expression: MIT\nClassifier: License :: OSI Approved :: MIT License\n", MetadataProblemKind.LicenseClassifierWithExpression)]
        [InlineData("License: MIT\nClassifier: License :: OSI Approved :: MIT License\n", null)]
        [InlineData("\nA description without a content type\n", MetadataProblemKind.DescriptionContentTypeMissing)]
        [InlineData("Description-Content-Type: text/html\n", MetadataProblemKind.InvalidDescriptionContentType)]
        [InlineData("Description-Content-Type: text/markdown; charset=latin-1\n", MetadataProblemKind.InvalidDescriptionContentType)]
        [InlineData("Description-Content-Type: text/markdown; variant=Markua\n", MetadataProblemKind.InvalidDescriptionContentType)]
        [InlineData("Description-Content-Type: text/x-rst\n", null)]
        [InlineData("Description-Content-Type: TEXT/PLAIN; charset=utf-8\n", null)]
        [InlineData("Description-Content-Type: text/markdown; variant=CommonMark\n", null)]
        public void Field_rules(string extra, MetadataProblemKind? kind)
        {
            var kinds = Kinds(Base() + extra);
            if (kind == null) Assert.Empty(kinds);
            else Assert.Contains(kind.Value, kinds);
        }

        [Fact]
        public void Summary_length_limit()
        {
            Assert.Empty(Kinds(Base() + "Summary: " + new string('x', 512) + "\n"));
            Assert.Contains(MetadataProblemKind.SummaryTooLong, Kinds(Base() + "Summary: " + new string('x', 513) + "\n"));
        }

        [Theory]
        [InlineData("2.1", "License-Expression: MIT\n", true)]
        [InlineData("2.3", "License-Expression: MIT\n", true)]
        [InlineData("1.2", "License-File: LICENSE\n", true)]
        [InlineData("2.1", "Dynamic: Summary\n", true)]
        [InlineData("1.2", "Description-Content-Type: text/plain\n", true)]
        [InlineData("1.0", "Requires-Dist: foo\n", true)]
        [InlineData("2.4", "Import-Name: foo\n", true)]
        [InlineData("2.5", "Import-Name: foo\n", false)]
        [InlineData("2.4", "License-Expression: MIT\n", false)]
        [InlineData("1.2", "Requires-Dist: foo\n", false)]
        public void Fields_newer_than_the_metadata_version(string mv, string extra, bool tooNew)
        {
            Assert.Equal(tooNew, Kinds(Base(mv) + extra).Contains(MetadataProblemKind.FieldTooNew));
        }

        [Theory]
        [InlineData("2.1")]
        [InlineData("2.3")]
        public void License_file_from_older_setuptools_is_a_warning_not_an_error(string mv)
        {
            var p = Assert.Single(CoreMetadataValidator.Validate(Parse(Base(mv) + "License-File: LICENSE\n")));
            Assert.Equal(MetadataProblemKind.LegacyLicenseFile, p.Kind);
            Assert.False(p.IsError);
        }

        [Fact]
        public void Provides_extra_need_not_be_normalised_before_2_3()
        {
            Assert.Empty(Kinds(Base("2.2") + "Provides-Extra: Test_Extra\n"));
            Assert.Contains(MetadataProblemKind.InvalidProvidesExtra, Kinds(Base("2.2") + "Provides-Extra: Test_Extra\nProvides-Extra: test.extra\n"));
        }

        [Fact]
        public void Description_in_header_and_body_is_reported()
        {
            Assert.Contains(MetadataProblemKind.FieldRepeated, Kinds(Base() + "Description: header\n\nbody\n"));
        }

        [Fact]
        public void Problems_carry_field_line_and_message()
        {
            var p = CoreMetadataValidator.Validate(Parse(Base() + "Version: 2.0\n")).Single();
            Assert.Equal(MetadataProblemKind.FieldRepeated, p.Kind);
            Assert.Equal("Version", p.Field);
            Assert.Equal(4, p.Line);
            Assert.Contains("`Version`", p.Message);
            Assert.True(p.IsError);
        }

        // pypa/packaging tests/metadata/everything.metadata (Apache-2.0 OR BSD-2-Clause): every field of
        // Metadata-Version 2.6 plus one unknown field.
        private const string Everything =
            "Metadata-Version: 2.6\nName: BeagleVote\nVersion: 1.0a2\nPlatform: ObscureUnix\nPlatform: RareDOS\n" +
            "Supported-Platform: RedHat 7.2\nSupported-Platform: i386-win32-2791\nSummary: A module for collecting votes from beagles.\n" +
            "Description-Content-Type: text/markdown; charset=UTF-8; variant=GFM\nKeywords: dog,puppy,voting,election\n" +
            "Home-page: http://www.example.com/~cschultz/bvote/\nDownload-URL: \u2026/BeagleVote-0.45.tgz\n" +
            "Author: C. Schultz, Universal Features Syndicate,\n        Los Angeles, CA <cschultz@peanuts.example.com>\n" +
            "Author-email: \"C. Schultz\" <cschultz@example.com>\n" +
            "Maintainer: C. Schultz, Universal Features Syndicate,\n        Los Angeles, CA <cschultz@peanuts.example.com>\n" +
            "Maintainer-email: \"C. Schultz\" <cschultz@example.com>\n" +
            "License: This software may only be obtained by sending the\n        author a postcard, and then the user promises not\n        to redistribute it.\n" +
            "License-Expression: Apache-2.0 OR BSD-2-Clause\nLicense-File: LICENSE.APACHE\nLicense-File: LICENSE.BSD\n" +
            "Classifier: Development Status :: 4 - Beta\nClassifier: Environment :: Console (Text Based)\nProvides-Extra: pdf\n" +
            "Requires-Dist: reportlab; extra == 'pdf'\nRequires-Dist: pkginfo\nRequires-Dist: PasteDeploy\n" +
            "Requires-Dist: zope.interface (>3.5.0)\nRequires-Dist: pywin32 >1.0; sys_platform == 'win32'\nRequires-Python: >=3\n" +
            "Requires-External: C\nRequires-External: libpng (>=1.5)\nRequires-External: make; sys_platform != \"win32\"\n" +
            "Project-URL: Bug Tracker, http://bitbucket.org/tarek/distribute/issues/\nProject-URL: Documentation, https://example.com/BeagleVote\n" +
            "Provides-Dist: OtherProject\nProvides-Dist: AnotherProject (3.4)\nProvides-Dist: virtual_package; python_version >= \"3.4\"\n" +
            "Dynamic: Obsoletes-Dist\nImport-Name: beaglevote\nImport-Name: _beaglevote ; private\nImport-Namespace: spam\n" +
            "Import-Namespace: _bacon ; private\nThisIsNotReal: Hello!\n\nThis description intentionally left blank.\n";

        [Fact]
        public void Packaging_everything_metadata()
        {
            var m = Parse(Everything);
            Assert.Empty(m.SyntaxErrors);
            Assert.Equal("This description intentionally left blank.\n", m.Body);
            Assert.Equal("C. Schultz, Universal Features Syndicate,\n        Los Angeles, CA <cschultz@peanuts.example.com>", m.Get("Author"));
            Assert.Equal(new[] { "OtherProject", "AnotherProject (3.4)", "virtual_package; python_version >= \"3.4\"" }, m.GetAll("Provides-Dist"));
            var problems = CoreMetadataValidator.Validate(m);
            // What PyPI would still reject or warn about: the non-URL Download-URL, License next to
            // License-Expression, and the made-up field. Everything else (incl. `AnotherProject (3.4)`) is valid.
            Assert.Equal(
                new[] { MetadataProblemKind.InvalidProjectUrl, MetadataProblemKind.LicenseWithLicenseExpression, MetadataProblemKind.UnknownField }.OrderBy(k => k),
                problems.Select(p => p.Kind).OrderBy(k => k));
        }

        [Theory]
        [InlineData("Import-Name: beaglevote\n", null)]
        [InlineData("Import-Name: a.b.c\n", null)]
        [InlineData("Import-Name: _x ; private\n", null)]
        [InlineData("Import-Name: caf\u00e9\n", null)]
        [InlineData("Import-Name:\n", null)]
        [InlineData("Import-Name: is\n", MetadataProblemKind.InvalidImportName)]
        [InlineData("Import-Name: 2two\n", MetadataProblemKind.InvalidImportName)]
        [InlineData("Import-Name: a..b\n", MetadataProblemKind.InvalidImportName)]
        [InlineData("Import-Name: a-b\n", MetadataProblemKind.InvalidImportName)]
        [InlineData("Import-Name: a ; public\n", MetadataProblemKind.InvalidImportName)]
        [InlineData("Import-Namespace:\n", MetadataProblemKind.InvalidImportName)]
        [InlineData("Import-Namespace: one\nImport-Name: one\n", MetadataProblemKind.InvalidImportName)]
        [InlineData("Import-Namespace: one\nImport-Name: one.two\n", null)]
        public void Import_names(string extra, MetadataProblemKind? kind)
        {
            var kinds = Kinds(Base("2.5") + extra);
            if (kind == null) Assert.Empty(kinds);
            else Assert.Contains(kind.Value, kinds);
        }

        [Theory]
        [InlineData("Provides-Dist: AnotherProject (3.4)\n", null)]
        [InlineData("Obsoletes-Dist: Gorgon\n", null)]
        [InlineData("Obsoletes-Dist: OtherProject (<3.0)\n", null)]
        [InlineData("Requires-Dist: AnotherProject (3.4)\n", MetadataProblemKind.InvalidRequirement)]
        [InlineData("Provides-Dist: Another Project\n", MetadataProblemKind.InvalidRequirement)]
        public void Provides_and_obsoletes_dist(string extra, MetadataProblemKind? kind)
        {
            var kinds = Kinds(Base() + extra);
            if (kind == null) Assert.Empty(kinds);
            else Assert.Contains(kind.Value, kinds);
        }

        [Fact]
        public void Validation_is_culture_independent_under_tr_TR()
        {
            using (new CultureScope("tr-TR"))
            {
                Assert.Empty(CoreMetadataValidator.Validate(Parse(Good.Replace("Requires-Python", "REQUIRES-PYTHON").Replace("License-File", "LICENSE-FILE"))));
                Assert.Equal("License-File", CoreMetadataValidator.CanonicalFieldName("LICENSE-FILE"));
                Assert.Null(CoreMetadataValidator.CanonicalFieldName("L\u0130CENSE-F\u0130LE"));
            }
        }
    }
}

namespace PyPackaging.Core.Tests.Standards
{
    /// <summary>PKG-INFO files as real backends write them must produce no errors (only the documented warnings).</summary>
    public class RealWorldPkgInfoTests
    {
        // Shapes of PKG-INFO written by common backends (field layout as they emit it; values made up).
        [Theory]
        // setuptools 59 (Metadata-Version 2.1, UNKNOWN placeholders, folded legacy Description header style in body)
        [InlineData("Metadata-Version: 2.1\nName: oldpkg\nVersion: 0.3.1\nSummary: UNKNOWN\nHome-page: UNKNOWN\nAuthor: UNKNOWN\nAuthor-email: UNKNOWN\nLicense: UNKNOWN\nPlatform: UNKNOWN\nClassifier: License :: OSI Approved :: MIT License\nRequires-Python: >=3.6\nDescription-Content-Type: text/markdown\nProvides-Extra: Test_Utils\nRequires-Dist: requests (>=2.0)\nRequires-Dist: pytest ; extra == 'Test_Utils'\n\n# oldpkg\n", null)]
        // setuptools 68 (2.1 with License-File: warning only)
        [InlineData("Metadata-Version: 2.1\nName: midpkg\nVersion: 2.0.0\nSummary: Something\nAuthor-email: Jane Doe <jane@example.org>\nLicense: MIT\nProject-URL: Homepage, https://example.org\nRequires-Python: >=3.8\nDescription-Content-Type: text/x-rst\nLicense-File: LICENSE\nRequires-Dist: numpy>=1.20\nProvides-Extra: dev\nRequires-Dist: black; extra == \"dev\"\n\nMidpkg\n======\n", "PkgInfoLegacyLicenseFile")]
        // hatchling 1.27 (2.4)
        [InlineData("Metadata-Version: 2.4\nName: hatch-demo\nVersion: 0.1.0\nProject-URL: Source, https://github.com/x/y\nAuthor-email: \"Doe, Jane\" <jane@example.org>\nLicense-Expression: Apache-2.0\nLicense-File: LICENSE.txt\nClassifier: Programming Language :: Python :: 3\nRequires-Python: >=3.9\nRequires-Dist: click>=8\nProvides-Extra: docs\nRequires-Dist: sphinx; extra == 'docs'\nDescription-Content-Type: text/markdown\n\n# hatch-demo\n", null)]
        // poetry-core 1.x (2.1, parenthesised specifiers with markers)
        [InlineData("Metadata-Version: 2.1\nName: poetry-demo\nVersion: 1.2.3\nSummary: Demo\nHome-page: https://example.org\nLicense: MIT\nAuthor: Jane\nAuthor-email: jane@example.org\nRequires-Python: >=3.8,<4.0\nClassifier: License :: OSI Approved :: MIT License\nProvides-Extra: fast\nRequires-Dist: orjson (>=3.9,<4.0) ; extra == \"fast\"\nRequires-Dist: typing-extensions (>=4.0) ; python_version < \"3.10\"\nProject-URL: Repository, https://github.com/x/y\nDescription-Content-Type: text/markdown\n\n# poetry-demo\n", null)]
        // flit_core 3.9 (2.1)
        [InlineData("Metadata-Version: 2.1\nName: flit_demo\nVersion: 3.9\nSummary: Demo\nAuthor-email: Jane <jane@example.org>\nRequires-Python: >=3.8\nDescription-Content-Type: text/x-rst\nClassifier: License :: OSI Approved :: BSD License\nRequires-Dist: tomli ; python_version<'3.11'\nRequires-Dist: pytest ; extra == \"test\"\nProject-URL: Documentation, https://flit.pypa.io\nProvides-Extra: test\n\nflit demo\n", null)]
        // uv_build (2.4, uv's folding of multi-line values is only used for License)
        [InlineData("Metadata-Version: 2.4\nName: uv-demo\nVersion: 0.1.0\nSummary: Add your description here\nRequires-Dist: anyio>=4\nRequires-Python: >=3.12\nDescription-Content-Type: text/markdown\n\n", null)]
        public void Backend_output_is_accepted(string pkgInfo, string? onlyRule)
        {
            var problems = CoreMetadataValidator.Validate(CoreMetadata.Parse(pkgInfo));
            if (onlyRule == null)
            {
                Assert.Empty(problems.Select(p => p.Kind + ": " + p.Message));
            }
            else
            {
                Assert.All(problems, p => Assert.Equal(onlyRule, PyPackaging.Checks.Metadata.PkgInfoContentCheck.RuleFor(p.Kind).Id));
                Assert.NotEmpty(problems);
            }
        }
    }
}
