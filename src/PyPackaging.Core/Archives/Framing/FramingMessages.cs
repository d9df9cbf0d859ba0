using System;
using System.Collections.Generic;
using System.Globalization;
using PyPackaging.Rules;
using K = PyPackaging.Archives.FramingIssueKind;

namespace PyPackaging.Archives
{
    /// <summary>
    /// The one table from a framing issue to its catalogue rule, its message and (for issues that stop reading) the
    /// stop reason. The readers hold no prose: to change what a framing finding says, change it here.
    /// </summary>
    internal static class FramingMessages
    {
        private const string TwoReaders = "so two tar readers can extract different files from this archive";
        private const string Truncated = "the archive is truncated";
        private const string BrokenZip64 = "broken ZIP64 records";
        private const string BrokenCentralDirectory = "broken zip central directory";
        private const string ZipConsequence = " Readers that walk local headers and readers that use the central directory see different files, so two zip readers can extract different files from this archive.";

        /// <summary>Stop reasons for stops that follow issues already reported, or none.</summary>
        internal static class Reasons
        {
            public const string MalformedPaxSize = "malformed pax size record";
            public const string GzipUnclean = "the gzip stream does not end cleanly";
            public const string GzipTrailer = "the gzip trailer does not match the data";
            public const string NoEndMarker = "the archive ends without an end-of-archive marker";
            public const string IncompleteEndMarker = "the end-of-archive marker is incomplete";
            public const string Damaged = "the archive is damaged";
        }

        private sealed class Entry
        {
            public Entry(PySdistRule rule, Func<FramingIssue, string> message, string? stopReason)
            {
                Rule = rule;
                Message = message;
                StopReason = stopReason;
            }

            public PySdistRule Rule { get; }
            public Func<FramingIssue, string> Message { get; }
            public string? StopReason { get; }
        }

        public static (PySdistRule Rule, string Message) Describe(FramingIssue issue)
        {
            var entry = Table[issue.Kind];
            return (entry.Rule, entry.Message(issue));
        }

        public static string StopReasonOf(FramingIssueKind kind) =>
            Table[kind].StopReason ?? throw new InvalidOperationException($"Framing issue {kind} does not stop reading.");

        private static string Show(string? text) => TarFields.Show(text ?? string.Empty);

        private static string Who(FramingIssue i) => $"Zip member '{Show(i.Path)}'";

        /// <summary>Flag: the value comes from the data descriptor rather than the local header.</summary>
        private static string ZipField(FramingIssue i, string field, string local, string central) =>
            $"{Who(i)}: the {(i.Flag ? "data descriptor" : "local header")} says {field} {local} but the central directory says {central}." + ZipConsequence;

        private static string Damaged(FramingIssue i, string problem) => $"{Who(i)} is damaged: {problem}. Its content cannot be trusted.";

        private static string Hex(long crc) => ((uint)crc).ToString("X8", CultureInfo.InvariantCulture);

        private static string Decimal(long n) => n.ToString(CultureInfo.InvariantCulture);

        private static string Header(FramingIssue i) => i.Flag ? "global" : "extended";

        private static string Malformed(FramingIssue i, string what) =>
            $"The pax {Header(i)} header at byte {i.Position} is malformed: {what}. Readers skip, repair or reject such records differently, {TwoReaders}.";

