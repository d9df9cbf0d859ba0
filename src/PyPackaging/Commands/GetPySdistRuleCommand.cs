using System;
using System.Linq;
using System.Management.Automation;
using PyPackaging.Rules;

namespace PyPackaging.Commands
{
    /// <summary>Get-PySdistRule: lists the rule catalogue (id, severity, category, description, remedy, spec reference).</summary>
    [Cmdlet(VerbsCommon.Get, "PySdistRule", DefaultParameterSetName = "Id", HelpUri = HelpLinks.GetPySdistRule)]
    [OutputType(typeof(PySdistRule))]
    public sealed class GetPySdistRuleCommand : PySdistCmdlet
    {
        /// <summary>Rule ids to list; wildcards allowed. All rules when omitted. A pattern that matches no rule is a RuleNotFound error.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [Alias("RuleId")]
        [ArgumentCompleter(typeof(RuleIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>Only rules of these categories: Structure, Metadata, Safety, Hygiene, Limits.</summary>
        [Parameter]
        [ValidateSet("Structure", "Metadata", "Safety", "Hygiene", "Limits", IgnoreCase = true)]
        public string[]? Category { get; set; }

        /// <summary>Only rules of these severities: Error, Warning, Information.</summary>
        [Parameter]
        [ValidateSet("Error", "Warning", "Information", IgnoreCase = true)]
        public string[]? Severity { get; set; }

        protected override void ProcessRecord()
        {
            var filter = RuleFilter.AllRules;
            if (Id is { Length: > 0 })
            {
                filter = new RuleFilter(Id, null);
                // Every -Id pattern must name at least one rule (before -Category/-Severity narrow the list): a typo
                // is an error, never an empty answer.
                foreach (var pattern in filter.UnmatchedPatterns(RuleCatalog.All))
                {
                    WriteError(Error(new ArgumentException($"No rule matches '{pattern}'. Run Get-PySdistRule to list the catalogue (rule ids tab-complete)."),
                        "RuleNotFound", ErrorCategory.ObjectNotFound, pattern));
                }
            }
            foreach (var rule in RuleCatalog.All.Where(filter.IsEnabled))
            {
                if (Category is { Length: > 0 } && !Category.Contains(rule.Category.ToString(), StringComparer.OrdinalIgnoreCase)) continue;
                if (Severity is { Length: > 0 } && !Severity.Contains(rule.Severity.ToString(), StringComparer.OrdinalIgnoreCase)) continue;
                WriteObject(rule);
            }
        }
    }
}
