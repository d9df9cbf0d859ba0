namespace PyPackaging.Building.Selection
{
    /// <summary>What the walk knows about one path when it asks <see cref="FileSelector"/>; nothing here is read twice.</summary>
    internal readonly struct TreePath
    {
        public TreePath(string name, string relativePath, byte[] relativePathBytes, string fullPath, string realPath, bool isDirectory, bool isLink, string? linkTarget, bool atRoot)
        {
            Name = name;
            RelativePath = relativePath;
            RelativePathBytes = relativePathBytes;
            FullPath = fullPath;
            RealPath = realPath;
            IsDirectory = isDirectory;
            IsLink = isLink;
            LinkTarget = linkTarget;
            AtRoot = atRoot;
        }

        public string Name { get; }

        /// <summary>Relative to the project root, '/' separators.</summary>
        public string RelativePath { get; }

        /// <summary><see cref="RelativePath"/> in UTF-8, as the ignore patterns match it.</summary>
        public byte[] RelativePathBytes { get; }

        /// <summary>The path as walked (for a link: the link itself).</summary>
        public string FullPath { get; }

        /// <summary>The path with every link resolved (loop and output-directory detection).</summary>
        public string RealPath { get; }

        /// <summary>A directory, or a link that leads to one.</summary>
        public bool IsDirectory { get; }

        public bool IsLink { get; }

        /// <summary>A link's fully resolved target; null when it dangles or is not a link.</summary>
        public string? LinkTarget { get; }

        /// <summary>Directly in the project root.</summary>
        public bool AtRoot { get; }
    }

    /// <summary><see cref="FileSelector"/>'s answer for one path: in, or out with a reason, a sentence and the deciding pattern.</summary>
    internal readonly struct PathVerdict
    {
        private PathVerdict(bool forced, ExclusionReason reason, string? message, GitIgnorePattern? pattern, bool mayHoldIncluded, bool afterChecks, bool covered)
        {
            Forced = forced;
            Reason = reason;
            Message = message;
            Pattern = pattern;
            MayHoldIncluded = mayHoldIncluded;
            AfterChecks = afterChecks;
            IsCovered = covered;
        }

        /// <summary>No rule speaks.</summary>
        public static PathVerdict None => default;

        /// <summary>Below an excluded directory and not brought in: that directory's line covers it.</summary>
        public static PathVerdict CoveredByExcludedDirectory => new PathVerdict(false, ExclusionReason.None, null, null, mayHoldIncluded: true, afterChecks: false, covered: true);

        /// <summary>Brought in by an Include pattern (rule 2); children inherit it.</summary>
        public bool Forced { get; }

        /// <summary>None when the path is in.</summary>
        public ExclusionReason Reason { get; }

        public string? Message { get; }

        /// <summary>The ignore or Exclude pattern that decided, if any.</summary>
        public GitIgnorePattern? Pattern { get; }

        /// <summary>An excluded directory in which an Include pattern may still find paths.</summary>
        public bool MayHoldIncluded { get; }

        /// <summary>A build rule (9–11): reported only once the file is known to be packable.</summary>
        public bool AfterChecks { get; }

        public bool IsCovered { get; }

        public bool IsExcluded => Reason != ExclusionReason.None;

        public static PathVerdict In(bool forced) => new PathVerdict(forced, ExclusionReason.None, null, null, false, false, false);

        public static PathVerdict Out(ExclusionReason reason, string message, GitIgnorePattern? pattern = null, bool mayHoldIncluded = true) =>
            new PathVerdict(false, reason, message, pattern, mayHoldIncluded, afterChecks: false, covered: false);

        public static PathVerdict OutAfterChecks(ExclusionReason reason, string message) =>
            new PathVerdict(false, reason, message, null, mayHoldIncluded: false, afterChecks: true, covered: false);
    }
}
