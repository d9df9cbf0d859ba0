using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Standards;
using Xunit.Abstractions;

namespace PyPackaging.Core.Tests.Characterization
{
    /// <summary>
    /// SHA-256 per input kind of everything the standards parsers say about pypa/packaging's own test inputs
    /// (../shared/conformance/packaging_vectors.jsonl): verdict, error message, spec notes and canonical form, for
    /// requirements and markers with and without lock-file variables, versions, specifiers and specifier sets. The
    /// conformance tests compare verdicts with packaging; this one keeps the messages byte-identical while the parsers
    /// are restructured. The hashes were taken before the PEP 508 tokenizer replaced the hand-written parsers, and the
    /// same text came out after. A change to the messages (or to the vectors file) means updating them on purpose.
    /// </summary>
    public class ParserOutputSnapshotTests
    {
        private const string Vectors = "conformance/packaging_vectors.jsonl";

        private static readonly Dictionary<string, string> Expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["requirement"] = "0c09ba843198d9cfc87171450ad5168b8019f5bd66318bcbf15543d2f630d0d9",
            ["marker"] = "cebb45654a6a5d682314a5b239c3729adc7a4701f2c78ccbd06a1b13acfe4622",
            ["version"] = "4573f23e1ca885b8091a5cb46f563710a7fa8b0553e29452fda68bfe4ee049b3",
            ["specifier"] = "c3b9d222a587dc31b25ecf019d1716fadc81834704fba273ed884b79a2bb60e8",
            ["specifier_set"] = "2f6d2918a26bfd5f0a7d0e4a596ecd43e96460e8d9376afa0971ccf3db1e985a",
        };

        private readonly ITestOutputHelper _output;

        public ParserOutputSnapshotTests(ITestOutputHelper output) => _output = output;

        [SharedDataFact(Vectors)]
        public void Parser_outputs_over_the_packaging_vectors_are_unchanged()
        {
            var texts = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
            foreach (var kind in Expected.Keys) texts[kind] = new StringBuilder();
            foreach (var line in File.ReadLines(SharedData.PathOf(Vectors)))
            {
                if (line.Length == 0) continue;
                using var doc = JsonDocument.Parse(line);
                var kind = doc.RootElement.GetProperty("kind").GetString()!;
                var value = doc.RootElement.GetProperty("value");
                if (!texts.TryGetValue(kind, out var text) || value.ValueKind != JsonValueKind.String) continue;
                Describe(kind, value.GetString()!, text);
            }

            var differing = new List<string>();
            foreach (var pair in texts)
            {
                var hash = Sha256(pair.Value.ToString());
                if (hash == Expected[pair.Key]) continue;
                var dump = Path.Combine(Path.GetTempPath(), "pypackaging-parser-snapshot-" + pair.Key + ".txt");
                File.WriteAllText(dump, pair.Value.ToString());
                differing.Add(pair.Key + " " + hash + " (dump: " + dump + ")");
            }
            foreach (var d in differing) _output.WriteLine(d);
            Assert.Empty(differing);
        }

        private static void Describe(string kind, string value, StringBuilder text)
        {
            switch (kind)
            {
                case "requirement":
                    foreach (var allowLock in new[] { true, false })
                    {
                        var ok = Pep508Requirement.TryParse(value, out var r, out var error, allowLock);
                        Line(text, value, ok, error, r == null ? string.Empty : string.Join(" | ", r.SpecNotes) + " || " + r);
                    }
                    break;
                case "marker":
                    foreach (var allowLock in new[] { true, false })
                    {
                        var ok = Marker.TryParse(value, out var m, out var error, allowLock);
                        Line(text, value, ok, error, m == null ? string.Empty : string.Join(" | ", m.SpecNotes) + " || " + m);
                    }
                    break;
                case "version":
                    {
                        var ok = Pep440Version.TryParse(value, out var v, out var error);
                        Line(text, value, ok, error, v?.ToString() ?? string.Empty);
                    }
                    break;
                case "specifier":
                    {
                        var ok = VersionSpecifier.TryParse(value, out var s, out var error);
                        Line(text, value, ok, error, s?.ToString() ?? string.Empty);
                    }
                    break;
                default:
                    {
                        var ok = VersionSpecifierSet.TryParse(value, out var s, out var error);
                        Line(text, value, ok, error, s?.ToString() ?? string.Empty);
                    }
                    break;
            }
        }

        private static void Line(StringBuilder text, string value, bool ok, string? error, string result) =>
            text.Append(value).Append('\t').Append(ok).Append('\t').Append(error).Append('\t').Append(result).Append('\n');

        private static string Sha256(string text)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            return BitConverter.ToString(hash).Replace("-", string.Empty).ToLowerInvariant();
        }
    }
}
