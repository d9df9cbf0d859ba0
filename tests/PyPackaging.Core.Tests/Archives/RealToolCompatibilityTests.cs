using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PyPackaging;
using PyPackaging.Archives;
using static PyPackaging.Core.Tests.Archives.ArchiveTestHelper;

using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>
    /// Archives written by Python's tarfile and GNU tar must read without findings, with the same members, sizes,
    /// types and link targets that Python's tarfile reports (the oracle).
    /// </summary>
    public sealed class RealToolCompatibilityTests : IDisposable
    {
        private readonly string _dir = NewTempDir("compat");

        public void Dispose()
        {
            if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
        }

        private const string ListScript = @"
import json, sys, tarfile
out = []
with tarfile.open(sys.argv[1]) as t:
    for m in t:
        out.append([m.name, m.size, m.type.decode('latin-1'), m.linkname, m.mode])
print(json.dumps(out))
";

        /// <summary>A source tree with the cases that exercise each header dialect.</summary>
        private string MakeTree(bool longNames)
        {
            var root = Path.Combine(_dir, "src");
            var top = Path.Combine(root, "demo-1.0");
            Directory.CreateDirectory(Path.Combine(top, "pkg", "sub"));
            File.WriteAllText(Path.Combine(top, "PKG-INFO"), "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\n");
            File.WriteAllText(Path.Combine(top, "pyproject.toml"), "[project]\nname = 'demo'\n");
            File.WriteAllText(Path.Combine(top, "pkg", "__init__.py"), "");
            var big = new byte[1_500_000];
            new Random(3).NextBytes(big);
            File.WriteAllBytes(Path.Combine(top, "pkg", "sub", "data.bin"), big);
            File.WriteAllText(Path.Combine(top, "run.sh"), "#!/bin/sh\necho hi\n");
            File.SetUnixFileMode(Path.Combine(top, "run.sh"), (UnixFileMode)Convert.ToInt32("755", 8));
            File.CreateSymbolicLink(Path.Combine(top, "link.txt"), "PKG-INFO");
            if (longNames)
            {
                var deep = Path.Combine(top, new string('d', 90), new string('e', 90));
                Directory.CreateDirectory(deep);
                File.WriteAllText(Path.Combine(deep, new string('f', 110) + ".py"), "x = 1\n");
                File.WriteAllText(Path.Combine(top, "pkg", "caf\u00e9_\u00fcber.py"), "y = 2\n");
                File.CreateSymbolicLink(Path.Combine(top, "longlink"), new string('t', 150));
            }
            return root;
        }

        private static string Run(string file, IEnumerable<string> args, string? workDir = null) => ExternalTool.Check(file, args, workDir);

        private void AssertMatchesTarfile(string archive, int minMembers)
        {
            var json = Run("python3", new[] { "-c", ListScript, archive });
            var expected = JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => new
            {
                Name = e[0].GetString()!,
                Size = e[1].GetInt64(),
                Type = e[2].GetString()!,
                Link = e[3].GetString()!,
                Mode = e[4].GetInt32(),
            }).ToList();
            var r = ReadFile(archive);
            Assert.True(r.Findings.Findings.Count == 0, archive + "\n" + r.Describe());
            Assert.True(r.Completed, r.Describe());
            Assert.True(expected.Count >= minMembers, json);
            Assert.Equal(expected.Count, r.Members.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                var e = expected[i];
                var m = r.Members[i];
                // tarfile strips the trailing '/' of directory names; the reader keeps names as stored.
                Assert.Equal(e.Name, m.Type == PySdistEntryType.Directory ? m.Path.TrimEnd('/') : m.Path);
                Assert.Equal(e.Type switch
                {
                    "0" or "\0" or "7" => PySdistEntryType.File,
                    "5" => PySdistEntryType.Directory,
                    "2" => PySdistEntryType.SymbolicLink,
                    "1" => PySdistEntryType.HardLink,
                    _ => PySdistEntryType.Unknown,
                }, m.Type);
                if (m.Type == PySdistEntryType.File) Assert.Equal(e.Size, m.Size);
                if (m.Type == PySdistEntryType.SymbolicLink || m.Type == PySdistEntryType.HardLink) Assert.Equal(e.Link, m.LinkTarget);
                else Assert.Null(m.LinkTarget);
                Assert.Equal(e.Mode, m.Mode);
            }
            var data = r.Members.FindIndex(m => m.Path.EndsWith("data.bin", StringComparison.Ordinal));
            Assert.Equal(1_500_000, r.Data[data].Length);
        }

        [Theory]
        [InlineData("PAX_FORMAT", true)]
        [InlineData("GNU_FORMAT", true)]
        [InlineData("USTAR_FORMAT", false)]
        public void PythonTarfileArchivesMatch(string format, bool longNames)
        {
            var root = MakeTree(longNames);
            var archive = Path.Combine(_dir, "demo-1.0-" + format + ".tar.gz");
            Run("python3", new[] { "-c", "import sys, tarfile\nwith tarfile.open(sys.argv[1], 'w:gz', format=getattr(tarfile, sys.argv[3])) as t: t.add(sys.argv[2], arcname='demo-1.0')",
                archive, Path.Combine(root, "demo-1.0"), format });
            AssertMatchesTarfile(archive, longNames ? 12 : 9);
        }

        [Fact]
        public void PythonTarfileHardLinksMatch()
        {
            var root = MakeTree(false);
            Run("ln", new[] { Path.Combine(root, "demo-1.0", "PKG-INFO"), Path.Combine(root, "demo-1.0", "hard.txt") });
            var archive = Path.Combine(_dir, "hard.tar.gz");
            Run("python3", new[] { "-c", "import sys, tarfile\nwith tarfile.open(sys.argv[1], 'w:gz') as t: t.add(sys.argv[2], arcname='demo-1.0')", archive, Path.Combine(root, "demo-1.0") });
            AssertMatchesTarfile(archive, 9);
            Assert.Contains(ReadFile(archive).Members, m => m.Type == PySdistEntryType.HardLink);
        }

        [Theory]
        [InlineData("posix", true)]
        [InlineData("gnu", true)]
        [InlineData("oldgnu", true)]
        [InlineData("ustar", false)]
        [InlineData("v7", false)]
        public void GnuTarArchivesMatch(string format, bool longNames)
        {
            var root = MakeTree(longNames);
            var archive = Path.Combine(_dir, "demo-1.0-" + format + ".tar.gz");
            Run("tar", new[] { "--format=" + format, "-czf", archive, "-C", root, "demo-1.0" });
            AssertMatchesTarfile(archive, longNames ? 12 : 9);
            var r = ReadFile(archive);
            var expectedFormat = format switch { "posix" => MemberHeaderFormat.Pax, "gnu" or "oldgnu" => MemberHeaderFormat.Gnu, "ustar" => MemberHeaderFormat.Ustar, _ => MemberHeaderFormat.V7 };
            Assert.Contains(r.Members, m => m.HeaderFormat == expectedFormat);
        }

        [Fact]
        public void GnuTarPlainArchiveMatches()
        {
            var root = MakeTree(true);
            var archive = Path.Combine(_dir, "demo-1.0.tar");
            Run("tar", new[] { "--format=posix", "-cf", archive, "-C", root, "demo-1.0" });
            AssertMatchesTarfile(archive, 12);
            Assert.Equal(ContainerFormat.Tar, ReadFile(archive).Container);
        }
    }
}
