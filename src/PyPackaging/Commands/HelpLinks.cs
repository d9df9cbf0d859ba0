namespace PyPackaging.Commands
{
    /// <summary>
    /// The online help of each cmdlet (Get-Help -Online, the cmdlet's HelpUri): the Markdown pages that
    /// tools/help/genmaml.py writes to docs/help/ from the same data as the MAML help. A Pester test checks that
    /// every exported cmdlet has one and that the page exists.
    /// </summary>
    internal static class HelpLinks
    {
        internal const string Base = "https://github.com/pypackaging/PyPackaging/blob/main/docs/help/";
        internal const string TestPySdist = Base + "Test-PySdist.md";
        internal const string GetPySdistRule = Base + "Get-PySdistRule.md";
        internal const string ExpandPySdistSafely = Base + "Expand-PySdistSafely.md";
        internal const string BuildPySdist = Base + "Build-PySdist.md";
        internal const string AssertPySdist = Base + "Assert-PySdist.md";
        internal const string ExportPySdistReport = Base + "Export-PySdistReport.md";
        internal const string ComparePySdist = Base + "Compare-PySdist.md";
    }
}
