using System;
using System.IO;
using System.Linq;
using PyPackaging.Inspection;
using PyPackaging.Rules;

namespace PyPackaging.Core.Tests.Checks.Structure
{
    /// <summary>The bundled example sdists, read by the real reader: the clean one has no layout, safety or hygiene findings; the leaky one is uv#14897.</summary>
    public class ExampleSdistTests
    {
        private static string Example(string name)
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "PyPackaging.sln"))) dir = dir.Parent;
            Assert.NotNull(dir);
            return Path.Combine(dir!.FullName, "examples", "sdists", name);
        }

        private static bool Mine(PySdistRule rule) =>
            rule.Category == PySdistRuleCategory.Structure || rule.Category == PySdistRuleCategory.Safety || rule.Category == PySdistRuleCategory.Hygiene;

        [Fact]
        public void CleanExampleHasNoStructureSafetyOrHygieneFindings()
        {
            var inspection = new SdistInspector().Inspect(Example("demo_pkg-1.0.0.tar.gz"));
            var mine = inspection.Findings.Findings.Where(f => Mine(f.Rule)).Select(f => f.Rule.Id + ": " + f.Message).ToList();
            Assert.True(mine.Count == 0, string.Join(Environment.NewLine, mine));
        }

        [Fact]
        public void LeakyExampleIsTheUv14897Case()
        {
            var inspection = new SdistInspector().Inspect(Example("leaky_pkg-1.0.0.tar.gz"));
            var members = inspection.Snapshot.Members;
            var findings = inspection.Findings.Findings.Where(f => Mine(f.Rule)).ToList();
            string PathOf(RawFinding f) => f.MemberIndex < 0 ? "(archive)" : members[f.MemberIndex].Path;

            var venv = Assert.Single(findings, f => f.Rule.Id == "VirtualEnvironment");
            Assert.Equal("leaky_pkg-1.0.0/venv/bin/python", PathOf(venv));
            Assert.Contains("`leaky_pkg-1.0.0/venv/` is a virtual environment", venv.Message);

            // No two findings on one member read the same (issue 7: the venv link carried the same text twice).
            foreach (var entry in inspection.Entries)
            {
                Assert.Equal(entry.Findings.Count, entry.Findings.Select(f => f.Message).Distinct(StringComparer.Ordinal).Count());
            }

            var absolute = findings.Where(f => f.Rule.Id == "SymlinkAbsolute").Select(PathOf).OrderBy(p => p, StringComparer.Ordinal).ToArray();
            // venv/bin/python3 -> python is reported too: it leads through the absolute link.
            Assert.Equal(new[] { "leaky_pkg-1.0.0/.uv-cache/builds-v0/.tmpX/bin/python", "leaky_pkg-1.0.0/venv/bin/python", "leaky_pkg-1.0.0/venv/bin/python3" }, absolute);
            Assert.Contains(findings, f => f.Rule.Id == "SymlinkAbsolute" && PathOf(f) == "leaky_pkg-1.0.0/venv/bin/python3" && f.Message.Contains("through `leaky_pkg-1.0.0/venv/bin/python`"));
            Assert.Contains(findings, f => f.Rule.Id == "SymlinkAbsolute" && f.Message.Contains("cache directory `leaky_pkg-1.0.0/.uv-cache/`"));

            var caches = findings.Where(f => f.Rule.Id == "CacheDirectory").Select(PathOf).OrderBy(p => p, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "leaky_pkg-1.0.0/.uv-cache/CACHEDIR.TAG", "leaky_pkg-1.0.0/src/leaky_pkg/__pycache__/__init__.cpython-312.pyc" }, caches);
            Assert.True(inspection.HasErrors);
        }
    }
}
