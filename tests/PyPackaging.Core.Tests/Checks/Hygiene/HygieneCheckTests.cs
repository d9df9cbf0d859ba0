using System.Linq;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Rules;
using static PyPackaging.Core.Tests.Checks.Sdists;

namespace PyPackaging.Core.Tests.Checks.Hygiene
{
    public class HygieneCheckTests
    {
        private const string Signature = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag.\n";

        [Fact]
        public void CleanSdistHasNoHygieneFindings()
        {
            var findings = Run(Clean().File("demo-1.0/.gitignore", "venv/\n").File("demo-1.0/.gitattributes", "* text=auto\n"));
            Assert.DoesNotContain(findings, f => f.Rule.Category == PySdistRuleCategory.Hygiene);
        }

        // ----- virtual environments -----

        [Fact]
        public void VirtualEnvironmentOnTheEscapingInterpreterLink()
        {
            var b = Clean()
                .File("demo-1.0/venv/pyvenv.cfg", "home = /usr/local/bin\n")
                .File("demo-1.0/venv/lib/python3.12/site-packages/x.py", "")
                .Symlink("demo-1.0/venv/bin/python", "/usr/local/bin/python3")
                .Symlink("demo-1.0/venv/bin/python3", "python");
            var f = Single(b, RuleCatalog.VirtualEnvironment, "demo-1.0/venv/bin/python");
            Assert.Equal("`demo-1.0/venv/` is a virtual environment (contains pyvenv.cfg) with 4 member(s) packed into the sdist. Its interpreter link `demo-1.0/venv/bin/python` points to `/usr/local/bin/python3`, outside the archive, so pip and uv ≥ 0.8.1 refuse to install this sdist.", f.Message);
            // Hygiene, not refusal: the link's own SymlinkAbsolute finding is the Error.
            Assert.Equal(PySdistSeverity.Warning, f.Rule.Severity);
            Assert.Equal("Exclude `venv/` from the build (for example in .gitignore) and rebuild.", f.Remedy);
        }

        [Fact]
        public void PyvenvCfgIsPreferredEvidenceInSortedBackendOrder()
        {
            // hatchling and uv_build walk in sorted order: bin/ and lib/ come before pyvenv.cfg.
            var b = Clean()
                .File("demo-1.0/venv/lib/python3.12/site-packages/x.py", "")
                .Symlink("demo-1.0/venv/bin/python", "/usr/local/bin/python3")
                .File("demo-1.0/venv/pyvenv.cfg", "home = /usr/local/bin\n");
            var f = Single(b, RuleCatalog.VirtualEnvironment, "demo-1.0/venv/bin/python");
            Assert.Contains("`demo-1.0/venv/` is a virtual environment (contains pyvenv.cfg)", f.Message);
        }

        [Fact]
        public void NamedCacheWithOddTagIsStillACache()
        {
            var b = Clean().File("demo-1.0/.pytest_cache/CACHEDIR.TAG", "odd").File("demo-1.0/.pytest_cache/v/cache/nodeids", "[]");
            Single(b, RuleCatalog.CacheDirectory, "demo-1.0/.pytest_cache/CACHEDIR.TAG");
            None(b, RuleCatalog.CacheDirTagUnsigned);
        }

        [Fact]
        public void VirtualEnvironmentWithoutLinkIsReportedOnPyvenvCfg()
        {
            var f = Single(Clean().File("demo-1.0/.venv/pyvenv.cfg", "home = /usr\n").File("demo-1.0/.venv/bin/activate", ""),
                RuleCatalog.VirtualEnvironment, "demo-1.0/.venv/pyvenv.cfg");
            Assert.Contains("`demo-1.0/.venv/`", f.Message);
            Assert.Contains("2 member(s)", f.Message);
        }

