namespace PyPackaging.Archives
{
    /// <summary>
    /// Resource limits applied while reading. Defaults are generous enough for every real sdist on PyPI;
    /// exceeding one is a finding (Test-PySdist) or a refusal (Expand-PySdistSafely), and reading stops
    /// where continuing could exhaust the machine.
    /// </summary>
    public sealed class ArchiveLimits
    {
        public const long DefaultMaxTotalSize = 4L * 1024 * 1024 * 1024;
        public const long DefaultMaxMemberSize = 2L * 1024 * 1024 * 1024;
        public const int DefaultMaxMembers = 200_000;
        public const double DefaultMaxCompressionRatio = 250;
        public const int DefaultMaxPathLength = 1024;
        public const int DefaultMaxPathDepth = 64;

        /// <summary>Uncompressed bytes (the whole tar stream) after which reading stops.</summary>
        public long MaxTotalSize { get; set; } = DefaultMaxTotalSize;

        /// <summary>Largest payload one member may declare.</summary>
        public long MaxMemberSize { get; set; } = DefaultMaxMemberSize;

        /// <summary>Most members an archive may hold.</summary>
        public int MaxMembers { get; set; } = DefaultMaxMembers;

        /// <summary>Largest uncompressed/compressed ratio, checked once <see cref="CompressionRatioFloor"/> bytes have been inflated.</summary>
        public double MaxCompressionRatio { get; set; } = DefaultMaxCompressionRatio;

        /// <summary>Uncompressed bytes below which the ratio is not judged (small archives of tiny files compress very well).</summary>
        public long CompressionRatioFloor { get; set; } = 64L * 1024 * 1024;

        /// <summary>Longest member path or link target, in characters.</summary>
        public int MaxPathLength { get; set; } = DefaultMaxPathLength;

        /// <summary>Most path components in a member path.</summary>
        public int MaxPathDepth { get; set; } = DefaultMaxPathDepth;

        public ArchiveLimits Clone() => (ArchiveLimits)MemberwiseClone();
    }
}
