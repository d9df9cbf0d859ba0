using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using PyPackaging.Inspection;
using PyPackaging.Reporting;
using PyPackaging.Rules;

namespace PyPackaging.Core.Tests.Reporting
{
    /// <summary>
    /// The CI formats, driven directly: escaping against the rules GitHub and Azure document, the gate's lines, the
    /// Markdown summary's escaping and caps, and the structure of SARIF, JUnit and JSON for the example sdists.
    /// </summary>
    public class ReportingTests
    {
        private const string Base = "/work/repo";

        private static PySdistRule Rule(PySdistSeverity severity, string id = "Crafted", PySdistRuleCategory category = PySdistRuleCategory.Safety) =>
            new PySdistRule(id, category, severity, "Crafted rule. Second sentence.", "Fix it.", "none");

        private static PySdistEntry Entry(string archive, string path, PySdistEntryType type, params PySdistFinding[] findings) =>
            new PySdistEntry { Archive = archive, Path = path, EntryType = type, Size = 10, Findings = findings };

        private static string Example(string name)
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "PyPackaging.sln"))) dir = dir.Parent;
            Assert.NotNull(dir);
            return Path.Combine(dir!.FullName, "examples", "sdists", name);
        }

        private static ArchiveVerdict Inspect(string name)
        {
            var path = Example(name);
            var inspection = new SdistInspector().Inspect(path);
            return ArchiveVerdict.FromEntries(path, "dist/" + name, inspection.Entries);
        }

        [Theory]
        [InlineData("100% done", "100%25 done", "100%25 done")]
        [InlineData("a\r\nb", "a%0D%0Ab", "a%0D%0Ab")]
        [InlineData("x:y,z", "x:y,z", "x%3Ay%2Cz")]
        [InlineData("%0A", "%250A", "%250A")]
        public void GitHubEscaping(string text, string data, string property)
        {
            Assert.Equal(data, GitHubCommands.EscapeData(text));
            Assert.Equal(property, GitHubCommands.EscapeProperty(text));
        }

        [Theory]
        [InlineData("100% done", "100%AZP25 done", "100%AZP25 done")]
        [InlineData("a\r\nb", "a%0D%0Ab", "a%0D%0Ab")]
        [InlineData("a]b;c", "a]b;c", "a%5Db%3Bc")]
        public void AzureEscaping(string text, string data, string property)
        {
            Assert.Equal(data, AzureCommands.EscapeData(text));
            Assert.Equal(property, AzureCommands.EscapeProperty(text));
        }

        [Fact]
        public void AnnotationsAreOneLineWithTheFindingsText()
        {
            const string archive = Base + "/dist/p%1,a:b-1.0.tar.gz";
            var finding = new PySdistFinding(Rule(PySdistSeverity.Error, "Crafted"), "it has 50% of\nthe problem, really: yes", "Fix it.", archive, "p-1.0/x,y:z");
            var warning = new PySdistFinding(Rule(PySdistSeverity.Warning, "Soft"), "meh", "Fix it.", archive, "p-1.0/w");
            var info = new PySdistFinding(Rule(PySdistSeverity.Information, "Info"), "fyi", "Fix it.", archive, "p-1.0/i");
            var verdict = ArchiveVerdict.FromEntries(archive, ArchiveVerdict.RelativeDisplayPath(archive, Base),
                new[] { Entry(archive, "p%1,a:b-1.0.tar.gz", PySdistEntryType.Archive), Entry(archive, "p-1.0/x,y:z", PySdistEntryType.File, finding, warning, info) });

            Assert.Equal(new[]
            {
                "::error file=dist/p%251%2Ca%3Ab-1.0.tar.gz,title=Crafted::p-1.0/x,y:z: it has 50%25 of%0Athe problem, really: yes",
                "::warning file=dist/p%251%2Ca%3Ab-1.0.tar.gz,title=Soft::p-1.0/w: meh",
                "FAIL dist/p%1,a:b-1.0.tar.gz: 1 error, 1 warning, 1 information",
            }, new GateLog(CiStyle.GitHubActions, GateThreshold.Error).ForArchive(verdict).ToArray());

            Assert.Equal(new[]
            {
                "##vso[task.logissue type=error;sourcepath=dist/p%AZP251,a:b-1.0.tar.gz;code=Crafted;]p-1.0/x,y:z: it has 50%AZP25 of%0Athe problem, really: yes",
                "##vso[task.logissue type=warning;sourcepath=dist/p%AZP251,a:b-1.0.tar.gz;code=Soft;]p-1.0/w: meh",
                "FAIL dist/p%1,a:b-1.0.tar.gz: 1 error, 1 warning, 1 information",
            }, new GateLog(CiStyle.AzurePipelines, GateThreshold.Error).ForArchive(verdict).ToArray());

            Assert.Equal(new[]
            {
                "dist/p%1,a:b-1.0.tar.gz: error Crafted: p-1.0/x,y:z: it has 50% of\\nthe problem, really: yes",
                "dist/p%1,a:b-1.0.tar.gz: warning Soft: p-1.0/w: meh",
                "FAIL dist/p%1,a:b-1.0.tar.gz: 1 error, 1 warning, 1 information",
            }, new GateLog(CiStyle.Plain, GateThreshold.Error).ForArchive(verdict).ToArray());
        }

        [Fact]
        public void WarningsFailOnlyWithFailOnWarning()
        {
            const string archive = Base + "/dist/w-1.0.tar.gz";
            var warning = new PySdistFinding(Rule(PySdistSeverity.Warning), "meh", "Fix it.", archive, "w-1.0/x");
            var verdict = ArchiveVerdict.FromEntries(archive, "dist/w-1.0.tar.gz", new[] { Entry(archive, "w-1.0/x", PySdistEntryType.File, warning) });
            Assert.False(new GateResult(new[] { verdict }, Array.Empty<GateProblem>(), GateThreshold.Error).Failed);
            Assert.True(new GateResult(new[] { verdict }, Array.Empty<GateProblem>(), GateThreshold.Warning).Failed);
            Assert.Equal("PASS dist/w-1.0.tar.gz: 0 errors, 1 warning, 0 information", new GateLog(CiStyle.Plain, GateThreshold.Error).VerdictLine(verdict));
            Assert.Equal("FAIL dist/w-1.0.tar.gz: 0 errors, 1 warning, 0 information", new GateLog(CiStyle.Plain, GateThreshold.Warning).VerdictLine(verdict));
        }

        [Fact]
        public void NothingCheckedOrAProblemFailsTheGate()
        {
            Assert.True(new GateResult(Array.Empty<ArchiveVerdict>(), Array.Empty<GateProblem>(), GateThreshold.Error).Failed);
            var clean = Inspect("demo_pkg-1.0.0.tar.gz");
            var problem = new GateProblem("ArchiveUnreadable", "dist/x.tar.gz", "Cannot read it.");
            var result = new GateResult(new[] { clean }, new[] { problem }, GateThreshold.Error);
            Assert.True(result.Failed);
            Assert.Equal("PyPackaging: 0 of 1 sdist failed the gate (fail on Error); 1 input could not be checked.", result.Headline());
            Assert.Equal("::error title=ArchiveUnreadable::Cannot read it.", new GateLog(CiStyle.GitHubActions, GateThreshold.Error).ForProblem(problem));
            Assert.Equal(new[] { result.Headline(), "##vso[task.complete result=Failed;]" + result.Headline() },
                new GateLog(CiStyle.AzurePipelines, GateThreshold.Error).Closing(result).ToArray());
        }

        [Fact]
        public void GitHubIsToldWhenAnnotationsExceedItsCap()
        {
            const string archive = Base + "/dist/many-1.0.tar.gz";
            var findings = Enumerable.Range(0, 11).Select(i => new PySdistFinding(Rule(PySdistSeverity.Error), "bad", "Fix it.", archive, $"many-1.0/f{i}")).ToArray();
            var verdict = ArchiveVerdict.FromEntries(archive, "dist/many-1.0.tar.gz", new[] { Entry(archive, "many-1.0/f", PySdistEntryType.File, findings) });
            var result = new GateResult(new[] { verdict }, Array.Empty<GateProblem>(), GateThreshold.Error);
            Assert.Equal(new[]
            {
                "::notice title=PyPackaging::11 error and 0 warning annotations were written; GitHub shows 10 of each per step. The job summary lists every finding.",
                "PyPackaging: 1 of 1 sdist failed the gate (fail on Error).",
            }, new GateLog(CiStyle.GitHubActions, GateThreshold.Error).Closing(result).ToArray());
            Assert.Equal(new[] { "PyPackaging: 1 of 1 sdist failed the gate (fail on Error)." }, new GateLog(CiStyle.Plain, GateThreshold.Error).Closing(result).ToArray());
        }

        [Fact]
        public void ArchiveCountsSurviveAFilteredPipeline()
        {
            // Only the entries with Error findings, as `Test-PySdist | Where-Object Severity -eq Error` passes them on:
            // the Archive entry still carries the whole archive's counts.
            var leaky = Inspect("leaky_pkg-1.0.0.tar.gz");
            var errorsOnly = leaky.Entries.Where(e => e.EntryType == PySdistEntryType.Archive || e.Severity == PySdistSeverity.Error).ToList();
            var filtered = ArchiveVerdict.FromEntries(leaky.Archive, leaky.DisplayPath, errorsOnly);
            Assert.Equal(leaky.ErrorCount, filtered.ErrorCount);
            Assert.Equal(leaky.WarningCount, filtered.WarningCount);
            Assert.True(filtered.Findings.Count < leaky.Findings.Count);
        }

        [Fact]
        public void CountsCoverEveryEntry()
        {
            var leaky = Inspect("leaky_pkg-1.0.0.tar.gz");
            var all = leaky.Entries.SelectMany(e => e.Findings).ToList();
            Assert.Equal(all.Count(f => f.Severity == PySdistSeverity.Error), leaky.ErrorCount);
            Assert.Equal(all.Count(f => f.Severity == PySdistSeverity.Warning), leaky.WarningCount);
            Assert.True(leaky.ErrorCount > 0);
            Assert.Equal(PySdistSeverity.Error, leaky.Severity);
        }

        [Theory]
        [InlineData("CI", "true", CiStyle.Plain)]
        [InlineData("GITHUB_ACTIONS", "true", CiStyle.GitHubActions)]
        [InlineData("TF_BUILD", "True", CiStyle.AzurePipelines)]
        [InlineData("TF_BUILD", "", CiStyle.Plain)]
        public void Detection(string name, string value, CiStyle expected)
        {
            var env = new Dictionary<string, string> { [name] = value };
            Assert.Equal(expected, CiDetection.Detect(n => env.TryGetValue(n, out var v) ? v : null));
        }

        [Fact]
        public void MarkdownCannotBeInjectedByMemberNamesOrMessages()
        {
            const string archive = Base + "/dist/x-1.0.tar.gz";
            const string member = "x-1.0/<img src=x>|*bold*\n[link](http://e)";
            var finding = new PySdistFinding(Rule(PySdistSeverity.Error), "a | b <script>", "Fix `it`.", archive, member);
            var verdict = ArchiveVerdict.FromEntries(archive, "dist/x-1.0.tar.gz", new[] { Entry(archive, member, PySdistEntryType.File, finding) });
            var md = MarkdownReport.ToMarkdown(new GateResult(new[] { verdict }, Array.Empty<GateProblem>(), GateThreshold.Error));

            Assert.DoesNotContain("<img", md);
            Assert.DoesNotContain("<script", md);
            // Outside the <pre> tree (an HTML block, where Markdown is not parsed) no link syntax survives.
            var pre = md.IndexOf("<pre>", StringComparison.Ordinal);
            Assert.DoesNotContain("](http", md.Substring(0, pre));
            Assert.Contains("  &lt;img src=x&gt;|*bold*\\x0A[link](http:/\n", md.Substring(pre));
            Assert.Contains("| Error | <code>x-1.0/&lt;img src=x&gt;\\|\\*bold\\*\\\\x0A\\[link\\]\\(http://e\\)</code> | Crafted | a \\| b &lt;script&gt; | Fix \\`it\\`. |", md);
            // Every table row has exactly the columns of its header: no cell was split by an unescaped '|'.
            foreach (var row in md.Split('\n').Where(l => l.StartsWith("| Error |", StringComparison.Ordinal)))
            {
                Assert.Equal(6, row.Replace("\\|", "").Count(c => c == '|'));
            }
        }

        [Fact]
        public void LongTreesAreCollapsedAndCapped()
        {
            const string archive = Base + "/dist/big-1.0.tar.gz";
            var entries = new List<PySdistEntry> { Entry(archive, "big-1.0.tar.gz", PySdistEntryType.Archive) };
            for (var i = 0; i < 1000; i++) entries.Add(Entry(archive, $"big-1.0/f{i:D4}.py", PySdistEntryType.File));
            var md = MarkdownReport.ToMarkdown(new GateResult(new[] { ArchiveVerdict.FromEntries(archive, "dist/big-1.0.tar.gz", entries) }, Array.Empty<GateProblem>(), GateThreshold.Error));
            Assert.Contains("<details><summary>Members (1000, 9.8 KiB)</summary>", md);
            Assert.Contains("… 501 more", md);
            Assert.True(md.Length < 64 * 1024);
        }

        [Fact]
        public void SarifHasTheCatalogueAndOneResultPerFinding()
        {
            var leaky = Inspect("leaky_pkg-1.0.0.tar.gz");
            var leakyRelocated = ArchiveVerdict.FromEntries(Base + "/dist/leaky_pkg-1.0.0.tar.gz", "dist/leaky_pkg-1.0.0.tar.gz", leaky.Entries);
            var result = new GateResult(new[] { leakyRelocated }, Array.Empty<GateProblem>(), GateThreshold.Error);
            using var stream = new MemoryStream();
            SarifReport.Write(stream, result, Base);
            using var doc = JsonDocument.Parse(stream.ToArray());
            var run = doc.RootElement.GetProperty("runs")[0];
            Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());

            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
            Assert.Equal(RuleCatalog.All.Count, rules.GetArrayLength());
            var firstRule = RuleCatalog.All[0];
            Assert.Equal(firstRule.Id, rules[0].GetProperty("id").GetString());
            Assert.Equal(firstRule.Description, rules[0].GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Contains(firstRule.Remedy, rules[0].GetProperty("help").GetProperty("text").GetString());
            Assert.Equal(SarifReport.Level(firstRule.Severity), rules[0].GetProperty("defaultConfiguration").GetProperty("level").GetString());

            Assert.Equal("file:///work/repo/", run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());
            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(leaky.Findings.Count, results.Count);
            for (var i = 0; i < results.Count; i++)
            {
                var f = leaky.Findings[i];
                var r = results[i];
                Assert.Equal(f.RuleId, r.GetProperty("ruleId").GetString());
                Assert.Equal(f.RuleId, rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
                Assert.Equal(SarifReport.Level(f.Severity), r.GetProperty("level").GetString());
                var location = r.GetProperty("locations")[0];
                var artifact = location.GetProperty("physicalLocation").GetProperty("artifactLocation");
                Assert.Equal("dist/leaky_pkg-1.0.0.tar.gz", artifact.GetProperty("uri").GetString());
                Assert.Equal("SRCROOT", artifact.GetProperty("uriBaseId").GetString());
                Assert.Equal(f.Path, location.GetProperty("logicalLocations")[0].GetProperty("name").GetString());
                Assert.Equal(f.Path + ": " + f.Message, r.GetProperty("message").GetProperty("text").GetString());
            }
        }

        [Fact]
        public void JUnitHasACasePerArchiveAndCategoryAndFailuresForErrors()
        {
            var result = new GateResult(new[] { Inspect("demo_pkg-1.0.0.tar.gz"), Inspect("leaky_pkg-1.0.0.tar.gz") },
                new[] { new GateProblem("PathNotFound", "dist/*.whl", "No file matches.") }, GateThreshold.Error);
            using var stream = new MemoryStream();
            JUnitReport.Write(stream, result);
            var xml = XDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
            var suites = xml.Root!.Elements("testsuite").ToList();
            Assert.Equal(3, suites.Count);
            var categories = Enum.GetNames(typeof(PySdistRuleCategory));
            Assert.Equal(categories, suites[0].Elements("testcase").Select(c => (string)c.Attribute("name")!));
            Assert.Empty(suites[0].Descendants("failure"));

            var leaky = result.Archives[1];
            var failingCategories = leaky.Findings.Where(f => f.Severity == PySdistSeverity.Error).Select(f => f.Category.ToString()).Distinct().OrderBy(c => c).ToList();
            Assert.Equal(failingCategories, suites[1].Elements("testcase").Where(c => c.Element("failure") != null).Select(c => (string)c.Attribute("name")!).OrderBy(c => c));
            Assert.Equal(failingCategories.Count, (int)suites[1].Attribute("failures")!);
            var failureText = string.Join("\n", suites[1].Descendants("failure").Select(f => f.Value));
            foreach (var f in leaky.Findings.Where(f => f.Severity == PySdistSeverity.Error)) Assert.Contains(f.Path + ": " + f.Message, failureText);

            Assert.Equal("inputs", (string)suites[2].Attribute("name")!);
            Assert.Equal("PathNotFound", (string)suites[2].Element("testcase")!.Element("error")!.Attribute("type")!);
            Assert.Equal(1, (int)xml.Root.Attribute("errors")!);
        }

        [Fact]
        public void JUnitSurvivesControlCharacters()
        {
            const string archive = Base + "/dist/c-1.0.tar.gz";
            var finding = new PySdistFinding(Rule(PySdistSeverity.Error), "bad \u0001 name", "Fix it.", archive, "c-1.0/a\u001bb");
            var verdict = ArchiveVerdict.FromEntries(archive, "dist/c-1.0.tar.gz", new[] { Entry(archive, "c-1.0/a\u001bb", PySdistEntryType.File, finding) });
            using var stream = new MemoryStream();
            JUnitReport.Write(stream, new GateResult(new[] { verdict }, Array.Empty<GateProblem>(), GateThreshold.Error));
            var xml = XDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
            Assert.Contains("c-1.0/a\\x1Bb: bad \\x01 name", xml.Descendants("failure").Single().Value);
        }

        [Fact]
        public void JsonHasEntriesWithFindingsAndEnumNames()
        {
            var leaky = Inspect("leaky_pkg-1.0.0.tar.gz");
            using var stream = new MemoryStream();
            JsonReport.Write(stream, new GateResult(new[] { leaky }, Array.Empty<GateProblem>(), GateThreshold.Error));
            using var doc = JsonDocument.Parse(stream.ToArray());
            var archive = doc.RootElement.GetProperty("archives")[0];
            Assert.Equal("Fail", archive.GetProperty("verdict").GetString());
            Assert.Equal(leaky.ErrorCount, archive.GetProperty("errorCount").GetInt32());
            var entries = archive.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(leaky.Entries.Count, entries.Count);
            Assert.Equal("Archive", entries[0].GetProperty("entryType").GetString());
            var findings = entries.SelectMany(e => e.GetProperty("findings").EnumerateArray()).ToList();
            Assert.Equal(leaky.Findings.Count, findings.Count);
            Assert.All(findings, f => Assert.Contains(f.GetProperty("severity").GetString(), new[] { "Error", "Warning", "Information" }));
        }

        [Fact]
        public void ReportFilesAreReplacedWhole()
        {
            using var dir = new Support.TempDir();
            var path = Path.Combine(dir.Path, "sub", "r.json");
            var result = new GateResult(new[] { Inspect("demo_pkg-1.0.0.tar.gz") }, Array.Empty<GateProblem>(), GateThreshold.Error);
            ReportFile.Write(path, ReportFormat.Json, result, null);
            File.WriteAllText(path, "old content that is longer than nothing");
            ReportFile.Write(path, ReportFormat.Json, result, null);
            using (JsonDocument.Parse(File.ReadAllBytes(path))) { }
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
    }
}
