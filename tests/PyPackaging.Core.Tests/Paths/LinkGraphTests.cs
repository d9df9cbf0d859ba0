using System.Linq;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Inspection;
using PyPackaging.Paths;

namespace PyPackaging.Core.Tests.Paths
{
    public class LinkGraphTests
    {
        private static LinkGraph Graph(SnapshotBuilder builder) => (builder.Build()).Links;

        private static SymlinkResolution Link(LinkGraph graph, string path) =>
            graph.Symlinks.Single(s => graph.Members[s.MemberIndex].Path == path);

        [Fact]
        public void RelativeTargetResolvesFromTheLinksOwnDirectory()
        {
            var g = Graph(new SnapshotBuilder().Directory("pkg-1.0/").File("pkg-1.0/target.txt", "x").Symlink("pkg-1.0/sub/link", "../target.txt"));
            var r = Link(g, "pkg-1.0/sub/link");
            Assert.Equal(SymlinkOutcome.Inside, r.Outcome);
            Assert.Equal("pkg-1.0/target.txt", r.ResolvedPath);
            Assert.Equal(1, r.TargetMemberIndex);
            Assert.False(r.LeavesTopLevel);
        }

        [Fact]
        public void DotDotPastTheRootEscapes()
        {
            var g = Graph(new SnapshotBuilder().Symlink("pkg-1.0/link", "../../outside"));
            var r = Link(g, "pkg-1.0/link");
            Assert.Equal(SymlinkOutcome.Escapes, r.Outcome);
            Assert.Equal("../outside", r.ResolvedPath);
        }

        [Fact]
        public void DotPointsAtTheOwnDirectory()
        {
            var g = Graph(new SnapshotBuilder().Directory("pkg-1.0/").Symlink("pkg-1.0/link", "."));
            var r = Link(g, "pkg-1.0/link");
            Assert.Equal(SymlinkOutcome.Inside, r.Outcome);
            Assert.Equal("pkg-1.0", r.ResolvedPath);
            Assert.True(r.TargetIsDirectory);
        }

        [Fact]
        public void TopLevelDotDotEscapes()
        {
            var g = Graph(new SnapshotBuilder().Symlink("link", ".."));
            Assert.Equal(SymlinkOutcome.Escapes, Link(g, "link").Outcome);
        }

        [Fact]
        public void TopLevelDotResolvesToTheRoot()
        {
            var g = Graph(new SnapshotBuilder().Symlink("link", "."));
            Assert.Equal(SymlinkOutcome.ResolvesToRoot, Link(g, "link").Outcome);
        }

        [Fact]
        public void DotDotAfterMissingComponentIsFoldedLexically()
        {
            var g = Graph(new SnapshotBuilder().File("pkg-1.0/x", "1").Symlink("pkg-1.0/link", "sub//../x"));
            var r = Link(g, "pkg-1.0/link");
            Assert.Equal(SymlinkOutcome.Inside, r.Outcome);
            Assert.Equal("pkg-1.0/x", r.ResolvedPath);
        }

        [Fact]
        public void AbsoluteTargetsIncludingDriveAndUnc()
        {
            var g = Graph(new SnapshotBuilder()
                .Symlink("pkg-1.0/venv/bin/python", "/usr/local/bin/python3")
                .Symlink("pkg-1.0/d", "C:foo")
                .Symlink("pkg-1.0/u", "\\\\server\\share"));
            Assert.All(g.Symlinks, r => Assert.Equal(SymlinkOutcome.Absolute, r.Outcome));
        }

        [Fact]
        public void ChainsThroughOtherLinksResolveToTheFinalMember()
        {
            var g = Graph(new SnapshotBuilder()
                .File("pkg-1.0/real.txt", "x")
                .Symlink("pkg-1.0/a", "b")
                .Symlink("pkg-1.0/b", "sub/c")
                .Symlink("pkg-1.0/sub/c", "../real.txt"));
            var r = Link(g, "pkg-1.0/a");
            Assert.Equal(SymlinkOutcome.Inside, r.Outcome);
            Assert.Equal("pkg-1.0/real.txt", r.ResolvedPath);
            Assert.Equal(2, r.Via.Count);
        }

