using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace PyPackaging.Rules
{
    /// <summary>
    /// The rule catalogue. Each category lives in its own partial file (RuleCatalog.Structure.cs,
    /// RuleCatalog.Safety.cs, ...) as <c>public static readonly PySdistRule</c> fields; <see cref="All"/>
    /// collects them, so adding a rule is adding a field. Ids are stable: never rename one.
    /// </summary>
    public static partial class RuleCatalog
    {
        private static readonly Lazy<IReadOnlyList<PySdistRule>> AllRules = new Lazy<IReadOnlyList<PySdistRule>>(Collect);
        private static readonly Lazy<Dictionary<string, PySdistRule>> ById =
            new Lazy<Dictionary<string, PySdistRule>>(() => All.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase));

        /// <summary>Every rule, ordered by category then id.</summary>
        public static IReadOnlyList<PySdistRule> All => AllRules.Value;

        public static PySdistRule? Find(string id) => ById.Value.TryGetValue(id, out var rule) ? rule : null;

        /// <summary>True for the rules the archive readers report while framing (their <see cref="PySdistRule.Scope"/> is Archive); all others are reported by an <see cref="Inspection.ArchiveCheck"/>.</summary>
        public static bool IsReportedByArchiveReader(PySdistRule rule) => rule.Scope == PySdistRuleScope.Archive;

        private static IReadOnlyList<PySdistRule> Collect()
        {
            var rules = typeof(RuleCatalog)
                .GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(PySdistRule))
                .Select(f => (PySdistRule)f.GetValue(null)!)
                .OrderBy(r => r.Category)
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .ToList();
            var duplicate = rules.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                throw new InvalidOperationException("Duplicate rule id in the catalogue: " + duplicate.Key);
            }
            return rules;
        }
    }
}
