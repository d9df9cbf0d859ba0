using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PyPackaging.Rules;

namespace PyPackaging.Reporting
{
    /// <summary>
    /// SARIF 2.1.0 (OASIS): the tool driver carries the whole rule catalogue (id, short and full description, help
    /// with the remedy, default level, category); each finding is one result whose physical location is the archive
    /// file and whose logical location is the member. Archives below the base directory are named relative to it
    /// (uriBaseId SRCROOT), which is what GitHub code scanning resolves against the repository.
    /// Inputs that could not be checked become tool execution notifications and executionSuccessful=false.
    /// </summary>
    public static class SarifReport
    {
        public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
        public const string FingerprintKey = "pypackagingFinding/v1";
        public const string InformationUri = "https://github.com/pypackaging/PyPackaging";

        public static void Write(Stream stream, GateResult result, string? baseDirectory)
        {
            var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using (var w = new Utf8JsonWriter(stream, options))
            {
                w.WriteStartObject();
                w.WriteString("$schema", SchemaUri);
                w.WriteString("version", "2.1.0");
                w.WriteStartArray("runs");
                w.WriteStartObject();

                var ruleIndex = WriteTool(w);
                WriteInvocations(w, result);
                var relative = WriteBaseAndArtifacts(w, result, baseDirectory);
                WriteResults(w, result, baseDirectory, ruleIndex, relative);

                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
        }

        // The driver with the whole rule catalogue; returns each rule's index for the results' ruleIndex.
        private static Dictionary<string, int> WriteTool(Utf8JsonWriter w)
        {
            var rules = RuleCatalog.All;
            var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "PyPackaging");
            w.WriteString("version", ReportInfo.ToolVersion);
            w.WriteString("semanticVersion", ReportInfo.ToolVersion);
            w.WriteString("informationUri", InformationUri);
            w.WriteStartArray("rules");
            for (var i = 0; i < rules.Count; i++)
            {
                ruleIndex[rules[i].Id] = i;
                WriteRule(w, rules[i]);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            return ruleIndex;
        }

        private static void WriteRule(Utf8JsonWriter w, PySdistRule rule)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", FirstSentence(rule.Description));
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", rule.Description);
            w.WriteEndObject();
            w.WriteStartObject("help");
            w.WriteString("text", "Remedy: " + rule.Remedy + " Reference: " + rule.SpecReference);
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.Severity));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("category", rule.Category.ToString());
            w.WriteString("specReference", rule.SpecReference);
            w.WriteStartArray("tags");
            w.WriteStringValue(rule.Category.ToString());
            w.WriteStringValue("sdist");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        // Inputs that could not be checked become tool execution notifications.
        private static void WriteInvocations(Utf8JsonWriter w, GateResult result)
        {
            w.WriteStartArray("invocations");
            w.WriteStartObject();
            w.WriteBoolean("executionSuccessful", result.Problems.Count == 0);
            if (result.Problems.Count > 0)
            {
                w.WriteStartArray("toolExecutionNotifications");
                foreach (var problem in result.Problems)
                {
                    w.WriteStartObject();
                    w.WriteString("level", "error");
                    w.WriteStartObject("message");
                    w.WriteString("text", problem.Message);
                    w.WriteEndObject();
                    w.WriteStartObject("descriptor");
                    w.WriteString("id", problem.ErrorId);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndArray();
        }

        // SRCROOT when any archive lies below the base directory, then one artifact per archive; returns which
        // archives are named relative to SRCROOT.
        private static Dictionary<ArchiveVerdict, bool> WriteBaseAndArtifacts(Utf8JsonWriter w, GateResult result, string? baseDirectory)
        {
            var relative = new Dictionary<ArchiveVerdict, bool>();
            var useBase = false;
            foreach (var verdict in result.Archives)
            {
                var isRelative = IsBelow(verdict.Archive, baseDirectory);
                relative[verdict] = isRelative;
                useBase |= isRelative;
            }
            if (useBase)
            {
                w.WriteStartObject("originalUriBaseIds");
                w.WriteStartObject("SRCROOT");
                w.WriteString("uri", DirectoryUri(baseDirectory!));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteStartArray("artifacts");
            foreach (var verdict in result.Archives)
            {
                w.WriteStartObject();
                WriteArtifactLocation(w, "location", verdict, relative[verdict], baseDirectory, null);
                var archiveEntry = FindArchiveEntry(verdict);
                if (archiveEntry != null) w.WriteNumber("length", archiveEntry.Size);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            return relative;
        }

        private static void WriteResults(Utf8JsonWriter w, GateResult result, string? baseDirectory, Dictionary<string, int> ruleIndex, Dictionary<ArchiveVerdict, bool> relative)
        {
            w.WriteStartArray("results");
            for (var a = 0; a < result.Archives.Count; a++)
            {
                var verdict = result.Archives[a];
                foreach (var finding in verdict.Findings)
                {
                    WriteResult(w, finding, verdict, a, relative[verdict], baseDirectory, ruleIndex);
                }
            }
            w.WriteEndArray();
        }

        // One result: the archive as the artifact, the member as the logical location.
        private static void WriteResult(Utf8JsonWriter w, PySdistFinding finding, ArchiveVerdict verdict, int artifactIndex, bool relative, string? baseDirectory, Dictionary<string, int> ruleIndex)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", finding.RuleId);
            if (ruleIndex.TryGetValue(finding.RuleId, out var index)) w.WriteNumber("ruleIndex", index);
            w.WriteString("level", Level(finding.Severity));
            w.WriteStartObject("message");
            w.WriteString("text", GateLog.AnnotationText(finding));
            w.WriteEndObject();
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            WriteArtifactLocation(w, "artifactLocation", verdict, relative, baseDirectory, artifactIndex);
            w.WriteEndObject();
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            w.WriteString("name", finding.Path);
            w.WriteString("fullyQualifiedName", verdict.FileName + "/" + finding.Path);
            w.WriteString("kind", "resource");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("partialFingerprints");
            w.WriteString(FingerprintKey, Fingerprint(finding.RuleId, verdict.FileName, finding.Path));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("member", finding.Path);
            w.WriteString("category", finding.Category.ToString());
            w.WriteString("remedy", finding.Remedy);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>error, warning or note: the SARIF level of a severity (Information is a note).</summary>
        public static string Level(PySdistSeverity severity) => severity switch
        {
            PySdistSeverity.Error => "error",
            PySdistSeverity.Warning => "warning",
            PySdistSeverity.Information => "note",
            _ => "none",
        };

        // An artifact names its location "location"; a physical location names it "artifactLocation".
        private static void WriteArtifactLocation(Utf8JsonWriter w, string propertyName, ArchiveVerdict verdict, bool relative, string? baseDirectory, int? artifactIndex)
        {
            w.WriteStartObject(propertyName);
            if (relative)
            {
                w.WriteString("uri", RelativeUri(ArchiveVerdict.RelativeDisplayPath(verdict.Archive, baseDirectory)));
                w.WriteString("uriBaseId", "SRCROOT");
            }
            else
            {
                w.WriteString("uri", new Uri(verdict.Archive).AbsoluteUri);
            }
            if (artifactIndex is int i) w.WriteNumber("index", i);
            w.WriteEndObject();
        }

        private static PySdistEntry? FindArchiveEntry(ArchiveVerdict verdict)
        {
            foreach (var e in verdict.Entries) if (e.EntryType == PySdistEntryType.Archive) return e;
            return null;
        }

        private static bool IsBelow(string archive, string? baseDirectory) =>
            !string.IsNullOrEmpty(baseDirectory) && ArchiveVerdict.RelativeDisplayPath(archive, baseDirectory) != archive.Replace('\\', '/');

        private static string RelativeUri(string relativePath)
        {
            var parts = relativePath.Split('/');
            for (var i = 0; i < parts.Length; i++) parts[i] = Uri.EscapeDataString(parts[i]);
            return string.Join("/", parts);
        }

        private static string DirectoryUri(string directory)
        {
            var uri = new Uri(directory.Replace('\\', '/').TrimEnd('/') + "/").AbsoluteUri;
            return uri.EndsWith("/", StringComparison.Ordinal) ? uri : uri + "/";
        }

        private static string FirstSentence(string text)
        {
            var end = text.IndexOf(". ", StringComparison.Ordinal);
            return end > 0 ? text.Substring(0, end + 1) : text;
        }

        /// <summary>Stable across runs and machines: the rule, the archive's file name and the member.</summary>
        private static string Fingerprint(string ruleId, string archiveFileName, string member)
        {
            using (var sha = SHA256.Create())
            {
                var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(ruleId + "\0" + archiveFileName + "\0" + member));
                var sb = new StringBuilder(64);
                foreach (var b in bytes) sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                return sb.ToString();
            }
        }
    }

    /// <summary>What every report says about the tool.</summary>
    public static class ReportInfo
    {
        /// <summary>The module version (Core's assembly version is ModuleVersion.0).</summary>
        public static string ToolVersion { get; } = FormatVersion(typeof(ReportInfo).Assembly.GetName().Version);

        private static string FormatVersion(Version? v) =>
            v == null ? "0.0.0" : string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}.{1}.{2}", v.Major, v.Minor, Math.Max(0, v.Build));
    }
}
