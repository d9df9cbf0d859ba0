using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PyPackaging.Archives;
using PyPackaging.Inspection;
using PyPackaging.Paths;
using PyPackaging.Rules;

namespace PyPackaging.Extraction
{
    /// <summary>
    /// Extracts an sdist all-or-nothing. One streaming pass (the same scan Test-PySdist uses) writes regular files and
    /// directories into a fresh staging directory beside the target, after the extraction policy (ExtractionPolicy)
    /// admits each member; links and directory times are deferred.
    /// After the pass every whole-archive check runs (the same as Test-PySdist); only when nothing unsafe was found
    /// are links materialised and the staging directory moved into place. On any failure (an unsafe member, a corrupt
    /// or truncated archive, a limit, an I/O error, cancellation) the staging directory is removed and the destination
    /// is left exactly as it was.
    /// </summary>
    public sealed class SdistExtractor
    {
        private const int ArchiveFileBuffer = 1; // the reader buffers; a FileStream buffer would only copy

        private readonly ExtractionOptions _options;

        public SdistExtractor(ExtractionOptions? options = null)
        {
            _options = options?.Clone() ?? new ExtractionOptions();
        }

        /// <summary>The directory (or, with StripTopLevel, the destination itself) a given top-level name would land in.</summary>
        public static string TargetFor(string destinationPath, string topLevelName, bool stripTopLevel) =>
            stripTopLevel ? Path.GetFullPath(destinationPath) : Path.Combine(Path.GetFullPath(destinationPath), topLevelName);

        /// <summary>
        /// Extracts <paramref name="archivePath"/> into <paramref name="destinationPath"/>. Problems with the archive or
        /// the target are reported in the result (nothing is written); opening the archive may throw IOException or
        /// UnauthorizedAccessException; cancellation throws OperationCanceledException after cleaning up.
        /// </summary>
        /// <param name="progress">Called after each member with the running counters (on the calling thread).</param>
        public ExtractionResult Extract(string archivePath, string destinationPath, CancellationToken cancellationToken = default, Action<ArchiveStatistics>? progress = null)
        {
            return Stage(archivePath, destinationPath, cancellationToken, progress).Place();
        }

        /// <summary>
        /// The first part of <see cref="Extract"/>: reads, checks and writes the archive into a staging directory beside
        /// the target, without moving anything into place. Several archives can be staged at once (on any thread);
        /// <see cref="StagedExtraction.Place"/> then moves each into place in input order, so targets are checked and
        /// replaced exactly as when the archives are expanded one after another.
        /// </summary>
        public StagedExtraction Stage(string archivePath, string destinationPath, CancellationToken cancellationToken = default, Action<ArchiveStatistics>? progress = null)
        {
            archivePath = Path.GetFullPath(archivePath);
            destinationPath = Path.GetFullPath(destinationPath);
            using var stream = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read, ArchiveFileBuffer, FileOptions.SequentialScan);
            var run = new ExtractionRun(_options, archivePath, destinationPath, stream, cancellationToken, progress);
            run.Stage();
            return new StagedExtraction(run);
        }
    }

    /// <summary>An archive read, checked and written into its staging directory, waiting to be placed (or discarded).</summary>
    public sealed class StagedExtraction
    {
        private readonly ExtractionRun _run;

        internal StagedExtraction(ExtractionRun run) => _run = run;

        /// <summary>Moves the staged result into the destination (checking the targets again) and returns the outcome.</summary>
        public ExtractionResult Place() => _run.Place();

        /// <summary>Removes the staging directory without placing anything (the caller stopped before this archive's turn).</summary>
        public void Discard() => _run.Discard();

        /// <summary>About how much memory this staged result keeps alive until it is placed.</summary>
        public long ApproximateBytes => _run.ApproximateBytes;
    }
}