        [Fact]
        public void CondaAndWindowsAndLibPythonEnvironments()
        {
            Single(Clean().Directory("demo-1.0/env/conda-meta/").File("demo-1.0/env/conda-meta/history", ""),
                RuleCatalog.VirtualEnvironment, "demo-1.0/env/conda-meta/");
            Single(Clean().File("demo-1.0/winenv/Scripts/python.exe", "MZ"), RuleCatalog.VirtualEnvironment, "demo-1.0/winenv/Scripts/python.exe");
            var f = Single(Clean().File("demo-1.0/e/lib/python3.11/os.py", "").Symlink("demo-1.0/e/bin/python3.11", "../../../../../usr/bin/python3.11"),
                RuleCatalog.VirtualEnvironment, "demo-1.0/e/bin/python3.11");
            Assert.Contains("`demo-1.0/e/`", f.Message);
        }

        [Fact]
        public void VirtualEnvironmentNearMisses()
        {
            // A bin/python script with no environment around it, a "venv" package, a file merely named like the marker dir.
            None(Clean()
                .File("demo-1.0/tools/bin/python-wrapper.sh", "#!/bin/sh")
                .File("demo-1.0/src/demo/venv/__init__.py", "")
                .File("demo-1.0/docs/pyvenv.cfg.example", "")
                .File("demo-1.0/conda-meta", ""), RuleCatalog.VirtualEnvironment);
        }

        // ----- caches -----

        [Fact]
        public void CacheDirectoryTaggedByCachedirTagIsOneFindingOnItsFirstMember()
        {
            var b = Clean()
                .Directory("demo-1.0/.uv-cache/")
                .File("demo-1.0/.uv-cache/CACHEDIR.TAG", Signature)
                .File("demo-1.0/.uv-cache/.gitignore", "*")
                .File("demo-1.0/.uv-cache/wheels/a.whl", "x")
                .File("demo-1.0/.uv-cache/x/__pycache__/m.cpython-312.pyc", "x");
            var f = Single(b, RuleCatalog.CacheDirectory, "demo-1.0/.uv-cache/");
            Assert.Contains("`demo-1.0/.uv-cache/`", f.Message);
            Assert.Contains("5 member(s)", f.Message);
            Assert.Contains(".uv-cache/", f.Remedy);
            // Nothing inside the cache is reported again.
            None(b, RuleCatalog.CompiledBytecode);
            None(b, RuleCatalog.BuildOutput);
        }

        [Theory]
        [InlineData("__pycache__")]
        [InlineData(".tox")]
        [InlineData(".nox")]
        [InlineData(".pytest_cache")]
        [InlineData(".mypy_cache")]
        [InlineData(".ruff_cache")]
        [InlineData(".hatch")]
        [InlineData(".pixi")]
        public void NamedCacheDirectories(string name)
        {
            var b = Clean().File($"demo-1.0/src/{name}/a", "x").File($"demo-1.0/src/{name}/b", "x");
            Single(b, RuleCatalog.CacheDirectory, $"demo-1.0/src/{name}/a");
        }

        [Fact]
        public void CacheNearMisses()
        {
            None(Clean().File("demo-1.0/src/demo/cache.py", "").File("demo-1.0/.toxrc", "").File("demo-1.0/docs/.hatch", ""),
                RuleCatalog.CacheDirectory);
        }

        [Fact]
        public void CachedirTagWithoutSignatureIsOnlyInformation()
        {
            var b = Clean().File("demo-1.0/data/CACHEDIR.TAG", "not a tag\n").File("demo-1.0/data/x", "");
            var f = Single(b, RuleCatalog.CacheDirTagUnsigned, "demo-1.0/data/CACHEDIR.TAG");
            Assert.Equal(PySdistSeverity.Information, f.Rule.Severity);
            None(b, RuleCatalog.CacheDirectory);
            None(Clean().File("demo-1.0/c/CACHEDIR.TAG", Signature), RuleCatalog.CacheDirTagUnsigned);
        }

        // ----- VCS -----

