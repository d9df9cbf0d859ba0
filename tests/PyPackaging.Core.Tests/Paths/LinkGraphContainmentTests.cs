using System.Linq;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Inspection;
using PyPackaging.Paths;

namespace PyPackaging.Core.Tests.Paths
{
    public class LinkGraphContainmentTests
    {
        [Fact]
        public void IsContainedAcceptsOnlyCleanMembers()
        {
            var g = (new SnapshotBuilder()
                .Directory("pkg-1.0/")                          // 0 ok
                .File("pkg-1.0/a.txt", "a")                     // 1 ok
                .Symlink("pkg-1.0/l", "a.txt")                  // 2 ok
                .HardLink("pkg-1.0/h", "pkg-1.0/a.txt")         // 3 ok
                .Symlink("pkg-1.0/abs", "/etc")                 // 4 absolute
                .File("pkg-1.0/abs/x", "x")                     // 5 below a link
                .File("pkg-1.0/a.txt", "again")                 // 6 duplicate
                .File("../evil", "x")                           // 7 escapes
                .File("pkg-1.0/x/../y", "x")                    // 8 '..'
                .Symlink("pkg-1.0/gone", "nothing")             // 9 dangling
                .Symlink("pkg-1.0/dirlink", ".").Build()).Links;      // 10 to a directory inside: allowed
            var expected = new[] { true, true, true, true, false, false, false, false, false, false, true };
            Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(g.IsContained).ToArray());
        }

        [Fact]
        public void PerMemberLookups()
        {
            var g = (new SnapshotBuilder().File("p/f", "1").File("p/f/x", "2").File("p/f", "3").Build()).Links;
            Assert.NotNull(g.ParentProblemOf(1));
            Assert.Null(g.ParentProblemOf(0));
            Assert.NotNull(g.CollisionOf(2));
            Assert.Null(g.CollisionOf(0));
        }
    }
}
