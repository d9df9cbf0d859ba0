using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PyPackaging.Core.Tests.Support;
using PyPackaging.Standards;
using Xunit.Abstractions;

namespace PyPackaging.Core.Tests.Conformance
{
    /// <summary>
    /// Runs every vector of ../shared/conformance/expected.jsonl (pypa/packaging's own test inputs, with the verdict
    /// packaging gives) through the parsers and the PKG-INFO validator that Test-PySdist and Build-PySdist use, and
    /// compares: channel `pkginfo` against `packaging.metadata.Metadata.from_raw(parse_email(text), validate=True)`,
    /// and the plain API verdict (`Version`, `Specifier`, `Marker`, `Requirement`, name validation, `parse_sdist_filename`)
    /// against our parser of the same kind, and channel `project` (the value in a pyproject.toml [project] table, read by
    /// Build-PySdist's PyprojectReader) against pyproject-metadata's verdict. Every remaining disagreement must be listed
    /// in <see cref="Accepted"/> with the spec text that justifies it.
    /// </summary>
    public class ConformanceVectorTests
    {
        private const string Expected = "conformance/expected.jsonl";
        private readonly ITestOutputHelper _output;

        public ConformanceVectorTests(ITestOutputHelper output) => _output = output;

        /// <summary>Case id → why we knowingly disagree (the spec text). Empty means full agreement.</summary>
        private static readonly Dictionary<string, string> Accepted = new Dictionary<string, string>(StringComparer.Ordinal)
        {
        };

        /// <summary>
        /// Problems PyPI's upload check adds on top of packaging.metadata (warehouse `forklift/metadata.py`,
        /// sdist-format.md §3.2 and §10.1). packaging accepts these values; PyPI refuses the upload, so Test-PySdist
        /// reports them as Errors and the comparison with packaging's verdict leaves them out.
        /// </summary>
        private static readonly Dictionary<MetadataProblemKind, string> PyPiOnly = new Dictionary<MetadataProblemKind, string>
        {
            [MetadataProblemKind.LocalVersion] = "warehouse: \"The use of local versions in {version} is not allowed.\"",
            [MetadataProblemKind.DirectUrlDependency] = "warehouse: \"Can't have direct dependency: {requirement}\"",
            [MetadataProblemKind.SummaryTooLong] = "warehouse: \"'summary' field must be 512 characters or less.\"",
            [MetadataProblemKind.InvalidEmail] = "warehouse: \"'{address}' is not a valid email address\"",
            [MetadataProblemKind.InvalidProjectUrl] = "warehouse: \"'{url}' is not a valid url\", Project-URL label at most 32 characters",
        };

        private sealed class Case
        {
            public string Id = "", Category = "", Channel = "", Value = "";
            public string? PkgInfo;
            public bool? MetadataOk, ApiOk, SingleSpecifier, ProjectOk;
            public string? MetadataError, ApiError;
        }

