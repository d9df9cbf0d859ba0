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
        /// Anything that is not a readable archive is reported to <paramref name="findings"/>; the returned reader then yields no members.
        /// </summary>
        public static ISdistArchiveReader Open(Stream stream, ArchiveLimits limits, FindingCollector findings, CancellationToken cancellationToken = default, bool leaveOpen = false)
        {
            throw new NotImplementedException("Archive reading lands with the reader work.");
        }
    }
}
