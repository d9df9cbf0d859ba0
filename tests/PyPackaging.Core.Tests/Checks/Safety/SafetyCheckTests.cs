using System.Linq;
using PyPackaging.Archives;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Rules;
using static PyPackaging.Core.Tests.Checks.Sdists;

namespace PyPackaging.Core.Tests.Checks.Safety
{
    public class SafetyCheckTests
    {
        private static ArchiveMember Special(string path, PySdistEntryType type, char flag) =>
            new ArchiveMember { Path = path, Type = type, TypeFlag = flag, Mode = 0x1A4 };

        [Fact]
        public void CleanSdistHasNoSafetyFindings()
        {
            var findings = Run(Clean());
            Assert.DoesNotContain(findings, f => f.Rule.Category == PySdistRuleCategory.Safety);
        }

        // ----- member paths -----

        [Fact]
        public void AbsolutePath()
        {
            var f = Single(Clean().File("/etc/cron.d/evil", "x"), RuleCatalog.AbsolutePath, "/etc/cron.d/evil");
            Assert.Contains("`/etc/cron.d/evil`", f.Message);
            None(Clean().File("demo-1.0/etc/cron.d/evil", "x"), RuleCatalog.AbsolutePath);
        }

        [Fact]
        public void UncPath()
        {
            Single(Clean().File("//server/share/x", "x"), RuleCatalog.UncPath, "//server/share/x");
            None(Clean().File("//server/share/x", "x"), RuleCatalog.AbsolutePath);
            None(Clean().File("demo-1.0/server//share", "x"), RuleCatalog.UncPath);
        }

        [Theory]
        [InlineData("C:/Windows/evil.dll")]
        [InlineData("C:evil")]
        [InlineData("c:")]
        public void DriveLetterPath(string path)
        {
            Single(Clean().File(path, "x"), RuleCatalog.DriveLetterPath, path);
        }

        [Fact]
        public void DriveLetterNearMiss()
        {
            None(Clean().File("demo-1.0/C:x", "x"), RuleCatalog.DriveLetterPath);
            None(Clean().File("CC:/x", "x"), RuleCatalog.DriveLetterPath);
        }

        [Fact]
        public void BackslashInPath()
        {
            var f = Single(Clean().File("demo-1.0\\..\\..\\evil", "x"), RuleCatalog.BackslashInPath, "demo-1.0\\..\\..\\evil");
            Assert.Contains("Windows", f.Message);
            Assert.Contains("climbs above", f.Message);
            None(Clean().File("demo-1.0/back/slash", "x"), RuleCatalog.BackslashInPath);
        }

        [Fact]
        public void PathTraversal()
        {
            var f = Single(Clean().File("demo-1.0/../../evil", "x"), RuleCatalog.PathTraversal, "demo-1.0/../../evil");
            Assert.Contains("`../evil`", f.Message);
            None(Clean().File("demo-1.0/../../evil", "x"), RuleCatalog.ParentComponentInPath);
            None(Clean().File("demo-1.0/..evil", "x"), RuleCatalog.PathTraversal);
        }

        [Fact]
        public void ParentComponentInPath()
        {
            Single(Clean().File("demo-1.0/a/../b.txt", "x"), RuleCatalog.ParentComponentInPath, "demo-1.0/a/../b.txt");
            None(Clean().File("demo-1.0/a/../b.txt", "x"), RuleCatalog.PathTraversal);
            None(Clean().File("demo-1.0/a/./b.txt", "x"), RuleCatalog.ParentComponentInPath);
        }

        [Theory]
        [InlineData("demo-1.0/a\0b")]
        [InlineData("demo-1.0/new\nline")]
        [InlineData("demo-1.0/del\u007F")]
        public void ControlCharacterInPath(string path)
        {
            var f = Single(Clean().File(path, "x"), RuleCatalog.ControlCharacterInPath, path);
            Assert.Contains("\\x", f.Message);
        }

        [Fact]
        public void ControlCharacterNearMissAndLinkTarget()
        {
            None(Clean().File("demo-1.0/fine i guess.py", "x").File("demo-1.0/🌈.py", "x"), RuleCatalog.ControlCharacterInPath);
            Single(Clean().File("demo-1.0/a", "x").Symlink("demo-1.0/l", "a\0/../../etc"), RuleCatalog.ControlCharacterInPath, "demo-1.0/l");
        }

