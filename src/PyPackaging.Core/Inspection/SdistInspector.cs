using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using PyPackaging.Archives;
using PyPackaging.Rules;

namespace PyPackaging.Inspection
{
    /// <summary>The outcome of inspecting one archive: the snapshot the checks saw, the findings, and one entry per member plus the archive entry.</summary>
    public sealed class SdistInspection
    {
        internal SdistInspection(SdistSnapshot snapshot, FindingCollector findings, IReadOnlyList<PySdistEntry> entries)
        {
            Snapshot = snapshot;
            Findings = findings;
            Entries = entries;
        }

        public SdistSnapshot Snapshot { get; }
        public FindingCollector Findings { get; }

        /// <summary>The archive entry first, then one entry per member in archive order.</summary>
        public IReadOnlyList<PySdistEntry> Entries { get; }

        public bool HasErrors => Findings.HasErrors;

        /// <summary>
        /// About how much memory this result keeps alive (each member's table row, entry and findings take roughly a
        /// kilobyte, plus the payloads kept for the checks): what bounds how many finished results may wait their turn.
        /// </summary>
        public long ApproximateBytes => Snapshot.Members.Count * 1024L + Snapshot.CapturedBytes;
    }

    /// <summary>
    /// Reads an sdist once, streaming, keeps the member table and the few payloads the checks need,
    /// runs every enabled check, and turns the result into <see cref="PySdistEntry"/> objects.
    /// </summary>
    public sealed class SdistInspector
    {
        private const int FileBufferSize = 1; // the archive reader buffers; a second FileStream buffer only copies

        private readonly ArchiveLimits _limits;
        private readonly RuleFilter _filter;

        public SdistInspector(ArchiveLimits? limits = null, RuleFilter? filter = null)
        {
            _limits = limits ?? new ArchiveLimits();
            _filter = filter ?? RuleFilter.AllRules;
        }

        /// <summary>
        /// Inspects the archive at <paramref name="archivePath"/> (a full file-system path).
        /// I/O errors opening or reading the file propagate (IOException, UnauthorizedAccessException); everything
        /// wrong with the archive's content becomes findings.
        /// </summary>
        /// <param name="progress">Called after each member with the running counters (on the calling thread).</param>
        public SdistInspection Inspect(string archivePath, CancellationToken cancellationToken = default, Action<ArchiveStatistics>? progress = null)
        {
            using var stream = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
            return Inspect(stream, archivePath, cancellationToken, progress);
        }

        /// <summary>Inspects an already opened archive stream; <paramref name="archivePath"/> names it in findings and entries.</summary>
        public SdistInspection Inspect(Stream stream, string archivePath, CancellationToken cancellationToken = default, Action<ArchiveStatistics>? progress = null)
        {
            return SdistScan.Run(stream, archivePath, _limits, new FindingCollector(_filter), CaptureOnlyHook.Instance, cancellationToken, progress);
        }
    }
}
