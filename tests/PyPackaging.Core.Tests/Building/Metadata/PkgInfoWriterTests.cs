using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PyPackaging.Building.Metadata;
using PyPackaging.Building.Project;
using PyPackaging.Standards;

using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Building.Metadata
{
    public class PkgInfoWriterTests
    {
        private const string FullToml =
            "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n" +
            "[project]\n" +
            "name = \"Full_Demo\"\n" +
            "version = \"1.0-1\"\n" +
            "description = \"A fully featured démo project\"\n" +
            "readme = \"README.md\"\n" +
            "requires-python = \">=3.9, <4\"\n" +
            "license = \"mit OR Apache-2.0\"\n" +
            "license-files = [\"LICENSE*\", \"licenses/*.txt\"]\n" +
            "authors = [{ name = \"Ann Author\" }, { email = \"solo@example.org\" }, { name = \"Zoë Zed\", email = \"zoe@example.org\" }]\n" +
            "maintainers = [{ name = \"Max Maint\", email = \"max@example.org\" }]\n" +
            "keywords = [\"demo\", \"packaging\", \"sdist\"]\n" +
            "classifiers = [\"Programming Language :: Python :: 3\", \"Operating System :: OS Independent\"]\n" +
            "dependencies = [\"requests>=2.31\", \"tomli >= 1.1 ; python_version < '3.11'\", \"Click[extra]~=8.1\"]\n" +
            "import-names = [\"full_demo\", \"full_demo_private; private\"]\n" +
            "[project.urls]\nHomepage = \"https://example.org\"\n\"Issue Tracker\" = \"https://example.org/issues\"\n" +
            "[project.optional-dependencies]\nTest = [\"pytest>=8\", \"coverage[toml]; platform_system == 'Linux' or platform_system == 'Darwin'\"]\n\"docs.build\" = [\"sphinx\"]\n" +
            "[project.scripts]\nfull-demo = \"full_demo.cli:main\"\n";

        private const string Readme = "# Full demo\n\nSome *markdown* text.\n\nWith a second paragraph: Key: value lines stay in the body.\n";

        private static ProjectMetadata FullProject(TempDir dir)
        {
            dir.File("README.md", Readme);
            dir.File("LICENSE", "MIT License\n");
            dir.File("licenses/APACHE.txt", "Apache License 2.0\n");
            dir.File("pyproject.toml", FullToml);
            // license-files globs are matched by the build's walk: the metadata as the plan completes it.
            var m = PyPackaging.Building.SdistBuilder.Plan(new PyPackaging.Building.SdistBuildOptions(dir.Path)).Metadata;
            Assert.False(m.HasErrors, string.Join(" | ", m.Problems));
            return m;
        }

        [Fact]
        public void FullProject_ExactOutput()
        {
            using var dir = new TempDir();
            string text = PkgInfoWriter.Write(FullProject(dir));
            string expected =
                "Metadata-Version: 2.5\n" +
                "Name: Full_Demo\n" +
                "Version: 1.0.post1\n" +
                "Summary: A fully featured démo project\n" +
                "Keywords: demo,packaging,sdist\n" +
                "Author: Ann Author\n" +
                "Author-email: solo@example.org, Zoë Zed <zoe@example.org>\n" +
                "License-Expression: MIT OR Apache-2.0\n" +
                "License-File: LICENSE\n" +
                "License-File: licenses/APACHE.txt\n" +
                "Classifier: Programming Language :: Python :: 3\n" +
                "Classifier: Operating System :: OS Independent\n" +
                "Requires-Dist: requests>=2.31\n" +
                "Requires-Dist: tomli>=1.1; python_version < \"3.11\"\n" +
                "Requires-Dist: Click[extra]~=8.1\n" +
                "Requires-Dist: pytest>=8; extra == \"test\"\n" +
                "Requires-Dist: coverage[toml]; (platform_system == \"Linux\" or platform_system == \"Darwin\") and extra == \"test\"\n" +
                "Requires-Dist: sphinx; extra == \"docs-build\"\n" +
                "Maintainer-email: Max Maint <max@example.org>\n" +
                "Requires-Python: >=3.9,<4\n" +
                "Project-URL: Homepage, https://example.org\n" +
                "Project-URL: Issue Tracker, https://example.org/issues\n" +
                "Provides-Extra: test\n" +
                "Provides-Extra: docs-build\n" +
                "Import-Name: full_demo\n" +
                "Import-Name: full_demo_private; private\n" +
                "Description-Content-Type: text/markdown\n" +
                "\n" + Readme;
            Assert.Equal(expected, text);
        }

        [Fact]
        public void FullProject_ParsesBackAndPassesTheValidator()
        {
            using var dir = new TempDir();
            var m = FullProject(dir);
            byte[] bytes = PkgInfoWriter.WriteBytes(m);
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF, "no BOM");
            var parsed = CoreMetadata.Parse(bytes);
            Assert.Empty(parsed.SyntaxErrors);
            var problems = CoreMetadataValidator.Validate(parsed);
            Assert.True(problems.Count == 0, string.Join(" | ", problems));
            Assert.Equal("Full_Demo", parsed.Get("Name"));
            Assert.Equal(m.RequiresDist, parsed.GetAll("Requires-Dist"));
            Assert.Equal(m.LicenseFiles, parsed.GetAll("License-File"));
            Assert.Equal(Readme, parsed.Body);
            Assert.False(parsed.Has("Dynamic"));
        }

        [Fact]
        public void MetadataVersion_IsTheLowestThatFits()
        {
            using var dir = new TempDir();
            dir.File("LICENSE", "x\n");
            string Version(string extra)
            {
                dir.File("pyproject.toml", "[project]\nname = \"x\"\nversion = \"1\"\n" + extra);
                // license-files globs are matched by the build's walk: the metadata as the plan completes it.
                var m = PyPackaging.Building.SdistBuilder.Plan(new PyPackaging.Building.SdistBuildOptions(dir.Path)).Metadata;
                Assert.False(m.HasErrors, string.Join(" | ", m.Problems));
                string text = PkgInfoWriter.Write(m);
                Assert.StartsWith("Metadata-Version: " + PkgInfoWriter.ChooseMetadataVersion(m) + "\n", text);
                Assert.Empty(CoreMetadataValidator.Validate(CoreMetadata.Parse(text)));
                return PkgInfoWriter.ChooseMetadataVersion(m);
            }
            Assert.Equal("2.2", Version(""));
            Assert.Equal("2.2", Version("license = { text = \"MIT\" }\n"));
            Assert.Equal("2.4", Version("license = \"MIT\"\n"));
            Assert.Equal("2.4", Version("license-files = [\"LICENSE\"]\n"));
            Assert.Equal("2.5", Version("import-namespaces = [\"ns\"]\n"));
            Assert.Equal("2.5", Version("import-names = []\n"));
        }

        [Fact]
        public void Minimal_ExactOutput_NoBody()
        {
            var m = PyprojectReader.Parse("[project]\nname = \"x\"\nversion = \"1.0\"\n", Path.GetTempPath());
            Assert.Equal("Metadata-Version: 2.2\nName: x\nVersion: 1.0\n", PkgInfoWriter.Write(m));
        }

        [Fact]
        public void EmptyImportNames_IsOneEmptyHeader()
        {
            var m = PyprojectReader.Parse("[project]\nname = \"x\"\nversion = \"1.0\"\nimport-names = []\n", Path.GetTempPath());
            string text = PkgInfoWriter.Write(m);
            Assert.EndsWith("\nImport-Name: \n", text);
            Assert.Equal(new[] { "" }, CoreMetadata.Parse(text).GetAll("Import-Name"));
        }

        [Fact]
        public void MultiLineLegacyLicense_IsFolded_BlankLinesIncluded()
        {
            using var dir = new TempDir();
            dir.File("COPYING", "Line one\r\n\r\nLine three\n");
            dir.File("pyproject.toml", "[project]\nname = \"x\"\nversion = \"1.0\"\nlicense = { file = \"COPYING\" }\nreadme = { text = \"Body\", content-type = \"text/plain\" }\n");
            // license-files globs are matched by the build's walk: the metadata as the plan completes it.
            var m = PyPackaging.Building.SdistBuilder.Plan(new PyPackaging.Building.SdistBuildOptions(dir.Path)).Metadata;
            Assert.False(m.HasErrors, string.Join(" | ", m.Problems));
            string text = PkgInfoWriter.Write(m);
            Assert.Contains("License: Line one\n         \n         Line three\nLicense-File: COPYING\n", text);
            var parsed = CoreMetadata.Parse(text);
            Assert.Equal("Body", parsed.Body);
            Assert.Empty(CoreMetadataValidator.Validate(parsed));
        }

        [Fact]
        public void ProjectWithErrors_IsRefused()
        {
            var m = PyprojectReader.Parse("[project]\nname = \"-x\"\nversion = \"1.0\"\n", Path.GetTempPath());
            Assert.Throws<InvalidOperationException>(() => PkgInfoWriter.Write(m));
        }

        [Fact]
        public void PythonEmailParser_ReadsTheSameFields()
        {
            if (!ExternalTool.HasPython) return;
            using var dir = new TempDir();
            var m = FullProject(dir);
            string pkgInfo = Path.Combine(dir.Path, "PKG-INFO");
            File.WriteAllBytes(pkgInfo, PkgInfoWriter.WriteBytes(m));
            var r = ExternalTool.Run("python3", "-c",
                "import sys, json, email.parser, email.policy\n" +
                "text = open(sys.argv[1], encoding='utf-8').read()\n" +
                "msg = email.parser.Parser(policy=email.policy.compat32).parsestr(text)\n" +
                "print(json.dumps({'fields': [[k, v] for k, v in msg.items()], 'body': msg.get_payload(), 'defects': [str(d) for d in msg.defects]}))\n",
                pkgInfo);
            Assert.True(r.ExitCode == 0, r.Stderr);
            using var json = System.Text.Json.JsonDocument.Parse(r.Stdout);
            Assert.Equal(0, json.RootElement.GetProperty("defects").GetArrayLength());
            Assert.Equal(Readme, json.RootElement.GetProperty("body").GetString());
            var pyFields = json.RootElement.GetProperty("fields").EnumerateArray().Select(e => (e[0].GetString()!, e[1].GetString()!)).ToList();
            var ours = CoreMetadata.Parse(PkgInfoWriter.Write(m)).Fields.Select(f => (f.Key, f.Value)).ToList();
            Assert.Equal(ours, pyFields);
            Assert.Contains(("Author-email", "solo@example.org, Zoë Zed <zoe@example.org>"), pyFields);
        }
    }
}
