using System;
using System.Collections.Generic;
using System.Threading;
using PyPackaging.Building.Vcs;

namespace PyPackaging.Building.Comparison
{
    /// <summary>
    /// The comparison every native build makes: the sdist just written against the files git tracks in the project
    /// it was built from. In both build modes (native, and the project's backend in the clean room). The members the build generated (PKG-INFO, a version file) are expected, and so is what ComparisonSettings expects of any backend; the findings go on
    /// the Archive entry. Without git, or outside a work tree, the build goes on and the result says why nothing was
    /// compared (Build-PySdist writes it with -Verbose).
    /// </summary>
    internal static class BuildComparison
    {
        public static void Apply(string project, IEnumerable<string> generated, SdistBuildResult result, CancellationToken cancellationToken)
        {
            var settings = ComparisonSettings.Read(project);
            settings.AddGenerated(generated);
            try
            {
                var comparison = SourceTreeComparer.TryCompareWithGit(result.Inspection.Snapshot.Members, project, settings,
                    out string whyNot, out _, cancellationToken);
                if (comparison == null)
                {
                    result.SourceComparisonSkipped = whyNot;
                    return;
                }
                SourceTreeComparer.Report(comparison, result.Inspection.Entries);
                result.SourceComparison = comparison;
            }
            catch (Exception ex) when (ex is GitException || ex is TimeoutException)
            {
                result.SourceComparisonSkipped = ex.Message;
            }
        }
    }
}
