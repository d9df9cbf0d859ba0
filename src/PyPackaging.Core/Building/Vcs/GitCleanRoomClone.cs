using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace PyPackaging.Building.Vcs
{
    /// <summary>
    /// Gives the clean room the git view a VCS-versioning plugin (setuptools-scm, hatch-vcs, pdm's scm source,
    /// setuptools-scm's file finder) needs to compute the same version and file list as in the user's tree, without
    /// ever writing into the user's repository:
    /// <list type="number">
    /// <item><c>git clone --shared --no-checkout</c> of the user's repository (its common git directory) into the room:
    /// the clone borrows the user's objects read-only through <c>objects/info/alternates</c> (no copy, no hard links,
    /// nothing written there), and brings the tags;</item>
    /// <item>its HEAD and index set to the user's HEAD commit (<c>git reset</c>, which leaves the room's files alone);</item>
    /// <item>tracked paths the room does not hold (another project of a monorepo, tracked junk the room leaves out) marked
    /// skip-worktree, so they do not count as deleted — unless the user deleted them too;</item>
    /// <item>files the user has staged as new added, so they count as changes there as here.</item>
    /// </list>
    /// The room's copies of modified files then differ from HEAD exactly as the user's do, so <c>git describe --dirty</c>
    /// and <c>git status</c> agree. The alternative, SETUPTOOLS_SCM_PRETEND_VERSION_FOR_&lt;DIST&gt;, was not taken: it
    /// needs the version computed natively with the project's exact scheme and options, covers setuptools-scm and
    /// hatch-vcs only, and leaves setuptools-scm's git file finder without the tracked-file list.
    /// </summary>
    public static class GitCleanRoomClone
    {
        /// <summary>
        /// Prepares <paramref name="roomRoot"/> (an empty directory that will hold the copy of the user's work tree) as
        /// described above. Call before the files are copied in, then <see cref="Align"/> after. Returns null on success,
        /// else why the room has no git view (the build goes on without one).
        /// </summary>
        public static string? Create(GitRepository user, string roomRoot, CancellationToken cancellationToken)
        {
            if (user == null) throw new ArgumentNullException(nameof(user));
            string? head = user.HeadCommit();
            if (head == null)
            {
                // A repository without commits: the plugins see one without commits too.
                var init = RunInRoom(roomRoot, cancellationToken, "init", "-q", ".");
                return init.Succeeded ? null : "git init failed: " + init.Error;
            }

            string commonDir = user.Run("rev-parse", "--git-common-dir").Text;
            if (!Path.IsPathRooted(commonDir)) commonDir = Path.GetFullPath(Path.Combine(user.ProjectDirectory, commonDir));
            var clone = RunInRoom(roomRoot, cancellationToken, "clone", "--shared", "--no-checkout", "--quiet", commonDir, ".");
            if (!clone.Succeeded) return "git clone --shared of " + commonDir + " failed: " + clone.Error;
            var reset = RunInRoom(roomRoot, cancellationToken, "reset", "-q", "--no-refresh", head);
            if (!reset.Succeeded) reset = RunInRoom(roomRoot, cancellationToken, "reset", "-q", head);
            return reset.Succeeded ? null : "git reset to " + head + " failed in the clean room: " + reset.Error;
        }

        /// <summary>Marks what the room lacks as skip-worktree and adds the user's staged new files (steps 3–4).</summary>
        public static string? Align(GitRepository user, string roomRoot, CancellationToken cancellationToken)
        {
            if (user.HeadCommit() == null) return null;
            var userDeleted = new HashSet<string>(RunInUserRoot(user, cancellationToken, "ls-files", "-z", "--deleted").NulSeparated(), StringComparer.Ordinal);
            var missing = RunInRoom(roomRoot, cancellationToken, "ls-files", "-z", "--deleted").NulSeparated()
                .Where(p => !userDeleted.Contains(p)).Distinct(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                var skip = RunInRoom(roomRoot, cancellationToken, NulList(missing), "update-index", "-z", "--skip-worktree", "--stdin");
                if (!skip.Succeeded) return "git update-index --skip-worktree failed in the clean room: " + skip.Error;
            }

            var stagedNew = RunInUserRoot(user, cancellationToken, "diff", "--cached", "--name-only", "-z", "--diff-filter=A").NulSeparated()
                .Where(p => File.Exists(Path.Combine(roomRoot, p))).ToList();
            if (stagedNew.Count > 0)
            {
                var add = RunInRoom(roomRoot, cancellationToken, NulList(stagedNew), "update-index", "-z", "--add", "--stdin");
                if (!add.Succeeded) return "git update-index --add failed in the clean room: " + add.Error;
            }
            return null;
        }

        private static GitResult RunInRoom(string roomRoot, CancellationToken cancellationToken, params string[] arguments) =>
            RunInRoom(roomRoot, cancellationToken, null, arguments);

        private static GitResult RunInRoom(string roomRoot, CancellationToken cancellationToken, byte[]? input, params string[] arguments) =>
            GitProcess.TryRun(roomRoot, cancellationToken, input, isolated: true, arguments)
            ?? throw new GitException("git could not be started (it was there when the repository was opened).");

        // Repository-wide lists (paths relative to the work tree root, as in the room).
        private static GitResult RunInUserRoot(GitRepository user, CancellationToken cancellationToken, params string[] arguments) =>
            GitProcess.TryRun(user.WorkTreeRoot, cancellationToken, arguments)
            ?? throw new GitException("git could not be started (it was there when the repository was opened).");

        private static byte[] NulList(IEnumerable<string> paths)
        {
            var bytes = new List<byte>();
            foreach (string p in paths)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(p));
                bytes.Add(0);
            }
            return bytes.ToArray();
        }
    }
}
