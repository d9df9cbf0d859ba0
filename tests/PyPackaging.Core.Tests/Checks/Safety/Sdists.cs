using System.Collections.Generic;
using System.Linq;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Rules;

namespace PyPackaging.Core.Tests.Checks
{
    /// <summary>Shared fixtures for the Structure, Safety and Hygiene check tests.</summary>
    internal static class Sdists
    {
        public const string PkgInfo = "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\n";
        public const string Pyproject = "[project]\nname = \"demo\"\nversion = \"1.0\"\n";

        /// <summary>A well-formed sdist: demo-1.0/ with PKG-INFO, pyproject.toml and a package, all pax.</summary>
        public static SnapshotBuilder Clean(string fileName = "demo-1.0.tar.gz") =>
            new SnapshotBuilder(fileName)
                .Directory("demo-1.0/")
                .File("demo-1.0/PKG-INFO", PkgInfo)
                .File("demo-1.0/pyproject.toml", Pyproject)
                .File("demo-1.0/src/demo/__init__.py", "");

        public static IReadOnlyList<RawFinding> Run(SnapshotBuilder builder) => builder.Check();

        /// <summary>The findings of one rule.</summary>
        public static List<RawFinding> Of(this IReadOnlyList<RawFinding> findings, PySdistRule rule) =>
            findings.Where(f => f.Rule.Id == rule.Id).ToList();

        public static List<RawFinding> Findings(SnapshotBuilder builder, PySdistRule rule) => builder.Check().Of(rule);

        /// <summary>Exactly one finding of <paramref name="rule"/>, on the member at <paramref name="path"/> (null: archive level).</summary>
        public static RawFinding Single(SnapshotBuilder builder, PySdistRule rule, string? path)
        {
            var snapshot = builder.Build();
            var findings = Findings(builder, rule);
            var finding = Assert.Single(findings);
            if (path == null) Assert.Equal(-1, finding.MemberIndex);
            else Assert.Equal(path, snapshot.Members[finding.MemberIndex].Path);
            Assert.False(string.IsNullOrWhiteSpace(finding.Message));
            Assert.False(string.IsNullOrWhiteSpace(finding.Remedy));
            return finding;
        }

        public static void None(SnapshotBuilder builder, PySdistRule rule)
        {
            var findings = Findings(builder, rule);
            Assert.True(findings.Count == 0, rule.Id + " should not fire, but: " + string.Join(" | ", findings.Select(f => f.Message)));
        }
    }
}
