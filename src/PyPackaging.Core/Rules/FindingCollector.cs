using System.Collections.Generic;

namespace PyPackaging.Rules
{
    /// <summary>A finding before it is attached to an entry: the rule, the member it is about (-1: the archive) and the text.</summary>
    public readonly struct RawFinding
    {
        public RawFinding(PySdistRule rule, int memberIndex, string message, string remedy)
        {
            Rule = rule;
            MemberIndex = memberIndex;
            Message = message;
            Remedy = remedy;
        }

        public PySdistRule Rule { get; }
        /// <summary>Index of the member the finding is about; -1 for the archive itself.</summary>
        public int MemberIndex { get; }
        public string Message { get; }
        public string Remedy { get; }
    }

    /// <summary>
    /// Where the reader and the checks report findings. Disabled rules (-ExcludeRule) are dropped here,
    /// and the same rule is reported at most once per member with the same message.
    /// </summary>
    public sealed class FindingCollector
    {
        public const int ArchiveLevel = -1;

        private readonly List<RawFinding> _findings = new List<RawFinding>();
        private readonly HashSet<(string, int, string)> _seen = new HashSet<(string, int, string)>();

        public FindingCollector(RuleFilter? filter = null)
        {
            Filter = filter ?? RuleFilter.AllRules;
        }

        public RuleFilter Filter { get; }

        public IReadOnlyList<RawFinding> Findings => _findings;

        public bool IsEnabled(PySdistRule rule) => Filter.IsEnabled(rule);

        /// <summary>Report a finding. <paramref name="remedy"/> defaults to the rule's own remedy.</summary>
        public void Report(PySdistRule rule, int memberIndex, string message, string? remedy = null)
        {
            if (!Filter.IsEnabled(rule)) return;
            if (!_seen.Add((rule.Id, memberIndex, message))) return;
            _findings.Add(new RawFinding(rule, memberIndex, message, remedy ?? rule.Remedy));
        }

        /// <summary>Report an archive-level finding.</summary>
        public void ReportArchive(PySdistRule rule, string message, string? remedy = null) =>
            Report(rule, ArchiveLevel, message, remedy);

        public bool HasErrors
        {
            get
            {
                foreach (var f in _findings)
                {
                    if (f.Rule.Severity == PySdistSeverity.Error) return true;
                }
                return false;
            }
        }
    }
}
