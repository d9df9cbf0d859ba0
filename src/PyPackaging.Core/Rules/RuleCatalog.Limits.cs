namespace PyPackaging.Rules
{
    // Limits rules. Add rules as public static readonly PySdistRule fields; ids are stable.
    public static partial class RuleCatalog
    {
    }
}
