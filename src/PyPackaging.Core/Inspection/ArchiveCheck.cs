using System.Collections.Generic;
using PyPackaging.Rules;

namespace PyPackaging.Inspection
{
    /// <summary>
    /// A check: reads the snapshot and reports findings for the rules it owns. Checks are discovered by reflection
    /// (every non-abstract subclass with a parameterless constructor), so a new check is a new class.
    /// A check is skipped when all its rules are disabled.
    /// </summary>
    public abstract class ArchiveCheck
    {
        /// <summary>The catalogue rules this check may report.</summary>
        public abstract IReadOnlyList<PySdistRule> Rules { get; }

        public abstract void Run(SdistSnapshot snapshot, FindingCollector findings);
    }
}
