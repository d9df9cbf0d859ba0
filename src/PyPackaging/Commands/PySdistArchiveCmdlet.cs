using System;
using System.IO;
using System.Management.Automation;
using PyPackaging.Archives;

namespace PyPackaging.Commands
{
    /// <summary>Parameters shared by the cmdlets that read archives: -Path / -LiteralPath and the resource limits.</summary>
    public abstract partial class PySdistArchiveCmdlet : PySdistCmdlet
    {
        protected const string PathSet = "Path";
        protected const string LiteralPathSet = "LiteralPath";

        /// <summary>Paths of sdist files; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary>Paths of sdist files, used exactly as typed (no wildcards). Binds the PSPath of piped Get-ChildItem output.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        /// <summary>Most uncompressed bytes to read (the whole tar stream).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long MaxTotalSize { get; set; }

        /// <summary>Largest payload one member may declare.</summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long MaxMemberSize { get; set; }

        /// <summary>Most members an archive may hold.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxMemberCount { get; set; }

        /// <summary>Largest uncompressed/compressed ratio, judged once enough bytes have been inflated.</summary>
        [Parameter]
        [ValidateRange(1.0, double.MaxValue)]
        public double MaxCompressionRatio { get; set; }

        /// <summary>Longest member path or link target, in characters.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxPathLength { get; set; }

        /// <summary>Most components in a member path.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxPathDepth { get; set; }

        protected bool IsLiteral => ParameterSetName == LiteralPathSet;

        protected string[]? InputPaths => IsLiteral ? LiteralPath : Path;

        /// <summary>
        /// Runs the work for one archive with progress by compressed bytes and the shared error mapping: an unreadable
        /// archive (ArchiveAccessDenied, ArchiveUnreadable) or a defect in PyPackaging (<paramref name="defectId"/>) is a
        /// non-terminating error and null is returned, so the next archive is processed; Ctrl+C stops the pipeline.
        /// </summary>
        /// <param name="doing">"Reading", "Expanding": the progress status and the defect message use it.</param>
        protected T? RunForArchive<T>(string archive, int progressId, string activity, string doing, string defectId,
            Func<Action<ArchiveStatistics>, T> work) where T : class
        {
            var name = System.IO.Path.GetFileName(archive);
            try
            {
                ReportProgress(progressId, activity, $"{doing} {name}", 0, force: true);
                return work(stats =>
                {
                    if (!ProgressDue) return; // called per member: skip the formatting between records
                    var percent = stats.CompressedLength > 0 ? (int)(100 * stats.CompressedBytesRead / stats.CompressedLength) : 0;
                    ReportProgress(progressId, activity, $"{doing} {name}: {stats.MemberCount} members", percent);
                });
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                WriteArchiveFailure(ex, archive, doing, defectId);
            }
            finally
            {
                CompleteProgress(progressId, activity);
            }
            return null;
        }

        /// <summary>
        /// The one mapping from a failure of one archive's work to what the user sees: Ctrl+C stops the pipeline; an
        /// unreadable archive or a defect in PyPackaging is an input error with a stable id (ReportInputError; pipeline thread only).
        /// </summary>
        protected void WriteArchiveFailure(Exception ex, string archive, string doing, string defectId)
        {
            switch (ex)
            {
                case OperationCanceledException _:
                    throw new PipelineStoppedException();
                case UnauthorizedAccessException _:
                    ReportInputError(Error(ex, "ArchiveAccessDenied", ErrorCategory.PermissionDenied, archive));
                    break;
                case IOException _:
                    ReportInputError(Error(new IOException($"Cannot read '{archive}': {ex.Message}", ex), "ArchiveUnreadable", ErrorCategory.ReadError, archive));
                    break;
                default:
                    // A defect in PyPackaging, not in the archive: say so plainly and go on with the next archive.
                    ReportInputError(Error(new InvalidOperationException($"PyPackaging failed while {doing.ToLowerInvariant()} '{archive}' ({ex.GetType().Name}: {ex.Message}). This is a bug in PyPackaging; please report it with the archive.", ex),
                        defectId, ErrorCategory.NotSpecified, archive));
                    break;
            }
        }

        /// <summary>
        /// The limits for this call: ArchiveLimits' defaults (the one place they are written; help and README read
        /// them from there), overridden only by the limit parameters the user bound.
        /// </summary>
        protected ArchiveLimits BuildLimits()
        {
            var bound = MyInvocation.BoundParameters;
            var limits = new ArchiveLimits();
            if (bound.ContainsKey(nameof(MaxTotalSize))) limits.MaxTotalSize = MaxTotalSize;
            if (bound.ContainsKey(nameof(MaxMemberSize))) limits.MaxMemberSize = MaxMemberSize;
            if (bound.ContainsKey(nameof(MaxMemberCount))) limits.MaxMembers = MaxMemberCount;
            if (bound.ContainsKey(nameof(MaxCompressionRatio))) limits.MaxCompressionRatio = MaxCompressionRatio;
            if (bound.ContainsKey(nameof(MaxPathLength))) limits.MaxPathLength = MaxPathLength;
            if (bound.ContainsKey(nameof(MaxPathDepth))) limits.MaxPathDepth = MaxPathDepth;
            return limits;
        }
    }
}
