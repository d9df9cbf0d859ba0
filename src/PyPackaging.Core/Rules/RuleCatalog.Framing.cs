using PyPackaging;

namespace PyPackaging.Rules
{
    // Framing rules: every place where the archive's bytes can be framed or named in more than one way,
    // so that two archive readers (tarfile, GNU tar, libarchive, uv) could extract different files.
    // Reported by the archive readers (PyPackaging.Archives). Ids are stable.
    public static partial class RuleCatalog
    {
        private const string FramingRemedy =
            "Do not install or trust this archive. Rebuild the sdist from its source with a standard tool (python -m build, uv build) and publish that.";
        private const string FramingSpec = "extraction-safety.md §5.2–5.4, §6 (Parser differentials)";

        // ----- tar -----

        public static readonly PySdistRule TarPaxSizeMismatch = new PySdistRule(
            "TarPaxSizeMismatch", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A pax 'size' record disagrees with the size field of the member's tar header. Readers that honour pax and readers that do not frame the archive differently, so one of them reads payload bytes as further headers (TARmageddon). The only tolerated difference is a header size of 0 for a pax size that does not fit the 11-digit octal field.",
            FramingRemedy, "CVE-2025-62518 (TARmageddon); " + FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarPaxGnuNameConflict = new PySdistRule(
            "TarPaxGnuNameConflict", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "One member carries both a pax 'path' (or 'linkpath') record and a GNU long name ('L') or long link ('K') entry. Readers disagree on which one wins.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarPaxPathConflict = new PySdistRule(
            "TarPaxPathConflict", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A pax 'path' or 'linkpath' record names a different file than the ustar name/prefix (or linkname) field, in a way no writer's fallback explains: " +
            "(1) the pax value would have fitted the 100-byte ustar name or linkname field as is (printable ASCII, at most 100 bytes), yet the header holds something else; or " +
            "(2) the header value is absolute or has a '..' component while the pax value has not; or " +
            "(3) the first path component differs (a non-ASCII character of the pax value may appear as '?' or '_', and a header value cut by the writer may end early). " +
            "A reader that ignores pax extracts the header name, so two readers extract different files.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarGnuPrefixConflict = new PySdistRule(
            "TarGnuPrefixConflict", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A header with the GNU magic ('ustar  ') also fills the bytes where ustar keeps its 155-byte name prefix (offset 345). GNU tar and bsdtar read those bytes as GNU fields (access and change times) and use the 100-byte name alone; Go's archive/tar and CPython's tarfile join the prefix to the name. The two groups extract the member under different paths.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: GNU tar and bsdtar ignore the prefix, Go's archive/tar and CPython's tarfile join it",
            SeverityReason = "Two readers would extract the member under different names: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarPaxDuplicateKey = new PySdistRule(
            "TarPaxDuplicateKey", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A keyword appears more than once in one pax extended header. Readers differ on whether the first or the last value wins.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarRepeatedExtension = new PySdistRule(
            "TarRepeatedExtension", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "Two extension headers of the same kind (two pax 'x' headers, two GNU 'L' or two 'K' entries) precede one member. Readers merge or discard them differently.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarPaxGlobalOverride = new PySdistRule(
            "TarPaxGlobalOverride", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A global pax header ('g') sets 'path', 'linkpath' or 'size', which would apply to every later member in some readers and be ignored by others. PyPackaging ignores them.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarPaxMalformed = new PySdistRule(
            "TarPaxMalformed", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A pax extended header holds a malformed record: a length that is not a decimal number or runs past the header, a record not ending in a newline, a missing '=', a keyword that is empty or contains NUL, an empty or non-numeric 'size', an empty path, a path or link that is not UTF-8, or 'hdrcharset=BINARY'. Readers skip, repair or reject such records differently.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends; Go's archive/tar, bsdtar and GNU tar refuse malformed records",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarOrphanedExtension = new PySdistRule(
            "TarOrphanedExtension", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "An extension header (pax 'x', GNU 'L' or 'K') is not followed by a member: the archive ends after it. Some readers report it as a file of its own.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarSparseMember = new PySdistRule(
            "TarSparseMember", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "The member is a GNU sparse file (typeflag 'S' or pax GNU.sparse.* records). Readers that do not reconstruct sparse files extract different content; PyPI rejects sparse members.",
            FramingRemedy, "PyPI upload check (\"Sparse members are not allowed\"); " + FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "PyPI's upload check ('Sparse members are not allowed'); readers that do not rebuild sparse files",
            SeverityReason = "PyPI refuses it, and readers extract different content.",
        };

        public static readonly PySdistRule TarUnknownTypeFlag = new PySdistRule(
            "TarUnknownTypeFlag", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "The member has a typeflag that is not a regular file, directory, link, device or FIFO (for example GNU multi-volume 'M' or volume label 'V'). Readers treat unknown types as regular files, skip them, or fail.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarPayloadOnNonFile = new PySdistRule(
            "TarPayloadOnNonFile", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A directory, link, device or FIFO declares a non-zero size. Python's tarfile does not skip data for these types and reads it as the next header, while GNU tar and libarchive skip it, so the readers see different members.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "CPython's tarfile versus GNU tar and libarchive",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarDataAfterEndMarker = new PySdistRule(
            "TarDataAfterEndMarker", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "Non-zero bytes follow the end-of-archive marker (or a single zero block). Readers that stop at the marker ignore them, readers that skip zero blocks read them as more members. All-zero padding after the marker is normal and allowed.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarMissingEndMarker = new PySdistRule(
            "TarMissingEndMarker", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "The tar stream ends without the two zero blocks of the end-of-archive marker; the archive may be cut short.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "uv's strict tar-codec back end (opt-in in uv 0.12) refuses it; GNU tar warns ('A lone zero block'); CPython's tarfile reads on",
            SeverityReason = "The archive may be cut short, so what it holds cannot be trusted: unpacking is unsafe (and a strict back end refuses it).",
        };

        public static readonly PySdistRule TarTruncated = new PySdistRule(
            "TarTruncated", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "The archive ends inside a header or a member's payload: the member is cut short and reading stops.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "every tar reader (pip and uv fail with a read error)",
            SeverityReason = "Installers fail to unpack it.",
        };

        public static readonly PySdistRule TarHeaderChecksum = new PySdistRule(
            "TarHeaderChecksum", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A tar header's checksum does not match its bytes (or is not a number). Nothing after it can be framed reliably, so reading stops.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "every tar reader (CPython's tarfile, GNU tar, uv stop with an error)",
            SeverityReason = "Installers fail to unpack it.",
        };

        public static readonly PySdistRule TarInvalidHeaderField = new PySdistRule(
            "TarInvalidHeaderField", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A numeric header field (size, mode, uid, gid, mtime) is neither octal nor base-256. An unreadable size stops reading, because readers guess different sizes.",
            FramingRemedy, FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule TarBase256Field = new PySdistRule(
            "TarBase256Field", PySdistRuleCategory.Safety, PySdistSeverity.Warning,
            "A numeric header field uses the GNU base-256 encoding. Standard pax writers use pax records instead; old readers misread such fields.",
            "Rebuild the sdist with a standard tool (python -m build, uv build), which writes pax records for large values.", FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "old tar readers (GNU tar, libarchive, CPython and uv read base-256)",
            SeverityReason = "Current readers accept it; only old ones misread it, so it is a Warning.", SummarizedPerArchive = true,
        };

        public static readonly PySdistRule TarNameNotUtf8 = new PySdistRule(
            "TarNameNotUtf8", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A member path or link target is not valid UTF-8. Readers decode it differently (surrogate escapes, replacement characters, code pages), so the extracted name depends on the tool.",
            FramingRemedy, "sdist-format.md §2 (UTF-8 names); " + FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "tar readers: CPython's tarfile, GNU tar, libarchive (bsdtar), uv's tar back ends",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        // ----- gzip -----

        public static readonly PySdistRule GzipCorrupt = new PySdistRule(
            "GzipCorrupt", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "The gzip data cannot be inflated (corrupt deflate stream). Reading stops.",
            FramingRemedy, "RFC 1952")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "gzip readers (pip, uv, PyPI: 'the whole stream must decompress')",
            SeverityReason = "Installers and PyPI fail to decompress it.",
        };

        public static readonly PySdistRule GzipTrailerMismatch = new PySdistRule(
            "GzipTrailerMismatch", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "The gzip trailer (CRC-32 and size of the decompressed data) does not match the data: the file is damaged or cut short, so its content cannot be trusted.",
            FramingRemedy, "RFC 1952 §2.3.1")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "gzip readers (CPython's gzip raises BadGzipFile; PyPI's upload check decompresses the whole stream)",
            SeverityReason = "Installers and PyPI refuse a damaged stream.",
        };

        public static readonly PySdistRule GzipConcatenatedMembers = new PySdistRule(
            "GzipConcatenatedMembers", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "The file holds more than one gzip member back to back. Some decompressors stop after the first member and others continue, so readers see different tar streams.",
            FramingRemedy, "RFC 1952 §2.2; " + FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "gzip readers (some stop after the first member, others continue)",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule GzipTrailingData = new PySdistRule(
            "GzipTrailingData", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "Bytes follow the end of the gzip stream. Decompressors ignore, reject or try to decode them differently.",
            FramingRemedy, "RFC 1952; " + FramingSpec)
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "gzip readers (ignore, reject or decode trailing bytes differently)",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        // ----- zip -----

        public static readonly PySdistRule ZipNameNotUtf8 = new PySdistRule(
            "ZipNameNotUtf8", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A zip member name or symbolic-link target is not valid UTF-8. Readers decode it as UTF-8, CP437 or the local code page, so the extracted name depends on the tool.",
            FramingRemedy, "extraction-safety.md §5.5 (non-UTF-8 names are rejected)")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "zip readers; uv refuses non-UTF-8 names",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule ZipHeaderMismatch = new PySdistRule(
            "ZipHeaderMismatch", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A zip entry's local header (or data descriptor) and its central-directory record disagree on the name, compression method, CRC-32 or sizes. Readers that walk local headers and readers that use the central directory extract different files.",
            FramingRemedy, "CVE-2025-54368; extraction-safety.md §5.5")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "uv (CVE-2025-54368 hardening) and PyPI's zip checks",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule ZipLocalNotInCentral = new PySdistRule(
            "ZipLocalNotInCentral", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A local file header is not listed in the central directory (or bytes between entries are not a local header). Streaming readers extract it; central-directory readers do not see it.",
            FramingRemedy, "CVE-2025-54368; extraction-safety.md §5.5")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "uv (CVE-2025-54368 hardening) and PyPI's zip checks",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule ZipCentralWithoutLocal = new PySdistRule(
            "ZipCentralWithoutLocal", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A central-directory record points at no local file header. Its data cannot be read.",
            FramingRemedy, "CVE-2025-54368; extraction-safety.md §5.5")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "zip readers",
            SeverityReason = "The data cannot be read: installers fail.",
        };

        public static readonly PySdistRule ZipDataAfterEnd = new PySdistRule(
            "ZipDataAfterEnd", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "Bytes follow the end-of-central-directory record (beyond its declared comment), or several end records exist. Readers locate the central directory differently.",
            FramingRemedy, "CVE-2025-54368; extraction-safety.md §5.5")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "uv (CVE-2025-54368 hardening)",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };

        public static readonly PySdistRule ZipEncryptedEntry = new PySdistRule(
            "ZipEncryptedEntry", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A zip entry is encrypted; its content cannot be read or checked.",
            FramingRemedy, "extraction-safety.md §5.5")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "pip and uv cannot read encrypted entries",
            SeverityReason = "Installers fail to unpack it.",
        };

