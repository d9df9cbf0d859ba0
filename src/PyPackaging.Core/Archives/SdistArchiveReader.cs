using System;
using System.IO;
using System.Threading;
using PyPackaging.Rules;

namespace PyPackaging.Archives
{
    /// <summary>Opens the right reader for a file by sniffing its first bytes.</summary>
    public static class SdistArchiveReader
    {
        /// <summary>
        /// Opens <paramref name="stream"/> (positioned at 0; seekable for zip) as an sdist archive.
        /// The container is sniffed from the magic bytes, never from a file name. Containers that cannot be read
        /// (bzip2, xz, zstd, unknown, empty) give a reader with the right <see cref="ISdistArchiveReader.Container"/>,
        /// no members and a <see cref="ISdistArchiveReader.StopReason"/>; no finding is reported for the container kind
        /// (a Structure check does that from <see cref="ISdistArchiveReader.Container"/>).
        /// Framing problems and exceeded limits are reported to <paramref name="findings"/> while reading.
        /// </summary>
        public static ISdistArchiveReader Open(Stream stream, ArchiveLimits limits, FindingCollector findings, CancellationToken cancellationToken = default, bool leaveOpen = false)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            if (limits == null) throw new ArgumentNullException(nameof(limits));
            if (findings == null) throw new ArgumentNullException(nameof(findings));
            cancellationToken.ThrowIfCancellationRequested();

            var statistics = new ArchiveStatistics();
            if (stream.CanSeek)
            {
                try { statistics.CompressedLength = stream.Length; }
                catch (NotSupportedException) { }
            }
            var prefix = new byte[512];
            int n = 0;
            while (n < prefix.Length)
            {
                int r = stream.Read(prefix, n, prefix.Length - n);
                if (r <= 0) break;
                n += r;
            }
            statistics.CompressedBytesRead = n;
            var container = Sniff(prefix, n);
            switch (container)
            {
                case ContainerFormat.TarGzip:
                case ContainerFormat.Tar:
                    return new TarArchiveReader(new SourceStream(stream, statistics, prefix, n), stream, container == ContainerFormat.TarGzip,
                        statistics, limits, findings, cancellationToken, leaveOpen);
                case ContainerFormat.Zip:
                    if (!stream.CanSeek)
                    {
                        return new NoMemberReader(container, statistics, "a zip archive can only be read from a seekable stream", stream, leaveOpen);
                    }
                    stream.Seek(-n, SeekOrigin.Current);
                    statistics.CompressedBytesRead = 0;
                    return new ZipArchiveReader(stream, statistics, limits, findings, cancellationToken, leaveOpen);
                case ContainerFormat.Empty:
                    return new NoMemberReader(container, statistics, "the file is empty", stream, leaveOpen);
                case ContainerFormat.Bzip2:
                    return new NoMemberReader(container, statistics, "bzip2-compressed archives are not sdists (sdists are gzip-compressed tar files) and are not read", stream, leaveOpen);
                case ContainerFormat.Xz:
                    return new NoMemberReader(container, statistics, "xz-compressed archives are not sdists (sdists are gzip-compressed tar files) and are not read", stream, leaveOpen);
                case ContainerFormat.Zstandard:
                    return new NoMemberReader(container, statistics, "zstd-compressed archives are not sdists (sdists are gzip-compressed tar files) and are not read", stream, leaveOpen);
                default:
                    return new NoMemberReader(ContainerFormat.Unknown, statistics, "the file is not a recognised archive (no gzip, tar or zip signature)", stream, leaveOpen);
            }
        }

        /// <summary>The container kind from the first bytes (up to 512) of a file.</summary>
        internal static ContainerFormat Sniff(byte[] head, int length)
        {
            if (length == 0) return ContainerFormat.Empty;
            if (length >= 2 && head[0] == 0x1F && head[1] == 0x8B) return ContainerFormat.TarGzip;
            if (length >= 3 && head[0] == (byte)'B' && head[1] == (byte)'Z' && head[2] == (byte)'h') return ContainerFormat.Bzip2;
            if (length >= 6 && head[0] == 0xFD && head[1] == 0x37 && head[2] == 0x7A && head[3] == 0x58 && head[4] == 0x5A && head[5] == 0x00) return ContainerFormat.Xz;
            if (length >= 4 && head[0] == 0x28 && head[1] == 0xB5 && head[2] == 0x2F && head[3] == 0xFD) return ContainerFormat.Zstandard;
            if (length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) return ContainerFormat.Zip;
            if (length >= 512 && (TarFields.ChecksumMatches(head, out _, out _) || TarFields.IsZeroBlock(head, 0, 512))) return ContainerFormat.Tar;
            return ContainerFormat.Unknown;
        }
    }
}
