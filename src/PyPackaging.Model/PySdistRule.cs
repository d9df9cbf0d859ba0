namespace PyPackaging
{
    /// <summary>
    /// A rule of the catalogue, as data: a stable id, its severity and category, what it checks,
    /// the default remedy and the specification it comes from, plus who acts on it (<see cref="Consumer"/>) and why it
    /// has its severity (<see cref="SeverityReason"/>). Get-PySdistRule lists these.
    /// </summary>
    /// <remarks>
    /// Severity follows one rule: Error only where a named consumer refuses the sdist (PyPI's upload checks, pip, uv,
    /// CPython's tarfile data filter) or where unpacking is unsafe or ambiguous (two readers extract different files);
    /// Warning for violations of a current spec that consumers tolerate and for hygiene; Information for facts about
    /// legacy formats and for what every safe extractor normalises.
    /// </remarks>
    public sealed class PySdistRule
    {
        public PySdistRule(string id, PySdistRuleCategory category, PySdistSeverity severity, string description, string remedy, string specReference)
        {
            Id = id;
            Category = category;
            Severity = severity;
            Description = description;
            Remedy = remedy;
            SpecReference = specReference;
        }

        public string Id { get; }
        public PySdistRuleCategory Category { get; }
        public PySdistSeverity Severity { get; }
        public string Description { get; }
        public string Remedy { get; }
        public string SpecReference { get; }

        /// <summary>Who acts on what this rule finds: the consumer that refuses it (PyPI's upload check, pip, uv, tarfile's data filter, a tar reader), or who is affected.</summary>
        public string Consumer { get; init; } = string.Empty;

        /// <summary>Why the rule has its severity, in one sentence.</summary>
        public string SeverityReason { get; init; } = string.Empty;

        /// <summary>
        /// True for rules that typically fire on many members of one archive (modes, header encodings): their findings
        /// are reported once, on the archive entry, with a count and the first members, so that reports stay readable.
        /// </summary>
        public bool SummarizedPerArchive { get; init; }

        /// <summary>
        /// True when a finding of this rule stops Expand-PySdistSafely: an Error about safety or a resource limit.
        /// Errors of the other categories (metadata, structure) are for publishing, not for unpacking. Expand also refuses,
        /// while it streams, a member under a rule that does not block when this extraction cannot hold it (the Windows
        /// name rules on Windows, CaseCollision on a case-insensitive volume, MemberOutsideTopLevel and TopLevelFile with
        /// -StripTopLevel or past the cap on top-level entries); the rule's <see cref="Consumer"/> says so.
        /// </summary>
        public bool BlocksExtraction =>
            Severity == PySdistSeverity.Error && (Category == PySdistRuleCategory.Safety || Category == PySdistRuleCategory.Limits);

        /// <summary>
        /// Whether a blocking finding refuses only its member or the whole archive (<see cref="PySdistRuleScope.Archive"/>:
        /// the framing and limits rules the archive readers report).
        /// </summary>
        public PySdistRuleScope Scope { get; init; } = PySdistRuleScope.Member;

        public override string ToString() => Id;
    }
}
