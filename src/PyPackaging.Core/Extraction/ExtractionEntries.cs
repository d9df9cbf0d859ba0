using System;
using System.Collections.Generic;
using System.Text;
using PyPackaging.Inspection;

namespace PyPackaging.Extraction
{
    /// <summary>Turns the plans of a finished run into its output: one entry per member (what happened and why) and the Archive entry.</summary>
    internal static class ExtractionEntries
    {
        /// <param name="inspected">The inspection's entries (archive entry first), or null when the run stopped before the archive was read.</param>
        /// <param name="refusedAll">True when the archive's content was refused as a whole.</param>
        public static void Fill(ExtractionResult result, IReadOnlyList<MemberPlan> plans, IReadOnlyList<PySdistEntry>? inspected,
            Func<string, string> finalPath, string destination, bool refusedAll)
        {
            if (result.Failure == ExtractionFailure.TargetExists || result.Failure == ExtractionFailure.TargetIsLink)
            {
                // A problem with the target, not with the archive: nothing was decided about any member, so there are
                // no entries to report (the failure message says what to do), only the error.
                result.Entries = Array.Empty<PySdistEntry>();
                return;
            }
            var list = new List<PySdistEntry>(plans.Count);
            var extracted = 0;
            var skipped = 0;
            for (var i = 0; i < plans.Count; i++)
            {
                var plan = plans[i];
                var entry = inspected != null && i + 1 < inspected.Count ? inspected[i + 1] : EntryFactory.FromMember(result.ArchivePath, plan.Member);
                if (result.Succeeded && plan.Written)
                {
                    entry.Action = PySdistEntryAction.Extracted;
                    entry.Destination = finalPath(plan.Relative!);
                    extracted++;
                }
                else if (result.Succeeded && plan.Key != null && plan.Key.Length == 0 && plan.Member.Type == PySdistEntryType.Directory)
                {
                    entry.Action = PySdistEntryAction.Extracted;
                    entry.Destination = destination;
                    extracted++;
                }
                else if (plan.Unsafe)
                {
                    entry.Action = result.Succeeded ? PySdistEntryAction.Skipped : PySdistEntryAction.Refused;
                    entry.Reason = JoinReasons(plan.Problems!);
                    skipped++;
                }
                else
                {
                    entry.Action = PySdistEntryAction.Skipped;
                    entry.Reason = result.Succeeded
                        ? plan.SkipReason ?? "Not extracted."
                        : refusedAll ? "Not extracted: the archive was refused." : "Not extracted: " + (result.FailureMessage ?? "the extraction failed.");
                    skipped++;
                }
                list.Add(entry);
            }
            result.Entries = list;
            result.ArchiveEntry = ArchiveEntry(result, inspected, destination, refusedAll);
            result.ExtractedCount = extracted;
            result.SkippedCount = skipped;
        }

        /// <summary>
        /// The Archive entry (with the archive's verdict over all findings) once the archive has been read to a decision:
        /// Extracted with where it went, Refused when its content was refused, Skipped (with the reason) when the
        /// extraction failed for another reason. Null when the run stopped before the archive was read.
        /// </summary>
        private static PySdistEntry? ArchiveEntry(ExtractionResult result, IReadOnlyList<PySdistEntry>? inspected, string destination, bool refusedAll)
        {
            if (inspected == null || inspected.Count == 0) return null;
            var archive = inspected[0];
            if (result.Succeeded)
            {
                archive.Action = PySdistEntryAction.Extracted;
                archive.Destination = result.Targets.Count == 1 ? result.Targets[0] : destination;
            }
            else
            {
                archive.Action = refusedAll ? PySdistEntryAction.Refused : PySdistEntryAction.Skipped;
                var message = result.FailureMessage ?? "The extraction failed.";
                var end = message.IndexOfAny(new[] { '\r', '\n' });
                archive.Reason = end < 0 ? message : message.Substring(0, end);
            }
            return archive;
        }

        private static string JoinReasons(List<ExtractionProblem> problems)
        {
            if (problems.Count == 1) return problems[0].Code + ": " + problems[0].Message;
            var sb = new StringBuilder();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in problems)
            {
                if (!seen.Add(p.Code + "\n" + p.Message)) continue;
                if (sb.Length > 0) sb.Append(" | ");
                sb.Append(p.Code).Append(": ").Append(p.Message);
            }
            return sb.ToString();
        }
    }
}
