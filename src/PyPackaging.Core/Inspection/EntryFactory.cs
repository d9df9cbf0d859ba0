using System.Collections.Generic;
using System.Globalization;
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
            var summaries = new Dictionary<PySdistRule, Summary>();
            foreach (var raw in findings.Findings)
            {
                var inRange = raw.MemberIndex >= 0 && raw.MemberIndex < byMember.Length;
                if (inRange && raw.Rule.SummarizedPerArchive)
                {
                    if (!summaries.TryGetValue(raw.Rule, out var summary))
                    {
                        summaries[raw.Rule] = summary = new Summary(raw);
                        // Keep the archive entry's findings in report order: the summary takes the place of the first one.
                        archiveFindings.Add(null!);
                        summary.Slot = archiveFindings.Count - 1;
                    }
                    summary.Add(raw.MemberIndex);
                    continue;
                }
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

            foreach (var summary in summaries.Values)
            {
                archiveFindings[summary.Slot] = new PySdistFinding(summary.First.Rule, summary.Describe(snapshot), summary.First.Remedy, snapshot.ArchivePath, snapshot.FileName);
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

        /// <summary>
        /// The findings of one <see cref="PySdistRule.SummarizedPerArchive"/> rule in one archive: reported once, on the
        /// archive entry, as the first member's message, the count and the next few members, instead of once per member.
        /// </summary>
        private sealed class Summary
        {
            private const int MembersNamed = 5;
            private readonly List<int> _members = new List<int>();
            private readonly HashSet<int> _seen = new HashSet<int>();
            private int _count;

            public Summary(RawFinding first) => First = first;

            public RawFinding First { get; }
            public int Slot { get; set; }

            public void Add(int memberIndex)
            {
                if (!_seen.Add(memberIndex)) return; // a second message of the rule on the same member is still one member
                _count++;
                if (_members.Count < MembersNamed + 1) _members.Add(memberIndex);
            }

            public string Describe(SdistSnapshot snapshot)
            {
                if (_count == 1) return First.Message;
                var others = new List<string>();
                for (var i = 1; i < _members.Count && i <= MembersNamed; i++) others.Add("`" + snapshot.Members[_members[i]].Path + "`");
                var rest = _count - 1 - others.Count;
                var more = rest > 0 ? $" and {rest.ToString(CultureInfo.InvariantCulture)} more" : string.Empty;
                return $"{_count.ToString(CultureInfo.InvariantCulture)} members. First: {First.Message} Also: {string.Join(", ", others)}{more}.";
            }
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
