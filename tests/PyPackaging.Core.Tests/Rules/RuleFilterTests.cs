using System.Linq;
using PyPackaging.Rules;

namespace PyPackaging.Core.Tests.Rules
{
    public sealed class RuleFilterTests
    {
        [Fact]
        public void PatternsThatMatchNoRuleAreListedInTheOrderGiven()
        {
            var some = RuleCatalog.All.First().Id;
            var filter = new RuleFilter(new[] { some, "SymlinkAbsolut", some.Substring(0, 3) + "*" }, new[] { "NoSuch*", some.ToLowerInvariant() });
            Assert.Equal(new[] { "SymlinkAbsolut", "NoSuch*" }, filter.UnmatchedPatterns(RuleCatalog.All));
        }

        [Fact]
        public void NoPatternsMeansNothingUnmatched()
        {
            Assert.Empty(RuleFilter.AllRules.UnmatchedPatterns(RuleCatalog.All));
        }
    }
}
