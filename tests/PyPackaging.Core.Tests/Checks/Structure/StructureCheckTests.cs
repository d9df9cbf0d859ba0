using System.Linq;
using PyPackaging.Archives;
using PyPackaging.Checks.Structure;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Rules;
using static PyPackaging.Core.Tests.Checks.Sdists;

namespace PyPackaging.Core.Tests.Checks.Structure
{
    public class StructureCheckTests
    {
        [Fact]
        public void CleanSdistHasNoStructureSafetyOrHygieneFindings()
        {
            var findings = Run(Clean());
            Assert.DoesNotContain(findings, f => f.Rule.Category == PySdistRuleCategory.Structure
                || f.Rule.Category == PySdistRuleCategory.Safety || f.Rule.Category == PySdistRuleCategory.Hygiene);
        }

        [Theory]
        [InlineData("demo-1.0.tar.gz", "demo-1.0")]
        [InlineData("demo-1.0.zip", "demo-1.0")]
        [InlineData("Demo-1.0.TAR.GZ", "Demo-1.0")]
        [InlineData("demo-1.0.tar.bz2", "demo-1.0")]
        [InlineData("demo-1.0.tgz", "demo-1.0")]
        public void StemStripsTheArchiveSuffix(string fileName, string stem)
        {
            Assert.Equal(stem, LayoutCheck.Stem(fileName));
        }

        [Fact]
        public void ContainerZipIsALegacySdist()
        {
            var f = Single(Clean("demo-1.0.zip").Container(ContainerFormat.Zip), RuleCatalog.ContainerNotTarGz, null);
            Assert.Contains("legacy zip sdist, not accepted by PEP 625/PyPI", f.Message);
            None(Clean(), RuleCatalog.ContainerNotTarGz);
        }

        [Theory]
        [InlineData(ContainerFormat.Tar, "uncompressed")]
        [InlineData(ContainerFormat.Bzip2, "bzip2")]
        [InlineData(ContainerFormat.Xz, "xz")]
        [InlineData(ContainerFormat.Zstandard, "zstd")]
        [InlineData(ContainerFormat.Unknown, "not a recognised archive")]
        [InlineData(ContainerFormat.Empty, "empty")]
        public void OtherContainers(ContainerFormat container, string wording)
        {
            var f = Single(Clean().Container(container), RuleCatalog.ContainerNotTarGz, null);
            Assert.Contains(wording, f.Message);
            Assert.Contains("`demo-1.0.tar.gz`", f.Message);
        }

        [Fact]
        public void TopLevelNotSingle()
        {
            var b = new SnapshotBuilder().File("a/PKG-INFO", PkgInfo).File("b/pyproject.toml", Pyproject);
            var f = Single(b, RuleCatalog.TopLevelNotSingle, null);
            Assert.Contains("`a/`", f.Message);
            Assert.Contains("`b/`", f.Message);
            None(b, RuleCatalog.MissingPkgInfo);
            None(Clean(), RuleCatalog.TopLevelNotSingle);
        }

        [Fact]
        public void TopLevelMismatch()
        {
            var b = new SnapshotBuilder("demo-1.0.tar.gz").Directory("Demo-1.0/").File("Demo-1.0/PKG-INFO", PkgInfo).File("Demo-1.0/pyproject.toml", Pyproject);
            var f = Single(b, RuleCatalog.TopLevelMismatch, null);
            Assert.Contains("`Demo-1.0/`", f.Message);
            Assert.Contains("`demo-1.0/`", f.Message);
            // PKG-INFO is looked up in the directory that is actually there.
            None(b, RuleCatalog.MissingPkgInfo);
            None(Clean(), RuleCatalog.TopLevelMismatch);
        }

        [Fact]
        public void MemberOutsideTopLevel()
        {
            var b = Clean().File("extra/a.txt", "").File("extra/b.txt", "");
            var f = Single(b, RuleCatalog.MemberOutsideTopLevel, "extra/a.txt");
            Assert.Contains("2 member(s)", f.Message);
            None(b, RuleCatalog.TopLevelNotSingle);
            None(Clean().File("demo-1.0/extra/a.txt", ""), RuleCatalog.MemberOutsideTopLevel);
        }

