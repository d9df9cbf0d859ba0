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

        private readonly string[] _includePatterns;
        private readonly string[] _excludePatterns;
        private readonly Regex[] _include;
        private readonly Regex[] _exclude;

        public RuleFilter(IEnumerable<string>? include, IEnumerable<string>? exclude)
        {
            _includePatterns = (include ?? Enumerable.Empty<string>()).ToArray();
            _excludePatterns = (exclude ?? Enumerable.Empty<string>()).ToArray();
            _include = _includePatterns.Select(ToRegex).ToArray();
            _exclude = _excludePatterns.Select(ToRegex).ToArray();
        }

        /// <summary>
        /// The include and exclude patterns that match no rule of the catalogue, in the order given. A pattern that
        /// matches nothing is a typo or a rule that no longer exists; callers refuse it, because running with it
        /// would silently run no rule (include) or a rule the user meant to skip (exclude).
        /// </summary>
        public IReadOnlyList<string> UnmatchedPatterns(IEnumerable<PySdistRule> catalogue)
        {
            var ids = catalogue.Select(r => r.Id).ToList();
            var unmatched = new List<string>();
            for (var i = 0; i < _includePatterns.Length; i++)
            {
                if (!ids.Any(_include[i].IsMatch)) unmatched.Add(_includePatterns[i]);
            }
            for (var i = 0; i < _excludePatterns.Length; i++)
            {
                if (!ids.Any(_exclude[i].IsMatch)) unmatched.Add(_excludePatterns[i]);
            }
            return unmatched;
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
