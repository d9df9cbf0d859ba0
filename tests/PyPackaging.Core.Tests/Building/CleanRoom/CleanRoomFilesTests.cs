using System;
using System.IO;
using System.Linq;
using System.Threading;
using PyPackaging.Building.CleanRoom;
using PyPackaging.Building.Vcs;
using PyPackaging.Core.Tests.Support;
using Xunit;

namespace PyPackaging.Core.Tests.Building.CleanRoom
{
    /// <summary>
    /// What enters the clean room (git's list or the ignore-filtered tree, minus FileSelector's junk), and the git view
    /// given to VCS-versioning plugins, on real git repositories made here.
    /// </summary>
    public sealed class CleanRoomFilesTests
    {
        private static string Git(string dir, params string[] args) => ExternalTool.Check("git", args, dir).TrimEnd('\n');

        private static TempDir Repository()
        {
            var temp = new TempDir();
            Git(temp.Path, "init", "-q", "-b", "main");
            Git(temp.Path, "config", "user.email", "t@example.org");
            Git(temp.Path, "config", "user.name", "T");
            Git(temp.Path, "config", "commit.gpgsign", "false");
            return temp;
        }

        /// <summary>The uv#14897 shape, untracked and not ignored: a venv, a tagged cache, bytecode, plus git's own special cases.</summary>
        private static void Uv14897Junk(TempDir temp, string prefix = "")
        {
            temp.File(prefix + "venv/pyvenv.cfg", "home = /usr/bin\n");
            temp.File(prefix + "venv/lib/python3.11/site-packages/x.py", "x");
            if (!OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Path.Combine(temp.Path, prefix + "venv/bin"));
                File.CreateSymbolicLink(Path.Combine(temp.Path, prefix + "venv/bin/python"), "/usr/bin/python3");
            }
            temp.File(prefix + ".uv-cache/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n");
            temp.File(prefix + ".uv-cache/sdists/x.tar.gz", "x");
            temp.File(prefix + "src/pkg/__pycache__/m.cpython-311.pyc", "x");
        }

        [Fact]
        public void WithGitTheRoomGetsTrackedModifiedAndNewFilesButNoJunkNorIgnoredNorDeleted()
        {
            using var temp = Repository();
            temp.File("pyproject.toml", "[project]\n");
            temp.File("src/pkg/__init__.py", "v1");
            temp.File("gone.py", "x");
            temp.File(".gitignore", "*.log\n");
            temp.File("forced.log", "tracked although ignored");
            Git(temp.Path, "add", "-A");
            Git(temp.Path, "add", "-f", "forced.log");
            Git(temp.Path, "commit", "-q", "-m", "one");
            temp.File("src/pkg/__init__.py", "v2 (modified)");
            temp.File("src/pkg/new.py", "untracked, not ignored");
            temp.File("debug.log", "ignored");
            File.Delete(Path.Combine(temp.Path, "gone.py"));
            Uv14897Junk(temp);

            var git = GitRepository.TryOpen(temp.Path, out _)!;
            var room = CleanRoomFiles.Select(temp.Path, Path.Combine(temp.Path, "dist"), git, null, CancellationToken.None);
            Assert.True(room.FromGit);
            Assert.Equal(new[] { ".gitignore", "forced.log", "pyproject.toml", "src/pkg/__init__.py", "src/pkg/new.py" }, room.Files.Select(f => f.RelativePath));
            Assert.Contains(room.LeftOut, l => l.StartsWith("venv/ (VirtualEnvironment)", StringComparison.Ordinal));
            Assert.Contains(room.LeftOut, l => l.StartsWith(".uv-cache/ (CacheDirectory)", StringComparison.Ordinal));
        }

        [Fact]
        public void TrackedJunkStaysOutAndExcludePatternsKeepFilesOut()
        {
            using var temp = Repository();
            temp.File("pyproject.toml", "[project]\n");
            temp.File("notes/draft.md", "x");
            temp.File("src/pkg/__pycache__/m.cpython-311.pyc", "x");
            Git(temp.Path, "add", "-A");
            Git(temp.Path, "commit", "-q", "-m", "one");

            var git = GitRepository.TryOpen(temp.Path, out _)!;
            var room = CleanRoomFiles.Select(temp.Path, Path.Combine(temp.Path, "dist"), git, new[] { "notes/" }, CancellationToken.None);
            Assert.Equal(new[] { "pyproject.toml" }, room.Files.Select(f => f.RelativePath));
        }

