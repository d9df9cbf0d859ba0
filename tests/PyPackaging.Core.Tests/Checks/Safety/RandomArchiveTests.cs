using System;
using System.Linq;
using System.Text;
using PyPackaging.Archives;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Paths;

namespace PyPackaging.Core.Tests.Checks.Safety
{
    /// <summary>Random member tables built from hostile pieces: every check must finish without throwing.</summary>
    public class RandomArchiveTests
    {
        private static readonly string[] Pieces =
        {
            "demo-1.0", "a", "b", "A", "..", ".", "", "/", "\\", "C:", "bin", "python", "venv", "pyvenv.cfg", "__pycache__",
            ".git", "CACHEDIR.TAG", "aux", "x.pyc", "y.so", " ", "z.", "\0", "conda-meta", "lib", "python3.12", "build", "Scripts",
        };

        private static readonly PySdistEntryType[] Types =
        {
            PySdistEntryType.File, PySdistEntryType.Directory, PySdistEntryType.SymbolicLink, PySdistEntryType.HardLink,
            PySdistEntryType.Fifo, PySdistEntryType.SparseFile, PySdistEntryType.Unknown,
        };

        private static string RandomPath(Random random)
        {
            var sb = new StringBuilder();
            var n = random.Next(0, 6);
            for (var i = 0; i < n; i++)
            {
                if (i > 0 || random.Next(6) == 0) sb.Append(random.Next(8) == 0 ? "//" : "/");
                sb.Append(Pieces[random.Next(Pieces.Length)]);
            }
            if (random.Next(5) == 0) sb.Append('/');
            return sb.ToString();
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        public void HostileTablesNeverThrow(int seed)
        {
            var random = new Random(seed);
            for (var round = 0; round < 60; round++)
            {
                var b = new SnapshotBuilder(random.Next(3) == 0 ? "x.zip" : "demo-1.0.tar.gz");
                var count = random.Next(1, 40);
                for (var i = 0; i < count; i++)
                {
                    var type = Types[random.Next(Types.Length)];
                    b.Member(new ArchiveMember
                    {
                        Path = RandomPath(random),
                        Type = type,
                        LinkTarget = type == PySdistEntryType.SymbolicLink || type == PySdistEntryType.HardLink ? RandomPath(random) : null,
                        Mode = random.Next(4) == 0 ? (int?)null : random.Next(0, 0x1000),
                        HeaderFormat = (MemberHeaderFormat)random.Next(0, 5),
                    });
                }
                if (random.Next(4) == 0) b.Incomplete("random");
                var findings = b.Check();
                Assert.All(findings, f => Assert.False(string.IsNullOrEmpty(f.Message)));
                var graph = LinkGraph.Build(b.Build().Members);
                for (var i = 0; i < count; i++) graph.IsContained(i);
            }
        }
    }
}
