using System;
using System.Collections.Generic;
using System.Linq;
using PyPackaging.Rules;

namespace PyPackaging.Inspection
{
    /// <summary>Finds every <see cref="ArchiveCheck"/> in this assembly and runs the enabled ones over a snapshot.</summary>
    public static class CheckRegistry
    {
        private static readonly Lazy<IReadOnlyList<ArchiveCheck>> AllChecks = new Lazy<IReadOnlyList<ArchiveCheck>>(() =>
            typeof(ArchiveCheck).Assembly.GetTypes()
                .Where(t => t.IsClass && !t.IsAbstract && typeof(ArchiveCheck).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (ArchiveCheck)Activator.CreateInstance(t)!)
                .ToList());

        public static IReadOnlyList<ArchiveCheck> All => AllChecks.Value;

        /// <summary>Runs every check that owns at least one enabled rule.</summary>
        public static void RunAll(SdistSnapshot snapshot, FindingCollector findings)
        {
            foreach (var check in All)
            {
                if (!check.Rules.Any(findings.IsEnabled)) continue;
                check.Run(snapshot, findings);
            }
        }
    }
}
