using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using PyPackaging.Archives;
using PyPackaging.Rules;

namespace PyPackaging.Inspection
{
    /// <summary>What the scan asks of its caller for each member while the member's payload can still be read.</summary>
    internal interface IMemberHook
    {
        /// <summary>
        /// Called once per member, in archive order, while <paramref name="reader"/> is positioned on it. Returns the
        /// payload to keep for the checks (see <see cref="CapturePolicy"/>), or null to keep none.
        /// </summary>
        CapturedContent? OnMember(ArchiveMember member, ISdistArchiveReader reader);
    }

    /// <summary>
    /// The one streaming pass over an sdist: reads every member once, lets a hook act on it (inspection keeps the few
    /// payloads the checks read; extraction writes it and keeps the same payloads on the way), then runs every
    /// enabled check over the snapshot and turns the result into entries. Test-PySdist, Expand-PySdistSafely and
    /// Build-PySdist's self-check all go through here.
    /// </summary>
    internal static class SdistScan
    {
        public static SdistInspection Run(
            Stream stream,
            string archivePath,
            ArchiveLimits limits,
            FindingCollector findings,
            IMemberHook hook,
            CancellationToken cancellationToken,
            Action<ArchiveStatistics>? progress)
        {
            var members = new List<ArchiveMember>();
            var contents = new Dictionary<int, CapturedContent>();
            long fileLength = stream.CanSeek ? stream.Length : -1;

            SdistSnapshot snapshot;
            using (var reader = SdistArchiveReader.Open(stream, limits, findings, cancellationToken, leaveOpen: true))
            {
                while (reader.MoveNext())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var member = reader.Current;
                    members.Add(member);
                    if (hook.OnMember(member, reader) is CapturedContent kept) contents[member.Index] = kept;
                    progress?.Invoke(reader.Statistics);
                }
                cancellationToken.ThrowIfCancellationRequested();
                snapshot = new SdistSnapshot(archivePath, reader.Container, members, contents, reader.Statistics, reader.Completed, reader.StopReason);
            }

            CheckRegistry.RunAll(snapshot, findings);
            var entries = EntryFactory.FromInspection(snapshot, findings, fileLength);
            return new SdistInspection(snapshot, findings, entries);
        }
    }

    /// <summary>Inspection's hook: keeps the payloads <see cref="CapturePolicy"/> names and reads nothing else.</summary>
    internal sealed class CaptureOnlyHook : IMemberHook
    {
        public static readonly CaptureOnlyHook Instance = new CaptureOnlyHook();

        public CapturedContent? OnMember(ArchiveMember member, ISdistArchiveReader reader)
        {
            if (member.Type != PySdistEntryType.File) return null;
            var limit = CapturePolicy.BytesToCapture(member.Path);
            return limit > 0 ? CapturePolicy.Capture(reader.OpenData(), member.Size, limit) : (CapturedContent?)null;
        }
    }
}
