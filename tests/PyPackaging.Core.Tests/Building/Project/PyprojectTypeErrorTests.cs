using System.IO;
using System.Linq;
using PyPackaging.Building.Project;

namespace PyPackaging.Core.Tests.Building.Project
{
    /// <summary>
    /// Every [project] key rejects values of the wrong type with an error at the right key path. The cases follow the
    /// type-error table of pypa/pyproject-metadata's tests/test_standard_metadata.py::test_load (MIT); the messages are ours.
    /// </summary>
    public class PyprojectTypeErrorTests
    {
        [Theory]
        [InlineData("name = true", "project.name")]
        [InlineData("version = true", "project.version")]
        [InlineData("license = true", "project.license")]
        [InlineData("license = {}", "project.license")]
        [InlineData("license = { file = true }", "project.license.file")]
        [InlineData("license = { text = true }", "project.license.text")]
        [InlineData("readme = true", "project.readme")]
        [InlineData("readme = {}", "project.readme")]
        [InlineData("readme = { file = true, content-type = 'text/plain' }", "project.readme.file")]
        [InlineData("readme = { text = true, content-type = 'text/plain' }", "project.readme.text")]
        [InlineData("readme = { text = 'x', content-type = 1 }", "project.readme.content-type")]
        [InlineData("description = true", "project.description")]
        [InlineData("dependencies = 'some string!'", "project.dependencies")]
        [InlineData("dependencies = [99]", "project.dependencies[0]")]
        [InlineData("dependencies = ['definitely not a valid PEP 508 requirement!']", "project.dependencies[0]")]
        [InlineData("optional-dependencies = true", "project.optional-dependencies")]
        [InlineData("optional-dependencies = { test = 'some string!' }", "project.optional-dependencies.test")]
        [InlineData("optional-dependencies = { test = [true] }", "project.optional-dependencies.test[0]")]
        [InlineData("requires-python = true", "project.requires-python")]
        [InlineData("keywords = 'some string!'", "project.keywords")]
        [InlineData("keywords = [true]", "project.keywords[0]")]
        [InlineData("authors = {}", "project.authors")]
        [InlineData("authors = [true]", "project.authors[0]")]
        [InlineData("maintainers = [10]", "project.maintainers[0]")]
        [InlineData("classifiers = 'some string!'", "project.classifiers")]
        [InlineData("classifiers = [true]", "project.classifiers[0]")]
        [InlineData("urls = { homepage = true }", "project.urls.homepage")]
        [InlineData("urls = []", "project.urls")]
        [InlineData("scripts = []", "project.scripts")]
        [InlineData("scripts = { a = 1 }", "project.scripts.a")]
        [InlineData("gui-scripts = []", "project.gui-scripts")]
        [InlineData("entry-points = []", "project.entry-points")]
        [InlineData("entry-points = { section = 'something' }", "project.entry-points.section")]
        [InlineData("entry-points = { section = { entrypoint = [] } }", "project.entry-points.section.entrypoint")]
        [InlineData("dynamic = 'version'", "project.dynamic")]
        [InlineData("dynamic = [1]", "project.dynamic[0]")]
        [InlineData("license-files = 'LICENSE'", "project.license-files")]
        [InlineData("license-files = [1]", "project.license-files[0]")]
        [InlineData("import-names = 'x'", "project.import-names")]
        [InlineData("import-names = [1]", "project.import-names[0]")]
        [InlineData("import-namespaces = [true]", "project.import-namespaces[0]")]
        public void WrongType_IsAnErrorAtTheKey(string line, string keyPath)
        {
            string toml = "[project]\n" + (line.StartsWith("name", System.StringComparison.Ordinal) ? "" : "name = 'test'\n") +
                (line.StartsWith("version", System.StringComparison.Ordinal) ? "" : "version = '1.0'\n") + line + "\n";
            var m = PyprojectReader.Parse(toml, Path.GetTempPath());
            Assert.True(m.Problems.Any(p => p.Severity == ProjectProblemSeverity.Error && p.KeyPath == keyPath),
                "no error at " + keyPath + "; got: " + string.Join(" | ", m.Problems.Select(p => p.KeyPath + ": " + p.Message)));
            Assert.True(m.HasErrors);
        }

        [Theory]
        [InlineData("[build-system]\nrequires = 'hatchling'\n", "build-system.requires")]
        [InlineData("[build-system]\nrequires = [1]\n", "build-system.requires[0]")]
        [InlineData("[build-system]\nrequires = []\nbuild-backend = 1\n", "build-system.build-backend")]
        [InlineData("[build-system]\nrequires = []\nbackend-path = '.'\n", "build-system.backend-path")]
        [InlineData("build-system = 1\n", "build-system")]
        [InlineData("project = 1\n", "project")]
        public void BuildSystemAndTopLevel_WrongType(string toml, string keyPath)
        {
            if (!toml.StartsWith("project", System.StringComparison.Ordinal)) toml += "[project]\nname = 'test'\nversion = '1'\n";
            var m = PyprojectReader.Parse(toml, Path.GetTempPath());
            Assert.True(m.Problems.Any(p => p.Severity == ProjectProblemSeverity.Error && p.KeyPath == keyPath),
                "no error at " + keyPath + "; got: " + string.Join(" | ", m.Problems.Select(p => p.KeyPath + ": " + p.Message)));
        }
    }
}
