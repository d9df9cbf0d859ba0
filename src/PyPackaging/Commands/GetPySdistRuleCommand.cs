using System.Linq;
using System.Management.Automation;
using PyPackaging.Rules;

namespace PyPackaging.Commands
{
    /// <summary>Get-PySdistRule: lists the rule catalogue (id, severity, category, description, spec reference).</summary>
    [Cmdlet(VerbsCommon.Get, "PySdistRule")]
    [OutputType(typeof(PySdistRule))]
    public sealed class GetPySdistRuleCommand : PSCmdlet
    {
        /// <summary>Rule ids to list; wildcards allowed. All rules when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [Alias("RuleId")]
        public string[]? Id { get; set; }

        /// <summary>Only rules of these categories.</summary>
        [Parameter]
        public PySdistRuleCategory[]? Category { get; set; }

        /// <summary>Only rules of these severities.</summary>
        [Parameter]
        public PySdistSeverity[]? Severity { get; set; }

        protected override void ProcessRecord()
        {
            var filter = Id is { Length: > 0 } ? new RuleFilter(Id, null) : RuleFilter.AllRules;
            foreach (var rule in RuleCatalog.All.Where(filter.IsEnabled))
            {
                if (Category is { Length: > 0 } && !Category.Contains(rule.Category)) continue;
                if (Severity is { Length: > 0 } && !Severity.Contains(rule.Severity)) continue;
                WriteObject(rule);
            }
        }
    }
}