        public static readonly PySdistRule ZipUnsupportedMethod = new PySdistRule(
            "ZipUnsupportedMethod", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A zip entry uses a compression method other than stored (0) or deflate (8); its content cannot be read or checked.",
            FramingRemedy, "extraction-safety.md §5.1, §5.5")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "uv reads stored and deflate only; PyPI refuses other methods",
            SeverityReason = "Installers and PyPI refuse it.",
        };

        public static readonly PySdistRule ZipCrcMismatch = new PySdistRule(
            "ZipCrcMismatch", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A zip entry's data does not match its recorded CRC-32 or uncompressed size, or cannot be inflated.",
            FramingRemedy, "extraction-safety.md §5.5")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "zip readers (CPython's zipfile raises BadZipFile)",
            SeverityReason = "Installers fail to unpack it.",
        };

        public static readonly PySdistRule ZipMalformed = new PySdistRule(
            "ZipMalformed", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "The zip structure cannot be read: no end-of-central-directory record, a central directory outside the file, a wrong entry count, or ZIP64 (not supported for sdists). Reading stops.",
            FramingRemedy, "extraction-safety.md §5.5")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "zip readers",
            SeverityReason = "Installers fail to unpack it.",
        };

        public static readonly PySdistRule ZipParsersDisagree = new PySdistRule(
            "ZipParsersDisagree", PySdistRuleCategory.Safety, PySdistSeverity.Error,
            "A second, independent zip parser (SharpZipLib) reads the central directory differently: other entries, sizes, checksums or methods, or it refuses the file.",
            "Do not install or unpack this archive; rebuild the sdist as a .tar.gz with a standard build tool.",
            "CVE-2025-54368 (zip parser differentials); PEP 625 (sdists are .tar.gz)")
        {
            Scope = PySdistRuleScope.Archive,
            Consumer = "two independent zip parsers",
            SeverityReason = "Two readers would frame or name the archive differently and extract different files: unpacking is ambiguous.",
        };
    }
}