        private static readonly Dictionary<FramingIssueKind, Entry> Table = new Dictionary<FramingIssueKind, Entry>
        {
            // ---- limits
            [K.TotalSizeExceeded] = new Entry(RuleCatalog.LimitTotalSize, i =>
                $"The archive inflates to more than {i.OtherNumber} bytes (the MaxTotalSize limit); reading stopped after {i.Number} bytes.", "total size limit exceeded"),
            [K.MemberTotalSizeExceeded] = new Entry(RuleCatalog.LimitTotalSize, i =>
                $"Member '{Show(i.Path)}' ({i.Number} bytes) would take the archive past the MaxTotalSize limit of {i.OtherNumber} bytes; reading stopped.", "total size limit exceeded"),
            [K.CompressionRatioExceeded] = new Entry(RuleCatalog.LimitCompressionRatio, i => string.Format(CultureInfo.InvariantCulture,
                "{0} compressed bytes inflated to {1} bytes, a ratio of {2:0.#} (limit {3}): this archive is a decompression bomb or not source code.",
                i.Number, i.OtherNumber, i.Ratio, i.Limit), "compression ratio limit exceeded"),
            [K.MemberCountExceeded] = new Entry(RuleCatalog.LimitMemberCount, i =>
                $"The archive holds more than {i.OtherNumber} members (the MaxMembers limit); reading stopped at member '{Show(i.Path)}'.", "member count limit exceeded"),
            [K.ZipMemberCountExceeded] = new Entry(RuleCatalog.LimitMemberCount, i =>
                $"The zip file declares {i.Number} members, more than the MaxMembers limit of {i.OtherNumber}; it is not read.", "member count limit exceeded"),
            [K.MemberSizeExceeded] = new Entry(RuleCatalog.LimitMemberSize, i =>
                $"Member '{Show(i.Path)}' declares {i.Number} bytes, more than the MaxMemberSize limit of {i.OtherNumber}; reading stopped.", "member size limit exceeded"),
            [K.PathTooLong] = new Entry(RuleCatalog.LimitPathLength, i =>
                $"Member path '{Show(i.Path)}' is {i.Number} characters long (limit {i.OtherNumber}).", null),
            [K.PathTooDeep] = new Entry(RuleCatalog.LimitPathDepth, i =>
                $"Member path '{Show(i.Path)}' is {i.Number} components deep (limit {i.OtherNumber}).", null),
            [K.LinkTargetTooLong] = new Entry(RuleCatalog.LimitPathLength, i =>
                $"The link target of member '{Show(i.Path)}' is {i.Number} characters long (limit {i.OtherNumber}).", null),
            [K.PaxHeaderTooLarge] = new Entry(RuleCatalog.LimitExtensionHeaderSize, i =>
                $"The pax {Header(i)} header at byte {i.Position} is {i.Number} bytes long (limit {ArchiveLimits.MaxPaxHeaderSize}); reading stopped.", "oversized pax header"),
            [K.GnuLongNameTooLarge] = new Entry(RuleCatalog.LimitExtensionHeaderSize, i =>
                $"The GNU long {(i.Flag ? "name" : "link")} entry at byte {i.Position} is {i.Number} bytes long (limit {ArchiveLimits.MaxGnuLongNameSize}); reading stopped.", "oversized GNU long name"),

            // ---- tar blocks and headers
            [K.TarEndMarkerMissing] = new Entry(RuleCatalog.TarMissingEndMarker, i =>
                $"The tar stream ends at byte {i.Position} without the end-of-archive marker (two zero blocks); the archive may be cut short, and readers disagree on whether it is complete.", null),
            [K.TarEndMarkerSingleBlock] = new Entry(RuleCatalog.TarMissingEndMarker, i =>
                $"The tar stream ends with a single zero block at byte {i.Position} instead of the two-block end-of-archive marker; the archive may be cut short.", null),
            [K.TarDataAfterSingleZeroBlock] = new Entry(RuleCatalog.TarDataAfterEndMarker, i =>
                $"A single zero block at byte {i.Number} is followed by non-zero data at byte {i.Position}. Readers that stop at the first zero block see the archive end there, readers that skip zero blocks read more members, {TwoReaders}.", null),
            [K.TarDataAfterEndMarker] = new Entry(RuleCatalog.TarDataAfterEndMarker, i =>
                $"Non-zero data follows the end-of-archive marker (at byte {i.Position} of the tar stream). Readers that stop at the marker ignore it, others read it as more members, {TwoReaders}.", null),
            [K.TarTruncatedHeader] = new Entry(RuleCatalog.TarTruncated, i =>
                $"The archive ends inside a tar header at byte {i.Position} (only {i.Number} of 512 bytes): it is cut short.", Truncated),
            [K.TarTruncatedExtension] = new Entry(RuleCatalog.TarTruncated, i =>
                $"The archive ends inside the extension header at byte {i.Position} ({i.Number} bytes declared): it is cut short.", Truncated),
            [K.TarTruncatedSparseMap] = new Entry(RuleCatalog.TarTruncated, i =>
                $"The archive ends inside the sparse map of member '{Show(i.Path)}' at byte {i.Position}: it is cut short.", Truncated),
            [K.TarTruncatedMemberData] = new Entry(RuleCatalog.TarTruncated, i =>
                $"Member '{Show(i.Path)}' declares {i.Number} bytes but the archive ends after {i.OtherNumber}: it is cut short and reading stopped.", Truncated),
            [K.TarTruncatedMemberPadding] = new Entry(RuleCatalog.TarTruncated, i =>
                $"The archive ends inside the block padding after member '{Show(i.Path)}': it is cut short and reading stopped.", Truncated),
            [K.TarChecksumUnreadable] = new Entry(RuleCatalog.TarHeaderChecksum, i =>
                $"The tar header at byte {i.Position} has no readable checksum; it cannot be framed, so nothing after it can be trusted and reading stopped.", "header checksum mismatch"),
            [K.TarChecksumMismatch] = new Entry(RuleCatalog.TarHeaderChecksum, i =>
                $"The tar header at byte {i.Position} has checksum {i.Number} but its bytes sum to {i.OtherNumber}; it is corrupt or forged, nothing after it can be framed reliably, and reading stopped.", "header checksum mismatch"),
            [K.TarSizeFieldInvalid] = new Entry(RuleCatalog.TarInvalidHeaderField, i =>
                $"The tar header at byte {i.Position} (name '{Show(i.Path)}') has a size field that is not a number; readers guess different sizes, so reading stopped.", "unreadable size field"),
            [K.TarNumberFieldInvalid] = new Entry(RuleCatalog.TarInvalidHeaderField, i =>
                $"Member '{Show(i.Path)}' has a {i.Value} field that is neither octal nor base-256; readers interpret it differently.", null),
            [K.TarBase256Field] = new Entry(RuleCatalog.TarBase256Field, i =>
                $"Member '{Show(i.Path)}' stores its {i.Value} in GNU base-256 encoding; older readers misread such fields.", null),
            [K.TarGnuPrefixConflict] = new Entry(RuleCatalog.TarGnuPrefixConflict, i =>
                $"Member '{Show(i.Path)}' has a GNU header (magic 'ustar  ') whose bytes 345-499, the ustar name prefix, hold '{Show(i.Value)}'. GNU tar and bsdtar extract '{Show(i.Path)}', Go's archive/tar and CPython's tarfile extract '{Show(i.Value + "/" + i.Path)}', so two tar readers extract different files from this archive.", null),
            [K.TarPathNotUtf8] = new Entry(RuleCatalog.TarNameNotUtf8, i =>
                $"Member path '{Show(i.Path)}' is not valid UTF-8 (invalid bytes shown as U+FFFD); tools decode it differently, so the extracted name depends on the tool.", null),
            [K.TarLinkNotUtf8] = new Entry(RuleCatalog.TarNameNotUtf8, i =>
                $"The link target '{Show(i.Value)}' of member '{Show(i.Path)}' is not valid UTF-8; tools decode it differently.", null),
            [K.TarSparseMember] = new Entry(RuleCatalog.TarSparseMember, i =>
                $"Member '{Show(i.Path)}' is a GNU sparse file ({(i.Flag ? "typeflag 'S'" : "pax GNU.sparse records")}); readers that do not reconstruct sparse files extract different content, and PyPI rejects sparse members.", null),
            [K.TarUnknownTypeFlag] = new Entry(RuleCatalog.TarUnknownTypeFlag, i =>
                $"Member '{Show(i.Path)}' has the unknown typeflag {DescribeTypeFlag((char)i.Number)}; readers treat it as a regular file, skip it, or fail.", null),
            [K.TarPayloadOnNonFile] = new Entry(RuleCatalog.TarPayloadOnNonFile, i =>
                $"Member '{Show(i.Path)}' is a {i.Value} but declares {i.Number} bytes of data. Python's tarfile reads that data as the next header while GNU tar skips it, {TwoReaders}.", null),

            // ---- tar extensions
            [K.TarRepeatedPaxHeader] = new Entry(RuleCatalog.TarRepeatedExtension, i =>
                $"Two pax extended headers precede one member (the second at byte {i.Position}); readers merge or drop them differently, {TwoReaders}.", null),
            [K.TarRepeatedGnuEntry] = new Entry(RuleCatalog.TarRepeatedExtension, i =>
                $"Two {(i.Flag ? "GNU long name ('L')" : "GNU long link ('K')")} entries precede one member (the second at byte {i.Position}); readers keep the first or the last, {TwoReaders}.", null),
            [K.TarOrphanedExtension] = new Entry(RuleCatalog.TarOrphanedExtension, i =>
                $"An extension header ({DescribePending(i)}) is not followed by a member: the archive ends at byte {i.Position} after it. Some readers extract it as a file of its own, {TwoReaders}.", null),
            [K.PaxSizeMismatch] = new Entry(RuleCatalog.TarPaxSizeMismatch, i =>
                $"Member '{Show(i.Path)}': the pax header says size {i.Number} but the tar header says {i.OtherNumber}. Readers that ignore pax frame the archive differently and read payload bytes as headers, {TwoReaders} (TARmageddon).", null),
            [K.PaxGnuPathConflict] = new Entry(RuleCatalog.TarPaxGnuNameConflict, i =>
                $"Member '{Show(i.Path)}' has both a pax path '{Show(i.Value)}' and a GNU long name '{Show(i.OtherValue)}'; readers pick different ones, {TwoReaders}.", null),
            [K.PaxGnuLinkConflict] = new Entry(RuleCatalog.TarPaxGnuNameConflict, i =>
                $"Member '{Show(i.Path)}' has both a pax linkpath '{Show(i.Value)}' and a GNU long link '{Show(i.OtherValue)}'; readers pick different ones, {TwoReaders}.", null),
            [K.PaxPathConflict] = new Entry(RuleCatalog.TarPaxPathConflict, i =>
                $"Member '{Show(i.Path)}': the pax path says '{Show(i.Path)}' but the tar header name says '{Show(i.Value)}' ({i.OtherValue}). A reader that ignores pax extracts the header name, {TwoReaders}.", null),
            [K.PaxLinkConflict] = new Entry(RuleCatalog.TarPaxPathConflict, i =>
                $"Member '{Show(i.Path)}': the pax linkpath says '{Show(i.Value)}' but the tar header link name says '{Show(i.OtherValue)}' ({i.Reason}). A reader that ignores pax links somewhere else, {TwoReaders}.", null),
            [K.PaxRecordWithoutLength] = new Entry(RuleCatalog.TarPaxMalformed, i =>
                Malformed(i, $"the record at offset {i.Number} does not start with a decimal length and a space"), Reasons.MalformedPaxSize),
            [K.PaxRecordLengthOutOfBounds] = new Entry(RuleCatalog.TarPaxMalformed, i =>
                Malformed(i, $"the record at offset {i.Number} declares length {i.OtherNumber}, which does not fit the {i.ThirdNumber}-byte header"), Reasons.MalformedPaxSize),
            [K.PaxRecordWithoutNewline] = new Entry(RuleCatalog.TarPaxMalformed, i =>
                Malformed(i, $"the record at offset {i.Number} does not end in a newline (its length is wrong)"), Reasons.MalformedPaxSize),
            [K.PaxRecordWithoutEquals] = new Entry(RuleCatalog.TarPaxMalformed, i =>
                Malformed(i, $"the record at offset {i.Number} has no '='"), null),
            [K.PaxKeywordEmpty] = new Entry(RuleCatalog.TarPaxMalformed, i =>
                Malformed(i, $"the keyword of the record at offset {i.Number} is empty"), null),
            [K.PaxKeywordCutByNul] = new Entry(RuleCatalog.TarPaxMalformed, i =>
                Malformed(i, $"the keyword of the record at offset {i.Number} is cut by a NUL byte ('{Show(i.Value)}')"), null),
            [K.PaxValueEmpty] = new Entry(RuleCatalog.TarPaxMalformed, i =>
                Malformed(i, $"'{i.Value}' is empty"), null),
            [K.PaxValueNotUtf8] = new Entry(RuleCatalog.TarPaxMalformed, i =>
                Malformed(i, $"'{i.Value}' is not UTF-8 ('{Show(i.OtherValue)}')"), null),
            [K.PaxSizeNotDecimal] = new Entry(RuleCatalog.TarPaxMalformed, i =>
                Malformed(i, $"'size' is '{Show(i.OtherValue)}', not a decimal number; readers use 0, the header size or fail, so the archive cannot be framed and reading stopped"), Reasons.MalformedPaxSize),
            [K.PaxNumberInvalid] = new Entry(RuleCatalog.TarPaxMalformed, i =>
                Malformed(i, $"'{i.Value}' is not a number"), null),
            [K.PaxBinaryCharset] = new Entry(RuleCatalog.TarPaxMalformed, i =>
                Malformed(i, "'hdrcharset=BINARY' declares names that are not UTF-8"), null),
            [K.PaxDuplicateGlobalKey] = new Entry(RuleCatalog.TarPaxDuplicateKey, i =>
                $"The pax global header at byte {i.Position} sets '{i.Value}' more than once; readers keep the first or the last value.", null),
            [K.PaxDuplicateKey] = new Entry(RuleCatalog.TarPaxDuplicateKey, i =>
                $"In the pax header at byte {i.Position}, '{i.Value}' appears more than once; readers keep the first or the last value, {TwoReaders}.", null),
            [K.PaxDuplicateKeyValues] = new Entry(RuleCatalog.TarPaxDuplicateKey, i =>
                $"In the pax header at byte {i.Position}, '{i.Value}' appears twice ('{Show(i.OtherValue)}', then '{Show(i.Reason)}'); readers keep the first or the last value, {TwoReaders}.", null),
            [K.PaxGlobalOverride] = new Entry(RuleCatalog.TarPaxGlobalOverride, i =>
                $"The pax global header at byte {i.Position} sets '{i.Value}' to '{Show(i.OtherValue)}'. Some readers apply it to every later member and others ignore it (PyPackaging ignores it), {TwoReaders}.", null),

            // ---- gzip
            [K.GzipCorrupt] = new Entry(RuleCatalog.GzipCorrupt, i =>
                $"The gzip data cannot be inflated (corrupt deflate stream, around compressed byte {i.Number}, {i.OtherNumber} bytes inflated); reading stopped.", "corrupt gzip data"),
            [K.GzipRejectedAfterEndMarker] = new Entry(RuleCatalog.GzipTrailerMismatch, i =>
                "The gzip decoder rejected the end of the stream after the tar end-of-archive marker: the trailer (CRC-32 and size) does not match the data, or another gzip member follows.", Reasons.GzipTrailer),
            [K.GzipTailMismatch] = new Entry(RuleCatalog.GzipTrailerMismatch, i =>
                $"The file's last 8 bytes are not the CRC-32 ({(uint)i.Number:X8}) and size ({(uint)i.OtherNumber}) of the decompressed data: the gzip stream has concatenated members, trailing bytes, a damaged trailer, or is cut short.", null),
            [K.GzipUnreadTail] = new Entry(RuleCatalog.GzipTrailingData, i =>
                $"{i.Number} bytes at the end of the file were never read by the gzip decoder; readers treat them differently.", null),
            [K.GzipMemberFollows] = new Entry(RuleCatalog.GzipConcatenatedMembers, i =>
                $"The gzip stream ends at byte {i.Position} and another gzip member follows; decompressors stop, continue or fail there, so readers see different tar streams.", null),
            [K.GzipBytesFollow] = new Entry(RuleCatalog.GzipTrailingData, i =>
                $"{i.Number} bytes follow the end of the gzip stream at byte {i.Position}; decompressors ignore, reject or try to decode them differently.", null),
            [K.GzipConcatenatedMembers] = new Entry(RuleCatalog.GzipConcatenatedMembers, i =>
                $"The file holds several gzip members back to back (a member header at byte {i.Position}); some decompressors stop after the first member and others continue, so readers see different tar streams.", null),
            [K.GzipTrailerMismatch] = new Entry(RuleCatalog.GzipTrailerMismatch, i =>
                $"The gzip trailer ({(i.Flag ? $"CRC-32 {(uint)i.ThirdNumber:X8}, size {(uint)i.FourthNumber}" : "too short")}) does not match the decompressed data (CRC-32 {(uint)i.Number:X8}, size {(uint)i.OtherNumber}): the file is damaged or cut short.", null),

            // ---- zip central directory
            [K.ZipNoEndRecord] = new Entry(RuleCatalog.ZipMalformed, i =>
                "The zip file has no end-of-central-directory record; its members cannot be located reliably.", "no zip end record"),
            [K.ZipDataAfterEndRecord] = new Entry(RuleCatalog.ZipDataAfterEnd, i =>
                $"{i.Number} bytes follow the end-of-central-directory record at byte {i.Position}; readers locate the central directory differently, so two zip readers can extract different files from this archive.", null),
            [K.ZipSecondEndRecord] = new Entry(RuleCatalog.ZipDataAfterEnd, i =>
                $"A second end-of-central-directory record at byte {i.Position} precedes the last one at byte {i.Number}; readers that stop at the first one see a different archive.", null),
            [K.ZipZip64LocatorWithoutRoom] = new Entry(RuleCatalog.ZipMalformed, i =>
                $"The ZIP64 locator points at byte {i.Position}, where no ZIP64 end record fits; the zip structure is broken.", BrokenZip64),
            [K.ZipZip64LocatorWithoutRecord] = new Entry(RuleCatalog.ZipMalformed, i =>
                $"The ZIP64 locator points at byte {i.Position}, where there is no ZIP64 end record; the zip structure is broken.", BrokenZip64),
            [K.ZipZip64RecordIrregular] = new Entry(RuleCatalog.ZipMalformed, i =>
                $"The ZIP64 end record at byte {i.Position} carries extensible data or is not directly followed by its locator; readers interpret it differently.", null),
            [K.ZipZip64Missing] = new Entry(RuleCatalog.ZipMalformed, i =>
                "The end record announces ZIP64 values but there is no ZIP64 end record; the zip structure is broken.", BrokenZip64),
            [K.ZipMultiDisk] = new Entry(RuleCatalog.ZipMalformed, i =>
                "The zip file claims to span several disks; it is not read.", "multi-disk zip"),
            [K.ZipCentralDirectoryMisplaced] = new Entry(RuleCatalog.ZipMalformed, i =>
                $"The central directory (byte {i.Position}, {i.Number} bytes) does not fit before the end record at byte {i.OtherNumber}; the zip structure is broken.", BrokenCentralDirectory),
            [K.ZipBytesBeforeEndRecord] = new Entry(RuleCatalog.ZipMalformed, i =>
                $"{i.Number} unexplained bytes lie between the central directory and the end record; readers that search for the central directory find different data.", null),
            [K.ZipCentralDirectoryTooLarge] = new Entry(RuleCatalog.ZipMalformed, i =>
                $"The central directory is {i.Number} bytes long, far more than any sdist needs; it is not read.", "oversized zip central directory"),
            [K.ZipEntriesMissing] = new Entry(RuleCatalog.ZipMalformed, i =>
                $"The end record announces {i.Number} entries but the central directory holds only {i.OtherNumber}; the zip structure is broken.", BrokenCentralDirectory),
            [K.ZipEntryOverruns] = new Entry(RuleCatalog.ZipMalformed, i =>
                $"Central directory entry {i.Number} runs past the end of the central directory; the zip structure is broken.", BrokenCentralDirectory),
            [K.ZipEntryZip64Broken] = new Entry(RuleCatalog.ZipMalformed, i =>
                $"Central directory entry '{Show(i.Path)}' announces ZIP64 sizes but has no valid ZIP64 extra field; the zip structure is broken.", BrokenZip64),
            [K.ZipCentralDirectoryExtraBytes] = new Entry(RuleCatalog.ZipMalformed, i =>
                $"The central directory holds {i.Number} bytes beyond the {i.OtherNumber} entries the end record announces; readers that walk it find more entries.", null),
            [K.ZipParsersDisagree] = new Entry(RuleCatalog.ZipParsersDisagree, i =>
                $"Two zip parsers read this archive differently: {i.Value}. Installers built on different zip libraries can extract different files from it.", null),

            // ---- zip local headers
            [K.ZipUnlistedBytes] = new Entry(RuleCatalog.ZipLocalNotInCentral, i =>
                $"{i.Number} bytes at byte {i.Position}, before the central directory, are not a local file header of a listed entry; streaming readers and central-directory readers see different content.", null),
            [K.ZipUnlistedLocalEntry] = new Entry(RuleCatalog.ZipLocalNotInCentral, i =>
                $"The local entry '{Show(i.Path)}' at byte {i.Position} is not listed in the central directory: streaming readers extract it, central-directory readers do not, so two zip readers can extract different files from this archive.", null),
            [K.ZipNameNotUtf8] = new Entry(RuleCatalog.ZipNameNotUtf8, i =>
                $"{Who(i)}: the name is not valid UTF-8 (invalid bytes shown as U+FFFD); tools decode it differently, so the extracted name depends on the tool.", null),
            [K.ZipLinkNotUtf8] = new Entry(RuleCatalog.ZipNameNotUtf8, i =>
                $"The link target of member '{Show(i.Path)}' is not valid UTF-8; tools decode it differently.", null),
            [K.ZipSharedLocalHeader] = new Entry(RuleCatalog.ZipCentralWithoutLocal, i =>
                $"{Who(i)} points at the same local header as '{Show(i.Value)}' (overlapping entries, a zip-bomb technique); it has no local header of its own.", null),
            [K.ZipNoLocalHeader] = new Entry(RuleCatalog.ZipCentralWithoutLocal, i =>
                $"{Who(i)}: the central directory points at byte {i.Position}, where there is no local file header; its data cannot be read.", null),
            [K.ZipLocalNameMismatch] = new Entry(RuleCatalog.ZipHeaderMismatch, i =>
                $"{Who(i)}: the local header names it '{Show(i.Value)}' but the central directory names it '{Show(i.Path)}'." + ZipConsequence, null),
            [K.ZipMethodMismatch] = new Entry(RuleCatalog.ZipHeaderMismatch, i =>
                $"{Who(i)}: the local header says compression method {i.Number} but the central directory says {i.OtherNumber}." + ZipConsequence, null),
            [K.ZipCrcFieldMismatch] = new Entry(RuleCatalog.ZipHeaderMismatch, i => ZipField(i, "CRC-32", Hex(i.Number), Hex(i.OtherNumber)), null),
            [K.ZipCompressedSizeMismatch] = new Entry(RuleCatalog.ZipHeaderMismatch, i => ZipField(i, "compressed size", Decimal(i.Number), Decimal(i.OtherNumber)), null),
            [K.ZipUncompressedSizeMismatch] = new Entry(RuleCatalog.ZipHeaderMismatch, i => ZipField(i, "uncompressed size", Decimal(i.Number), Decimal(i.OtherNumber)), null),
            [K.ZipEncrypted] = new Entry(RuleCatalog.ZipEncryptedEntry, i =>
                $"{Who(i)} is encrypted; its content cannot be read or checked.", null),
            [K.ZipUnsupportedMethod] = new Entry(RuleCatalog.ZipUnsupportedMethod, i =>
                $"{Who(i)} uses compression method {i.Number}; only stored (0) and deflate (8) are read, so its content cannot be checked.", null),
            [K.ZipDataBeyondEnd] = new Entry(RuleCatalog.ZipCrcMismatch, i =>
                $"{Who(i)} declares {i.Number} compressed bytes at byte {i.Position}, beyond the end of the file.", null),

            // ---- zip data
            [K.ZipDeflateCorrupt] = new Entry(RuleCatalog.ZipCrcMismatch, i => Damaged(i, $"the deflate data is corrupt after {i.Number} bytes"), null),
            [K.ZipInflatesLonger] = new Entry(RuleCatalog.ZipCrcMismatch, i => Damaged(i, $"it inflates to more than the declared {i.Number} bytes"), null),
            [K.ZipInflatesShorter] = new Entry(RuleCatalog.ZipCrcMismatch, i => Damaged(i, $"it inflates to {i.Number} bytes, not the declared {i.OtherNumber}"), null),
            [K.ZipDataCrcMismatch] = new Entry(RuleCatalog.ZipCrcMismatch, i => Damaged(i, $"its data has CRC-32 {Hex(i.Number)}, not the recorded {Hex(i.OtherNumber)}"), null),
        };

        /// <summary>Flag: a pax header was seen; Value: its path; OtherValue: the GNU long name; Reason: the GNU long link.</summary>
        private static string DescribePending(FramingIssue i)
        {
            var parts = new List<string>(3);
            if (i.Flag) parts.Add(i.Value != null ? "pax header for '" + Show(i.Value) + "'" : "pax header");
            if (i.OtherValue != null) parts.Add("GNU long name '" + Show(i.OtherValue) + "'");
            if (i.Reason != null) parts.Add("GNU long link '" + Show(i.Reason) + "'");
            return string.Join(", ", parts);
        }

        private static string DescribeTypeFlag(char type)
        {
            string name = type == 'M' ? " (GNU multi-volume continuation)" : type == 'V' ? " (GNU volume label)" : type == 'D' ? " (GNU dump directory)" : type == 'N' ? " (GNU old long name)" : string.Empty;
            return type >= ' ' && type < 0x7F ? "'" + type + "'" + name : "0x" + ((int)type).ToString("X2", CultureInfo.InvariantCulture);
        }
    }
}