        [Theory]
        [InlineData(".git")]
        [InlineData(".hg")]
        [InlineData(".svn")]
        [InlineData(".bzr")]
        [InlineData("_darcs")]
        [InlineData("CVS")]
        public void VcsDirectories(string name)
        {
            var b = Clean().Directory($"demo-1.0/{name}/").File($"demo-1.0/{name}/config", "").File($"demo-1.0/{name}/objects/ab/cd", "");
            var f = Single(b, RuleCatalog.VcsDirectory, $"demo-1.0/{name}/");
            Assert.Contains("3 member(s)", f.Message);
        }

        [Fact]
        public void VcsNearMisses()
        {
            None(Clean().File("demo-1.0/.gitignore", "").File("demo-1.0/.gitattributes", "").File("demo-1.0/.hgignore", "").File("demo-1.0/.git", "gitdir: ../x"),
                RuleCatalog.VcsDirectory);
        }

        // ----- bytecode, build outputs, binaries -----

        [Fact]
        public void CompiledBytecode()
        {
            Single(Clean().File("demo-1.0/src/demo/__init__.pyc", "x"), RuleCatalog.CompiledBytecode, "demo-1.0/src/demo/__init__.pyc");
            Single(Clean().File("demo-1.0/src/demo/old.pyo", "x"), RuleCatalog.CompiledBytecode, "demo-1.0/src/demo/old.pyo");
            None(Clean().File("demo-1.0/src/demo/__pycache__/x.cpython-312.pyc", "x").File("demo-1.0/src/demo/m.py", ""), RuleCatalog.CompiledBytecode);
        }

        [Fact]
        public void BuildOutputDirectoriesOncePerDirectory()
        {
            var b = Clean().File("demo-1.0/build/lib/demo/__init__.py", "").File("demo-1.0/build/lib/demo/x.so", "")
                .File("demo-1.0/dist/demo-0.9.tar.gz", "");
            var findings = Findings(b, RuleCatalog.BuildOutput);
            Assert.Equal(2, findings.Count);
            None(b, RuleCatalog.NativeBinary);
        }

        [Fact]
        public void BuildOutputWheelsAndStrayEggInfo()
        {
            Single(Clean().File("demo-1.0/vendor/demo-1.0-py3-none-any.whl", "PK"), RuleCatalog.BuildOutput, "demo-1.0/vendor/demo-1.0-py3-none-any.whl");
            Single(Clean().File("demo-1.0/tests/fixtures/old.egg-info/PKG-INFO", ""), RuleCatalog.BuildOutput, "demo-1.0/tests/fixtures/old.egg-info/PKG-INFO");
        }

        [Fact]
        public void BuildOutputNearMisses()
        {
            // setuptools adds {top}/X.egg-info or {top}/src/X.egg-info; a nested package named build is source code.
            None(Clean()
                .File("demo-1.0/demo.egg-info/PKG-INFO", "")
                .File("demo-1.0/src/demo.egg-info/SOURCES.txt", "")
                .File("demo-1.0/src/demo/build/__init__.py", "")
                .File("demo-1.0/docs/dist.rst", ""), RuleCatalog.BuildOutput);
        }

        [Theory]
        [InlineData("demo-1.0/src/demo/_speedups.cpython-312-x86_64-linux-gnu.so")]
        [InlineData("demo-1.0/src/demo/_speedups.pyd")]
        [InlineData("demo-1.0/lib/foo.dll")]
        [InlineData("demo-1.0/lib/libfoo.dylib")]
        [InlineData("demo-1.0/lib/libfoo.so.1.2")]
        public void NativeBinary(string path)
        {
            Single(Clean().File(path, "\u007fELF"), RuleCatalog.NativeBinary, path);
        }

        [Fact]
        public void NativeBinaryNearMisses()
        {
            None(Clean().File("demo-1.0/src/demo/_speedups.c", "").File("demo-1.0/src/demo/resolve.sol", "").File("demo-1.0/docs/also.so.txt", ""),
                RuleCatalog.NativeBinary);
        }

        // ----- Windows-hostile names -----

