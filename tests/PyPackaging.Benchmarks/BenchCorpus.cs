using System;
using System.IO;
using System.Text;
using PyPackaging.TestKit;

namespace PyPackaging.Benchmarks
{
    /// <summary>Generates deterministic, source-code-like sdists for benchmarks, streaming (never the whole archive in memory).</summary>
    public static class BenchCorpus
    {
        private static readonly string[] Words =
        {
            "def", "class", "return", "import", "from", "self", "value", "result", "if", "else", "for", "in", "range", "None",
            "True", "False", "path", "data", "config", "parser", "token", "buffer", "archive", "member", "version", "name",
            "raise", "ValueError", "try", "except", "with", "open", "yield", "lambda", "async", "await", "items", "keys",
        };

        /// <summary>An sdist of about <paramref name="totalBytes"/> uncompressed bytes in <paramref name="files"/> files.</summary>
        public static string Generate(string dir, string fileName, int files, long totalBytes, int seed = 42)
        {
            Directory.CreateDirectory(dir);
            var random = new Random(seed);
            var perFile = (int)Math.Max(64, totalBytes / Math.Max(1, files));
            return GzipCrafter.SaveStreaming(dir, fileName, stream =>
            {
                var tar = new TarCrafter(stream, TarFlavor.Pax);
                tar.AddDirectory("bench-1.0/");
                tar.AddFile("bench-1.0/PKG-INFO", "Metadata-Version: 2.4\nName: bench\nVersion: 1.0\nSummary: benchmark corpus\n\nbody\n");
                tar.AddFile("bench-1.0/pyproject.toml", "[project]\nname = \"bench\"\nversion = \"1.0\"\n");
                var text = new StringBuilder(perFile + 256);
                for (var i = 0; i < files; i++)
                {
                    text.Clear();
                    while (text.Length < perFile)
                    {
                        text.Append(Words[random.Next(Words.Length)]);
                        text.Append(random.Next(8) == 0 ? "\n    " : " ");
                        if (random.Next(50) == 0) text.Append(random.Next(1_000_000));
                    }
                    tar.AddFile($"bench-1.0/src/bench/module{i / 100}/file{i}.py", text.ToString(0, perFile));
                }
                tar.Finish();
            }, System.IO.Compression.CompressionLevel.Optimal);
        }

        /// <summary>A gzip of <paramref name="size"/> zero bytes wrapped as one tar member: the classic bomb.</summary>
        public static string ZeroBomb(string dir, string fileName, long size) =>
            GzipCrafter.SaveStreaming(dir, fileName, stream =>
            {
                var tar = new TarCrafter(stream, TarFlavor.Pax);
                tar.AddZeroFile("bomb-1.0/zeros.bin", size);
                tar.Finish();
            }, System.IO.Compression.CompressionLevel.Optimal);
    }
}
