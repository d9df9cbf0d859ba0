using System;
using System.Linq;
using System.Threading;
using PyPackaging.Building.Vcs;

namespace PyPackaging.Building.Comparison
{
    /// <summary>
    /// The comparison every native build makes: the sdist just written against the files git tracks in the project
    /// it was built from. The members the build generated (PKG-INFO, a version file) are expected; the findings go on
    /// the Archive entry. Without git, or outside a work tree, the build goes on and the result says why nothing was
    /// compared (Build-PySdist writes it with -Verbose).
    /// </summary>
    internal static class BuildComparison
    {
        public static void Apply(SdistBuildPlan plan, SdistBuildResult result, CancellationToken cancellationToken)
        {
            string project = plan.Options.ProjectDirectory;
            var settings = ComparisonSettings.Read(project);
            settings.AddGenerated(plan.Members.Where(m => m.IsGenerated).Select(m => m.RelativePath));
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
