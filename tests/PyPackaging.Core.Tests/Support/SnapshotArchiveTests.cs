using System.Linq;
using PyPackaging.Archives;

namespace PyPackaging.Core.Tests.Support
{
    public class SnapshotArchiveTests
    {
        [Fact]
        public void Rule_tests_run_on_real_archives_in_every_header_dialect()
        {
            foreach (var format in new[] { MemberHeaderFormat.Pax, MemberHeaderFormat.Ustar, MemberHeaderFormat.Gnu, MemberHeaderFormat.V7 })
            {
                var builder = new SnapshotBuilder("demo-1.0.tar.gz")
                    .Directory("demo-1.0/")
                    .File("demo-1.0/PKG-INFO", "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\n", format: format)
                    .File("demo-1.0/pyproject.toml", "[project]\nname = \"demo\"\nversion = \"1.0\"\n", format: format)
                    .Symlink("demo-1.0/venv/bin/python", "/usr/local/bin/python3")
                    .File("demo-1.0/venv/pyvenv.cfg", "home = /usr/bin\n", format: format);
                var findings = builder.Check();
                Assert.True(builder.LastCheckWasArchive);
                Assert.Contains(findings, f => f.Rule.Id == "VirtualEnvironment");
                Assert.Contains(findings, f => f.Rule.Id == "SymlinkAbsolute");
            }
        }

        [Fact]
        public void Names_no_archive_can_carry_fall_back_to_the_in_memory_snapshot()
        {
            var builder = new SnapshotBuilder().Directory("demo-1.0/").File("demo-1.0/a\0b");
            builder.Check();
            Assert.False(builder.LastCheckWasArchive);
        }
    }
}
