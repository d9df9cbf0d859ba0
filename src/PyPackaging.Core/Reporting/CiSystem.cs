using System;

namespace PyPackaging.Reporting
{
    /// <summary>The log syntax the gate writes: a CI system's commands, or plain text.</summary>
    public enum CiStyle
    {
        /// <summary>Plain text lines: the same content as the annotations, for any other CI or a terminal.</summary>
        Plain,
        /// <summary>GitHub Actions workflow commands (::error / ::warning) and the job summary file.</summary>
        GitHubActions,
        /// <summary>Azure Pipelines logging commands (##vso[task.logissue], ##vso[task.uploadsummary], ##vso[task.complete]).</summary>
        AzurePipelines,
    }

    /// <summary>Which CI system the process runs in, from the variables each system documents as its marker.</summary>
    public static class CiDetection
    {
        /// <summary>GitHub Actions sets GITHUB_ACTIONS=true; Azure Pipelines sets TF_BUILD=True; anything else is plain.</summary>
        public static CiStyle Detect(Func<string, string?> environment)
        {
            if (IsTrue(environment("GITHUB_ACTIONS"))) return CiStyle.GitHubActions;
            if (IsTrue(environment("TF_BUILD"))) return CiStyle.AzurePipelines;
            return CiStyle.Plain;
        }

        private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
