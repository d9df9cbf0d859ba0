using System;
using System.IO;
using PyPackaging.Building.Vcs;
using PyPackaging.Core.Tests.Support;
using Xunit;

namespace PyPackaging.Core.Tests.Building.Vcs
{
    /// <summary>GitRepository against real git repositories made in a temp directory (git is a test dependency, as in CI).</summary>
    public sealed class GitRepositoryTests
    {
        private static void Git(string dir, params string[] args) => ExternalTool.Check("git", args, dir);

        private static TempDir NewRepository()
        {
            var temp = new TempDir();
            Git(temp.Path, "init", "-q", "-b", "main");
            Git(temp.Path, "config", "user.email", "t@example.org");
            Git(temp.Path, "config", "user.name", "T");
            Git(temp.Path, "config", "commit.gpgsign", "false");
            return temp;
        }

        [Fact]
        public void ListsTrackedUntrackedAndDeletedFilesRelativeToAProjectInASubfolder()
        {
            using var temp = NewRepository();
            temp.File("pkg/pyproject.toml", "[project]\n");
            temp.File("pkg/src/a b.py", "x");
            temp.File("pkg/src/ü.py", "x");
            temp.File("pkg/gone.txt", "x");
            temp.File("other/x.txt", "x");
            temp.File("pkg/.gitignore", "*.log\n");
            Git(temp.Path, "add", "-A");
            Git(temp.Path, "commit", "-q", "-m", "one");
            temp.File("pkg/new.py", "x");
            temp.File("pkg/debug.log", "x");
            File.Delete(Path.Combine(temp.Path, "pkg", "gone.txt"));

            var repo = GitRepository.TryOpen(Path.Combine(temp.Path, "pkg"), out string whyNot);
            Assert.NotNull(repo);
            Assert.Equal(string.Empty, whyNot);
            Assert.Equal(new[] { ".gitignore", "gone.txt", "pyproject.toml", "src/a b.py", "src/ü.py" }, repo!.TrackedFiles());
            Assert.Equal(new[] { "new.py" }, repo.UntrackedFiles());
            Assert.Equal(new[] { "gone.txt" }, repo.DeletedFiles());
            Assert.True(repo.IsDirty());
        }

        [Fact]
        public void DescribesTagsWithDistanceAndReportsNoTagAsNull()
        {
            using var temp = NewRepository();
            temp.File("a.txt", "1");
            Git(temp.Path, "add", "-A");
            Git(temp.Path, "commit", "-q", "-m", "one");
            var repo = GitRepository.TryOpen(temp.Path, out _)!;
            Assert.Null(repo.Describe());
            Assert.False(repo.IsDirty());
            Assert.Matches("^[0-9a-f]{40}$", repo.HeadCommit());
            Assert.NotNull(repo.HeadCommitTime());

            Git(temp.Path, "tag", "v1.2.0");
            temp.File("a.txt", "2");
            Git(temp.Path, "commit", "-q", "-am", "two");
            Assert.Matches("^v1\\.2\\.0-1-g[0-9a-f]{7,}$", repo.Describe());
        }

        [Fact]
        public void OutsideARepositoryOrWithoutGitSaysWhy()
        {
            using var temp = new TempDir();
            Assert.Null(GitRepository.TryOpen(temp.Path, out string notARepo));
            Assert.Contains("not inside a git work tree", notARepo);

            GitProcess.ExecutableOverride.Value = Path.Combine(temp.Path, "no-such-git");
            try
            {
                Assert.Null(GitRepository.TryOpen(temp.Path, out string noGit));
                Assert.Contains("git is not installed", noGit);
            }
            finally
            {
                GitProcess.ExecutableOverride.Value = null;
            }
        }
    }
}