        [Fact]
        public void EmptyPath()
        {
            var b = Clean().Member(new ArchiveMember { Path = "", Type = PySdistEntryType.File, TypeFlag = '0' });
            var f = Assert.Single(Findings(b, RuleCatalog.EmptyPath));
            Assert.Equal(4, f.MemberIndex);
            Single(Clean().File("./", "x"), RuleCatalog.EmptyPath, "./");
            None(Clean().Directory("./"), RuleCatalog.EmptyPath);
        }

        [Fact]
        public void UnsafeLinkTarget()
        {
            Single(Clean().Symlink("demo-1.0/l", "..\\..\\evil"), RuleCatalog.UnsafeLinkTarget, "demo-1.0/l");
            Single(Clean().File("demo-1.0/a.txt", "x").Symlink("demo-1.0/l", "a.txt:stream"), RuleCatalog.UnsafeLinkTarget, "demo-1.0/l");
            None(Clean().File("demo-1.0/a", "x").Symlink("demo-1.0/l", "a"), RuleCatalog.UnsafeLinkTarget);
        }

        // ----- symbolic links -----

        [Fact]
        public void SeedCase_VenvInterpreterLinkIsAnErrorNamingTheEnvironment()
        {
            var b = new SnapshotBuilder("demo-1.0.tar.gz")
                .Directory("demo-1.0/")
                .File("demo-1.0/PKG-INFO", PkgInfo)
                .File("demo-1.0/venv/pyvenv.cfg", "home = /usr/local/bin\n")
                .Symlink("demo-1.0/venv/bin/python", "/usr/local/bin/python3");
            var findings = b.Check();
            var onLink = findings.Where(f => f.MemberIndex == 3 && f.Rule.Severity == PySdistSeverity.Error).ToList();
            Assert.NotEmpty(onLink);
            Assert.Contains(onLink, f => f.Message.Contains("virtual environment") && f.Message.Contains("`demo-1.0/venv/`"));
            var abs = Single(b, RuleCatalog.SymlinkAbsolute, "demo-1.0/venv/bin/python");
            Assert.Contains("virtual environment `demo-1.0/venv/`", abs.Message);
            Assert.Contains("`/usr/local/bin/python3`", abs.Message);
        }

        [Fact]
        public void SymlinkAbsolute()
        {
            var f = Single(Clean().Symlink("demo-1.0/etc-link", "/etc/passwd"), RuleCatalog.SymlinkAbsolute, "demo-1.0/etc-link");
            Assert.DoesNotContain("virtual environment", f.Message);
            Single(Clean().Symlink("demo-1.0/d", "C:\\Windows"), RuleCatalog.SymlinkAbsolute, "demo-1.0/d");
            None(Clean().Symlink("demo-1.0/rel", "src/demo/__init__.py"), RuleCatalog.SymlinkAbsolute);
        }

        [Fact]
        public void SymlinkAbsoluteInCacheNamesTheCache()
        {
            var b = Clean()
                .File("demo-1.0/.uv-cache/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n")
                .Symlink("demo-1.0/.uv-cache/x/bin/python", "/usr/bin/python3");
            var f = Single(b, RuleCatalog.SymlinkAbsolute, "demo-1.0/.uv-cache/x/bin/python");
            Assert.Contains("cache directory `demo-1.0/.uv-cache/`", f.Message);
        }

        [Fact]
        public void SymlinkAbsoluteInBuildEnvironmentInsideCacheNamesBoth()
        {
            var b = Clean()
                .File("demo-1.0/.uv-cache/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n")
                .File("demo-1.0/.uv-cache/builds-v0/.tmpAbc/pyvenv.cfg", "home = /usr/bin\n")
                .Symlink("demo-1.0/.uv-cache/builds-v0/.tmpAbc/bin/python", "/usr/bin/python3");
            var f = Single(b, RuleCatalog.SymlinkAbsolute, "demo-1.0/.uv-cache/builds-v0/.tmpAbc/bin/python");
            Assert.Contains("virtual environment `demo-1.0/.uv-cache/builds-v0/.tmpAbc/`", f.Message);
            Assert.Contains("inside the cache directory `demo-1.0/.uv-cache/`", f.Message);
            // The environment is reported through its cache: one warning for the cache, no separate environment error.
            Single(b, RuleCatalog.CacheDirectory, "demo-1.0/.uv-cache/CACHEDIR.TAG");
            None(b, RuleCatalog.VirtualEnvironment);
        }

        [Fact]
        public void SymlinkAbsoluteInterpreterLinkWithoutEnvironmentMarkersGetsAHint()
        {
            var f = Single(Clean().Symlink("demo-1.0/.venv/bin/python", "/usr/bin/python3"), RuleCatalog.SymlinkAbsolute, "demo-1.0/.venv/bin/python");
            Assert.Contains("interpreter link of a virtual environment in `demo-1.0/.venv/`", f.Message);
        }

