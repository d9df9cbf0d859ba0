using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using PyPackaging.Rules;

namespace PyPackaging.Commands
{
    /// <summary>Tab completion of rule ids for -IncludeRule / -ExcludeRule / Get-PySdistRule -Id.</summary>
    public sealed class RuleIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = new WildcardPattern(prefix + "*", WildcardOptions.IgnoreCase);
            foreach (var rule in RuleCatalog.All)
            {
                if (pattern.IsMatch(rule.Id))
                {
                    yield return new CompletionResult(rule.Id, rule.Id, CompletionResultType.ParameterValue, $"{rule.Severity} ({rule.Category}): {rule.Description}");
                }
            }
        }
    }
}
