using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using PyPackaging.Building.Vcs;

namespace PyPackaging.Building.Versions
{
    /// <summary>
    /// Reads <see cref="ScmFacts"/> from git as setuptools-scm 7.1 (and pdm-backend) do, through
    /// <see cref="GitRepository"/>: <c>git describe --dirty --tags --long --match *[0-9]*</c> (pdm-backend:
    /// <c>--match *.*</c>) at the repository root; without a matching tag, tag 0.0 with the number of commits as
    /// distance, the node from <c>rev-parse HEAD</c> (7 characters) and the dirty flag from
    /// <c>git status --porcelain --untracked-files=no</c>.
    /// </summary>
    internal static class GitVersionReader
    {
        /// <summary>The outcome: facts, or why git gave none (<see cref="NoRepository"/> lets the fallbacks apply).</summary>
        internal sealed class Outcome
        {
            public ScmFacts? Facts { get; set; }

            /// <summary>The place setuptools-scm looks is not a git work tree root: the tool's fallbacks apply.</summary>
            public bool NoRepository { get; set; }

            /// <summary>Why there are no facts (for messages).</summary>
            public string Reason { get; set; } = string.Empty;

            /// <summary>git is needed but cannot be run: an error, not a fallback.</summary>
            public bool GitMissing { get; set; }
        }

        public static Outcome Read(string scmRoot, DynamicVersionConfig config, CancellationToken cancellationToken)
        {
            string root = FindRoot(scmRoot, config);
            bool pdm = config.Flavor == ScmFlavor.PdmBackend;
            // setuptools-scm only looks where a .git entry exists (its "parse_scm" entry point is named .git).
            bool hasGitEntry = File.Exists(Path.Combine(root, ".git")) || Directory.Exists(Path.Combine(root, ".git"));
            var repository = GitRepository.TryOpen(root, out string whyNot, cancellationToken);
            if (!pdm && !hasGitEntry)
            {
                string reason = "there is no .git in " + root + (config.SearchParentDirectories ? " or a parent directory" : string.Empty);
                if (repository != null) reason += ", which is inside the git work tree " + repository.WorkTreeRoot + NotRootHint(repository.Run("rev-parse", "--show-prefix").Text, pdm);
                return new Outcome { NoRepository = true, Reason = reason };
            }
            if (repository == null)
            {
                bool missing = whyNot.StartsWith("git is not installed", StringComparison.Ordinal);
                return new Outcome { NoRepository = !missing || pdm, GitMissing = missing && !pdm, Reason = whyNot };
            }
            string prefix = repository.Run("rev-parse", "--show-prefix").Text;
            if (prefix.Length > 0)
            {
                return new Outcome
                {
                    NoRepository = true,
                    Reason = root + " is not the root of its git work tree (" + repository.WorkTreeRoot + ")" + NotRootHint(prefix, pdm),
                };
            }

            string? describe = repository.Describe("--dirty", "--match", pdm ? "*.*" : "*[0-9]*");
            if (describe != null && TryParseDescribe(describe, out var tag, out int number, out var node, out bool dirty))
            {
                int? distance = pdm ? (number == 0 ? (int?)null : number) : (number == 0 && !dirty ? (int?)null : number);
                return new Outcome { Facts = new ScmFacts(tag, distance, node, dirty) };
            }

            string? head = repository.HeadCommit();
            bool isDirty = repository.IsDirty();
            if (head == null) return new Outcome { Facts = new ScmFacts("0.0", 0, null, isDirty) };
            string count = repository.Run("rev-list", "--count", "HEAD").Text;
            int commits = int.Parse(count, NumberStyles.None, CultureInfo.InvariantCulture);
            return new Outcome { Facts = new ScmFacts("0.0", commits, "g" + head.Substring(0, 7), isDirty) };
        }

        /// <summary>setuptools-scm's <c>_git_parse_describe</c>: <c>TAG-N-gHASH[-dirty]</c>, split from the right.</summary>
        internal static bool TryParseDescribe(string output, out string tag, out int distance, out string node, out bool dirty)
        {
            dirty = output.EndsWith("-dirty", StringComparison.Ordinal);
            if (dirty) output = output.Substring(0, output.Length - 6);
            tag = string.Empty;
            node = string.Empty;
            distance = 0;
            int last = output.LastIndexOf('-');
            int middle = last > 0 ? output.LastIndexOf('-', last - 1) : -1;
            if (middle <= 0) return false;
            tag = output.Substring(0, middle);
            node = output.Substring(last + 1);
            return int.TryParse(output.Substring(middle + 1, last - middle - 1), NumberStyles.None, CultureInfo.InvariantCulture, out distance);
        }

        private static string FindRoot(string scmRoot, DynamicVersionConfig config)
        {
            if (!config.SearchParentDirectories) return scmRoot;
            for (var dir = new DirectoryInfo(scmRoot); dir != null; dir = dir.Parent)
            {
                string git = Path.Combine(dir.FullName, ".git");
                if (File.Exists(git) || Directory.Exists(git)) return dir.FullName;
            }
            return scmRoot;
        }

        private static string NotRootHint(string prefix, bool pdm) =>
            pdm ? "; pdm-backend looks only at the root" : "; setuptools-scm looks only at its root (set root = \"" + RelativeUp(prefix) + "\" in its options, or search_parent_directories = true)";

        private static string RelativeUp(string prefix)
        {
            int depth = prefix.TrimEnd('/').Split('/').Length;
            return string.Join("/", new string[depth].Select(_ => ".."));
        }
    }
}
