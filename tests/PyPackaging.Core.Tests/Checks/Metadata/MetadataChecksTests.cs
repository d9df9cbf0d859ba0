using System.Collections.Generic;
using System.Linq;
using System.Text;
using PyPackaging.Archives;
using PyPackaging.Checks.Metadata;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Inspection;
using PyPackaging.Rules;

namespace PyPackaging.Core.Tests.Checks.Metadata
{
    public class MetadataChecksTests
    {
        private const string Header = "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\n";

        private static SnapshotBuilder Sdist(string pkgInfo, string fileName = "demo-1.0.tar.gz", string top = "demo-1.0")
        {
            return new SnapshotBuilder(fileName)
                .Directory(top + "/")
                .File(top + "/PKG-INFO", pkgInfo)
                .File(top + "/pyproject.toml", "[project]\nname = 'demo'\nversion = '1.0'\n");
        }

        private static IReadOnlyList<RawFinding> Run(SnapshotBuilder b, ArchiveCheck check) => b.Check(check);

        private static RawFinding Single(IReadOnlyList<RawFinding> findings, PySdistRule rule)
        {
            var matching = findings.Where(f => f.Rule.Id == rule.Id).ToList();
            Assert.True(matching.Count == 1, "Expected one " + rule.Id + ", got: " + string.Join(" | ", findings.Select(f => f.Rule.Id + ": " + f.Message)));
            return matching[0];
        }

        private static void None(IReadOnlyList<RawFinding> findings, PySdistRule rule)
        {
            var matching = findings.Where(f => f.Rule.Id == rule.Id).ToList();
            Assert.True(matching.Count == 0, "Unexpected " + rule.Id + ": " + string.Join(" | ", matching.Select(f => f.Message)));
        }

        // ---- PKG-INFO content: one triggering and one near-miss snapshot per rule ------------------------------