        [Fact]
        public void TopLevelFile()
        {
            Single(Clean().File("setup.py", ""), RuleCatalog.TopLevelFile, "setup.py");
            Single(Clean().Symlink("link", "demo-1.0/PKG-INFO"), RuleCatalog.TopLevelFile, "link");
            None(Clean().File("demo-1.0/setup.py", ""), RuleCatalog.TopLevelFile);
        }

        [Fact]
        public void MissingPkgInfo()
        {
            var b = new SnapshotBuilder().Directory("demo-1.0/").File("demo-1.0/pyproject.toml", Pyproject);
            var f = Single(b, RuleCatalog.MissingPkgInfo, null);
            Assert.Contains("`demo-1.0/PKG-INFO`", f.Message);
            // A nested PKG-INFO does not count; an incomplete read cannot claim absence.
            Single(new SnapshotBuilder().File("demo-1.0/sub/PKG-INFO", PkgInfo).File("demo-1.0/pyproject.toml", Pyproject), RuleCatalog.MissingPkgInfo, null);
            None(new SnapshotBuilder().Directory("demo-1.0/").Incomplete("truncated"), RuleCatalog.MissingPkgInfo);
            None(Clean(), RuleCatalog.MissingPkgInfo);
        }

        [Fact]
        public void PkgInfoNotRegular()
        {
            var b = new SnapshotBuilder().Directory("demo-1.0/").File("demo-1.0/meta", PkgInfo).Symlink("demo-1.0/PKG-INFO", "meta").File("demo-1.0/pyproject.toml", Pyproject);
            var f = Single(b, RuleCatalog.PkgInfoNotRegular, "demo-1.0/PKG-INFO");
            Assert.Contains("symbolic link", f.Message);
            None(b, RuleCatalog.MissingPkgInfo);
            Single(new SnapshotBuilder().Directory("demo-1.0/PKG-INFO/").File("demo-1.0/pyproject.toml", Pyproject), RuleCatalog.PkgInfoNotRegular, "demo-1.0/PKG-INFO/");
            None(Clean(), RuleCatalog.PkgInfoNotRegular);
        }

        [Fact]
        public void MissingPyprojectToml()
        {
            var b = new SnapshotBuilder().Directory("demo-1.0/").File("demo-1.0/PKG-INFO", PkgInfo).File("demo-1.0/setup.py", "");
            var f = Single(b, RuleCatalog.MissingPyprojectToml, null);
            // A legacy sdist: PyPI accepts it and pip/uv build it through setup.py, so it is a fact, not a refusal.
            Assert.Equal(PySdistSeverity.Information, f.Rule.Severity);
            Assert.Contains("legacy sdist", f.Message);
            None(new SnapshotBuilder().Directory("demo-1.0/").File("demo-1.0/PKG-INFO", PkgInfo).Incomplete("limit"), RuleCatalog.MissingPyprojectToml);
            None(Clean(), RuleCatalog.MissingPyprojectToml);
        }

        [Fact]
        public void PyprojectTomlNotRegular()
        {
            var b = new SnapshotBuilder().Directory("demo-1.0/").File("demo-1.0/PKG-INFO", PkgInfo).HardLink("demo-1.0/pyproject.toml", "demo-1.0/PKG-INFO");
            Single(b, RuleCatalog.PyprojectTomlNotRegular, "demo-1.0/pyproject.toml");
            None(Clean(), RuleCatalog.PyprojectTomlNotRegular);
        }

        [Fact]
        public void NonPaxHeaderIsOneArchiveLevelSummary()
        {
            var b = Clean()
                .File("demo-1.0/a.py", "", format: MemberHeaderFormat.Gnu)
                .File("demo-1.0/b.py", "", format: MemberHeaderFormat.Gnu)
                .File("demo-1.0/c.py", "", format: MemberHeaderFormat.V7);
            var f = Single(b, RuleCatalog.NonPaxHeader, null);
            Assert.Contains("2 use GNU headers", f.Message);
            Assert.Contains("1 use pre-POSIX (v7) headers", f.Message);
            Assert.Contains("Of the 7 members", f.Message);
            // Plain ustar headers are the base of pax (members that need no extended header); zip members have none.
            None(Clean().File("demo-1.0/u.py", "", format: MemberHeaderFormat.Ustar), RuleCatalog.NonPaxHeader);
        }
    }
}
