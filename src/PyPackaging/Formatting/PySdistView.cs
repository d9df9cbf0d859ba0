using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PyPackaging.Formatting
{
    /// <summary>
    /// The text of the default views (PyPackaging.Format.ps1xml calls these). Lines are laid out for an 80-column
    /// console and wrapped at spaces only, so a member path or a rule id is never cut in the middle: one line per
    /// entry (label, member path, link target), plus one indented line with the entry's rule ids or its reason.
    /// PowerShell's own wrapping cuts table cells and list values at any character, which is what this avoids.
    /// </summary>
    public static class PySdistView
    {
        /// <summary>Longest line written (so nothing wraps on an 80-column console).</summary>
        public const int LineWidth = 79;

        /// <summary>Width of the first column: "Information" and "Extracted" plus a space.</summary>
        private const int LabelWidth = 12;

        /// <summary>Indent of the detail line under an entry.</summary>
        private const int DetailIndent = LabelWidth + 2;

        /// <summary>Test-PySdist's view: worst severity, the member (or the archive with its verdict), and the rule ids found.</summary>
        public static string Entry(PySdistEntry entry)
        {
            if (entry == null) return string.Empty;
            var label = entry.Severity == PySdistSeverity.None ? string.Empty : entry.Severity.ToString();
            var text = new StringBuilder();
            AppendWrapped(text, label, Subject(entry), LabelWidth);
            AppendDetail(text, RuleIds(entry));
            return text.ToString();
        }

        /// <summary>Expand-PySdistSafely's and Build-PySdist's view: what was done, the member, and why (or the rule ids found).</summary>
        public static string ActionEntry(PySdistEntry entry)
        {
            if (entry == null) return string.Empty;
            var text = new StringBuilder();
            AppendWrapped(text, entry.Action.ToString(), Subject(entry), LabelWidth);
            AppendDetail(text, string.IsNullOrEmpty(entry.Reason) ? RuleIds(entry) : entry.Reason);
            return text.ToString();
        }

        /// <summary>Get-PySdistRule's view: id, severity and category on one line, the description wrapped below it.</summary>
        public static string Rule(PySdistRule rule)
        {
            if (rule == null) return string.Empty;
            var text = new StringBuilder();
            text.Append(rule.Id);
            // Ids are at most ~40 characters; the columns after them line up for every id shorter than that.
            text.Append(' ', Math.Max(1, RuleIdWidth - rule.Id.Length));
            text.Append(rule.Severity.ToString().PadRight(LabelWidth)).Append(rule.Category);
            AppendDetail(text, rule.Description);
            return text.ToString();
        }

        private const int RuleIdWidth = 41;

        /// <summary>Wraps text at spaces so no line is longer than <paramref name="width"/> (a longer word keeps a line to itself).</summary>
        public static string Wrap(string? text, int width)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            var result = new StringBuilder();
            var lines = text!.Replace("\r\n", "\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) result.Append('\n');
                AppendWords(result, lines[i], 0, 0, Math.Max(1, width));
            }
            return result.ToString();
        }

        /// <summary>"4 errors, 2 warnings" (zero counts left out), or "no findings".</summary>
        public static string Verdict(PySdistEntry entry)
        {
            var parts = new List<string>(3);
            AddCount(parts, entry.ErrorCount, "error", "errors");
            AddCount(parts, entry.WarningCount, "warning", "warnings");
            AddCount(parts, entry.InformationCount, "information", "information");
            return parts.Count == 0 ? "no findings" : string.Join(", ", parts);
        }

        private static void AddCount(List<string> parts, int count, string one, string many)
        {
            if (count > 0) parts.Add(count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many));
        }

        private static string Subject(PySdistEntry entry)
        {
            switch (entry.EntryType)
            {
                case PySdistEntryType.Archive:
                    return entry.Path + ": " + Verdict(entry);
                case PySdistEntryType.SymbolicLink:
                    return entry.Path + " -> " + entry.LinkTarget;
                case PySdistEntryType.HardLink:
                    return entry.Path + " (hard link to " + entry.LinkTarget + ")";
                case PySdistEntryType.File:
                case PySdistEntryType.Directory:
                    return entry.Path;
                default:
                    return entry.Path + " (" + entry.EntryType + ")";
            }
        }

        private static string RuleIds(PySdistEntry entry)
        {
            if (entry.Findings.Count == 0) return string.Empty;
            var ids = new List<string>(entry.Findings.Count);
            foreach (var f in entry.Findings)
            {
                if (!ids.Contains(f.RuleId)) ids.Add(f.RuleId);
            }
            return string.Join(", ", ids);
        }

        private static void AppendDetail(StringBuilder text, string? detail)
        {
            if (string.IsNullOrEmpty(detail)) return;
            foreach (var line in detail!.Replace("\r\n", "\n").Split('\n'))
            {
                if (line.Length == 0) continue;
                text.Append('\n');
                AppendWrapped(text, string.Empty, line, DetailIndent);
            }
        }

        /// <summary>Writes <paramref name="label"/> padded to the label column, then the words, continuation lines indented by <paramref name="indent"/>.</summary>
        private static void AppendWrapped(StringBuilder text, string label, string words, int indent)
        {
            var start = text.Length;
            text.Append(label);
            if (label.Length < indent) text.Append(' ', indent - label.Length);
            else text.Append(' ');
            AppendWords(text, words, text.Length - start, indent, LineWidth);
        }

        /// <summary>
        /// Greedy word wrap. A word longer than a whole line (a deep member path) is cut after a '/' so each piece is
        /// a run of whole path segments; only a single segment longer than a line is cut where the line ends.
        /// </summary>
        private static void AppendWords(StringBuilder text, string words, int column, int indent, int width)
        {
            var first = true; // nothing written on the current line after its label or indent
            foreach (var word in words.Split(' '))
            {
                if (word.Length == 0) continue;
                var piece = word;
                var separator = 1; // a space before the word; pieces of a cut word follow each other directly
                while (true)
                {
                    var gap = first ? 0 : separator;
                    if (column + gap + piece.Length <= width)
                    {
                        if (gap > 0) text.Append(' ');
                        text.Append(piece);
                        column += gap + piece.Length;
                        first = false;
                        break;
                    }
                    if (!first && indent + piece.Length <= width)
                    {
                        NewLine(text, indent, ref column, ref first);
                        continue;
                    }
                    var room = width - column - gap;
                    var cut = room > 0 ? piece.LastIndexOf('/', Math.Min(room, piece.Length) - 1) + 1 : 0;
                    if (cut <= 0)
                    {
                        if (!first)
                        {
                            NewLine(text, indent, ref column, ref first);
                            continue;
                        }
                        cut = Math.Max(1, room);
                    }
                    if (gap > 0) text.Append(' ');
                    text.Append(piece, 0, cut);
                    NewLine(text, indent, ref column, ref first);
                    piece = piece.Substring(cut);
                    separator = 0;
                }
            }
        }

        private static void NewLine(StringBuilder text, int indent, ref int column, ref bool first)
        {
            text.Append('\n').Append(' ', indent);
            column = indent;
            first = true;
        }
    }
}