        public static IEnumerable<object[]> ContentCases()
        {
            // rule id, PKG-INFO that triggers it, near-miss PKG-INFO that must not
            yield return new object[] { "PkgInfoMalformedHeader", Header + "not a header\n", Header + "\nnot a header, but in the body\n" };
            yield return new object[] { "PkgInfoRequiredFieldMissing", "Metadata-Version: 2.4\nName: demo\n", Header };
            yield return new object[] { "PkgInfoFieldRepeated", Header + "Summary: a\nSummary: b\n", Header + "Classifier: a\nClassifier: b\n" };
            yield return new object[] { "PkgInfoMetadataVersionInvalid", "Metadata-Version: 2.0\nName: demo\nVersion: 1.0\n", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n" };
            yield return new object[] { "PkgInfoMetadataVersionNewer", "Metadata-Version: 2.9\nName: demo\nVersion: 1.0\n", "Metadata-Version: 2.6\nName: demo\nVersion: 1.0\n" };
            yield return new object[] { "PkgInfoInvalidName", "Metadata-Version: 2.4\nName: demo-\nVersion: 1.0\n", "Metadata-Version: 2.4\nName: Demo\nVersion: 1.0\n" };
            yield return new object[] { "PkgInfoInvalidVersion", "Metadata-Version: 2.4\nName: demo\nVersion: 1.0-x\n", "Metadata-Version: 2.4\nName: demo\nVersion: 1.0-1\n" };
            yield return new object[] { "PkgInfoLocalVersion", "Metadata-Version: 2.4\nName: demo\nVersion: 1.0+local\n", "Metadata-Version: 2.4\nName: demo\nVersion: 1.0.post1\n" };
            yield return new object[] { "PkgInfoSummaryMultiline", Header + "Summary: one\n two\n", Header + "Summary: one two\n" };
            yield return new object[] { "PkgInfoSummaryTooLong", Header + "Summary: " + new string('s', 513) + "\n", Header + "Summary: " + new string('s', 512) + "\n" };
            yield return new object[] { "PkgInfoInvalidDescriptionContentType", Header + "Description-Content-Type: text/html\n", Header + "Description-Content-Type: text/markdown\n" };
            yield return new object[] { "PkgInfoInvalidRequirement", Header + "Requires-Dist: requests >= 2.*\n", Header + "Requires-Dist: requests == 2.*\n" };
            yield return new object[] { "PkgInfoDirectUrlDependency", Header + "Requires-Dist: requests @ https://example.org/requests.tar.gz\n", Header + "Requires-Dist: requests>=2\n" };
            yield return new object[] { "PkgInfoRequirementNotStrict", Header + "Requires-Dist: pywin32; sys.platform == \"win32\"\n", Header + "Requires-Dist: pywin32; sys_platform == \"win32\"\n" };
            yield return new object[] { "PkgInfoInvalidRequiresPython", Header + "Requires-Python: 3.9\n", Header + "Requires-Python: >=3.9\n" };
            yield return new object[] { "PkgInfoInvalidProvidesExtra", Header + "Provides-Extra: Dev_Tools\n", Header + "Provides-Extra: dev-tools\n" };
            yield return new object[] { "PkgInfoLicenseWithExpression", Header + "License: MIT\nLicense-Expression: MIT\n", Header + "License-Expression: MIT\n" };
            yield return new object[] { "PkgInfoInvalidLicenseExpression", Header + "License-Expression: MIT OR\n", Header + "License-Expression: MIT OR Apache-2.0\n" };
            yield return new object[] { "PkgInfoLicenseExpressionNotCanonical", Header + "License-Expression: mit or apache-2.0\n", Header + "License-Expression: MIT OR Apache-2.0\n" };
            yield return new object[] { "PkgInfoDeprecatedLicenseId", Header + "License-Expression: GPL-3.0\n", Header + "License-Expression: GPL-3.0-only\n" };
            yield return new object[] { "PkgInfoInvalidLicenseFile", Header + "License-File: ../LICENSE\n", Header + "License-File: LICENSE\n" };
            yield return new object[] { "PkgInfoInvalidProjectUrl", Header + "Project-URL: A label that is much longer than 32 chars, https://example.org\n", Header + "Project-URL: Source, https://example.org\n" };
            yield return new object[] { "PkgInfoFieldTooNew", "Metadata-Version: 2.3\nName: demo\nVersion: 1.0\nLicense-Expression: MIT\n", "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\nLicense-Expression: MIT\n" };
            yield return new object[] { "PkgInfoInvalidDynamic", Header + "Dynamic: Version\n", Header + "Dynamic: Requires-Dist\n" };
            yield return new object[] { "PkgInfoInvalidImportName", "Metadata-Version: 2.5\nName: demo\nVersion: 1.0\nImport-Name: demo.class\n", "Metadata-Version: 2.5\nName: demo\nVersion: 1.0\nImport-Name: demo.klass ; private\n" };
            yield return new object[] { "PkgInfoLicenseClassifierWithExpression", Header + "License-Expression: MIT\nClassifier: License :: OSI Approved :: MIT License\n", Header + "License-Expression: MIT\nClassifier: Programming Language :: Python\n" };
            yield return new object[] { "PkgInfoDescriptionContentTypeMissing", Header + "\n# Readme\n", Header + "Description-Content-Type: text/markdown\n\n# Readme\n" };
            yield return new object[] { "PkgInfoInvalidEmail", Header + "Author-email: Jane Doe <jane.example.org>\n", Header + "Author-email: \"Doe, Jane\" <jane@example.org>, bob@example.org\n" };
            yield return new object[] { "PkgInfoLegacyLicenseFile", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nLicense-File: LICENSE\n", "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\nLicense-File: LICENSE\n" };
            yield return new object[] { "PkgInfoUnknownField", Header + "X-Custom: 1\n", Header + "Keywords: custom\n" };
        }

        [Theory]
        [MemberData(nameof(ContentCases))]
        public void Content_rule_triggers_and_near_miss_does_not(string ruleId, string triggering, string nearMiss)
        {
            var rule = RuleCatalog.Find(ruleId)!;
            Assert.NotNull(rule);
            var check = new PkgInfoContentCheck();
            Assert.Contains(rule, check.Rules);

            // The license files referenced by the cases exist, so LicenseFileMissing never interferes.
            var hit = Single(Run(Sdist(triggering).File("demo-1.0/LICENSE", "x"), check), rule);
            Assert.Contains("`demo-1.0/PKG-INFO`", hit.Message);
            Assert.Equal(1, hit.MemberIndex);

            None(Run(Sdist(nearMiss).File("demo-1.0/LICENSE", "x"), check), rule);
        }

        [Fact]
        public void Every_validator_problem_kind_has_a_rule()
        {
            foreach (PyPackaging.Standards.MetadataProblemKind kind in System.Enum.GetValues(typeof(PyPackaging.Standards.MetadataProblemKind)))
            {
                Assert.NotNull(PkgInfoContentCheck.RuleFor(kind));
            }
            var covered = ContentCases().Select(c => (string)c[0]).ToList();
            covered.Add("PkgInfoNotUtf8");
            foreach (var rule in new PkgInfoContentCheck().Rules)
            {
                Assert.Contains(rule.Id, covered);
            }
        }

        [Fact]
        public void Not_utf8_triggers_and_utf8_near_miss_does_not()
        {
            var latin1 = Encoding.UTF8.GetBytes(Header + "Summary: caf").Concat(new byte[] { 0xE9, 0x0A }).ToArray();
            var snapshot = WithRawPkgInfo(latin1);
            var findings = new FindingCollector();
            new PkgInfoContentCheck().Run(snapshot, findings);
            var hit = Single(findings.Findings, RuleCatalog.PkgInfoNotUtf8);
            Assert.Contains("`demo-1.0/PKG-INFO`", hit.Message);

            None(Run(Sdist(Header + "Summary: caf\u00e9\n"), new PkgInfoContentCheck()), RuleCatalog.PkgInfoNotUtf8);
        }

        private static SdistSnapshot WithRawPkgInfo(byte[] bytes)
        {
            var members = new List<ArchiveMember>
            {
                new ArchiveMember { Index = 0, Path = "demo-1.0/", Type = PySdistEntryType.Directory, TypeFlag = '5' },
                new ArchiveMember { Index = 1, Path = "demo-1.0/PKG-INFO", Type = PySdistEntryType.File, TypeFlag = '0', Size = bytes.Length },
            };
            var contents = new Dictionary<int, CapturedContent> { [1] = new CapturedContent(bytes, false) };
            return new SdistSnapshot("/archives/demo-1.0.tar.gz", ContainerFormat.TarGzip, members, contents,
                new ArchiveStatistics { MemberCount = 2, PayloadBytes = bytes.Length }, true, null);
        }

        [Fact]
        public void A_clean_sdist_has_no_metadata_findings_from_any_check()
        {
            var pkgInfo = "Metadata-Version: 2.4\nName: Demo.Pkg\nVersion: 1.0.0\nSummary: demo\nLicense-Expression: MIT\nLicense-File: LICENSE\n"
                + "Requires-Dist: requests>=2; extra == \"http\"\nProvides-Extra: http\nDescription-Content-Type: text/markdown\n\n# Demo\n";
            var findings = new SnapshotBuilder("demo_pkg-1.0.0.tar.gz").Directory("demo_pkg-1.0.0/")
                .File("demo_pkg-1.0.0/PKG-INFO", pkgInfo)
                .File("demo_pkg-1.0.0/pyproject.toml", "[project]\nname = 'Demo.Pkg'\nversion = '1.0.0'\n")
                .File("demo_pkg-1.0.0/LICENSE", "MIT")
                .Check();
            var mine = new HashSet<string>(new ArchiveCheck[] { new PkgInfoContentCheck(), new SdistFileNameCheck(), new PkgInfoMetadataVersionCheck(), new LicenseFileCheck(), new PyprojectTomlCheck() }
                .SelectMany(c => c.Rules).Select(r => r.Id));
            Assert.Empty(findings.Where(f => mine.Contains(f.Rule.Id)).Select(f => f.Rule.Id + ": " + f.Message));
        }

        [Fact]
        public void Leading_dot_slash_is_tolerated()
        {
            var findings = new SnapshotBuilder("demo-1.0.tar.gz").Directory("./demo-1.0/")
                .File("./demo-1.0/PKG-INFO", Header + "X-Custom: 1\n")
                .Check(new PkgInfoContentCheck());
            var hit = Single(findings, RuleCatalog.PkgInfoUnknownField);
            Assert.Contains("`./demo-1.0/PKG-INFO` line 4", hit.Message);
        }

        [Fact]
        public void Nested_pkg_info_files_are_not_read()
        {
            var findings = new SnapshotBuilder("demo-1.0.tar.gz").Directory("demo-1.0/")
                .File("demo-1.0/PKG-INFO", Header)
                .File("demo-1.0/src/demo.egg-info/PKG-INFO", "garbage")
                .Check(new PkgInfoContentCheck());
            Assert.Empty(findings);
        }

        // ---- Structure: file name ------------------------------------------------------------------------------

        [Theory]
        [InlineData("demo_pkg-1.tar.gz", "Demo.Pkg", "1.0.0", "demo_pkg-1.0.0.tar.gz")]
        [InlineData("Demo.Pkg-1.0.0.tar.gz", "Demo.Pkg", "1.0.0", "demo_pkg-1.0.0.tar.gz")]
        [InlineData("foo_bar-1.0-1.tar.gz", "Foo__Bar", "1.0-1", "foo_bar-1.0.post1.tar.gz")]
        [InlineData("demo-1.0.zip", "demo", "1.0", "demo-1.0.tar.gz")]
        [InlineData("demo-2.0RC1.tar.gz", "demo", "2.0rc1", "demo-2.0rc1.tar.gz")]
        public void File_name_not_normalized(string fileName, string name, string version, string expected)
        {
            var stem = fileName.Replace(".tar.gz", "").Replace(".zip", "");
            var findings = Sdist("Metadata-Version: 2.4\nName: " + name + "\nVersion: " + version + "\n", fileName, stem).Check(new SdistFileNameCheck());
            var hit = Single(findings, RuleCatalog.SdistFileNameNotNormalized);
            Assert.Equal(FindingCollector.ArchiveLevel, hit.MemberIndex);
            Assert.Contains("`" + fileName + "`", hit.Message);
            Assert.Contains("should be `" + expected + "`", hit.Message);
            Assert.Contains(expected, hit.Remedy);
        }

        [Theory]
        [InlineData("demo_pkg-1.0.0.tar.gz", "Demo.Pkg", "1.0.0")]
        [InlineData("foo_bar-1.0.post1.tar.gz", "Foo__Bar", "1.0-1")]
        [InlineData("demo-1.0.tar.gz", "demo", "1.0")]
        public void File_name_near_miss(string fileName, string name, string version)
        {
            var stem = fileName.Replace(".tar.gz", "");
            var findings = Sdist("Metadata-Version: 2.4\nName: " + name + "\nVersion: " + version + "\n", fileName, stem).Check(new SdistFileNameCheck());
            None(findings, RuleCatalog.SdistFileNameNotNormalized);
            None(findings, RuleCatalog.PkgInfoNameMismatch);
            None(findings, RuleCatalog.PkgInfoVersionMismatch);
        }

        [Fact]
        public void Legacy_hyphenated_post_release_is_not_a_name_mismatch()
        {
            var findings = Sdist("Metadata-Version: 2.4\nName: Foo__Bar\nVersion: 1.0-1\n", "foo_bar-1.0-1.tar.gz", "foo_bar-1.0-1").Check(new SdistFileNameCheck());
            None(findings, RuleCatalog.PkgInfoNameMismatch);
            None(findings, RuleCatalog.PkgInfoVersionMismatch);
            Assert.Contains("should be `foo_bar-1.0.post1.tar.gz`", Single(findings, RuleCatalog.SdistFileNameNotNormalized).Message);
        }

        [Fact]
        public void File_name_without_pkg_info_is_judged_from_itself()
        {
            var findings = new SnapshotBuilder("Demo-1.0.tar.gz").Directory("Demo-1.0/").Check(new SdistFileNameCheck());
            Assert.Contains("should be `demo-1.0.tar.gz`", Single(findings, RuleCatalog.SdistFileNameNotNormalized).Message);

            findings = new SnapshotBuilder("demo1.0.tar.gz").Directory("demo1.0/").Check(new SdistFileNameCheck());
            Assert.Contains("`demo1.0.tar.gz`", Single(findings, RuleCatalog.SdistFileNameNotNormalized).Message);

            findings = new SnapshotBuilder("demo-1.0.tar.gz").Directory("demo-1.0/").Check(new SdistFileNameCheck());
            Assert.Empty(findings);
        }

        [Fact]
        public void Name_mismatch_triggers_and_normalised_equivalent_does_not()
        {
            var hit = Single(Sdist("Metadata-Version: 2.4\nName: other\nVersion: 1.0\n").Check(new SdistFileNameCheck()), RuleCatalog.PkgInfoNameMismatch);
            Assert.Contains("`demo-1.0/PKG-INFO` declares Name `other` but the file name says `demo`", hit.Message);
            Assert.Equal(1, hit.MemberIndex);

            None(Sdist("Metadata-Version: 2.4\nName: Demo\nVersion: 1.0\n").Check(new SdistFileNameCheck()), RuleCatalog.PkgInfoNameMismatch);
        }

        [Fact]
        public void Version_mismatch_triggers_and_equal_version_does_not()
        {
            var hit = Single(Sdist("Metadata-Version: 2.4\nName: demo\nVersion: 1.1\n").Check(new SdistFileNameCheck()), RuleCatalog.PkgInfoVersionMismatch);
            Assert.Contains("`demo-1.0/PKG-INFO` declares Version `1.1` but the file name says `1.0`", hit.Message);

            // 1.0.0 equals 1.0 as a PEP 440 version: no mismatch (the file name rule reports the spelling instead).
            var findings = Sdist("Metadata-Version: 2.4\nName: demo\nVersion: 1.0.0\n").Check(new SdistFileNameCheck());
            None(findings, RuleCatalog.PkgInfoVersionMismatch);
            Assert.Contains("should be `demo-1.0.0.tar.gz`", Single(findings, RuleCatalog.SdistFileNameNotNormalized).Message);
        }

        // ---- Structure: Metadata-Version >= 2.2 ----------------------------------------------------------------

        [Fact]
        public void Metadata_version_too_old_triggers_and_2_2_does_not()
        {
            var hit = Single(Sdist("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n").Check(new PkgInfoMetadataVersionCheck()), RuleCatalog.PkgInfoMetadataVersionTooOld);
            Assert.Contains("`demo-1.0/PKG-INFO` declares Metadata-Version `2.1`", hit.Message);
            Assert.Equal(PySdistSeverity.Warning, hit.Rule.Severity);

            Assert.Empty(Sdist("Metadata-Version: 2.2\nName: demo\nVersion: 1.0\n").Check(new PkgInfoMetadataVersionCheck()));
            Assert.Single(Sdist("Metadata-Version: 1.0\nName: demo\nVersion: 1.0\n").Check(new PkgInfoMetadataVersionCheck()));
        }

        // ---- Structure: pyproject.toml -------------------------------------------------------------------------

        [Fact]
        public void Invalid_toml_triggers_and_valid_toml_does_not()
        {
            var bad = new SnapshotBuilder("demo-1.0.tar.gz").Directory("demo-1.0/")
                .File("demo-1.0/PKG-INFO", Header)
                .File("demo-1.0/pyproject.toml", "[project]\nname = 'demo'\nversion = \n")
                .Check(new PyprojectTomlCheck());
            var hit = Single(bad, RuleCatalog.PyprojectTomlInvalid);
            Assert.Contains("`demo-1.0/pyproject.toml` is not valid TOML", hit.Message);
            Assert.Contains("line 3", hit.Message);
            Assert.Equal(2, hit.MemberIndex);

            var good = new SnapshotBuilder("demo-1.0.tar.gz").Directory("demo-1.0/")
                .File("demo-1.0/PKG-INFO", Header)
                .File("demo-1.0/pyproject.toml", "[project]\nname = 'demo'\nversion = '1.0'\n[tool.x]\na = [1, 2]\n")
                .Check(new PyprojectTomlCheck());
            Assert.Empty(good);
        }

        [Theory]
        [InlineData("[project]\nname = 'a'\nname = 'b'\n")]          // duplicate key
        [InlineData("[project]\n[project]\n")]                        // duplicate table
        [InlineData("[project\nname = 'a'\n")]
        [InlineData("name = \"unterminated\n")]
        public void Invalid_toml_variants(string toml)
        {
            Assert.NotNull(PyprojectTomlCheck.Validate(Encoding.UTF8.GetBytes(toml)));
        }

        [Fact]
        public void Toml_that_is_not_utf8_is_invalid()
        {
            Assert.Contains("UTF-8", PyprojectTomlCheck.Validate(new byte[] { (byte)'a', (byte)'=', (byte)'"', 0xE9, (byte)'"', 0x0A }));
            Assert.Null(PyprojectTomlCheck.Validate(Encoding.UTF8.GetBytes("a = \"caf\u00e9\"\n")));
        }

        // ---- Structure: License-File presence ------------------------------------------------------------------

        [Fact]
        public void Missing_license_file_triggers_and_present_one_does_not()
        {
            var pkgInfo = Header + "License-File: LICENSE\nLicense-File: licenses/NOTICE\n";
            var findings = Sdist(pkgInfo).File("demo-1.0/LICENSE", "x").Check(new LicenseFileCheck());
            var hit = Single(findings, RuleCatalog.LicenseFileMissing);
            Assert.Contains("`demo-1.0/PKG-INFO` lists License-File `licenses/NOTICE`, but `demo-1.0/licenses/NOTICE` is not in the archive", hit.Message);

            Assert.Empty(Sdist(pkgInfo).File("demo-1.0/LICENSE", "x").File("demo-1.0/licenses/NOTICE", "y").Check(new LicenseFileCheck()));
        }

        [Fact]
        public void License_file_is_not_required_before_2_4_or_for_incomplete_archives()
        {
            var old = "Metadata-Version: 2.3\nName: demo\nVersion: 1.0\nLicense-File: LICENSE\n";
            Assert.Empty(Sdist(old).Check(new LicenseFileCheck()));
            Assert.Empty(Sdist(Header + "License-File: LICENSE\n").Incomplete("truncated").Check(new LicenseFileCheck()));
        }

        [Fact]
        public void License_file_that_is_a_directory_is_reported()
        {
            var findings = Sdist(Header + "License-File: LICENSES\n").Directory("demo-1.0/LICENSES/").Check(new LicenseFileCheck());
            Assert.Contains("is a directory", Single(findings, RuleCatalog.LicenseFileMissing).Message);
        }

        // ---- Catalogue -----------------------------------------------------------------------------------------

        [Fact]
        public void Rules_are_in_the_catalogue_with_documentation()
        {
            var checks = new ArchiveCheck[] { new PkgInfoContentCheck(), new SdistFileNameCheck(), new PkgInfoMetadataVersionCheck(), new LicenseFileCheck(), new PyprojectTomlCheck() };
            foreach (var rule in checks.SelectMany(c => c.Rules))
            {
                Assert.Same(rule, RuleCatalog.Find(rule.Id));
                Assert.False(string.IsNullOrWhiteSpace(rule.Description));
                Assert.False(string.IsNullOrWhiteSpace(rule.Remedy));
                Assert.False(string.IsNullOrWhiteSpace(rule.SpecReference));
            }
            Assert.Equal(PySdistRuleCategory.Structure, RuleCatalog.SdistFileNameNotNormalized.Category);
            Assert.Equal(PySdistRuleCategory.Metadata, RuleCatalog.PkgInfoUnknownField.Category);
            Assert.Equal(PySdistSeverity.Warning, RuleCatalog.PkgInfoUnknownField.Severity);
            Assert.Equal(PySdistSeverity.Error, RuleCatalog.PkgInfoLicenseExpressionNotCanonical.Severity);
        }
    }
}