        [Fact]
        public void SymlinkEscapes()
        {
            var f = Single(Clean().Symlink("demo-1.0/sub/escape-link", "../../../outside.txt"), RuleCatalog.SymlinkEscapes, "demo-1.0/sub/escape-link");
            Assert.Contains("`../outside.txt`", f.Message);
            None(Clean().File("demo-1.0/real.txt", "x").Symlink("demo-1.0/sub/rel-link.txt", "../real.txt"), RuleCatalog.SymlinkEscapes);
        }

        [Fact]
        public void SymlinkEscapesThroughChain()
        {
            var b = Clean().Symlink("demo-1.0/up", "../..").Symlink("demo-1.0/innocent", "up/etc/passwd");
            var findings = Findings(b, RuleCatalog.SymlinkEscapes);
            Assert.Equal(2, findings.Count);
            Assert.Contains(findings, f => f.MemberIndex == 5 && f.Message.Contains("through `demo-1.0/up`"));
        }

        [Fact]
        public void SymlinkLeavesTopLevel()
        {
            var f = Single(Clean().File("other/x", "x").Symlink("demo-1.0/l", "../other/x"), RuleCatalog.SymlinkLeavesTopLevel, "demo-1.0/l");
            Assert.Contains("pip", f.Message);
            None(Clean().Symlink("demo-1.0/l", "src/demo/__init__.py"), RuleCatalog.SymlinkLeavesTopLevel);
        }

        [Fact]
        public void SymlinkToRoot()
        {
            Single(Clean().Symlink("root-link", "."), RuleCatalog.SymlinkToRoot, "root-link");
            Single(Clean().Symlink("demo-1.0/src/r", "../.."), RuleCatalog.SymlinkToRoot, "demo-1.0/src/r");
            None(Clean().Symlink("demo-1.0/here", "."), RuleCatalog.SymlinkToRoot);
        }

        [Fact]
        public void SymlinkLoop()
        {
            var findings = Findings(Clean().Symlink("demo-1.0/a", "b").Symlink("demo-1.0/b", "a"), RuleCatalog.SymlinkLoop);
            Assert.Equal(2, findings.Count);
            None(Clean().File("demo-1.0/c", "x").Symlink("demo-1.0/a", "b").Symlink("demo-1.0/b", "c"), RuleCatalog.SymlinkLoop);
        }

        [Fact]
        public void SymlinkTooDeep()
        {
            var b = Clean();
            for (var i = 0; i < 300; i++) b.Symlink($"demo-1.0/l{i}", $"l{i + 1}");
            b.File("demo-1.0/l300", "end");
            var findings = Findings(b, RuleCatalog.SymlinkTooDeep);
            Assert.Contains(findings, f => f.MemberIndex == 4);

            var shortChain = Clean();
            for (var i = 0; i < 50; i++) shortChain.Symlink($"demo-1.0/l{i}", $"l{i + 1}");
            shortChain.File("demo-1.0/l50", "end");
            None(shortChain, RuleCatalog.SymlinkTooDeep);
        }

        [Fact]
        public void SymlinkEmptyTarget()
        {
            Single(Clean().Symlink("demo-1.0/empty", ""), RuleCatalog.SymlinkEmptyTarget, "demo-1.0/empty");
            None(Clean().Symlink("demo-1.0/l", "src"), RuleCatalog.SymlinkEmptyTarget);
        }

        [Fact]
        public void SymlinkDangling()
        {
            var f = Single(Clean().Symlink("demo-1.0/gone", "missing.txt"), RuleCatalog.SymlinkDangling, "demo-1.0/gone");
            Assert.Equal(PySdistSeverity.Warning, f.Rule.Severity);
            None(Clean().Symlink("demo-1.0/pkg", "src/demo"), RuleCatalog.SymlinkDangling);
        }

        [Fact]
        public void SymlinkAsParent()
        {
            var b = Clean().Symlink("demo-1.0/lnk", "/tmp").File("demo-1.0/lnk/evil.sh", "x");
            var f = Single(b, RuleCatalog.SymlinkAsParent, "demo-1.0/lnk/evil.sh");
            Assert.Contains("outside the archive", f.Message);
            // The link after its would-be children is a type change, not a parent problem.
            None(Clean().File("demo-1.0/lnk/a.py", "x").Symlink("demo-1.0/lnk", "src"), RuleCatalog.SymlinkAsParent);
        }

