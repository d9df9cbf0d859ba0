using System;
using System.Linq;
using System.Management.Automation;
using PyPackaging.Rules;

namespace PyPackaging.Commands
{
    /// <summary>Get-PySdistRule: lists the rule catalogue (id, severity, category, description, remedy, spec reference).</summary>
    [Cmdlet(VerbsCommon.Get, "PySdistRule", DefaultParameterSetName = "Id")]
    [OutputType(typeof(PySdistRule))]
    public sealed class GetPySdistRuleCommand : PySdistCmdlet
    {
        /// <summary>Rule ids to list; wildcards allowed. All rules when omitted.</summary>
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
            var filter = Id is { Length: > 0 } ? new RuleFilter(Id, null) : RuleFilter.AllRules;
            var matched = false;
            foreach (var rule in RuleCatalog.All.Where(filter.IsEnabled))
            {
                if (Category is { Length: > 0 } && !Category.Contains(rule.Category.ToString(), StringComparer.OrdinalIgnoreCase)) continue;
                if (Severity is { Length: > 0 } && !Severity.Contains(rule.Severity.ToString(), StringComparer.OrdinalIgnoreCase)) continue;
                matched = true;
                WriteObject(rule);
            }
            if (!matched && Id is { Length: > 0 } && !Id.Any(WildcardPattern.ContainsWildcardCharacters))
            {
                WriteError(Error(new ArgumentException($"No rule has the id '{string.Join("', '", Id)}'. Run Get-PySdistRule to list the catalogue."), "RuleNotFound", ErrorCategory.ObjectNotFound, Id));
            }
        }
    }
}
