using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PyPackaging.Extraction;
using PyPackaging.TestKit;

using PyPackaging.Core.Tests.Support;

namespace PyPackaging.Core.Tests.Extraction
{
    public sealed class ValidArchiveTests
    {
        private static readonly string LongName = "demo-1.0/" + string.Join("/", Enumerable.Range(0, 6).Select(i => new string((char)('a' + i), 60))) + "/deep-file.txt";

        /// <summary>A realistic sdist with everything a valid one may hold.</summary>
        private static TarCrafter Rich(TarFlavor flavor)
        {
            var t = new TarCrafter(flavor);
            t.AddDirectory("demo-1.0/");
            t.AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n");
            t.AddFile("demo-1.0/pyproject.toml", "[project]\nname = \"demo\"\nversion = \"1.0\"\n");
            t.AddDirectory("demo-1.0/src/");
            t.AddDirectory("demo-1.0/src/demo/", 0x1FF);
            t.AddFile("demo-1.0/src/demo/__init__.py", "VERSION = '1.0'\n");
            t.AddFile("demo-1.0/scripts/run.sh", "#!/bin/sh\necho hi\n", 0x9ED /* 04755 */);
            t.AddFile("demo-1.0/scripts/tool", "#!/bin/sh\n", 0x1C0 /* 0700 */);
            t.AddFile("demo-1.0/docs/world-writable.txt", "w", 0x1B6 /* 0666 */);
            t.AddFile("demo-1.0/docs/Ünïcødé-名前.txt", "non-ascii name");
            t.AddFile("demo-1.0/data/empty.bin", Array.Empty<byte>());
            t.AddFile("demo-1.0/data/big.bin", Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray());
            t.AddSymlink("demo-1.0/README", "docs/world-writable.txt");
            t.AddSymlink("demo-1.0/src/demo/version.py", "__init__.py");
            t.AddSymlink("demo-1.0/src/alias", "demo/__init__.py");
            t.AddHardLink("demo-1.0/data/big-copy.bin", "demo-1.0/data/big.bin");
            t.AddSymlink("demo-1.0/data/to-hard.bin", "big-copy.bin");
            if (flavor != TarFlavor.Ustar) t.AddFile(LongName, "long path");
            return t;
        }

        private static string Save(ExtractionSandbox box, TarFlavor flavor) => box.Save(Rich(flavor).Finish().ToTarGz());

        [Theory]
        [InlineData(TarFlavor.Pax)]
        [InlineData(TarFlavor.Ustar)]
        [InlineData(TarFlavor.Gnu)]
        public void ExtractsTheSameTreeAsGnuTar(TarFlavor flavor)
        {
            using var box = new ExtractionSandbox();
            var archive = Save(box, flavor);
            var result = new SdistExtractor().Extract(archive, box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);

            var tarDir = Path.Combine(box.Root, "tar");
            Directory.CreateDirectory(tarDir);
            RunTar(archive, tarDir);

            var ours = Describe(box.Dest);
            var theirs = Describe(tarDir);
            Assert.Equal(string.Join("\n", theirs), string.Join("\n", ours));
            Assert.Equal(new[] { "dest" }, Directory.GetFileSystemEntries(box.Sandbox).Select(Path.GetFileName));
            Assert.All(result.Entries, e => Assert.Equal(PySdistEntryAction.Extracted, e.Action));
            Assert.All(result.Entries, e => Assert.StartsWith(box.Dest, e.Destination));
            Assert.Equal(Path.Combine(box.Dest, "demo-1.0"), result.Targets.Single());
        }

