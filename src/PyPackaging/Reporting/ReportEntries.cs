using System;
using System.Collections.Generic;
using System.Linq;
using PyPackaging.Reporting;

namespace PyPackaging.CommandSupport
{
    /// <summary>Export-PySdistReport's use of Core, kept out of the cmdlet class (which must hold no Core types).</summary>
    internal static class ReportEntries
    {
        internal static bool IsEntry(object value) => value is PySdistEntry;

        internal static void Write(IEnumerable<object> entries, string path, string format, string failOn, string? baseDirectory)
        {
            var verdicts = ArchiveVerdict.GroupEntries(entries.Cast<PySdistEntry>(), archive => ArchiveVerdict.RelativeDisplayPath(archive, baseDirectory));
            var result = new GateResult(verdicts, Array.Empty<GateProblem>(), (GateThreshold)Enum.Parse(typeof(GateThreshold), failOn, ignoreCase: true));
            ReportFile.Write(path, (ReportFormat)Enum.Parse(typeof(ReportFormat), format, ignoreCase: true), result, baseDirectory);
        }
    }
}