        [Fact]
        public void NonDirectoryAsParent()
        {
            Single(Clean().File("demo-1.0/f", "x").File("demo-1.0/f/under", "x"), RuleCatalog.NonDirectoryAsParent, "demo-1.0/f/under");
            None(Clean().Directory("demo-1.0/d/").File("demo-1.0/d/under", "x"), RuleCatalog.NonDirectoryAsParent);
        }

        [Fact]
        public void PathTypeChange()
        {
            var f = Single(Clean().Directory("demo-1.0/docs/").File("demo-1.0/docs/a.md", "x").Symlink("demo-1.0/docs", "/etc"),
                RuleCatalog.PathTypeChange, "demo-1.0/docs");
            Assert.Contains("directory", f.Message);
            Single(Clean().File("demo-1.0/x", "1").Directory("demo-1.0/x/"), RuleCatalog.PathTypeChange, "demo-1.0/x/");
            Single(Clean().File("demo-1.0/lib/a.py", "1").File("demo-1.0/lib", "2"), RuleCatalog.PathTypeChange, "demo-1.0/lib");
            None(Clean().Directory("demo-1.0/docs/").File("demo-1.0/docs/a.md", "x").Directory("demo-1.0/docs/"), RuleCatalog.PathTypeChange);
        }

        [Fact]
        public void DuplicatePath()
        {
            var f = Single(Clean().File("demo-1.0/README", "1").File("demo-1.0/./README", "2"), RuleCatalog.DuplicatePath, "demo-1.0/./README");
            Assert.Contains("`demo-1.0/README`", f.Message);
            Assert.Contains("`demo-1.0/./README`", f.Message);
            // clusterfuzz#5436 shape: a hard link, then a regular member with the same name.
            Single(Clean().HardLink("demo-1.0/h", "demo-1.0/PKG-INFO").File("demo-1.0/h", "x"), RuleCatalog.DuplicatePath, "demo-1.0/h");
            None(Clean().File("demo-1.0/README", "1").File("demo-1.0/README.md", "2"), RuleCatalog.DuplicatePath);
        }

        // ----- hard links -----

        [Fact]
        public void HardlinkAbsolute()
        {
            Single(Clean().HardLink("demo-1.0/h", "/etc/passwd"), RuleCatalog.HardlinkAbsolute, "demo-1.0/h");
            None(Clean().HardLink("demo-1.0/h", "demo-1.0/PKG-INFO"), RuleCatalog.HardlinkAbsolute);
        }

        [Fact]
        public void HardlinkEscapes()
        {
            Single(Clean().HardLink("demo-1.0/h", "../outside"), RuleCatalog.HardlinkEscapes, "demo-1.0/h");
            None(Clean().HardLink("demo-1.0/h", "demo-1.0/src/../PKG-INFO"), RuleCatalog.HardlinkEscapes);
        }

        [Fact]
        public void HardlinkToMissing()
        {
            // Hard-link targets are root-relative: "PKG-INFO" is not "demo-1.0/PKG-INFO".
            var f = Single(Clean().HardLink("demo-1.0/h", "PKG-INFO"), RuleCatalog.HardlinkToMissing, "demo-1.0/h");
            Assert.Contains("archive root", f.Message);
            None(Clean().HardLink("demo-1.0/h", "demo-1.0/PKG-INFO"), RuleCatalog.HardlinkToMissing);
        }

        [Fact]
        public void HardlinkToLater()
        {
            Single(Clean().HardLink("demo-1.0/h", "demo-1.0/late.txt").File("demo-1.0/late.txt", "x"), RuleCatalog.HardlinkToLater, "demo-1.0/h");
            None(Clean().File("demo-1.0/early.txt", "x").HardLink("demo-1.0/h", "demo-1.0/early.txt"), RuleCatalog.HardlinkToLater);
        }

        [Fact]
        public void HardlinkToSelf()
        {
            Single(Clean().HardLink("demo-1.0/h", "demo-1.0/h"), RuleCatalog.HardlinkToSelf, "demo-1.0/h");
            None(Clean().HardLink("demo-1.0/h", "demo-1.0/PKG-INFO"), RuleCatalog.HardlinkToSelf);
        }