        [Fact]
        public void SymlinkModeExtractsTheSameTreeAsGnuTarLinksIncluded()
        {
            if (OperatingSystem.IsWindows()) return;
            using var box = new ExtractionSandbox();
            var archive = Save(box, TarFlavor.Pax);
            var result = new SdistExtractor(new ExtractionOptions { LinkMode = LinkMode.Symlink }).Extract(archive, box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            var tarDir = Path.Combine(box.Root, "tar");
            Directory.CreateDirectory(tarDir);
            RunTar(archive, tarDir);
            // Snapshot records symbolic links as link:<target> and files by content: the trees must match exactly
            // (tar's hard link is a regular file with the same content, as is our copy).
            Assert.Equal(ExtractionSandbox.Describe(ExtractionSandbox.Snapshot(tarDir)), ExtractionSandbox.Describe(ExtractionSandbox.Snapshot(box.Dest)));
        }

        [Fact]
        public void AReadOnlyDestinationIsAWriteFailureThatLeavesNothing()
        {
            if (OperatingSystem.IsWindows()) return;
            using var box = new ExtractionSandbox();
            var archive = Save(box, TarFlavor.Pax);
            box.SeedDestination();
            File.SetUnixFileMode(box.Dest, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            try
            {
                try
                {
                    File.WriteAllText(Path.Combine(box.Dest, "probe"), "x");
                    return; // running as root: permissions do not stop writes, nothing to test (the long-name test covers write failures)
                }
                catch (UnauthorizedAccessException) { }
                var before = ExtractionSandbox.Snapshot(box.Sandbox);
                var result = new SdistExtractor().Extract(archive, box.Dest);
                Assert.Equal(ExtractionFailure.WriteFailed, result.Failure);
                Assert.Equal(before, ExtractionSandbox.Snapshot(box.Sandbox));
            }
            finally
            {
                File.SetUnixFileMode(box.Dest, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        /// <summary>Relative path, kind and content of every entry; links are followed (copies must equal their targets).</summary>
        private static List<string> Describe(string root)
        {
            var lines = new List<string>();
            foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (Directory.Exists(path)) lines.Add(rel + " dir");
                else lines.Add(rel + " file " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
            }
            lines.Sort(StringComparer.Ordinal);
            return lines;
        }

        internal static void RunTar(string archive, string dir) => ExternalTool.Check("tar", new[] { "-xzf", archive, "-C", dir });

        [Fact]
        public void ModesAreSanitisedAndTimesKept()
        {
            if (OperatingSystem.IsWindows()) return;
            using var box = new ExtractionSandbox();
            var result = new SdistExtractor().Extract(Save(box, TarFlavor.Pax), box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            var top = Path.Combine(box.Dest, "demo-1.0");
            Assert.Equal("755", Mode(Path.Combine(top, "scripts", "run.sh")));
            Assert.Equal("755", Mode(Path.Combine(top, "scripts", "tool")));
            Assert.Equal("644", Mode(Path.Combine(top, "docs", "world-writable.txt")));
            Assert.Equal("644", Mode(Path.Combine(top, "PKG-INFO")));
            Assert.Equal("755", Mode(Path.Combine(top, "src", "demo")));
            Assert.Equal("755", Mode(top));
            var expected = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).UtcDateTime;
            Assert.Equal(expected, File.GetLastWriteTimeUtc(Path.Combine(top, "PKG-INFO")));
            Assert.Equal(expected, Directory.GetLastWriteTimeUtc(Path.Combine(top, "src", "demo")));
            Assert.Equal(expected, Directory.GetLastWriteTimeUtc(top));
        }

        private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path) & 0xFFF, 8);

        [Fact]
        public void OutOfRangeTimesAreClamped()
        {
            using var box = new ExtractionSandbox();
            var t = new TarCrafter { DefaultMtime = 8_000_000_000 }; // year 2223
            t.AddFile("demo-1.0/PKG-INFO", "x");
            var result = new SdistExtractor().Extract(box.Save(t.Finish().ToTarGz()), box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            Assert.Equal(new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(Path.Combine(box.Dest, "demo-1.0", "PKG-INFO")));
        }

        [Fact]
        public void SymlinkModeCreatesContainedRelativeLinks()
        {
            if (OperatingSystem.IsWindows()) return;
            using var box = new ExtractionSandbox();
            var result = new SdistExtractor(new ExtractionOptions { LinkMode = LinkMode.Symlink }).Extract(Save(box, TarFlavor.Pax), box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            var top = Path.Combine(box.Dest, "demo-1.0");
            Assert.Equal("docs/world-writable.txt", new FileInfo(Path.Combine(top, "README")).LinkTarget);
            Assert.Equal("demo/__init__.py", new FileInfo(Path.Combine(top, "src", "alias")).LinkTarget);
            Assert.Equal("VERSION = '1.0'\n", File.ReadAllText(Path.Combine(top, "src", "demo", "version.py")));
            Assert.Null(new FileInfo(Path.Combine(top, "data", "big-copy.bin")).LinkTarget); // hard links are copied
        }

        [Fact]
        public void SymlinkModeLinksDirectoriesAndCopyModeSkipsThem()
        {
            using var box = new ExtractionSandbox();
            var t = new TarCrafter();
            t.AddFile("demo-1.0/pkg/a.py", "a").AddSymlink("demo-1.0/alias", "pkg");
            var archive = box.Save(t.Finish().ToTarGz());
            var copy = new SdistExtractor().Extract(archive, box.Dest);
            Assert.True(copy.Succeeded, copy.FailureMessage);
            var entry = copy.Entries.Single(e => e.Path == "demo-1.0/alias");
            Assert.Equal(PySdistEntryAction.Skipped, entry.Action);
            Assert.Contains("Symlink", entry.Reason);
            if (OperatingSystem.IsWindows()) return;
            var linked = new SdistExtractor(new ExtractionOptions { LinkMode = LinkMode.Symlink }).Extract(archive, Path.Combine(box.Sandbox, "two"));
            Assert.True(linked.Succeeded, linked.FailureMessage);
            Assert.Equal("a", File.ReadAllText(Path.Combine(box.Sandbox, "two", "demo-1.0", "alias", "a.py")));
        }

        [Fact]
        public void SkipModeWritesNoLinks()
        {
            using var box = new ExtractionSandbox();
            var result = new SdistExtractor(new ExtractionOptions { LinkMode = LinkMode.Skip }).Extract(Save(box, TarFlavor.Pax), box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            Assert.False(File.Exists(Path.Combine(box.Dest, "demo-1.0", "README")));
            Assert.All(result.Entries.Where(e => e.EntryType == PySdistEntryType.SymbolicLink || e.EntryType == PySdistEntryType.HardLink),
                e => Assert.Equal(PySdistEntryAction.Skipped, e.Action));
        }

        [Fact]
        public void StripTopLevelPutsTheContentsIntoTheDestination()
        {
            using var box = new ExtractionSandbox();
            var result = new SdistExtractor(new ExtractionOptions { StripTopLevel = true }).Extract(Save(box, TarFlavor.Pax), box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            Assert.True(File.Exists(Path.Combine(box.Dest, "PKG-INFO")));
            Assert.Equal("docs/world-writable.txt".Length > 0 ? "w" : "", File.ReadAllText(Path.Combine(box.Dest, "README")));
            Assert.Equal(new[] { "dest" }, Directory.GetFileSystemEntries(box.Sandbox).Select(Path.GetFileName));
            Assert.Equal(box.Dest, result.Entries[0].Destination);
        }

        [Fact]
        public void StripTopLevelRefusesMembersOutsideTheTopDirectory()
        {
            using var box = new ExtractionSandbox();
            var t = new TarCrafter().AddFile("demo-1.0/PKG-INFO", "x").AddFile("other/file", "y");
            var result = new SdistExtractor(new ExtractionOptions { StripTopLevel = true }).Extract(box.Save(t.Finish().ToTarGz()), box.Dest);
            Assert.Equal(ExtractionFailure.UnsafeMembers, result.Failure);
            Assert.Contains("other/file", result.FailureMessage);
            Assert.Empty(ExtractionSandbox.Snapshot(box.Sandbox));
        }

        [Fact]
        public void AnExistingTargetIsNotReplacedWithoutForce()
        {
            using var box = new ExtractionSandbox();
            var archive = Save(box, TarFlavor.Pax);
            Directory.CreateDirectory(Path.Combine(box.Dest, "demo-1.0"));
            File.WriteAllText(Path.Combine(box.Dest, "demo-1.0", "old.txt"), "old");
            var before = ExtractionSandbox.Snapshot(box.Sandbox);
            var result = new SdistExtractor().Extract(archive, box.Dest);
            Assert.Equal(ExtractionFailure.TargetExists, result.Failure);
            Assert.Contains("-Force", result.FailureMessage);
            Assert.Empty(result.Entries); // the target is the problem: no member was decided, so no entry is reported
            Assert.Equal(before, ExtractionSandbox.Snapshot(box.Sandbox));
        }

        [Fact]
        public void ForceReplacesTheTargetAndNeverMerges()
        {
            using var box = new ExtractionSandbox();
            var archive = Save(box, TarFlavor.Pax);
            Directory.CreateDirectory(Path.Combine(box.Dest, "demo-1.0"));
            File.WriteAllText(Path.Combine(box.Dest, "demo-1.0", "old.txt"), "old");
            File.WriteAllText(Path.Combine(box.Dest, "sibling.txt"), "stays");
            var result = new SdistExtractor(new ExtractionOptions { Force = true }).Extract(archive, box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            Assert.Equal(new[] { Path.Combine(box.Dest, "demo-1.0") }, result.ReplacedTargets);
            Assert.False(File.Exists(Path.Combine(box.Dest, "demo-1.0", "old.txt")));
            Assert.True(File.Exists(Path.Combine(box.Dest, "demo-1.0", "PKG-INFO")));
            Assert.Equal("stays", File.ReadAllText(Path.Combine(box.Dest, "sibling.txt")));
            Assert.Equal(new[] { "demo-1.0", "sibling.txt" }, Directory.GetFileSystemEntries(box.Dest).Select(Path.GetFileName).OrderBy(x => x, StringComparer.Ordinal));
        }

        [Fact]
        public void ForceOnAFreshTargetReplacesNothing()
        {
            using var box = new ExtractionSandbox();
            var archive = Save(box, TarFlavor.Pax);
            var result = new SdistExtractor(new ExtractionOptions { Force = true }).Extract(archive, box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            Assert.Equal(new[] { Path.Combine(box.Dest, "demo-1.0") }, result.Targets);
            Assert.Empty(result.ReplacedTargets);
        }

        [Fact]
        public void ForceKeepsTheOldTargetWhenTheNewArchiveIsRefused()
        {
            using var box = new ExtractionSandbox();
            var t = new TarCrafter().AddFile("demo-1.0/PKG-INFO", "x").AddSymlink("demo-1.0/evil", "/etc/passwd");
            var archive = box.Save(t.Finish().ToTarGz());
            Directory.CreateDirectory(Path.Combine(box.Dest, "demo-1.0"));
            File.WriteAllText(Path.Combine(box.Dest, "demo-1.0", "old.txt"), "old");
            var before = ExtractionSandbox.Snapshot(box.Sandbox);
            var result = new SdistExtractor(new ExtractionOptions { Force = true }).Extract(archive, box.Dest);
            Assert.Equal(ExtractionFailure.UnsafeMembers, result.Failure);
            Assert.Equal(before, ExtractionSandbox.Snapshot(box.Sandbox));
        }

        [Fact]
        public void ATargetThatIsALinkIsRefused()
        {
            if (OperatingSystem.IsWindows()) return;
            using var box = new ExtractionSandbox();
            var archive = Save(box, TarFlavor.Pax);
            var elsewhere = Path.Combine(box.Root, "elsewhere");
            Directory.CreateDirectory(elsewhere);
            Directory.CreateDirectory(box.Dest);
            Directory.CreateSymbolicLink(Path.Combine(box.Dest, "demo-1.0"), elsewhere);
            var result = new SdistExtractor(new ExtractionOptions { Force = true }).Extract(archive, box.Dest);
            Assert.Equal(ExtractionFailure.TargetIsLink, result.Failure);
            Assert.Empty(result.Entries);
            Assert.Empty(Directory.GetFileSystemEntries(elsewhere));

            var linkedDest = Path.Combine(box.Sandbox, "linked");
            Directory.CreateSymbolicLink(linkedDest, elsewhere);
            result = new SdistExtractor().Extract(archive, linkedDest);
            Assert.Equal(ExtractionFailure.TargetIsLink, result.Failure);
            Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
        }

        [Fact]
        public void AWriteFailureLateInTheArchiveLeavesNothing()
        {
            using var box = new ExtractionSandbox();
            box.SeedDestination();
            var t = Rich(TarFlavor.Pax);
            t.AddFile("demo-1.0/" + new string('n', 300), "a name longer than any file system allows in one component");
            var archive = box.Save(t.Finish().ToTarGz());
            var before = ExtractionSandbox.Snapshot(box.Sandbox);
            var result = new SdistExtractor().Extract(archive, box.Dest);
            Assert.Equal(ExtractionFailure.WriteFailed, result.Failure);
            Assert.Contains("nnnn", result.FailureMessage);
            Assert.NotNull(result.Exception);
            Assert.Equal(before, ExtractionSandbox.Snapshot(box.Sandbox));
        }

        [Fact]
        public void CancellationMidwayLeavesNothing()
        {
            using var box = new ExtractionSandbox();
            box.SeedDestination();
            var t = new TarCrafter();
            for (var i = 0; i < 200; i++) t.AddFile($"demo-1.0/f{i:D3}.txt", "content " + i);
            var archive = box.Save(t.Finish().ToTarGz());
            var before = ExtractionSandbox.Snapshot(box.Sandbox);
            using var cts = new CancellationTokenSource();
            var seen = 0;
            Assert.ThrowsAny<OperationCanceledException>(() => new SdistExtractor().Extract(archive, box.Dest, cts.Token, _ =>
            {
                if (++seen == 100) cts.Cancel();
            }));
            Assert.Equal(before, ExtractionSandbox.Snapshot(box.Sandbox));
        }

        [Fact]
        public void TheDestinationIsCreatedOnSuccessAndRemovedOnFailure()
        {
            using var box = new ExtractionSandbox();
            var deep = Path.Combine(box.Sandbox, "a", "b", "c");
            var bad = box.Save(new TarCrafter().AddFile("demo-1.0/PKG-INFO", "x").AddFifo("demo-1.0/p").Finish().ToTarGz(), "bad.tar.gz");
            Assert.False(new SdistExtractor().Extract(bad, deep).Succeeded);
            Assert.Empty(Directory.GetFileSystemEntries(box.Sandbox));
            var good = box.Save(new TarCrafter().AddFile("demo-1.0/PKG-INFO", "x").Finish().ToTarGz(), "good.tar.gz");
            Assert.True(new SdistExtractor().Extract(good, deep).Succeeded);
            Assert.True(File.Exists(Path.Combine(deep, "demo-1.0", "PKG-INFO")));
        }

        [Fact]
        public void StructureAndHygieneFindingsDoNotBlock()
        {
            using var box = new ExtractionSandbox();
            // No PKG-INFO, a __pycache__ directory and a .git directory: findings, but nothing unsafe.
            var t = new TarCrafter().AddFile("demo-1.0/__pycache__/x.pyc", "x").AddFile("demo-1.0/.git/HEAD", "ref");
            var result = new SdistExtractor().Extract(box.Save(t.Finish().ToTarGz()), box.Dest);
            Assert.True(result.Succeeded, result.FailureMessage);
            Assert.Contains(result.Entries, e => e.Findings.Count > 0);
        }
    }
}
