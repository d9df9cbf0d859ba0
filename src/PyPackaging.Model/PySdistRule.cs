namespace PyPackaging
{
    /// <summary>
    /// A rule of the catalogue, as data: a stable id, its severity and category, what it checks,
    /// the default remedy and the specification it comes from. Get-PySdistRule lists these.
    /// </summary>
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

        public override string ToString() => Id;
    }
}
