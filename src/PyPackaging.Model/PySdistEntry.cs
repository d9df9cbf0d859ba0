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
        private static readonly IReadOnlyList<PySdistFinding> NoFindings = Array.Empty<PySdistFinding>();
        private IReadOnlyList<PySdistFinding> _findings = NoFindings;

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

        public IReadOnlyList<PySdistFinding> Findings
        {
            get => _findings;
            set => _findings = value ?? NoFindings;
        }

        /// <summary>The worst severity among the findings; None when there are none.</summary>
        public PySdistSeverity Severity
        {
            get
            {
                var worst = PySdistSeverity.None;
                foreach (var f in _findings)
                {
                    if (f.Severity > worst) worst = f.Severity;
                }
                return worst;
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
