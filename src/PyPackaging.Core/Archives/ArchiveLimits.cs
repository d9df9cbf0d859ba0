namespace PyPackaging.Archives
{
    /// <summary>
    /// Every resource cap PyPackaging applies, in one place. The first group are the defaults of the settable limits
    /// (the cmdlets' -Max* parameters; the help generator and the README read these constants too, and a test checks
    /// they agree). The second group are fixed caps: not settable, named here so that a reader finds every number
    /// that bounds work or memory in one file. Defaults are generous enough for every real sdist on PyPI; exceeding
    /// one is a finding (Test-PySdist) or a refusal (Expand-PySdistSafely), and reading stops where continuing could
    /// exhaust the machine.
    /// </summary>
    public sealed class ArchiveLimits
    {
        // ---- defaults of the settable limits (cmdlet parameters)
        public const long DefaultMaxTotalSize = 4L * 1024 * 1024 * 1024;
        public const long DefaultMaxMemberSize = 2L * 1024 * 1024 * 1024;
        public const int DefaultMaxMembers = 200_000;
        public const double DefaultMaxCompressionRatio = 250;
        public const long DefaultCompressionRatioFloor = 64L * 1024 * 1024;
        public const int DefaultMaxPathLength = 1024;
        public const int DefaultMaxPathDepth = 64;

        // ---- fixed caps (not settable)
        /// <summary>Largest pax extended header accepted (one 'x' or 'g' payload).</summary>
        public const int MaxPaxHeaderSize = 1024 * 1024;
        /// <summary>Largest GNU long name or long link payload accepted.</summary>
        public const int MaxGnuLongNameSize = 64 * 1024;
        /// <summary>How far back from the end of a gzip file the trailer of the inflated data is searched for.</summary>
        public const int GzipTrailerSearchWindow = 1024 * 1024;
        /// <summary>Largest zip central directory read (far more than any sdist needs).</summary>
        public const long MaxZipCentralDirectorySize = 64L * 1024 * 1024;
        /// <summary>Bytes of a zip symbolic link's data read as its target.</summary>
        public const int MaxZipLinkTargetSize = 64 * 1024;
        /// <summary>Bytes of PKG-INFO / pyproject.toml kept for the checks (carries the long description; far above any real one).</summary>
        public const int MaxCapturedMetadataFile = 16 * 1024 * 1024;
        /// <summary>Bytes of a CACHEDIR.TAG kept for the checks.</summary>
        public const int MaxCapturedCacheDirTag = 512;
        /// <summary>Bytes of a pyvenv.cfg kept for the checks.</summary>
        public const int MaxCapturedPyVenvCfg = 64 * 1024;
        /// <summary>Nested link expansions allowed while resolving one link.</summary>
        public const int MaxLinkExpansionDepth = 256;
        /// <summary>Total component steps allowed for the whole link graph (linear-time guard).</summary>
        public const long LinkResolutionWorkBudget = 4_000_000;
        /// <summary>Most top-level entries Expand-PySdistSafely extracts from an archive that has no single top folder.</summary>
        public const int MaxTopLevelEntries = 64;

        /// <summary>Uncompressed bytes (the whole tar stream) after which reading stops.</summary>
        public long MaxTotalSize { get; set; } = DefaultMaxTotalSize;

        /// <summary>Largest payload one member may declare.</summary>
        public long MaxMemberSize { get; set; } = DefaultMaxMemberSize;

        /// <summary>Most members an archive may hold.</summary>
        public int MaxMembers { get; set; } = DefaultMaxMembers;

        /// <summary>Largest uncompressed/compressed ratio, checked once <see cref="CompressionRatioFloor"/> bytes have been inflated.</summary>
        public double MaxCompressionRatio { get; set; } = DefaultMaxCompressionRatio;

        /// <summary>Uncompressed bytes below which the ratio is not judged (small archives of tiny files compress very well).</summary>
        public long CompressionRatioFloor { get; set; } = DefaultCompressionRatioFloor;

        /// <summary>Longest member path or link target, in characters.</summary>
        public int MaxPathLength { get; set; } = DefaultMaxPathLength;

        /// <summary>Most path components in a member path.</summary>
        public int MaxPathDepth { get; set; } = DefaultMaxPathDepth;

        public ArchiveLimits Clone() => (ArchiveLimits)MemberwiseClone();
    }
}