        [Fact]
        public void WithoutGitTheRoomGetsTheIgnoreFilteredTreeWithoutJunk()
        {
            using var temp = new TempDir();
            temp.File("pyproject.toml", "[project]\n");
            temp.File("src/pkg/__init__.py", "x");
            temp.File(".gitignore", "*.log\n");
            temp.File("debug.log", "ignored");
            Uv14897Junk(temp);

            var room = CleanRoomFiles.Select(temp.Path, Path.Combine(temp.Path, "dist"), null, null, CancellationToken.None);
            Assert.False(room.FromGit);
            Assert.Equal(new[] { ".gitignore", "pyproject.toml", "src/pkg/__init__.py" }, room.Files.Select(f => f.RelativePath));
        }

        /// <summary>
        /// The clone gives git describe and the dirty check the same answers in the room as in the user's tree — for a
        /// project in a subfolder of a repository whose other folders the room does not hold — and writes nothing into
        /// the user's .git.
        /// </summary>
        [Fact]
        public void TheCloneDescribesAndReportsDirtinessAsTheUsersTreeAndLeavesItsGitDirectoryAlone()
        {
            using var temp = Repository();
            temp.File("pkg/pyproject.toml", "[project]\n");
            temp.File("pkg/src/m.py", "v1");
            temp.File("other/x.txt", "another project of the monorepo");
            Git(temp.Path, "add", "-A");
            Git(temp.Path, "commit", "-q", "-m", "one");
            Git(temp.Path, "tag", "v1.0");
            temp.File("pkg/src/m.py", "v2");
            Git(temp.Path, "commit", "-q", "-am", "two");
            string gitDir = Path.Combine(temp.Path, ".git");

            string project = Path.Combine(temp.Path, "pkg");
            var user = GitRepository.TryOpen(project, out _)!;
            foreach (bool dirty in new[] { false, true })
            {
                if (dirty) temp.File("pkg/src/m.py", "v3 (modified)");
                string before = Snapshot(gitDir);
                using var dir = CleanRoomDirectory.Create(temp.Path + "-rooms");
                Assert.Null(GitCleanRoomClone.Create(user, dir.SourceRoot, CancellationToken.None));
                var selection = CleanRoomFiles.Select(project, Path.Combine(project, "dist"), user, null, CancellationToken.None);
                foreach (var f in selection.Files) CleanRoomDirectory.CopyFile(f.SourcePath, Path.Combine(dir.SourceRoot, "pkg"), f.RelativePath, f.IsExecutable);
                Assert.Null(GitCleanRoomClone.Align(user, dir.SourceRoot, CancellationToken.None));
                Assert.Equal(before, Snapshot(gitDir)); // before this test's own git calls, which may refresh the index

                string roomProject = Path.Combine(dir.SourceRoot, "pkg");
                Assert.Equal(Git(project, "describe", "--tags", "--long", "--dirty"), Git(roomProject, "describe", "--tags", "--long", "--dirty"));
                Assert.Equal(dirty, Git(roomProject, "status", "--porcelain", "--untracked-files=no").Length > 0);
                Assert.Equal(Git(project, "ls-files"), Git(roomProject, "ls-files"));
            }
            Assert.False(Directory.Exists(temp.Path + "-rooms") && Directory.EnumerateFileSystemEntries(temp.Path + "-rooms").Any());
        }

        // Names, sizes and times of everything in the user's .git: any write would change one.
        private static string Snapshot(string gitDir) => string.Join("\n", Directory.EnumerateFileSystemEntries(gitDir, "*", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => p + " " + (File.Exists(p) ? new FileInfo(p).Length + " " + File.GetLastWriteTimeUtc(p).Ticks : "d")));
    }
}
