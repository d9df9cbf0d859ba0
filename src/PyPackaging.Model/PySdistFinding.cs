namespace PyPackaging
{
    /// <summary>One problem found in an sdist: which rule, how bad, what exactly and how to fix it.</summary>
    public sealed class PySdistFinding
    {
        public PySdistFinding(PySdistRule rule, string message, string remedy, string archive, string path)
        {
            RuleId = rule.Id;
            Severity = rule.Severity;
            Category = rule.Category;
            Message = message;
            Remedy = remedy;
            Archive = archive;
            Path = path;
        }

        /// <summary>Stable rule id, as listed by Get-PySdistRule.</summary>
        public string RuleId { get; }
        public PySdistSeverity Severity { get; }
        public PySdistRuleCategory Category { get; }
        /// <summary>Names the member, the reason and the consequence.</summary>
        public string Message { get; }
        /// <summary>What to change so the finding goes away.</summary>
        public string Remedy { get; }
        /// <summary>Full path of the archive file.</summary>
        public string Archive { get; }
        /// <summary>The member path, or the archive file name for archive-level findings.</summary>
        public string Path { get; }

        public override string ToString() => $"{Severity} {RuleId}: {Message}";
    }
}
