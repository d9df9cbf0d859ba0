using System.Collections.Generic;
using PyPackaging.Archives;
using PyPackaging.Rules;

namespace PyPackaging.Inspection
{
    /// <summary>
    /// Turns a snapshot and its findings into the entries the cmdlets write: the archive entry, then one per member.
    /// The archive entry carries the archive's verdict (worst severity and counts over its own and all members' findings);
    /// Test-PySdist, Expand-PySdistSafely and Build-PySdist all get their entries from here.
    /// </summary>
    public static class EntryFactory
    {
        public static IReadOnlyList<PySdistEntry> FromInspection(SdistSnapshot snapshot, FindingCollector findings, long archiveLength)
        {
            var byMember = new List<PySdistFinding>?[snapshot.Members.Count];
            var archiveFindings = new List<PySdistFinding>();
            foreach (var raw in findings.Findings)
            {
                var inRange = raw.MemberIndex >= 0 && raw.MemberIndex < byMember.Length;
                var path = inRange ? snapshot.Members[raw.MemberIndex].Path : snapshot.FileName;
                var finding = new PySdistFinding(raw.Rule, raw.Message, raw.Remedy, snapshot.ArchivePath, path);
                if (inRange)
                {
                    (byMember[raw.MemberIndex] ??= new List<PySdistFinding>()).Add(finding);
                }
                else
                {
                    archiveFindings.Add(finding);
                }
            }

            var entries = new List<PySdistEntry>(snapshot.Members.Count + 1)
            {
                new PySdistEntry
                {
                    Archive = snapshot.ArchivePath,
                    Path = snapshot.FileName,
                    EntryType = PySdistEntryType.Archive,
                    Size = archiveLength >= 0 ? archiveLength : snapshot.Statistics.CompressedLength,
                    Format = snapshot.Container.ToString(),
                    Findings = archiveFindings,
                },
            };

            for (var i = 0; i < snapshot.Members.Count; i++)
            {
                var entry = FromMember(snapshot.ArchivePath, snapshot.Members[i]);
                if (byMember[i] != null) entry.Findings = byMember[i]!;
                entries.Add(entry);
            }
            entries[0].IncludeMemberFindings(entries);
            return entries;
        }

        public static PySdistEntry FromMember(string archivePath, ArchiveMember member) => new PySdistEntry
        {
            Archive = archivePath,
            Path = member.Path,
            EntryType = member.Type,
            Size = member.Size,
            ModeBits = member.Mode,
            LinkTarget = member.LinkTarget,
            LastWriteTime = member.ModifiedTime,
            Index = member.Index,
            Format = member.HeaderFormat.ToString(),
        };
    }
}
