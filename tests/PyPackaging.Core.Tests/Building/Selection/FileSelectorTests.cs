using System.IO;
using System.Linq;
using PyPackaging.Building.Selection;
using PyPackaging.Checks.Hygiene;
using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Building.Selection
{
    /// <summary>The built-in names of the file selector come from the one list the Hygiene checks use.</summary>
    public class FileSelectorTests
    {
        [Fact]
        public void Every_shared_version_control_and_tool_cache_name_is_left_out_with_its_reason()
        {
            using var t = new TempDir();
            foreach (string name in LitterNames.VersionControl.Concat(LitterNames.ToolCaches).Append(LitterNames.BytecodeDirectory))
            {
                t.File(name + "/inside.txt");
            }
            t.File("kept.py");

            SourceTreeResult r = SourceTreeWalker.Walk(new SourceTreeOptions(t.Path));

            Assert.Equal(new[] { "kept.py" }, r.Files.Select(f => f.ArchivePath));
            foreach (string name in LitterNames.VersionControl)
            {
                Assert.Contains(r.Excluded, x => x.ArchivePath == name && x.Reason == ExclusionReason.VersionControl);
            }
            foreach (string name in LitterNames.ToolCaches)
            {
                Assert.Contains(r.Excluded, x => x.ArchivePath == name && x.Reason == ExclusionReason.ToolDirectory);
            }
            Assert.Contains(r.Excluded, x => x.ArchivePath == LitterNames.BytecodeDirectory && x.Reason == ExclusionReason.BytecodeCache);
            Assert.Equal(LitterNames.VersionControl.Count + LitterNames.ToolCaches.Count + 1, r.Excluded.Count);
        }
    }
}
