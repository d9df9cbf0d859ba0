using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace PyPackaging.Reporting
{
    /// <summary>
    /// The job summary in GitHub-flavoured Markdown: per archive the verdict, counts by severity, a findings table
    /// (severity, member, rule, message, remedy) and the member tree with sizes, collapsed when long. Every text that
    /// comes from an archive is escaped, so a member name cannot inject Markdown or HTML. Tables and trees are capped
    /// so the summary stays far below GitHub's 1 MiB per step.
    /// </summary>
    public static class MarkdownReport
    {
        /// <summary>Trees with more lines than this are collapsed in a details element.</summary>
        public const int OpenTreeLines = 25;
        public const int MaxFindingRows = 200;
        public const int MaxTreeLines = 500;

        public static void Write(TextWriter writer, GateResult result)
        {
            writer.Write("## PyPackaging: ");
            writer.WriteLine(result.Failed ? "gate failed" : "gate passed");
            writer.WriteLine();
            writer.WriteLine(Escape(result.Headline()));
            writer.WriteLine();

            if (result.Problems.Count > 0)
            {
                writer.WriteLine("### Inputs that could not be checked");
                writer.WriteLine();
                writer.WriteLine("| Error | Input | Message |");
                writer.WriteLine("|---|---|---|");
                foreach (var p in result.Problems) writer.WriteLine($"| {Escape(p.ErrorId)} | {Code(p.Target)} | {Escape(p.Message)} |");
                writer.WriteLine();
            }

            foreach (var verdict in result.Archives) WriteArchive(writer, verdict, result.FailOn);
        }

        public static string ToMarkdown(GateResult result)
        {
            using (var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" })
            {
                Write(w, result);
                return w.ToString();
            }
        }

        private static void WriteArchive(TextWriter writer, ArchiveVerdict verdict, GateThreshold failOn)
        {
            var fails = verdict.Fails(failOn);
            writer.WriteLine($"### {(fails ? "❌" : "✅")} {Escape(verdict.FileName)}: {(fails ? "fails" : "passes")}");
            writer.WriteLine();
            writer.WriteLine("| Errors | Warnings | Information | Members |");
            writer.WriteLine("|---:|---:|---:|---:|");
            var members = verdict.Entries.Count(e => e.EntryType != PySdistEntryType.Archive);
            writer.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3} |", verdict.ErrorCount, verdict.WarningCount, verdict.InformationCount, members));
            writer.WriteLine();

            if (verdict.Findings.Count > 0)
            {
                writer.WriteLine("| Severity | Member | Rule | Message | Remedy |");
                writer.WriteLine("|---|---|---|---|---|");
                // Worst first, so a capped table keeps what matters; the sort is stable within a severity.
                var ordered = verdict.Findings.Select((f, i) => (f, i)).OrderByDescending(x => x.f.Severity).ThenBy(x => x.i).Select(x => x.f).ToList();
                foreach (var f in ordered.Take(MaxFindingRows))
                {
                    writer.WriteLine($"| {f.Severity} | {Code(f.Path)} | {Escape(f.RuleId)} | {Escape(f.Message)} | {Escape(f.Remedy)} |");
                }
                if (ordered.Count > MaxFindingRows)
                {
                    writer.WriteLine();
                    writer.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} more findings are not shown; Export-PySdistReport writes them all.", ordered.Count - MaxFindingRows));
                }
                writer.WriteLine();
            }

            var tree = MemberTree(verdict.Entries);
            if (tree.Count > 0)
            {
                var total = verdict.Entries.Where(e => e.EntryType != PySdistEntryType.Archive).Sum(e => e.Size);
                var label = string.Format(CultureInfo.InvariantCulture, "Members ({0}, {1})", members, FormatSize(total));
                var collapsed = tree.Count > OpenTreeLines;
                writer.WriteLine(collapsed ? "<details><summary>" + Html(label) + "</summary>" : "<details open><summary>" + Html(label) + "</summary>");
                writer.WriteLine();
                writer.Write("<pre>");
                var shown = 0;
                foreach (var line in tree)
                {
                    if (shown++ == MaxTreeLines)
                    {
                        writer.Write(Html(string.Format(CultureInfo.InvariantCulture, "… {0} more", tree.Count - MaxTreeLines)));
                        writer.Write('\n');
                        break;
                    }
                    writer.Write(Html(line));
                    writer.Write('\n');
                }
                writer.WriteLine("</pre>");
                writer.WriteLine();
                writer.WriteLine("</details>");
                writer.WriteLine();
            }
        }

        /// <summary>
        /// The members as an indented tree sorted by path ("name  (size)"); directories implied by member paths are
        /// shown too. Control characters are shown as \xNN.
        /// </summary>
        public static IReadOnlyList<string> MemberTree(IEnumerable<PySdistEntry> entries)
        {
            var root = new TreeNode();
            foreach (var entry in entries)
            {
                if (entry.EntryType == PySdistEntryType.Archive) continue;
                var parts = entry.Path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0) continue;
                var node = root;
                foreach (var part in parts)
                {
                    if (!node.Children.TryGetValue(part, out var child))
                    {
                        child = new TreeNode();
                        node.Children.Add(part, child);
                    }
                    node = child;
                }
                node.Entry = entry;
            }
            var lines = new List<string>();
            AddLines(root, 0, lines);
            return lines;
        }

        private static void AddLines(TreeNode node, int depth, List<string> lines)
        {
            foreach (var pair in node.Children)
            {
                var child = pair.Value;
                var name = Paths.MemberPath.Display(pair.Key);
                var text = new StringBuilder(new string(' ', depth * 2)).Append(name);
                var entry = child.Entry;
                if (child.Children.Count > 0 || entry?.EntryType == PySdistEntryType.Directory) text.Append('/');
                if (entry != null)
                {
                    switch (entry.EntryType)
                    {
                        case PySdistEntryType.File:
                            text.Append("  (").Append(FormatSize(entry.Size)).Append(')');
                            break;
                        case PySdistEntryType.SymbolicLink:
                        case PySdistEntryType.HardLink:
                            text.Append(" -> ").Append(Paths.MemberPath.Display(entry.LinkTarget ?? string.Empty));
                            break;
                        case PySdistEntryType.Directory:
                            break;
                        default:
                            text.Append("  (").Append(entry.EntryType).Append(')');
                            break;
                    }
                    if (entry.Severity >= PySdistSeverity.Warning) text.Append("  ← ").Append(entry.Severity);
                }
                lines.Add(text.ToString());
                AddLines(child, depth + 1, lines);
            }
        }

        private sealed class TreeNode
        {
            public SortedDictionary<string, TreeNode> Children { get; } = new SortedDictionary<string, TreeNode>(StringComparer.Ordinal);
            public PySdistEntry? Entry { get; set; }
        }

        public static string FormatSize(long bytes)
        {
            if (bytes < 1024) return bytes.ToString(CultureInfo.InvariantCulture) + " B";
            if (bytes < 1024L * 1024) return (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB";
            if (bytes < 1024L * 1024 * 1024) return (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
            return (bytes / (1024.0 * 1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
        }

        /// <summary>
        /// Text for a table cell: HTML-significant characters become entities, Markdown punctuation is
        /// backslash-escaped, '|' cannot end the cell and line breaks become &lt;br&gt;.
        /// </summary>
        public static string Escape(string text)
        {
            var sb = new StringBuilder(text.Length + 16);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '\r':
                        if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                        sb.Append("<br>");
                        break;
                    case '\n': sb.Append("<br>"); break;
                    case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#': case '~': case '!': case '{': case '}': case '(': case ')':
                        sb.Append('\\').Append(c);
                        break;
                    default:
                        if (Paths.MemberPath.IsControl(c)) sb.Append("\\\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.ToString();
        }

        /// <summary>
        /// A member path or input in a table cell, in &lt;code&gt;. Markdown still parses inside inline HTML, so the text is
        /// escaped like any cell; control characters are shown as \xNN.
        /// </summary>
        public static string Code(string text) => "<code>" + Escape(Paths.MemberPath.Display(text)) + "</code>";

        public static string Html(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
    }
}