        [Fact]
        public void LinkUsedAsIntermediateDirectoryIsExpanded()
        {
            // pkg-1.0/a/b/up -> ../.. (that is pkg-1.0); pkg-1.0/l -> a/b/up/../../x. Physically up/.. is the archive root
            // and the next '..' climbs out, although a purely textual normalisation gives pkg-1.0/a/x.
            var g = Graph(new SnapshotBuilder()
                .Directory("pkg-1.0/a/b/")
                .Symlink("pkg-1.0/a/b/up", "../..")
                .Symlink("pkg-1.0/l", "a/b/up/../../x"));
            Assert.Equal(SymlinkOutcome.Inside, Link(g, "pkg-1.0/a/b/up").Outcome);
            var r = Link(g, "pkg-1.0/l");
            Assert.Equal(SymlinkOutcome.Escapes, r.Outcome);
            Assert.Contains(g.Members.Single(m => m.Path == "pkg-1.0/a/b/up").Index, r.Via);
        }

        [Fact]
        public void TargetThroughAnotherLinkThatEscapesIsAnEscape()
        {
            var g = Graph(new SnapshotBuilder()
                .Symlink("pkg-1.0/up", "../..")
                .Symlink("pkg-1.0/innocent", "up/etc/passwd"));
            var r = Link(g, "pkg-1.0/innocent");
            Assert.Equal(SymlinkOutcome.Escapes, r.Outcome);
            Assert.Equal("../etc/passwd", r.ResolvedPath);
            Assert.Equal(g.Members.Single(m => m.Path == "pkg-1.0/up").Index, r.CulpritIndex);
        }

        [Fact]
        public void TargetThroughAnAbsoluteLinkIsAbsolute()
        {
            var g = Graph(new SnapshotBuilder()
                .Symlink("pkg-1.0/etc", "/etc")
                .Symlink("pkg-1.0/pw", "etc/passwd"));
            var r = Link(g, "pkg-1.0/pw");
            Assert.Equal(SymlinkOutcome.Absolute, r.Outcome);
            Assert.Equal(0, r.CulpritIndex);
        }

        [Fact]
        public void CyclesAreDetected()
        {
            var g = Graph(new SnapshotBuilder()
                .Symlink("pkg-1.0/a", "b")
                .Symlink("pkg-1.0/b", "c")
                .Symlink("pkg-1.0/c", "a")
                .Symlink("pkg-1.0/self", "self")
                .Symlink("pkg-1.0/into", "a/x"));
            Assert.All(g.Symlinks, r => Assert.Equal(SymlinkOutcome.Loop, r.Outcome));
        }

        [Fact]
        public void LongChainIsCutOffAsTooDeep()
        {
            // CVE-2025-4517 style: a chain far longer than any real project needs, ending in a '..'-bearing escape.
            var b = new SnapshotBuilder().Directory("pkg-1.0/");
            const int n = 400;
            for (var i = 0; i < n; i++) b.Symlink($"pkg-1.0/l{i}", $"l{i + 1}");
            b.Symlink($"pkg-1.0/l{n}", "../../../../etc/passwd");
            var g = Graph(b);
            Assert.Equal(SymlinkOutcome.TooDeep, Link(g, "pkg-1.0/l0").Outcome);
            // Links near the end of the chain resolve on their own and are seen to escape.
            Assert.Equal(SymlinkOutcome.Escapes, Link(g, $"pkg-1.0/l{n - 3}").Outcome);
            Assert.DoesNotContain(g.Symlinks, r => r.Outcome == SymlinkOutcome.Inside);
        }

        [Fact]
        public void ModerateChainWithinTheCapResolves()
        {
            var b = new SnapshotBuilder().File("pkg-1.0/end.txt", "x");
            for (var i = 0; i < 100; i++) b.Symlink($"pkg-1.0/l{i}", i == 99 ? "end.txt" : $"l{i + 1}");
            var g = Graph(b);
            Assert.Equal(SymlinkOutcome.Inside, Link(g, "pkg-1.0/l0").Outcome);
        }

        [Fact]
        public void DanglingAndImpliedDirectories()
        {
            var g = Graph(new SnapshotBuilder()
                .File("pkg-1.0/src/pkg/__init__.py", "")
                .Symlink("pkg-1.0/srclink", "src")
                .Symlink("pkg-1.0/gone", "missing.txt"));
            var src = Link(g, "pkg-1.0/srclink");
            Assert.Equal(SymlinkOutcome.Inside, src.Outcome);
            Assert.True(src.TargetIsDirectory);
            Assert.Equal(-1, src.TargetMemberIndex);
            Assert.Equal(SymlinkOutcome.Dangling, Link(g, "pkg-1.0/gone").Outcome);
        }

