using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PyPackaging.Reporting
{
    /// <summary>
    /// The entries as JSON: per archive the verdict and counts, then every entry with its findings. Enums are
    /// written as their names, times as ISO 8601 UTC, so scripts in any language can read it.
    /// </summary>
    public static class JsonReport
    {
        public static void Write(Stream stream, GateResult result)
        {
            var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using (var w = new Utf8JsonWriter(stream, options))
            {
                w.WriteStartObject();
                w.WriteString("tool", "PyPackaging");
                w.WriteString("version", ReportInfo.ToolVersion);
                w.WriteString("failOn", result.FailOn.ToString());
                w.WriteBoolean("failed", result.Failed);
                w.WriteStartArray("problems");
                foreach (var p in result.Problems)
                {
                    w.WriteStartObject();
                    w.WriteString("errorId", p.ErrorId);
                    w.WriteString("target", p.Target);
                    w.WriteString("message", p.Message);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("archives");
                foreach (var verdict in result.Archives)
                {
                    w.WriteStartObject();
                    w.WriteString("archive", verdict.Archive);
                    w.WriteString("verdict", verdict.Fails(result.FailOn) ? "Fail" : "Pass");
                    w.WriteString("severity", verdict.Severity.ToString());
                    w.WriteNumber("errorCount", verdict.ErrorCount);
                    w.WriteNumber("warningCount", verdict.WarningCount);
                    w.WriteNumber("informationCount", verdict.InformationCount);
                    w.WriteStartArray("entries");
                    foreach (var e in verdict.Entries) WriteEntry(w, e);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
        }

        private static void WriteEntry(Utf8JsonWriter w, PySdistEntry e)
        {
            w.WriteStartObject();
            w.WriteString("archive", e.Archive);
            w.WriteString("path", e.Path);
            w.WriteString("entryType", e.EntryType.ToString());
            w.WriteNumber("size", e.Size);
            NullableString(w, "mode", e.Mode);
            NullableString(w, "linkTarget", e.LinkTarget);
            if (e.LastWriteTime is System.DateTime t) w.WriteString("lastWriteTime", System.DateTime.SpecifyKind(t, System.DateTimeKind.Utc));
            else w.WriteNull("lastWriteTime");
            w.WriteNumber("index", e.Index);
            NullableString(w, "format", e.Format);
            w.WriteString("action", e.Action.ToString());
            NullableString(w, "destination", e.Destination);
            NullableString(w, "sourcePath", e.SourcePath);
            NullableString(w, "reason", e.Reason);
            w.WriteString("severity", e.Severity.ToString());
            w.WriteStartArray("findings");
            foreach (var f in e.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("severity", f.Severity.ToString());
                w.WriteString("category", f.Category.ToString());
                w.WriteString("message", f.Message);
                w.WriteString("remedy", f.Remedy);
                w.WriteString("archive", f.Archive);
                w.WriteString("path", f.Path);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void NullableString(Utf8JsonWriter w, string name, string? value)
        {
            if (value == null) w.WriteNull(name);
            else w.WriteString(name, value);
        }
    }
}
