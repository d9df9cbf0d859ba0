using System;
using System.Linq;
using System.Management.Automation;
using PyPackaging.Tests.Infrastructure;

namespace PyPackaging.Tests
{
    public class GetPySdistRuleTests
    {
        [Fact]
        public void Catalogue_lists_every_rule_documented_with_unique_ids()
        {
            var (output, ps) = ModuleHost.Run("Get-PySdistRule");
            Assert.Empty(ps.Streams.Error);
            Assert.True(output.Count >= 40, $"only {output.Count} rules");
            var ids = output.Select(o => o.Prop<string>("Id")).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(output, rule =>
            {
                Assert.Matches("^[A-Z][A-Za-z0-9]+$", rule.Prop<string>("Id"));
                Assert.False(string.IsNullOrWhiteSpace(rule.Prop<string>("Description")), rule.Prop<string>("Id"));
                Assert.False(string.IsNullOrWhiteSpace(rule.Prop<string>("Remedy")), rule.Prop<string>("Id"));
                Assert.False(string.IsNullOrWhiteSpace(rule.Prop<string>("SpecReference")), rule.Prop<string>("Id"));
                Assert.Contains(rule.Prop<string>("Severity"), new[] { "Error", "Warning", "Information" });
                Assert.False(string.IsNullOrWhiteSpace(rule.Prop<string>("Consumer")), rule.Prop<string>("Id"));
                Assert.False(string.IsNullOrWhiteSpace(rule.Prop<string>("SeverityReason")), rule.Prop<string>("Id"));
            });
            // Legacy facts are Information, and the rule says who (does not) refuse it.
            var legacy = output.Single(o => o.Prop<string>("Id") == "MissingPyprojectToml");
            Assert.Equal("Information", legacy.Prop<string>("Severity"));
            Assert.Contains("pip and uv", legacy.Prop<string>("Consumer"));
            foreach (var category in new[] { "Structure", "Metadata", "Safety", "Hygiene", "Limits" })
            {
                Assert.Contains(output, o => o.Prop<string>("Category") == category);
            }
        }

        [Fact]
        public void Rules_say_whether_and_what_they_refuse_when_expanding()
        {
            var (output, ps) = ModuleHost.Run("Get-PySdistRule -Id TarPaxSizeMismatch, LimitMemberCount, AbsolutePath, MissingPyprojectToml");
            Assert.Empty(ps.Streams.Error);
            var byId = output.ToDictionary(o => o.Prop<string>("Id"));
            Assert.Equal("Archive", byId["TarPaxSizeMismatch"].Prop<string>("Scope"));
            Assert.True(byId["TarPaxSizeMismatch"].Prop<bool>("BlocksExtraction"));
            Assert.Equal("Archive", byId["LimitMemberCount"].Prop<string>("Scope"));
            Assert.Equal("Member", byId["AbsolutePath"].Prop<string>("Scope"));
            Assert.True(byId["AbsolutePath"].Prop<bool>("BlocksExtraction"));
            Assert.False(byId["MissingPyprojectToml"].Prop<bool>("BlocksExtraction"));
        }

        [Fact]
        public void Filters_by_category_severity_and_id_and_reports_unknown_ids()
        {
            var (safety, ps1) = ModuleHost.Run("Get-PySdistRule -Category Safety -Severity Error");
            Assert.Empty(ps1.Streams.Error);
            Assert.NotEmpty(safety);
            Assert.All(safety, r => Assert.Equal("Safety", r.Prop<string>("Category")));
            Assert.All(safety, r => Assert.Equal("Error", r.Prop<string>("Severity")));

            var (missing, ps2) = ModuleHost.Run("Get-PySdistRule -Id NoSuchRule");
            Assert.Empty(missing);
            Assert.Equal("RuleNotFound,PyPackaging.Commands.GetPySdistRuleCommand", Assert.Single(ps2.Streams.Error).FullyQualifiedErrorId);
        }
    }
}
