using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PyPackaging.Rules
{
    /// <summary>Which rules are enabled: -IncludeRule / -ExcludeRule, with * and ? wildcards, case-insensitive.</summary>
    public sealed class RuleFilter
    {
        public static readonly RuleFilter AllRules = new RuleFilter(null, null);

        private readonly Regex[] _include;
        private readonly Regex[] _exclude;

        public RuleFilter(IEnumerable<string>? include, IEnumerable<string>? exclude)
        {
            _include = (include ?? Enumerable.Empty<string>()).Select(ToRegex).ToArray();
            _exclude = (exclude ?? Enumerable.Empty<string>()).Select(ToRegex).ToArray();
        }

        public bool IsEnabled(PySdistRule rule) => IsEnabled(rule.Id);

        public bool IsEnabled(string ruleId)
        {
            if (_include.Length > 0 && !_include.Any(r => r.IsMatch(ruleId))) return false;
            return !_exclude.Any(r => r.IsMatch(ruleId));
        }

        private static Regex ToRegex(string pattern)
        {
            var body = Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".");
            return new Regex("^" + body + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }
}
