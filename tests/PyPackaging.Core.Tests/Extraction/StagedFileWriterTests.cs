using System;
using System.IO;
using System.Linq;
using PyPackaging.Extraction;
using PyPackaging.TestKit;
using Xunit;

namespace PyPackaging.Core.Tests.Extraction
{
    /// <summary>
    /// With a second processor, staged files are created on the extraction's writer thread (StagedFileWriter): small
    /// payloads are handed over whole, a large one waits for them and is streamed in order, the hand-over waits when
    /// 8 MiB are queued, and a failure there fails the whole extraction naming its member. These archives are shaped
    /// to reach each of those paths; the result must be what GNU tar makes of them.
    /// </summary>
    public class StagedFileWriterTests
    {
        private static byte[] Bytes(Random random, int length)
        {
            var data = new byte[length];
            random.NextBytes(data);
            return data;
        }

        [Fact]
        public void SmallFilesHandedOverAndLargeOnesStreamedInBetweenGiveGnuTarsTreeAndTimes()
        {
            using var box = new ExtractionSandbox();
            var random = new Random(11);
            var t = new TarCrafter();
            t.AddDirectory("demo-1.0/");
            t.AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n");
            for (var i = 0; i < 240; i++)
            {
                // 240 files of up to 96 KiB: about 11 MiB handed over, more than the 8 MiB the queue holds.
                t.AddFile($"demo-1.0/src/m{i % 7}/f{i:D3}.py", Bytes(random, random.Next(0, 96 * 1024)), i % 5 == 0 ? 0x1ED : 0x1A4);
                if (i == 60) t.AddFile("demo-1.0/data/exactly-the-limit.bin", Bytes(random, StagedFileWriter.MaxBufferedFile));
                if (i == 61 || i == 180) t.AddFile($"demo-1.0/data/large-{i}.bin", Bytes(random, StagedFileWriter.MaxBufferedFile + 1 + i));
            }
            var archive = box.Save(t.Finish().ToTarGz());

            var result = new SdistExtractor().Extract(archive, box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            var tarDir = Path.Combine(box.Sandbox, "tar");
            Directory.CreateDirectory(tarDir);
            ValidArchiveTests.RunTar(archive, tarDir);

            Assert.Equal(ExtractionSandbox.Describe(ExtractionSandbox.Snapshot(tarDir)), ExtractionSandbox.Describe(ExtractionSandbox.Snapshot(box.Dest)));
            foreach (var file in Directory.GetFiles(tarDir, "*", SearchOption.AllDirectories))
            {
                var ours = Path.Combine(box.Dest, Path.GetRelativePath(tarDir, file));
                Assert.Equal(File.GetLastWriteTimeUtc(file), File.GetLastWriteTimeUtc(ours));
                if (!OperatingSystem.IsWindows())
                {
                    var executable = (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0;
                    Assert.Equal(executable, (File.GetUnixFileMode(ours) & UnixFileMode.UserExecute) != 0);
                }
            }
        }

        [Fact]
        public void AFailureOnTheWriterThreadNamesItsMemberNotTheOneBeingReadAndLeavesNothing()
        {
            using var box = new ExtractionSandbox();
            box.SeedDestination();
            var t = new TarCrafter();
            t.AddDirectory("demo-1.0/");
            t.AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n");
            t.AddFile("demo-1.0/" + new string('n', 300), "a name longer than any file system allows in one component");
            // Members after it: the scan has moved on by the time the writer fails (and a large one makes it wait).
            for (var i = 0; i < 150; i++) t.AddFile($"demo-1.0/later/f{i:D3}.txt", "later " + i);
            t.AddFile("demo-1.0/later/large.bin", new byte[StagedFileWriter.MaxBufferedFile + 1]);
            for (var i = 0; i < 50; i++) t.AddFile($"demo-1.0/last/g{i:D3}.txt", "last " + i);
            var archive = box.Save(t.Finish().ToTarGz());
            var before = ExtractionSandbox.Snapshot(box.Sandbox);

            var result = new SdistExtractor().Extract(archive, box.Dest);

            Assert.Equal(ExtractionFailure.WriteFailed, result.Failure);
            Assert.Contains("nnnn", result.FailureMessage);
            Assert.DoesNotContain("later/", result.FailureMessage);
            Assert.DoesNotContain("last/", result.FailureMessage);
            Assert.NotNull(result.Exception);
            Assert.Equal(before, ExtractionSandbox.Snapshot(box.Sandbox));
        }
    }
}
