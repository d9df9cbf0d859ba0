using System;

namespace PyPackaging.Archives
{
    /// <summary>The container around the tar stream, sniffed from the file's first bytes (never from its extension).</summary>
    public enum ContainerFormat
    {
        Unknown,
        Empty,
        /// <summary>gzip-compressed tar: the only sdist container (PEP 517/625).</summary>
        TarGzip,
        /// <summary>uncompressed tar.</summary>
        Tar,
        /// <summary>legacy .zip sdist.</summary>
        Zip,
        Bzip2,
        Xz,
        Zstandard,
    }

    /// <summary>The header dialect one member was written in.</summary>
    public enum MemberHeaderFormat
    {
        V7,
        Ustar,
        Gnu,
        Pax,
        Zip,
    }

    /// <summary>
    /// One member as the reader framed it: the effective values (pax over GNU long names over ustar name/prefix),
    /// with nothing normalised. Disagreements between those sources are reported as findings by the reader.
    /// </summary>
    public sealed class ArchiveMember
    {
        /// <summary>Zero-based position in the archive.</summary>
        public int Index { get; set; }

        /// <summary>Effective member path exactly as stored (decoded as UTF-8; invalid bytes become U+FFFD and are reported).</summary>
        public string Path { get; set; } = string.Empty;

        public PyPackaging.PySdistEntryType Type { get; set; }

        /// <summary>Raw tar typeflag ('0', '5', '2', ...); '\0' for zip members.</summary>
        public char TypeFlag { get; set; }

        /// <summary>Effective payload size in bytes (the value used to frame the member).</summary>
        public long Size { get; set; }

        /// <summary>Permission bits as stored, including setuid/setgid/sticky; null when the archive stores none.</summary>
        public int? Mode { get; set; }

        /// <summary>Link target for symbolic and hard links, exactly as stored.</summary>
        public string? LinkTarget { get; set; }

        /// <summary>Modification time (UTC); null when absent or unparsable.</summary>
        public DateTime? ModifiedTime { get; set; }

        public long? Uid { get; set; }
        public long? Gid { get; set; }
        public string? UserName { get; set; }
        public string? GroupName { get; set; }

        public MemberHeaderFormat HeaderFormat { get; set; }

        /// <summary>Offset in the uncompressed stream of the first header block belonging to this member (extension headers included).</summary>
        public long HeaderOffset { get; set; }

        public override string ToString() => $"{Index}: {Path} ({Type}, {Size} bytes)";
    }
}
