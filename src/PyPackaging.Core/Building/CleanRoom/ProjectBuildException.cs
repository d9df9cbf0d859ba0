using System;

namespace PyPackaging.Building.CleanRoom
{
    /// <summary>
    /// Project mode could not build: the message says what is missing or what failed and how to fix it; the stable
    /// <see cref="ErrorId"/> is one of PythonNotFound, BuildBackendNotFound, BuildRequirementsMissing (a runner
    /// asked for that is not installed), BuildBackendFailed, CleanRoomFailed.
    /// </summary>
    public sealed class ProjectBuildException : Exception
    {
        public ProjectBuildException(string errorId, string message, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
        }

        public string ErrorId { get; }

        /// <summary>True for what the user must install or pass (no interpreter, no backend); false for a failed run.</summary>
        public bool IsMissingTool => ErrorId == "PythonNotFound" || ErrorId == "BuildBackendNotFound" || ErrorId == "BuildRequirementsMissing";
    }
}