        [Fact]
        public void HardlinkToNonRegular()
        {
            var f = Single(Clean().Symlink("demo-1.0/s", "/etc/passwd").HardLink("demo-1.0/h", "demo-1.0/s"), RuleCatalog.HardlinkToNonRegular, "demo-1.0/h");
            Assert.Contains("gh-157190", f.Message);
            Single(Clean().Symlink("demo-1.0/etc", "/etc").HardLink("demo-1.0/h", "demo-1.0/etc/passwd"), RuleCatalog.HardlinkToNonRegular, "demo-1.0/h");
            Single(Clean().Member(Special("demo-1.0/fifo", PySdistEntryType.Fifo, '6')).HardLink("demo-1.0/h", "demo-1.0/fifo"), RuleCatalog.HardlinkToNonRegular, "demo-1.0/h");
            // A hard link to an earlier hard link to a regular file is fine.
            None(Clean().HardLink("demo-1.0/h1", "demo-1.0/PKG-INFO").HardLink("demo-1.0/h2", "demo-1.0/h1"), RuleCatalog.HardlinkToNonRegular);
        }

        [Fact]
        public void HardlinkToDirectory()
        {
            Single(Clean().HardLink("demo-1.0/h", "demo-1.0"), RuleCatalog.HardlinkToDirectory, "demo-1.0/h");
            Single(Clean().HardLink("demo-1.0/h", "demo-1.0/src"), RuleCatalog.HardlinkToDirectory, "demo-1.0/h");
            None(Clean().HardLink("demo-1.0/h", "demo-1.0/src/demo/__init__.py"), RuleCatalog.HardlinkToDirectory);
        }

        // ----- types and modes -----

        [Theory]
        [InlineData(PySdistEntryType.CharacterDevice, '3')]
        [InlineData(PySdistEntryType.BlockDevice, '4')]
        [InlineData(PySdistEntryType.Fifo, '6')]
        public void SpecialFile(PySdistEntryType type, char flag)
        {
            Single(Clean().Member(Special("demo-1.0/dev", type, flag)), RuleCatalog.SpecialFile, "demo-1.0/dev");
        }

        [Fact]
        public void SpecialFileSkipsSparseAndUnknown()
        {
            None(Clean().Member(Special("demo-1.0/s", PySdistEntryType.SparseFile, 'S')).Member(Special("demo-1.0/u", PySdistEntryType.Unknown, 'Z')),
                RuleCatalog.SpecialFile);
        }

        [Fact]
        public void SpecialModeBits()
        {
            var f = Single(Clean().File("demo-1.0/run.sh", "x", mode: 0x9ED /* 4755 */), RuleCatalog.SpecialModeBits, "demo-1.0/run.sh");
            Assert.Contains("4755", f.Message);
            Assert.Contains("setuid", f.Message);
            var d = Single(Clean().Directory("demo-1.0/tmp/", mode: 0x3FF /* 1777 */), RuleCatalog.SpecialModeBits, "demo-1.0/tmp/");
            Assert.Contains("sticky", d.Message);
            Assert.Contains("setuid, setgid and sticky bits", Single(Clean().File("demo-1.0/all", "x", mode: 0xFED /* 7755 */), RuleCatalog.SpecialModeBits, "demo-1.0/all").Message);
            None(Clean().File("demo-1.0/x.sh", "x", mode: 0x1ED /* 0755 */), RuleCatalog.SpecialModeBits);
        }

        [Fact]
        public void WritableMode()
        {
            var w = Single(Clean().File("demo-1.0/w.txt", "x", mode: 0x1B6 /* 0666 */), RuleCatalog.WritableMode, "demo-1.0/w.txt");
            Assert.Contains("group-write and other-write", w.Message);
            Assert.Contains("0666", w.Message);
            Single(Clean().Directory("demo-1.0/shared/", mode: 0x1FD /* 0775 */), RuleCatalog.WritableMode, "demo-1.0/shared/");
            // Symbolic links are 0777 by convention; no mode at all (zip) is not checked.
            None(Clean().Symlink("demo-1.0/l", "src").File("demo-1.0/x.sh", "x", mode: 0x1ED)
                .Member(new ArchiveMember { Path = "demo-1.0/nomode", Type = PySdistEntryType.File, TypeFlag = '0', Mode = null }),
                RuleCatalog.WritableMode);
        }

        [Fact]
        public void SymlinkAmbiguousTarget()
        {
            var f = Single(Clean().File("demo-1.0/x", "1").Symlink("demo-1.0/l", "sub/../x"), RuleCatalog.SymlinkAmbiguousTarget, "demo-1.0/l");
            Assert.Contains("`sub`", f.Message);
            None(Clean().File("x", "1").Symlink("demo-1.0/a/l", "../../x").Symlink("demo-1.0/m", "./src/demo"), RuleCatalog.SymlinkAmbiguousTarget);
        }
    }
}
