using PyPackaging.Rules;

namespace PyPackaging.Archives
{
    /// <summary>
    /// What a reader found while framing an archive. The readers only name the kind and the facts (byte position,
    /// member, numbers); <see cref="FramingMessages"/> maps each kind to its catalogue rule and its message.
    /// </summary>
    internal enum FramingIssueKind
    {
        // Limits (both readers)
        TotalSizeExceeded,
        MemberTotalSizeExceeded,
        CompressionRatioExceeded,
        MemberCountExceeded,
        ZipMemberCountExceeded,
        MemberSizeExceeded,
        PathTooLong,
        PathTooDeep,
        LinkTargetTooLong,
        PaxHeaderTooLarge,
        GnuLongNameTooLarge,

        // Tar blocks and headers
        TarEndMarkerMissing,
        TarEndMarkerSingleBlock,
        TarDataAfterSingleZeroBlock,
        TarDataAfterEndMarker,
        TarTruncatedHeader,
        TarTruncatedExtension,
        TarTruncatedSparseMap,
        TarTruncatedMemberData,
        TarTruncatedMemberPadding,
        TarChecksumUnreadable,
        TarChecksumMismatch,
        TarSizeFieldInvalid,
        TarNumberFieldInvalid,
        TarBase256Field,
        TarGnuPrefixConflict,
        TarPathNotUtf8,
        TarLinkNotUtf8,
        TarSparseMember,
        TarUnknownTypeFlag,
        TarPayloadOnNonFile,

        // Tar extensions (pax, GNU)
        TarRepeatedPaxHeader,
        TarRepeatedGnuEntry,
        TarOrphanedExtension,
        PaxSizeMismatch,
        PaxGnuPathConflict,
        PaxGnuLinkConflict,
        PaxPathConflict,
        PaxLinkConflict,
        PaxRecordWithoutLength,
        PaxRecordLengthOutOfBounds,
        PaxRecordWithoutNewline,
        PaxRecordWithoutEquals,
        PaxKeywordEmpty,
        PaxKeywordCutByNul,
        PaxValueEmpty,
        PaxValueNotUtf8,
        PaxSizeNotDecimal,
        PaxNumberInvalid,
        PaxBinaryCharset,
        PaxDuplicateGlobalKey,
        PaxDuplicateKey,
        PaxDuplicateKeyValues,
        PaxGlobalOverride,

        // gzip
        GzipCorrupt,
        GzipRejectedAfterEndMarker,
        GzipTailMismatch,
        GzipUnreadTail,
        GzipMemberFollows,
        GzipBytesFollow,
        GzipConcatenatedMembers,
        GzipTrailerMismatch,

        // Zip central directory
        ZipNoEndRecord,
        ZipDataAfterEndRecord,
        ZipSecondEndRecord,
        ZipZip64LocatorWithoutRoom,
        ZipZip64LocatorWithoutRecord,
        ZipZip64RecordIrregular,
        ZipZip64Missing,
        ZipMultiDisk,
        ZipCentralDirectoryMisplaced,
        ZipBytesBeforeEndRecord,
        ZipCentralDirectoryTooLarge,
        ZipEntriesMissing,
        ZipEntryOverruns,
        ZipEntryZip64Broken,
        ZipCentralDirectoryExtraBytes,
        ZipParsersDisagree,

        // Zip local headers against the central directory
        ZipUnlistedBytes,
        ZipUnlistedLocalEntry,
        ZipNameNotUtf8,
        ZipLinkNotUtf8,
        ZipSharedLocalHeader,
        ZipNoLocalHeader,
        ZipLocalNameMismatch,
        ZipMethodMismatch,
        ZipCrcFieldMismatch,
        ZipCompressedSizeMismatch,
        ZipUncompressedSizeMismatch,
        ZipEncrypted,
        ZipUnsupportedMethod,
        ZipDataBeyondEnd,

        // Zip data
        ZipDeflateCorrupt,
        ZipInflatesLonger,
        ZipInflatesShorter,
        ZipDataCrcMismatch,
    }

    /// <summary>
    /// One framing issue: its kind, the byte position it is about (-1 when none), the member it belongs to, and the
    /// facts its message needs. Which fact sits in which slot is the kind's business; <see cref="FramingMessages"/> reads them.
    /// </summary>
    internal sealed class FramingIssue
    {
        public FramingIssue(FramingIssueKind kind, long position = -1, int memberIndex = FindingCollector.ArchiveLevel)
        {
            Kind = kind;
            Position = position;
            MemberIndex = memberIndex;
        }

        public FramingIssueKind Kind { get; }

        /// <summary>Byte offset in the tar stream (or zip file) the issue is about; -1 when it is not about one place.</summary>
        public long Position { get; }

        /// <summary>The member the finding is attached to, or <see cref="FindingCollector.ArchiveLevel"/>.</summary>
        public int MemberIndex { get; set; }

        /// <summary>The member path (or, for a header-level issue, the name in the header).</summary>
        public string? Path { get; set; }

        /// <summary>A second name: the competing path, link target, pax keyword or field name.</summary>
        public string? Value { get; set; }

        /// <summary>A third name: the competing value or a reason.</summary>
        public string? OtherValue { get; set; }

        /// <summary>A fourth name: why two names conflict, or a second value.</summary>
        public string? Reason { get; set; }

        /// <summary>A declared size, count or offset.</summary>
        public long Number { get; set; }

        /// <summary>A second number: the actual size, the limit, the other offset.</summary>
        public long OtherNumber { get; set; }

        /// <summary>A third number (the size a record must fit, a stored checksum).</summary>
        public long ThirdNumber { get; set; }

        /// <summary>A fourth number (a stored size).</summary>
        public long FourthNumber { get; set; }

        /// <summary>A measured ratio.</summary>
        public double Ratio { get; set; }

        /// <summary>A fractional limit (the compression ratio).</summary>
        public double Limit { get; set; }

        /// <summary>A yes/no fact: a global pax header, a GNU long name rather than link, a sparse typeflag.</summary>
        public bool Flag { get; set; }
    }
}
