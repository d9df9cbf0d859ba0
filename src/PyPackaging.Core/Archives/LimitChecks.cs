using System;

using PyPackaging.Rules;

namespace PyPackaging.Archives
{
    /// <summary>
    /// The <see cref="ArchiveLimits"/> checks both readers apply, with the same findings: the stream limits stop reading,
    /// the member limits stop reading, the path limits only report.
    /// </summary>
    internal sealed class LimitChecks
    {
        private readonly ArchiveLimits _limits;
        private readonly FramingReport _report;

        public LimitChecks(ArchiveLimits limits, FramingReport report)
        {
            _limits = limits;
            _report = report;
        }

        public ArchiveLimits Limits => _limits;

        /// <summary>Total size and compression ratio over everything inflated so far; false (and stopped) when exceeded.</summary>
        public bool CheckStream(ArchiveStatistics statistics, bool compressed)
        {
            long total = statistics.UncompressedBytes;
            if (total > _limits.MaxTotalSize)
            {
                _report.Stop(new FramingIssue(FramingIssueKind.TotalSizeExceeded) { Number = total, OtherNumber = _limits.MaxTotalSize });
                return false;
            }
            if (compressed && total >= _limits.CompressionRatioFloor)
            {
                long read = Math.Max(1, statistics.CompressedBytesRead);
                double ratio = (double)total / read;
                if (ratio > _limits.MaxCompressionRatio)
                {
                    _report.Stop(new FramingIssue(FramingIssueKind.CompressionRatioExceeded) { Number = read, OtherNumber = total, Ratio = ratio, Limit = _limits.MaxCompressionRatio });
                    return false;
                }
            }
            return true;
        }

        /// <summary>Whether another member may be read after <paramref name="membersSoFar"/>; stops reading when not.</summary>
        public bool AllowsAnotherMember(int membersSoFar, string path)
        {
            if (membersSoFar < _limits.MaxMembers) return true;
            _report.FlushPending(FindingCollector.ArchiveLevel);
            _report.Stop(new FramingIssue(FramingIssueKind.MemberCountExceeded) { Path = path, OtherNumber = _limits.MaxMembers });
            return false;
        }

        /// <summary>Whether a member of <paramref name="size"/> declared bytes may be read; stops reading when not.</summary>
        public bool AllowsMemberSize(string path, long size)
        {
            if (size <= _limits.MaxMemberSize) return true;
            _report.FlushPending(FindingCollector.ArchiveLevel);
            _report.Stop(new FramingIssue(FramingIssueKind.MemberSizeExceeded) { Path = path, Number = size, OtherNumber = _limits.MaxMemberSize });
            return false;
        }

        /// <summary>Whether the member's data, starting at <paramref name="dataStart"/>, stays within the total size; stops reading when not.</summary>
        public bool AllowsMemberData(string path, long dataStart, long size)
        {
            if (dataStart + size <= _limits.MaxTotalSize) return true;
            _report.FlushPending(FindingCollector.ArchiveLevel);
            _report.Stop(new FramingIssue(FramingIssueKind.MemberTotalSizeExceeded) { Path = path, Number = size, OtherNumber = _limits.MaxTotalSize });
            return false;
        }

        /// <summary>Path length and depth, and link target length; reported on the member, reading continues.</summary>
        public void CheckPaths(int index, string path, string? linkTarget)
        {
            if (path.Length > _limits.MaxPathLength)
            {
                _report.Report(new FramingIssue(FramingIssueKind.PathTooLong, memberIndex: index) { Path = path, Number = path.Length, OtherNumber = _limits.MaxPathLength });
            }
            int depth = TarFields.Depth(path);
            if (depth > _limits.MaxPathDepth)
            {
                _report.Report(new FramingIssue(FramingIssueKind.PathTooDeep, memberIndex: index) { Path = path, Number = depth, OtherNumber = _limits.MaxPathDepth });
            }
            if (linkTarget != null && linkTarget.Length > _limits.MaxPathLength)
            {
                _report.Report(new FramingIssue(FramingIssueKind.LinkTargetTooLong, memberIndex: index) { Path = path, Number = linkTarget.Length, OtherNumber = _limits.MaxPathLength });
            }
        }
    }
}
