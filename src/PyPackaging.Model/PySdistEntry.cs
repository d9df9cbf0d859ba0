using System;
using System.Collections.Generic;
using System.Globalization;

namespace PyPackaging
{
    /// <summary>
    /// One archive entry, the object all three cmdlets write to the pipeline: Test-PySdist (a listing with findings),
    /// Expand-PySdistSafely (what happened to each member) and Build-PySdist (what was added or left out).
    /// </summary>
    public sealed class PySdistEntry
    {
        private PySdistFindingList _findings = PySdistFindingList.Empty;

        // Archive entry only: the findings of the archive's members, counted once when the entries are made
        // (IncludeMemberFindings), so the Archive entry carries the verdict without holding the members.
        private int _memberErrors;
        private int _memberWarnings;
        private int _memberInformation;

        /// <summary>Full path of the archive file.</summary>
        public string Archive { get; set; } = string.Empty;

        /// <summary>Member path as stored in the archive (for the Archive entry: the archive's file name).</summary>
        public string Path { get; set; } = string.Empty;

        public PySdistEntryType EntryType { get; set; }

        /// <summary>Payload size in bytes (for the Archive entry: the archive file's size).</summary>
        public long Size { get; set; }

        /// <summary>Permission bits in octal, as stored (for example 0644 or 4755); null when the archive stores none.</summary>
        public string? Mode => ModeBits is int m ? FormatMode(m) : null;

        /// <summary>Raw permission bits, including setuid/setgid/sticky.</summary>
        public int? ModeBits { get; set; }

        /// <summary>Link target for symbolic and hard links, as stored.</summary>
        public string? LinkTarget { get; set; }

        /// <summary>Modification time stored in the archive (UTC).</summary>
        public DateTime? LastWriteTime { get; set; }

        /// <summary>Zero-based position of the member in the archive; -1 for the Archive entry.</summary>
        public int Index { get; set; } = -1;

        /// <summary>Header format of the member: Pax, Ustar, Gnu, V7 or Zip.</summary>
        public string? Format { get; set; }

        /// <summary>What the cmdlet did with the entry (Extracted, Skipped, Refused, Added, Excluded); None for Test-PySdist.</summary>
        public PySdistEntryAction Action { get; set; }

        /// <summary>Where the entry was written (Expand-PySdistSafely) or the sdist written (Build-PySdist).</summary>
        public string? Destination { get; set; }

        /// <summary>The file the entry came from (Build-PySdist).</summary>
        public string? SourcePath { get; set; }

        /// <summary>Why an entry was skipped, refused or excluded.</summary>
        public string? Reason { get; set; }

        /// <summary>Build-PySdist, on the Archive entry: "Native" (built without Python) or "Project" (the project's own backend in a clean room).</summary>
        public string? BuildMode { get; set; }

        /// <summary>Build-PySdist, on the Archive entry: "native", or Project mode's runner: "python -m build", "uv build" or "build_sdist hook".</summary>
        public string? BuildRunner { get; set; }

        /// <summary>The entry's findings (a <see cref="PySdistFindingList"/>: its text, as CSV writes it, lists them one per line).</summary>
        public IReadOnlyList<PySdistFinding> Findings
        {
            get => _findings;
            set => _findings = PySdistFindingList.From(value);
        }

        /// <summary>
        /// The worst severity among the findings; None when there are none. For the Archive entry: the archive's
        /// verdict, the worst over its own findings and those of every member.
        /// </summary>
        public PySdistSeverity Severity =>
            ErrorCount > 0 ? PySdistSeverity.Error
            : WarningCount > 0 ? PySdistSeverity.Warning
            : InformationCount > 0 ? PySdistSeverity.Information
            : PySdistSeverity.None;

        /// <summary>Error findings: the entry's own; for the Archive entry, the whole archive's (its own and every member's).</summary>
        public int ErrorCount => Count(PySdistSeverity.Error) + _memberErrors;

        /// <summary>Warning findings: the entry's own; for the Archive entry, the whole archive's.</summary>
        public int WarningCount => Count(PySdistSeverity.Warning) + _memberWarnings;

        /// <summary>Information findings: the entry's own; for the Archive entry, the whole archive's.</summary>
        public int InformationCount => Count(PySdistSeverity.Information) + _memberInformation;

        private int Count(PySdistSeverity severity)
        {
            var n = 0;
            foreach (var f in _findings)
            {
                if (f.Severity == severity) n++;
            }
            return n;
        }

        /// <summary>
        /// Makes this (the Archive entry) carry the archive's verdict: adds the members' own findings to its counts and
        /// severity. Called once per archive by the code that creates the entries.
        /// </summary>
        internal void IncludeMemberFindings(IEnumerable<PySdistEntry> members)
        {
            foreach (var member in members)
            {
                if (ReferenceEquals(member, this)) continue;
                foreach (var f in member._findings)
                {
                    switch (f.Severity)
                    {
                        case PySdistSeverity.Error: _memberErrors++; break;
                        case PySdistSeverity.Warning: _memberWarnings++; break;
                        case PySdistSeverity.Information: _memberInformation++; break;
                    }
                }
            }
        }

        public static string FormatMode(int mode)
        {
            var text = Convert.ToString(mode & 0xFFF, 8);
            return text.PadLeft(4, '0');
        }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1})", Path, EntryType);
    }
}
