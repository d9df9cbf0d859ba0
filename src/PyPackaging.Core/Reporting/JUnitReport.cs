using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace PyPackaging.Reporting
{
    /// <summary>
    /// JUnit XML as Azure's PublishTestResults (testResultsFormat JUnit) and GitHub test reporters read it: one
    /// test suite per archive, one test case per rule category, a failure carrying the category's failing findings
    /// (Error, and Warning with -FailOn Warning) and the other findings in system-out. Inputs that could not be
    /// checked are test cases with an error in a suite named "inputs".
    /// </summary>
    public static class JUnitReport
    {
        public static void Write(Stream stream, GateResult result)
        {
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
            var categories = (PySdistRuleCategory[])Enum.GetValues(typeof(PySdistRuleCategory));
            var totalFailures = result.Archives.Sum(a => categories.Count(c => Failing(a, c, result.FailOn).Any()));
            using (var w = XmlWriter.Create(stream, settings))
            {
                w.WriteStartDocument();
                w.WriteStartElement("testsuites");
                w.WriteAttributeString("name", "PyPackaging");
                w.WriteAttributeString("tests", Invariant(result.Archives.Count * categories.Length + result.Problems.Count));
                w.WriteAttributeString("failures", Invariant(totalFailures));
                w.WriteAttributeString("errors", Invariant(result.Problems.Count));
                foreach (var verdict in result.Archives)
                {
                    WriteArchiveSuite(w, verdict, categories, result.FailOn);
                }
                if (result.Problems.Count > 0)
                {
                    WriteInputsSuite(w, result);
                }
                w.WriteEndElement();
                w.WriteEndDocument();
            }
        }

        // One test suite per archive, one test case per rule category.
        private static void WriteArchiveSuite(XmlWriter w, ArchiveVerdict verdict, PySdistRuleCategory[] categories, GateThreshold failOn)
        {
            var failures = categories.Count(c => Failing(verdict, c, failOn).Any());
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", Clean(verdict.DisplayPath));
            w.WriteAttributeString("tests", Invariant(categories.Length));
            w.WriteAttributeString("failures", Invariant(failures));
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("skipped", "0");
            w.WriteStartElement("properties");
            Property(w, "archive", verdict.Archive);
            Property(w, "errorCount", Invariant(verdict.ErrorCount));
            Property(w, "warningCount", Invariant(verdict.WarningCount));
            Property(w, "informationCount", Invariant(verdict.InformationCount));
            w.WriteEndElement();
            foreach (var category in categories)
            {
                WriteCategoryCase(w, verdict, category, failOn);
            }
            w.WriteEndElement();
        }

        // Failing findings become the failure; the others are written as system-out.
        private static void WriteCategoryCase(XmlWriter w, ArchiveVerdict verdict, PySdistRuleCategory category, GateThreshold failOn)
        {
            w.WriteStartElement("testcase");
            w.WriteAttributeString("classname", Clean(verdict.DisplayPath));
            w.WriteAttributeString("name", category.ToString());
            var failing = Failing(verdict, category, failOn).ToList();
            if (failing.Count > 0)
            {
                w.WriteStartElement("failure");
                w.WriteAttributeString("type", failing.Max(f => f.Severity).ToString());
                w.WriteAttributeString("message", Clean(failing.Count == 1
                    ? failing[0].RuleId + " " + GateLog.AnnotationText(failing[0])
                    : string.Format(CultureInfo.InvariantCulture, "{0} {1} findings: {2}", failing.Count, category, string.Join(", ", failing.Select(f => f.RuleId).Distinct()))));
                w.WriteString(Clean(Describe(failing)));
                w.WriteEndElement();
            }
            var other = verdict.Findings.Where(f => f.Category == category && !ArchiveVerdict.IsFailing(f.Severity, failOn)).ToList();
            if (other.Count > 0)
            {
                w.WriteElementString("system-out", Clean(Describe(other)));
            }
            w.WriteEndElement();
        }

        // Inputs that could not be checked: one errored test case each.
        private static void WriteInputsSuite(XmlWriter w, GateResult result)
        {
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", "inputs");
            w.WriteAttributeString("tests", Invariant(result.Problems.Count));
            w.WriteAttributeString("failures", "0");
            w.WriteAttributeString("errors", Invariant(result.Problems.Count));
            w.WriteAttributeString("skipped", "0");
            foreach (var problem in result.Problems)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", "inputs");
                w.WriteAttributeString("name", Clean(problem.Target));
                w.WriteStartElement("error");
                w.WriteAttributeString("type", problem.ErrorId);
                w.WriteAttributeString("message", Clean(problem.Message));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        private static IEnumerable<PySdistFinding> Failing(ArchiveVerdict verdict, PySdistRuleCategory category, GateThreshold failOn) =>
            verdict.Findings.Where(f => f.Category == category && ArchiveVerdict.IsFailing(f.Severity, failOn));

        private static string Describe(IEnumerable<PySdistFinding> findings)
        {
            var sb = new StringBuilder();
            foreach (var f in findings)
            {
                sb.Append(f.Severity).Append(' ').Append(f.RuleId).Append(": ").Append(GateLog.AnnotationText(f)).Append('\n');
                sb.Append("  Remedy: ").Append(f.Remedy).Append('\n');
            }
            return sb.ToString();
        }

        private static void Property(XmlWriter w, string name, string value)
        {
            w.WriteStartElement("property");
            w.WriteAttributeString("name", name);
            w.WriteAttributeString("value", Clean(value));
            w.WriteEndElement();
        }

        /// <summary>XML 1.0 cannot hold most control characters or lone surrogates: they are shown as \xNN / \uNNNN.</summary>
        internal static string Clean(string text)
        {
            StringBuilder? sb = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                string? replacement = null;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF')
                    replacement = "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture);
                else if (char.IsSurrogate(c))
                    replacement = "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                if (replacement != null)
                {
                    sb ??= new StringBuilder(text, 0, i, text.Length + 8);
                    sb.Append(replacement);
                }
                else sb?.Append(c);
            }
            return sb?.ToString() ?? text;
        }

        private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
