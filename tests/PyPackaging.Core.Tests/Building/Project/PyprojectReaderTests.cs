using System;
using System.IO;
using System.Linq;
using PyPackaging.Building.Project;

using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Building.Project
{
    public class PyprojectReaderTests
    {
        private const string Minimal = "[project]\nname = \"Demo.Pkg\"\nversion = \"1.0.0\"\n";

        private static ProjectMetadata Read(TempDir dir, string toml)
        {
            dir.File("pyproject.toml", toml);
            return PyprojectReader.Read(dir.Path);
        }

        private static ProjectMetadata Parse(string toml)
        {
            using var dir = new TempDir();
            return Read(dir, toml);
        }

        private static ProjectProblem Single(ProjectMetadata m, ProjectProblemSeverity severity = ProjectProblemSeverity.Error)
        {
            var list = m.Problems.Where(p => p.Severity == severity).ToList();
            Assert.True(list.Count == 1, "expected one " + severity + ", got: " + string.Join(" | ", m.Problems));
            return list[0];
        }

        [Fact]
        public void Minimal_IsValid_WithNormalisedNames()
        {
            var m = Parse(Minimal);
            Assert.Empty(m.Problems);
            Assert.Equal("Demo.Pkg", m.Name);
            Assert.Equal("demo-pkg", m.NormalizedName);
            Assert.Equal("demo_pkg", m.EscapedName);
            Assert.Equal("1.0.0", m.Version);
            Assert.Equal("demo_pkg-1.0.0.tar.gz", m.SdistFileName);
        }

        [Theory]
        [InlineData("1.0-1", "1.0.post1")]
        [InlineData("V2.0RC1", "2.0rc1")]
        [InlineData("1.2.dev", "1.2.dev0")]
        public void Version_IsNormalised(string written, string normal)
        {
            var m = Parse("[project]\nname = \"x\"\nversion = \"" + written + "\"\n");
            Assert.Empty(m.Problems);
            Assert.Equal(normal, m.Version);
        }

        [Fact]
        public void TomlSyntaxError_HasLineAndColumn()
        {
            var m = Parse("[project]\nname = \"x\"\nversion = \n");
            var p = Single(m);
            Assert.Equal(3, p.Line);
            Assert.True(p.Column > 0);
            Assert.Contains("line 3", p.Message);
        }

        [Fact]
        public void DuplicateKey_IsASyntaxError()
        {
            var p = Single(Parse("[project]\nname = \"x\"\nname = \"y\"\n"));
            Assert.Equal(3, p.Line);
        }

        [Fact]
        public void MissingProject_ExplainsDelegation()
        {
            var m = Parse("[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n");
            var p = Single(m);
            Assert.Equal("project", p.KeyPath);
            Assert.Contains("Section \"project\" missing", p.Message);
            Assert.Contains("PEP 517", p.Message);
            Assert.False(m.HasProjectTable);
        }

        [Fact]
        public void AllProblemsAreReportedAtOnce()
        {
            var m = Parse("[project]\nname = \".bad\"\nversion = \"0.1.0-extra\"\ndescription = \"a\\nb\"\nrequires-python = \"3.8\"\n" +
                "dependencies = [\"ok\", 5, \"bad[\"]\nnot-real-key = 1\nurls = { \"" + new string('x', 33) + "\" = \"https://e.org\" }\n");
            var paths = m.Problems.Where(p => p.Severity == ProjectProblemSeverity.Error).Select(p => p.KeyPath).ToList();
            Assert.Contains("project.name", paths);
            Assert.Contains("project.version", paths);
            Assert.Contains("project.description", paths);
            Assert.Contains("project.requires-python", paths);
            Assert.Contains("project.dependencies[1]", paths);
            Assert.Contains("project.dependencies[2]", paths);
            Assert.Contains("project.not-real-key", paths);
            Assert.Contains("project.urls." + new string('x', 33), paths);
            Assert.Contains(m.Problems, p => p.Message.StartsWith("Invalid project name '.bad'", StringComparison.Ordinal));
            Assert.Contains(m.Problems, p => p.Message.StartsWith("Field \"project.version\" is an invalid PEP 440 version string (got '0.1.0-extra')", StringComparison.Ordinal));
            Assert.Contains(m.Problems, p => p.Message.StartsWith("Field \"project.requires-python\" is an invalid Python version specifier string (got '3.8')", StringComparison.Ordinal));
            Assert.Contains(m.Problems, p => p.Message == "Field \"project.dependencies[1]\" has an invalid type, expecting string (got int)");
            Assert.Contains(m.Problems, p => p.KeyPath == "project.dependencies[2]" && p.Value == "bad[" && p.Message.Contains("invalid PEP 508 requirement string 'bad['"));
            Assert.Contains(m.Problems, p => p.KeyPath == "project.dependencies[2]" && p.Message.EndsWith("'bad[': at column 4: the extras list is not closed with `]`.", StringComparison.Ordinal));
            Assert.Contains(m.Problems, p => p.Message.StartsWith("Extra keys present in \"project\": 'not-real-key'", StringComparison.Ordinal));
            Assert.True(m.HasErrors);
            Assert.Equal(new[] { "ok" }, m.Dependencies);
        }

        [Fact]
        public void Name_MissingOrDynamic_IsAnError()
        {
            Assert.Contains(Parse("[project]\nversion = \"1\"\n").Problems, p => p.KeyPath == "project.name");
            var m = Parse("[project]\nname = \"x\"\nversion = \"1\"\ndynamic = [\"name\"]\n");
            Assert.Contains(m.Problems, p => p.KeyPath == "project.dynamic[0]" && p.Message.Contains("must always be static"));
        }

        [Fact]
        public void Version_MissingWithoutDynamic_IsAnError()
        {
            var p = Single(Parse("[project]\nname = \"x\"\n"));
            Assert.Equal("Field \"project.version\" missing and 'version' not specified in \"project.dynamic\"", p.Message);
        }

        [Fact]
        public void Dynamic_OtherThanVersion_IsRefusedWithAClearReason_AndStaticPlusDynamicIsAnError()
        {
            var m = Parse("[project]\nname = \"x\"\ndynamic = [\"version\", \"dependencies\", \"bogus\"]\ndependencies = []\n");
            // The version is computed by the builder (Building/Versions), so only the other dynamic field is refused here.
            Assert.Contains(m.Problems, p => p.KeyPath == "project.dynamic" && p.Value == "dependencies" && p.Message.Contains("cannot compute the others") && !p.Message.Contains("'version'"));
            Assert.Contains(m.Problems, p => p.KeyPath == "project.dependencies" && p.Message.Contains("both given a static value and listed"));
            Assert.Contains(m.Problems, p => p.KeyPath == "project.dynamic[2]" && p.Value == "bogus");
            Assert.DoesNotContain(m.Problems, p => p.KeyPath == "project.version");
            Assert.Equal(new[] { "version", "dependencies" }, m.Dynamic);
        }

        [Fact]
        public void Dynamic_VersionAlone_IsNoReaderProblem_AndFlitDescriptionOnlyWithItsVersion()
        {
            Assert.Empty(Parse("[project]\nname = \"x\"\ndynamic = [\"version\"]\n").Problems);
            const string flit = "[build-system]\nrequires = [\"flit_core\"]\nbuild-backend = \"flit_core.buildapi\"\n";
            Assert.Empty(Parse(flit + "[project]\nname = \"x\"\ndynamic = [\"version\", \"description\"]\n").Problems);
            Assert.Contains(Parse(flit + "[project]\nname = \"x\"\nversion = \"1\"\ndynamic = [\"description\"]\n").Problems, p => p.KeyPath == "project.dynamic" && p.Value == "description");
            Assert.Contains(Parse("[project]\nname = \"x\"\ndynamic = [\"version\", \"description\"]\n").Problems, p => p.KeyPath == "project.dynamic" && p.Value == "description");
        }

        [Fact]
        public void BuildSystem_IsValidated()
        {
            var m = Parse("[build-system]\nbuild-backend = \"hatchling.build:bad-name\"\nbackend-path = [\"..\", \"/abs\", \".\", \"tools\"]\nextra = 1\n" + Minimal);
            Assert.Contains(m.Problems, p => p.KeyPath == "build-system.requires" && p.Severity == ProjectProblemSeverity.Error);
            Assert.Contains(m.Problems, p => p.KeyPath == "build-system.build-backend" && p.Value == "hatchling.build:bad-name");
            Assert.Contains(m.Problems, p => p.KeyPath == "build-system.backend-path[0]" && p.Message.Contains("inside"));
            Assert.Contains(m.Problems, p => p.KeyPath == "build-system.backend-path[1]" && p.Message.Contains("relative"));
            Assert.Contains(m.Problems, p => p.KeyPath == "build-system.extra" && p.Severity == ProjectProblemSeverity.Warning);
            Assert.Equal(new[] { ".", "tools" }, m.BuildSystem!.BackendPath);

            var ok = Parse("[build-system]\nrequires = [\"hatchling>=1.26\"]\nbuild-backend = \"setuptools.build_meta:__legacy__\"\n" + Minimal);
            Assert.Empty(ok.Problems);
            Assert.Equal("setuptools.build_meta:__legacy__", ok.BuildSystem!.BuildBackend);
            Assert.Equal(new[] { "hatchling>=1.26" }, ok.BuildSystem.Requires);
        }

        [Fact]
        public void Readme_StringForm_InfersContentType_AndReadsUtf8()
        {
            using var dir = new TempDir();
            dir.File("README.md", "# Démo\n");
            var m = Read(dir, Minimal + "readme = \"README.md\"\n");
            Assert.Empty(m.Problems);
            Assert.Equal("text/markdown", m.Readme!.ContentType);
            Assert.Equal("# Démo\n", m.Readme.Text);

            dir.File("docs/intro.RST", "Intro\n=====\n");
            Assert.Equal("text/x-rst", Read(dir, Minimal + "readme = \"docs/intro.RST\"\n").Readme!.ContentType);
            dir.File("README.txt", "plain");
            Assert.Equal("text/plain", Read(dir, Minimal + "readme = \"README.txt\"\n").Readme!.ContentType);
        }

        [Fact]
        public void Readme_Errors()
        {
            using var dir = new TempDir();
            dir.File("README.jpg", "x");
            Assert.StartsWith("Could not infer content type for readme file 'README.jpg'", Single(Read(dir, Minimal + "readme = \"README.jpg\"\n")).Message);
            Assert.Equal("Readme file not found ('MISSING.md')", Single(Read(dir, Minimal + "readme = \"MISSING.md\"\n")).Message);
            Assert.Contains("inside the project", Single(Read(dir, Minimal + "readme = \"../outside.md\"\n")).Message);
            File.WriteAllBytes(Path.Combine(dir.Path, "latin1.md"), new byte[] { 0x63, 0x61, 0x66, 0xE9 });
            Assert.Contains("UTF-8", Single(Read(dir, Minimal + "readme = \"latin1.md\"\n")).Message);
            Assert.Equal("Field \"project.readme\" must have exactly one of \"file\" or \"text\" keys",
                Single(Read(dir, Minimal + "readme = { content-type = \"text/plain\" }\n")).Message);
            Assert.Equal("Field \"project.readme\" is missing required key \"content-type\"",
                Single(Read(dir, Minimal + "readme = { text = \"hi\" }\n")).Message);
            Assert.Contains("unexpected keys: \"made-up\"", Single(Read(dir, Minimal + "readme = { text = \"hi\", content-type = \"text/plain\", made-up = 1 }\n")).Message);
            Assert.Equal("project.readme.content-type", Single(Read(dir, Minimal + "readme = { text = \"hi\", content-type = \"text/html\" }\n")).KeyPath);
            Assert.Equal("project.readme.charset", Single(Read(dir, Minimal + "readme = { text = \"hi\", content-type = \"text/plain\", charset = \"latin-1\" }\n")).KeyPath);
            Assert.StartsWith("Field \"project.readme\" does not match any of", Single(Read(dir, Minimal + "readme = true\n")).Message);
        }

        [Fact]
        public void Readme_TableForm()
        {
            var m = Parse(Minimal + "readme = { text = \"Hello\", content-type = \"text/markdown; variant=GFM\" }\n");
            Assert.Empty(m.Problems);
            Assert.Equal("Hello", m.Readme!.Text);
            Assert.Equal("text/markdown; variant=GFM", m.Readme.ContentType);
        }

        [Fact]
        public void License_Expression_IsCanonicalised()
        {
            var m = Parse(Minimal + "license = \"mit or apache-2.0\"\n");
            Assert.Empty(m.Problems);
            Assert.Equal("MIT OR Apache-2.0", m.LicenseExpression);
        }

        [Fact]
        public void License_InvalidExpression_IsAnError()
        {
            var p = Single(Parse(Minimal + "license = \"Use-it-after-midnight\"\n"));
            Assert.Equal("project.license", p.KeyPath);
            Assert.Equal("Use-it-after-midnight", p.Value);
        }

        [Fact]
        public void License_DeprecatedId_IsAWarning()
        {
            var m = Parse(Minimal + "license = \"GPL-2.0+\"\n");
            Assert.False(m.HasErrors, string.Join(" | ", m.Problems));
            Assert.Contains(m.Problems, p => p.Severity == ProjectProblemSeverity.Warning && p.Message.Contains("deprecated SPDX identifier"));
        }

        [Fact]
        public void License_LegacyTable()
        {
            using var dir = new TempDir();
            dir.File("LICENSE.txt", "Permission is hereby granted\n");
            var m = Read(dir, Minimal + "license = { file = \"LICENSE.txt\" }\n");
            Assert.False(m.HasErrors);
            Assert.Contains(m.Problems, p => p.Severity == ProjectProblemSeverity.Warning && p.Message.Contains("deprecated"));
            Assert.Equal("Permission is hereby granted\n", m.LicenseText);
            Assert.Equal(new[] { "LICENSE.txt" }, m.LicenseFiles);

            Assert.Equal("Field \"project.license\" must have exactly one of \"text\" or \"file\" keys",
                Single(Read(dir, Minimal + "license = { text = \"MIT\", file = \"LICENSE.txt\" }\n")).Message);
            Assert.Equal("License file not found ('NOPE')", Single(Read(dir, Minimal + "license = { file = \"NOPE\" }\n")).Message);
            Assert.Equal("\"project.license-files\" must not be used when \"project.license\" is not a SPDX license expression",
                Single(Read(dir, Minimal + "license = { text = \"MIT\" }\nlicense-files = [\"LICENSE.txt\"]\n")).Message);
            Assert.Contains("contains unexpected keys: \"made-up\"", Single(Read(dir, Minimal + "license = { text = \"MIT\", made-up = 1 }\n")).Message);
            Assert.StartsWith("Field \"project.license\" does not match any of: LicenseTable | str (got bool)", Single(Read(dir, Minimal + "license = true\n")).Message);
        }

        [Fact]
        public void LicenseFiles_AreMatchedSortedAndChecked()
        {
            using var dir = new TempDir();
            dir.File("LICENSE", "MIT\n");
            dir.File("LICENSES/Apache-2.0.txt", "Apache\n");
            dir.File("LICENSES/sub/MIT.txt", "MIT\n");
            dir.File("NOTICE", "notice\n");
            dir.File("src/pkg/LICENSE.vendored", "x\n");
            var m = Read(dir, Minimal + "license = \"MIT\"\nlicense-files = [\"LICEN[CS]E*\", \"LICENSES/**\", \"NOTICE\", \"LICENSE\"]\n");
            Assert.Empty(m.Problems);
            Assert.Equal(new[] { "LICENSE", "LICENSES/Apache-2.0.txt", "LICENSES/sub/MIT.txt", "NOTICE" }, m.LicenseFiles);

            var all = Read(dir, Minimal + "license-files = [\"**/LICENSE*\"]\n");
            Assert.Equal(new[] { "LICENSE", "src/pkg/LICENSE.vendored" }, all.LicenseFiles);
            Assert.Empty(Read(dir, Minimal + "license-files = []\n").Problems);
        }

        [Theory]
        [InlineData("../LICENSE")]
        [InlineData("/LICENSE")]
        [InlineData("foo/../../LICENSE")]
        [InlineData("C:\\\\LICENSE")]
        [InlineData("LICENSE{,.txt}")]
        [InlineData("[!a]LICENSE")]
        public void LicenseFiles_InvalidGlobs(string glob)
        {
            using var dir = new TempDir();
            dir.File("LICENSE", "MIT\n");
            var p = Single(Read(dir, Minimal + "license-files = [\"" + glob + "\"]\n"));
            Assert.Equal("project.license-files[0]", p.KeyPath);
            Assert.Contains("is an invalid \"project.license-files\" glob", p.Message);
        }

        [Fact]
        public void LicenseFiles_PatternMatchingNothing_IsAnError()
        {
            var p = Single(Parse(Minimal + "license-files = [\"COPYING*\"]\n"));
            Assert.StartsWith("Every pattern in \"project.license-files\" must match at least one file", p.Message);
            Assert.Equal("COPYING*", p.Value);
        }

        [Fact]
        public void LicenseFiles_NonUtf8_IsAnError()
        {
            using var dir = new TempDir();
            File.WriteAllBytes(Path.Combine(dir.Path, "LICENSE"), new byte[] { 0xFF, 0xFE, 0x00 });
            Assert.Contains("must be UTF-8", Single(Read(dir, Minimal + "license-files = [\"LICENSE\"]\n")).Message);
        }

        [Fact]
        public void LicenseClassifier_NextToExpression_IsFlagged()
        {
            var m = Parse(Minimal + "license = \"MIT\"\nclassifiers = [\"License :: OSI Approved :: MIT License\", \"Programming Language :: Python\"]\n");
            var p = Single(m);
            Assert.Equal("project.classifiers[0]", p.KeyPath);
            Assert.Contains("License ::", p.Message);
        }

        [Fact]
        public void Contacts()
        {
            var m = Parse(Minimal + "authors = [{ name = \"Ann\" }, { email = \"bob@example.org\" }, { name = \"Cé Dé\", email = \"cd@example.org\" }, { name = \"Dr. Who\", email = \"who@example.org\" }]\n" +
                "[[project.maintainers]]\nname = \"Max\"\nemail = \"max@example.org\"\n");
            Assert.Empty(m.Problems);
            Assert.Equal("Ann", m.AuthorField);
            Assert.Equal("bob@example.org, Cé Dé <cd@example.org>, \"Dr. Who\" <who@example.org>", m.AuthorEmailField);
            Assert.Null(m.MaintainerField);
            Assert.Equal("Max <max@example.org>", m.MaintainerEmailField);
        }

        [Fact]
        public void Contacts_Errors()
        {
            var m = Parse(Minimal + "maintainers = [{ name = \"ok\" }, {}, { name = \"Doe, John\" }, { email = \"not-an-email\" }, { name = 1 }, { name = \"x\", web = \"y\" }, \"str\"]\n");
            Assert.Contains(m.Problems, p => p.Message == "Field \"project.maintainers[1]\" must have at least one of \"name\" or \"email\" keys");
            Assert.Contains(m.Problems, p => p.KeyPath == "project.maintainers[2].name" && p.Message.Contains("commas"));
            Assert.Contains(m.Problems, p => p.KeyPath == "project.maintainers[3].email");
            Assert.Contains(m.Problems, p => p.Message == "Field \"project.maintainers[4].name\" has an invalid type, expecting string (got int)");
            Assert.Contains(m.Problems, p => p.KeyPath == "project.maintainers[5]" && p.Message.Contains("unexpected keys: \"web\""));
            Assert.Contains(m.Problems, p => p.KeyPath == "project.maintainers[6]" && p.Message.Contains("expecting table"));
            Assert.Equal(new[] { "ok", "x" }, m.Maintainers.Select(c => c.Name));
        }

        [Fact]
        public void KeywordsClassifiersUrls()
        {
            var m = Parse(Minimal + "keywords = [\"a\", \"b c\"]\nclassifiers = [\"Programming Language :: Python\"]\n[project.urls]\nHomepage = \"https://example.org\"\n\"Bug Tracker\" = \"https://example.org/issues\"\n");
            Assert.Empty(m.Problems);
            Assert.Equal(new[] { "a", "b c" }, m.Keywords);
            Assert.Equal(new[] { "Homepage", "Bug Tracker" }, m.Urls.Select(u => u.Key));
            var bad = Parse(Minimal + "urls = { home = \"example.com\", x = 1 }\nkeywords = \"a\"\n");
            Assert.Contains(bad.Problems, p => p.KeyPath == "project.urls.home" && p.Value == "example.com");
            Assert.Contains(bad.Problems, p => p.KeyPath == "project.urls.x" && p.Message.Contains("expecting string"));
            Assert.Contains(bad.Problems, p => p.Message == "Field \"project.keywords\" has an invalid type, expecting array (got string)");
        }

        [Fact]
        public void EntryPoints()
        {
            var m = Parse(Minimal + "[project.scripts]\ndemo = \"demo.cli:main\"\n[project.gui-scripts]\ndemo-gui = \"demo.gui:App.run\"\n[project.entry-points.\"pytest11\"]\ndemo = \"demo.plugin\"\n");
            Assert.Empty(m.Problems);
            Assert.Equal("demo.cli:main", m.Scripts["demo"]);
            Assert.Equal("demo.plugin", m.EntryPoints["pytest11"]["demo"]);

            var bad = Parse(Minimal + "[project.scripts]\nok = \"a.b:c\"\nbad = \"a b:c\"\nbad2 = \"1a:c\"\n[project.entry-points.console_scripts]\nx = \"a:b\"\n[project.entry-points.bad-name]\nx = \"a:b\"\n[project.entry-points.grp.nested]\nx = \"a:b\"\n");
            Assert.Contains(bad.Problems, p => p.KeyPath == "project.scripts.bad" && p.Value == "a b:c");
            Assert.Contains(bad.Problems, p => p.KeyPath == "project.scripts.bad2");
            Assert.Contains(bad.Problems, p => p.KeyPath == "project.entry-points.console_scripts" && p.Message.Contains("project.scripts"));
            Assert.Contains(bad.Problems, p => p.Message == "Field \"project.entry-points\" has an invalid key, expecting a key containing only alphanumeric, underscore, or dot characters (got 'bad-name')");
            Assert.Contains(bad.Problems, p => p.KeyPath == "project.entry-points.grp.nested" && p.Message.Contains("nested"));
            Assert.Equal(4, bad.Problems.Count(p => p.Severity == ProjectProblemSeverity.Error) - 1);
        }

        [Fact]
        public void OptionalDependencies_AreNormalised_AndGetTheExtraMarker()
        {
            var m = Parse(Minimal + "dependencies = [\"requests >= 2\"]\n[project.optional-dependencies]\nTest_Extra = [\"pytest\", \"tomli; python_version < '3.11'\", \"pywin32; os_name == 'nt' or sys_platform == 'win32'\", \"pkg @ https://example.org/p.whl\"]\n");
            Assert.False(m.HasErrors, string.Join(" | ", m.Problems));
            Assert.Equal(new[] { "test-extra" }, m.ProvidesExtra);
            Assert.Equal(new[]
            {
                "requests>=2",
                "pytest; extra == \"test-extra\"",
                "tomli; python_version < \"3.11\" and extra == \"test-extra\"",
                "pywin32; (os_name == \"nt\" or sys_platform == \"win32\") and extra == \"test-extra\"",
                "pkg @ https://example.org/p.whl ; extra == \"test-extra\"",
            }, m.RequiresDist);
            Assert.Contains(m.Problems, p => p.Severity == ProjectProblemSeverity.Warning && p.KeyPath == "project.optional-dependencies.Test_Extra[3]");
        }

        [Fact]
        public void OptionalDependencies_ClashesAndBadNames()
        {
            var m = Parse(Minimal + "[project.optional-dependencies]\n\"a.b\" = []\nA_B = []\n\"-bad\" = []\nc = [\"x[\"]\n");
            Assert.Contains(m.Problems, p => p.KeyPath == "project.optional-dependencies.A_B" && p.Message.Contains("same extra after normalisation"));
            Assert.Contains(m.Problems, p => p.KeyPath == "project.optional-dependencies.-bad");
            Assert.Contains(m.Problems, p => p.KeyPath == "project.optional-dependencies.c[0]" && p.Message.Contains("invalid PEP 508"));
        }

        [Fact]
        public void ImportNames()
        {
            var m = Parse(Minimal + "import-names = [\"one.two\", \"one.three; private\"]\nimport-namespaces = [\"one\"]\n");
            Assert.Empty(m.Problems);
            Assert.Equal(new[] { "one.two", "one.three; private" }, m.ImportNames);
            Assert.Equal(new[] { "one" }, m.ImportNamespaces);
            Assert.Empty(Parse(Minimal + "import-names = []\n").ImportNames!);
            Assert.Null(Parse(Minimal).ImportNames);

            Assert.Contains(Parse(Minimal + "import-names = [\"is\"]\n").Problems, p => p.Message == "\"import-names\" contains a Python keyword, which is not a valid import name, got 'is'");
            Assert.Contains(Parse(Minimal + "import-names = [\"2two\"]\n").Problems, p => p.Message == "\"import-names\" contains '2two', which is not a valid identifier");
            Assert.Contains(Parse(Minimal + "import-names = [\"one\"]\nimport-namespaces = [\"one\"]\n").Problems, p => p.Message.StartsWith("\"project.import-names\" overlaps with 'project.import-namespaces'", StringComparison.Ordinal));
            Assert.Contains(Parse(Minimal + "import-names = [\"one.two\"]\n").Problems, p => p.Message == "\"project.import-namespaces\" is missing 'one', but submodules are present elsewhere");
            Assert.Contains(Parse(Minimal + "import-namespaces = []\n").Problems, p => p.KeyPath == "project.import-namespaces");
        }

        [Fact]
        public void UnknownTopLevelTable_IsAWarning()
        {
            var p = Single(Parse(Minimal + "[made-up]\nx = 1\n"), ProjectProblemSeverity.Warning);
            Assert.Equal("made-up", p.KeyPath);
        }

        [Fact]
        public void BackendFileRules_AreRead_UnknownKeysWarned()
        {
            var m = Parse("[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n" + Minimal +
                "[tool.hatch.build.targets.sdist]\ninclude = [\"src/**\"]\nexclude = [\"*.log\"]\nonly-include = [\"src\"]\nreproducible = true\n" +
                "[tool.uv.build-backend]\nsource-include = [\"data/**\"]\nsource-exclude = [\"tmp\"]\n" +
                "[tool.flit.sdist]\ninclude = [\"docs/\"]\nexclude = [\"docs/_build\"]\n" +
                "[tool.pdm.build]\nincludes = [\"a\"]\nexcludes = [\"b\"]\nsource-includes = [\"c\"]\n");
            var w = Single(m, ProjectProblemSeverity.Warning);
            Assert.Equal("tool.hatch.build.targets.sdist.reproducible", w.KeyPath);
            Assert.False(m.HasErrors);
            Assert.Equal(new[] { BuildBackendKind.Hatch, BuildBackendKind.Uv, BuildBackendKind.Flit, BuildBackendKind.Pdm }, m.BackendFileRules.Select(r => r.Backend));
            var hatch = m.ActiveBackendFileRules!;
            Assert.Equal(BuildBackendKind.Hatch, hatch.Backend);
            Assert.Equal(new[] { "src/**" }, hatch.Include);
            Assert.Equal(new[] { "*.log" }, hatch.Exclude);
            Assert.Equal(new[] { "src" }, hatch.OnlyInclude);
            Assert.Equal(new[] { "data/**" }, m.BackendFileRules[1].SourceInclude);
            Assert.Equal(new[] { "tmp" }, m.BackendFileRules[1].SourceExclude);
            Assert.Equal(new[] { "docs/_build" }, m.BackendFileRules[2].Exclude);
            Assert.Equal(new[] { "c" }, m.BackendFileRules[3].SourceInclude);
        }

        [Fact]
        public void NonUtf8File_IsAProblem_NotAnException()
        {
            var m = PyprojectReader.Parse(new byte[] { 0x5B, 0xFF, 0x5D }, Path.GetTempPath());
            Assert.Contains("UTF-8", Single(m).Message);
        }

        [Fact]
        public void MissingFile_IsAProblem()
        {
            using var dir = new TempDir();
            Assert.Contains("Cannot read pyproject.toml", Single(PyprojectReader.Read(dir.Path)).Message);
        }
    }
}