        [Fact]
        public void CaseCollisionNamesBoth()
        {
            var f = Single(Clean().File("demo-1.0/README.md", "").File("demo-1.0/readme.md", ""), RuleCatalog.CaseCollision, "demo-1.0/readme.md");
            Assert.Contains("`demo-1.0/README.md`", f.Message);
            Assert.Contains("`demo-1.0/readme.md`", f.Message);
            // Directories collide once, not once per file below.
            Single(Clean().File("demo-1.0/Docs/a.md", "").File("demo-1.0/docs/a.md", "").File("demo-1.0/docs/b.md", ""),
                RuleCatalog.CaseCollision, "demo-1.0/docs/a.md");
            None(Clean().File("demo-1.0/README.md", "").File("demo-1.0/README.rst", "").File("demo-1.0/./README.md", ""), RuleCatalog.CaseCollision);
        }

        [Theory]
        [InlineData("demo-1.0/aux.txt")]
        [InlineData("demo-1.0/CON")]
        [InlineData("demo-1.0/src/nul/x.py")]
        [InlineData("demo-1.0/com1.py")]
        [InlineData("demo-1.0/LPT9")]
        [InlineData("demo-1.0/COM\u00B9.txt")]
        [InlineData("demo-1.0/prn .txt")]
        public void WindowsReservedName(string path)
        {
            Assert.Single(Findings(Clean().File(path, ""), RuleCatalog.WindowsReservedName));
        }

        [Fact]
        public void WindowsReservedNameNearMisses()
        {
            None(Clean().File("demo-1.0/auxiliary.py", "").File("demo-1.0/com10.txt", "").File("demo-1.0/console.py", "")
                .File("demo-1.0/LPT0x", "").File("demo-1.0/nul_test.py", ""), RuleCatalog.WindowsReservedName);
        }

        [Fact]
        public void TrailingDotOrSpace()
        {
            Single(Clean().File("demo-1.0/notes.", ""), RuleCatalog.TrailingDotOrSpace, "demo-1.0/notes.");
            Single(Clean().File("demo-1.0/dir /x", ""), RuleCatalog.TrailingDotOrSpace, "demo-1.0/dir /x");
            None(Clean().File("demo-1.0/.hidden", "").File("demo-1.0/a.b", ""), RuleCatalog.TrailingDotOrSpace);
        }

        [Theory]
        [InlineData("demo-1.0/file.txt:stream")]
        [InlineData("demo-1.0/what?.md")]
        [InlineData("demo-1.0/a<b>.txt")]
        [InlineData("demo-1.0/pipe|name")]
        [InlineData("demo-1.0/star*")]
        [InlineData("demo-1.0/quote\"d")]
        public void WindowsForbiddenCharacter(string path)
        {
            Single(Clean().File(path, ""), RuleCatalog.WindowsForbiddenCharacter, path);
        }

        [Fact]
        public void WindowsForbiddenCharacterNearMiss()
        {
            None(Clean().File("demo-1.0/fine-name_(1) [x] {y} #z.txt", ""), RuleCatalog.WindowsForbiddenCharacter);
        }

        [Fact]
        public void LeadingWhitespaceInName()
        {
            Single(Clean().File("demo-1.0/ setup.py", ""), RuleCatalog.LeadingWhitespaceInName, "demo-1.0/ setup.py");
            None(Clean().File("demo-1.0/fine i guess.py", ""), RuleCatalog.LeadingWhitespaceInName);
        }

        [Fact]
        public void WindowsPathTooLong()
        {
            var longPath = "demo-1.0/" + string.Join("/", Enumerable.Repeat(new string('d', 50), 5)) + "/file.py";
            Assert.True(longPath.Length > 260);
            var f = Single(Clean().File(longPath, ""), RuleCatalog.WindowsPathTooLong, longPath);
            Assert.Contains(longPath.Length.ToString(), f.Message);
            var okPath = "demo-1.0/" + new string('d', 240) + ".py";
            Assert.True(okPath.Length <= 260);
            None(Clean().File(okPath, ""), RuleCatalog.WindowsPathTooLong);
        }
    }
}
