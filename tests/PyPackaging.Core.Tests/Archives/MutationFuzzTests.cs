using System;
using System.Linq;
using PyPackaging.Archives;
using PyPackaging.TestKit;
using static PyPackaging.Core.Tests.Archives.ArchiveTestHelper;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>Randomly damaged archives must be read to an end (or a stop) without exceptions.</summary>
    public sealed class MutationFuzzTests
    {
        private static byte[] Tar()
        {
            var t = new TarCrafter(TarFlavor.Pax)
                .AddDirectory("demo-1.0/")
                .AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.4\nName: demo\n")
                .AddFile("demo-1.0/caf\u00e9/" + new string('x', 120) + ".py", string.Concat(Enumerable.Repeat("print(1)\n", 300)))
                .AddSymlink("demo-1.0/l", "PKG-INFO");
            t.AddPaxGlobal(("comment", "c"));
            t.AddGnuLongName("demo-1.0/" + new string('g', 130));
            t.AddEntry(t.NewHeader("demo-1.0/g", '0', 5), new byte[5]);
            return t.Finish().ToArray();
        }

        private static byte[] Mutate(byte[] original, Random rnd)
        {
            var b = (byte[])original.Clone();
            int edits = rnd.Next(1, 8);
            for (int i = 0; i < edits; i++)
            {
                int at = rnd.Next(b.Length);
                switch (rnd.Next(3))
                {
                    case 0: b[at] = (byte)rnd.Next(256); break;
                    case 1: b[at] ^= (byte)(1 << rnd.Next(8)); break;
                    default: b[at] = 0; break;
                }
            }
            if (rnd.Next(10) == 0) b = b.Take(rnd.Next(b.Length)).ToArray();
            return b;
        }

        private static void Survive(byte[] original, int seed, int rounds, ArchiveLimits? limits = null)
        {
            var rnd = new Random(seed);
            for (int i = 0; i < rounds; i++)
            {
                var damaged = Mutate(original, rnd);
                try
                {
                    var r = Read(damaged, limits ?? new ArchiveLimits { MaxTotalSize = 50_000_000, CompressionRatioFloor = 1_000_000 });
                    Assert.True(r.Completed || r.StopReason != null || r.Findings.Findings.Count > 0 || r.Container != ContainerFormat.Unknown);
                }
                catch (Exception ex)
                {
                    throw new Exception($"round {i} (seed {seed}) threw: {ex}", ex);
                }
            }
        }

        [Fact]
        public void DamagedTarSurvives() => Survive(Tar(), 1, 500);

        [Fact]
        public void DamagedTarGzSurvives() => Survive(GzipCrafter.Compress(Tar()), 2, 500);

        [Fact]
        public void DamagedZipSurvives()
        {
            var zip = new ZipCrafter().AddDirectory("demo-1.0/").AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\n")
                .AddFile("demo-1.0/m.py", string.Concat(Enumerable.Repeat("print(1)\n", 300))).AddFile("demo-1.0/s.txt", "stored", deflate: false)
                .AddSymlink("demo-1.0/l", "PKG-INFO").ToArray();
            Survive(zip, 3, 800);
        }
    }
}
