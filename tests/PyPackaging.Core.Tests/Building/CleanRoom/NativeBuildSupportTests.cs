using System.IO;
using PyPackaging.Building;
using PyPackaging.Core.Tests.Support;
using Xunit;

namespace PyPackaging.Core.Tests.Building.CleanRoom
{
    /// <summary>The Auto decision: which projects the native build reproduces, and the reason given for each.</summary>
    public sealed class NativeBuildSupportTests
    {
        private const string Static = "[project]\nname = \"demo\"\nversion = \"1.0\"\n";

        private static BuildModeDecision Assess(string? pyproject, params string[] otherFiles)
        {
            using var temp = new TempDir();
            if (pyproject != null) temp.File("pyproject.toml", pyproject);
            foreach (var f in otherFiles) temp.File(f, "x");
            return NativeBuildSupport.Assess(temp.Path);
        }

        private static string Backend(string backend, string project = Static) =>
            "[build-system]\nrequires = [\"x\"]\nbuild-backend = \"" + backend + "\"\n" + project;

        [Theory]
        [InlineData("hatchling.build", "hatchling")]
        [InlineData("flit_core.buildapi", "flit_core")]
        [InlineData("pdm.backend", "pdm-backend")]
        [InlineData("uv_build", "uv_build")]
        public void TheFourImitatedBackendsWithStaticMetadataAreNative(string backend, string name)
        {
            var d = Assess(Backend(backend));
            Assert.Equal(BuildMode.Native, d.Mode);
            Assert.Contains(name + " with static [project] metadata", d.Reason);
        }

        [Theory]
        [InlineData("setuptools.build_meta", "(setuptools)")]
        [InlineData("setuptools.build_meta:__legacy__", "(setuptools)")]
        [InlineData("poetry.core.masonry.api", "(poetry-core)")]
        [InlineData("maturin", "(maturin)")]
        [InlineData("scikit_build_core.build", "(scikit-build-core)")]
        [InlineData("mesonpy", "(meson-python)")]
        [InlineData("my_backend", "'my_backend'")]
        public void OtherBackendsAreProjectAndNamed(string backend, string named)
        {
            var d = Assess(Backend(backend));
            Assert.Equal(BuildMode.Project, d.Mode);
            Assert.Contains(named, d.Reason);
            Assert.Contains("is not one the native build imitates", d.Reason);
        }

        [Fact]
        public void NoBuildSystemMeansSetuptoolsAsPep517SaysSoProject()
        {
            var d = Assess(Static);
            Assert.Equal(BuildMode.Project, d.Mode);
            Assert.Contains("setuptools.build_meta:__legacy__", d.Reason);
        }

        [Fact]
        public void SetupPyWithoutPyprojectIsProjectAndNothingAtAllIsNative()
        {
            Assert.Equal(BuildMode.Project, Assess(null, "setup.py").Mode);
            var nothing = Assess(null);
            Assert.Equal(BuildMode.Native, nothing.Mode);
            Assert.Contains("neither pyproject.toml nor setup.py", nothing.Reason);
        }

        [Fact]
        public void MissingProjectTableIsProject()
        {
            var d = Assess("[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n[tool.hatch]\n");
            Assert.Equal(BuildMode.Project, d.Mode);
            Assert.Contains("no [project] table", d.Reason);
        }

        [Fact]
        public void DynamicFieldsOtherThanTheVersionAreProject()
        {
            var d = Assess(Backend("hatchling.build", "[project]\nname = \"demo\"\nversion = \"1.0\"\ndynamic = [\"readme\", \"dependencies\"]\n"));
            Assert.Equal(BuildMode.Project, d.Mode);
            Assert.Contains("'readme', 'dependencies'", d.Reason);
        }

        /// <summary>
        /// A dynamic version is native only once the reader fills <c>ProjectMetadata.Version</c> (issue 10a computes
        /// it); until then, and for a version it cannot compute, the backend computes it.
        /// </summary>
        [Fact]
        public void ADynamicVersionNotComputedNativelyIsProject()
        {
            // demo.py has no __version__: no reader can compute it.
            var d = Assess(Backend("flit_core.buildapi", "[project]\nname = \"demo\"\ndynamic = [\"version\"]\n"), "demo.py");
            Assert.Equal(BuildMode.Project, d.Mode);
            Assert.Contains("dynamic version cannot be computed natively (", d.Reason);
            Assert.Contains("so flit_core computes it", d.Reason);
        }

        /// <summary>A version the native resolver computes (issue 10a: flit's __version__) keeps the build native.</summary>
        [Fact]
        public void ADynamicVersionComputedNativelyStaysNative()
        {
            using var temp = new TempDir();
            temp.File("pyproject.toml", Backend("flit_core.buildapi", "[project]\nname = \"demo\"\ndynamic = [\"version\", \"description\"]\n"));
            temp.File("demo.py", "\"\"\"A demo.\"\"\"\n__version__ = \"2.0\"\n");
            var d = NativeBuildSupport.Assess(temp.Path);
            Assert.Equal(BuildMode.Native, d.Mode);
            Assert.Contains("a version computed natively", d.Reason);
        }

        [Fact]
        public void AnUnparsablePyprojectStaysNativeSoItsErrorsAreReported()
        {
            Assert.Equal(BuildMode.Native, Assess("[project\nname = 1").Mode);
        }

        [Fact]
        public void AnExplicitModeIsTakenAsGiven()
        {
            using var temp = new TempDir();
            temp.File("pyproject.toml", Backend("setuptools.build_meta"));
            Assert.Equal(BuildMode.Native, NativeBuildSupport.Assess(temp.Path, BuildMode.Native).Mode);
            Assert.Equal(BuildMode.Project, NativeBuildSupport.Assess(temp.Path, BuildMode.Project).Mode);
            Assert.Equal("-Backend Project was given", NativeBuildSupport.Assess(temp.Path, BuildMode.Project).Reason);
        }
    }
}
