using System.IO;
using System.Threading.Tasks;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Extraction;
using Xunit;

namespace PyPackaging.Core.Tests.Extraction
{
    /// <summary>What Expand treats as a link it refuses to write through, on the real file system.</summary>
    public sealed class StagingAreaLinkTests
    {
        [Fact]
        public void Only_symbolic_links_count_as_links_dangling_ones_included()
        {
            using var temp = new TempDir();
            string dir = Directory.CreateDirectory(Path.Combine(temp.Path, "dir")).FullName;
            string file = temp.File("file.txt");
            Assert.False(StagingArea.IsLink(dir));
            Assert.False(StagingArea.IsLink(file));
            Assert.False(StagingArea.IsLink(Path.Combine(temp.Path, "missing")));

            string toDir = Path.Combine(temp.Path, "to-dir");
            File.CreateSymbolicLink(toDir, dir);
            Assert.True(StagingArea.IsLink(toDir));
            string dangling = Path.Combine(temp.Path, "dangling");
            File.CreateSymbolicLink(dangling, Path.Combine(temp.Path, "nowhere"));
            Assert.True(StagingArea.IsLink(dangling));
        }

        /// <summary>
        /// Two concurrent Expand runs into a destination neither has created yet: the one that asks while the other
        /// creates the directory must not take the fresh directory for a link (the README's -ThrottleLimit example
        /// failed that way once). Many rounds of a creator racing an asker make the window likely to be hit.
        /// </summary>
        [Fact]
        public void A_directory_created_while_it_is_asked_about_is_never_a_link()
        {
            using var temp = new TempDir();
            for (int round = 0; round < 5000; round++)
            {
                string path = Path.Combine(temp.Path, "d" + round);
                var create = Task.Run(() => Directory.CreateDirectory(path));
                Assert.False(StagingArea.IsLink(path));
                create.Wait();
                Assert.False(StagingArea.IsLink(path));
            }
        }
    }
}