        [Fact]
        public void LeavingTheTopLevelDirectoryIsRecorded()
        {
            var g = Graph(new SnapshotBuilder().File("other/x", "1").Symlink("pkg-1.0/l", "../other/x"));
            var r = Link(g, "pkg-1.0/l");
            Assert.Equal(SymlinkOutcome.Inside, r.Outcome);
            Assert.True(r.LeavesTopLevel);
        }

        [Fact]
        public void LaterMemberReplacingAComponentIsJudgedOnTheFinalState()
        {
            // CVE-2025-4138 shape: when the link is read, "sub" does not exist; a later member makes it an escaping link.
            var g = Graph(new SnapshotBuilder()
                .Symlink("pkg-1.0/l", "sub/x")
                .Symlink("pkg-1.0/sub", "../../.."));
            Assert.Equal(SymlinkOutcome.Escapes, Link(g, "pkg-1.0/l").Outcome);
        }

        [Theory]
        [InlineData("pkg-1.0/a.txt", HardLinkOutcome.Regular)]
        [InlineData("a.txt", HardLinkOutcome.Missing)]
        [InlineData("../outside", HardLinkOutcome.Escapes)]
        [InlineData("/etc/passwd", HardLinkOutcome.Absolute)]
        [InlineData("pkg-1.0/hard", HardLinkOutcome.Self)]
        [InlineData("pkg-1.0/later.txt", HardLinkOutcome.Later)]
        [InlineData("pkg-1.0/sym", HardLinkOutcome.ToSymlink)]
        [InlineData("pkg-1.0/symdir/passwd", HardLinkOutcome.ThroughSymlink)]
        [InlineData("pkg-1.0", HardLinkOutcome.ToDirectory)]
        [InlineData("pkg-1.0/fifo", HardLinkOutcome.ToNonRegular)]
        [InlineData("pkg-1.0/first-hard", HardLinkOutcome.Regular)]
        [InlineData("", HardLinkOutcome.EmptyTarget)]
        public void HardLinksResolveFromTheArchiveRoot(string target, HardLinkOutcome expected)
        {
            var g = Graph(new SnapshotBuilder()
                .Directory("pkg-1.0/")
                .File("pkg-1.0/a.txt", "a")
                .Symlink("pkg-1.0/sym", "a.txt")
                .Symlink("pkg-1.0/symdir", "/etc")
                .Member(new PyPackaging.Archives.ArchiveMember { Path = "pkg-1.0/fifo", Type = PySdistEntryType.Fifo, TypeFlag = '6' })
                .HardLink("pkg-1.0/first-hard", "pkg-1.0/a.txt")
                .HardLink("pkg-1.0/hard", target)
                .File("pkg-1.0/later.txt", "l"));
            var r = g.HardLinks.Single(h => g.Members[h.MemberIndex].Path == "pkg-1.0/hard");
            Assert.Equal(expected, r.Outcome);
        }

        [Fact]
        public void ParentProblemsAndCollisions()
        {
            var g = Graph(new SnapshotBuilder()
                .Directory("pkg-1.0/")
                .Symlink("pkg-1.0/lnk", "/tmp")
                .File("pkg-1.0/lnk/evil", "x")
                .File("pkg-1.0/f", "x")
                .File("pkg-1.0/f/under", "x")
                .File("pkg-1.0/d/a.py", "x")
                .Symlink("pkg-1.0/d", "/etc")
                .File("pkg-1.0/dup.txt", "1")
                .File("pkg-1.0/./dup.txt", "2")
                .Directory("pkg-1.0/")
                .File("pkg-1.0/ok/b.py", "x")
                .File("pkg-1.0/ok/c.py", "x"));
            Assert.Equal(new[] { 2, 4 }, g.ParentProblems.Select(p => p.MemberIndex).ToArray());
            Assert.Equal(ParentProblemKind.SymlinkParent, g.ParentProblems[0].Kind);
            Assert.Equal(ParentProblemKind.NonDirectoryParent, g.ParentProblems[1].Kind);
            var change = Assert.Single(g.Collisions, c => c.IsTypeChange);
            Assert.Equal(6, change.MemberIndex);
            Assert.True(change.EarlierIsImplied);
            var dup = Assert.Single(g.Collisions, c => !c.IsTypeChange);
            Assert.Equal(8, dup.MemberIndex);
            Assert.Equal(7, dup.EarlierIndex);
        }
    }
}
