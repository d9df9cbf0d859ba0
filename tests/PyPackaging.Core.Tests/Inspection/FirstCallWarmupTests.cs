using System.Linq;
using PyPackaging.Inspection;
using Xunit;

namespace PyPackaging.Core.Tests.Inspection
{
    /// <summary>
    /// The warm-up only prepares the code a real check runs through if its sdist is a complete, clean one: a sdist the
    /// checks stopped early on (unreadable metadata, a broken archive) would leave most of them cold.
    /// </summary>
    public class FirstCallWarmupTests
    {
        [Fact]
        public void The_warm_up_sdist_is_read_to_the_end_and_every_check_passes_it()
        {
            var inspection = FirstCallWarmup.Run();

            Assert.True(inspection.Snapshot.Completed);
            Assert.Equal(8, inspection.Snapshot.Members.Count);
            var findings = inspection.Entries.SelectMany(e => e.Findings).ToList();
            Assert.DoesNotContain(findings, f => f.Severity != PySdistSeverity.Information);
            // PKG-INFO and pyproject.toml were read and parsed (what keeps the metadata and TOML checks from bailing out).
            Assert.Contains(inspection.Snapshot.Members, m => m.Path == "warm_up-1.0/PKG-INFO");
            Assert.Contains(inspection.Snapshot.Members, m => m.Path == "warm_up-1.0/pyproject.toml");
        }
    }
}