        private static IEnumerable<Case> Cases()
        {
            foreach (var line in File.ReadLines(SharedData.PathOf(Expected)))
            {
                if (line.Length == 0) continue;
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                if (!r.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String) continue;
                var c = new Case
                {
                    Id = r.GetProperty("id").GetString()!,
                    Category = r.GetProperty("category").GetString()!,
                    Channel = r.GetProperty("channel").GetString()!,
                    Value = value.GetString()!,
                    PkgInfo = r.TryGetProperty("pkginfo", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
                };
                if (r.TryGetProperty("reference", out var reference))
                {
                    if (reference.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object)
                    {
                        c.MetadataOk = m.GetProperty("ok").GetBoolean();
                        c.MetadataError = m.TryGetProperty("error", out var e) ? e.ToString() : null;
                    }
                    if (reference.TryGetProperty("pm", out var pm) && pm.ValueKind == JsonValueKind.Object)
                    {
                        c.ProjectOk = pm.GetProperty("ok").GetBoolean();
                    }
                    if (reference.TryGetProperty("api", out var a) && a.ValueKind == JsonValueKind.Object)
                    {
                        c.ApiOk = a.GetProperty("ok").GetBoolean();
                        c.ApiError = a.TryGetProperty("error", out var e) ? e.ToString() : null;
                        c.SingleSpecifier = a.TryGetProperty("single_specifier", out var s) && s.ValueKind == JsonValueKind.True;
                    }
                }
                yield return c;
            }
        }

        /// <summary>Our verdict on the value alone, with the parser that handles its kind.</summary>
        private static (bool Ok, string? Error) Api(Case c)
        {
            string? error = null;
            switch (c.Category)
            {
                case "version": return (Pep440Version.TryParse(c.Value, out _, out error), error);
                case "specifier":
                    return c.SingleSpecifier == true
                        ? (VersionSpecifier.TryParse(c.Value, out _, out error), error)
                        : (VersionSpecifierSet.TryParse(c.Value, out _, out error), error);
                case "marker": return (Marker.TryParse(c.Value, out _, out error), error);
                case "requirement": return (Pep508Requirement.TryParse(c.Value, out _, out error), error);
                case "name": return (ProjectName.IsValid(c.Value), "invalid name");
                case "sdist_filename": return (SdistFileName.TryParse(c.Value, out _, out _, out error), error);
                default: throw new InvalidOperationException("unknown category " + c.Category);
            }
        }

        /// <summary>Our verdict on the PKG-INFO: what Test-PySdist reports as an Error.</summary>
        private static (bool Ok, string? Error) PkgInfo(Case c)
        {
            var problems = CoreMetadataValidator.Validate(CoreMetadata.Parse(Encoding.UTF8.GetBytes(c.PkgInfo!)));
            var error = problems.FirstOrDefault(p => p.IsError && !PyPiOnly.ContainsKey(p.Kind));
            return (error == null, error?.Message);
        }

        private static string Short(string? text) => text == null ? "" : text.Length <= 160 ? text : text.Substring(0, 160) + "...";

        /// <summary>
        /// Our verdict on the value in a pyproject.toml [project] table, as Build-PySdist reads it (PyprojectReader):
        /// a version in `version`, a specifier in `requires-python`, a marker on `vecdep` or a requirement in
        /// `dependencies`, a name in `name`, as the reference put them.
        /// </summary>
        private static (bool Ok, string? Error) Project(Case c, string directory)
        {
            string Toml(string v) => JsonSerializer.Serialize(v); // a JSON string is a valid TOML basic string
            var name = c.Category == "name" ? Toml(c.Value) : "\"vecpkg\"";
            var version = c.Category == "version" ? Toml(c.Value) : "\"1.0\"";
            var extra = c.Category switch
            {
                "specifier" => "requires-python = " + Toml(c.Value) + "\n",
                "marker" => "dependencies = [" + Toml("vecdep; " + c.Value) + "]\n",
                "requirement" => "dependencies = [" + Toml(c.Value) + "]\n",
                _ => string.Empty,
            };
            var toml = "[project]\nname = " + name + "\nversion = " + version + "\n" + extra;
            var metadata = PyPackaging.Building.Project.PyprojectReader.Parse(toml, directory);
            var error = metadata.Problems.FirstOrDefault(p => p.Severity == PyPackaging.Building.Project.ProjectProblemSeverity.Error);
            return (error == null, error?.Message);
        }

        [SharedDataFact(Expected)]
        public void EveryVectorAgreesWithPackaging()
        {
            var disagreements = new List<string>();
            var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var compared = 0;
            using var directory = new TempDir();
            foreach (var c in Cases())
            {
                if (c.Channel == "pkginfo" && c.ApiOk.HasValue && c.Category != "sdist_filename")
                {
                    compared++;
                    var (ok, error) = Api(c);
                    if (ok != c.ApiOk.Value) Note(c.Id + "/api", c, "api " + c.Category, ok, error, c.ApiError);
                }
                if (c.Channel == "project" && c.ProjectOk.HasValue && c.Category is "version" or "specifier" or "marker" or "requirement" or "name")
                {
                    compared++;
                    var (ok, error) = Project(c, directory.Path);
                    if (ok != c.ProjectOk.Value) Note(c.Id + "/project", c, "project " + c.Category, ok, error, "pyproject-metadata refuses it");
                }
                if (c.Channel == "pkginfo" && c.MetadataOk.HasValue && c.PkgInfo != null)
                {
                    compared++;
                    var (ok, error) = PkgInfo(c);
                    if (ok != c.MetadataOk.Value) Note(c.Id + "/metadata", c, "pkginfo " + c.Category, ok, error, c.MetadataError);
                }
            }

            void Note(string key, Case c, string kind, bool ours, string? ourError, string? theirError)
            {
                if (Accepted.ContainsKey(key)) return;
                byKind[kind + (ours ? " (we accept, packaging rejects)" : " (we reject, packaging accepts)")] = byKind.TryGetValue(kind + (ours ? " (we accept, packaging rejects)" : " (we reject, packaging accepts)"), out var n) ? n + 1 : 1;
                disagreements.Add($"{key} {Short(JsonSerializer.Serialize(c.Value))}: ours={(ours ? "ok" : "error: " + Short(ourError))} packaging={(ours ? "error: " + Short(theirError) : "ok")}");
            }

            _output.WriteLine($"{compared} comparisons, {disagreements.Count} disagreements");
            foreach (var k in byKind) _output.WriteLine($"{k.Value,6} {k.Key}");
            foreach (var d in disagreements.Take(3000)) _output.WriteLine(d);
            Assert.True(compared > 18000, $"only {compared} comparisons: is expected.jsonl complete?");
            Assert.True(disagreements.Count == 0,
                $"{disagreements.Count} disagreements with packaging:\n" + string.Join("\n", byKind.Select(k => $"{k.Value,6} {k.Key}")) + "\n" + string.Join("\n", disagreements.Take(60)));
        }
    }
}
