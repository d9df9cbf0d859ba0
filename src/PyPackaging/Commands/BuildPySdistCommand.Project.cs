using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PyPackaging.Building;
using PyPackaging.Building.CleanRoom;

namespace PyPackaging.Commands
{
    /// <summary>Build-PySdist in Project mode: the project's own backend in a clean room (<see cref="ProjectBuilder"/>).</summary>
    public sealed partial class BuildPySdistCommand
    {
        private void BuildInProjectMode(SdistBuildOptions options, BuildModeDecision decision)
        {
            string project = options.ProjectDirectory;
            if (options.Include.Count > 0 || IncludeExcluded)
            {
                WriteWarning("-Include and -IncludeExcluded apply to the native build only; in Project mode the backend chooses what to pack from the clean room (-Exclude keeps files out of the clean room).");
            }

            var settings = new ProjectBuildOptions
            {
                Python = Python,
                AllowIsolation = AllowBuildIsolation.IsPresent,
                SourceDateEpoch = MyInvocation.BoundParameters.ContainsKey(nameof(SourceDateEpoch)) ? SourceDateEpoch : (long?)null,
            };
            ProjectBuildPlan plan;
            try
            {
                ReportProgress(ProgressId, Activity, "Looking for Python and the build backend of " + project, 0, force: true);
                plan = ProjectBuilder.Plan(options, settings, Cancellation);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            catch (ProjectBuildException ex)
            {
                CompleteProgress(ProgressId, Activity);
                ThrowTerminatingError(Error(new InvalidOperationException(ProjectModeIntro(decision) + ex.Message, ex), ex.ErrorId, ErrorCategory.NotInstalled, project));
                return;
            }
            WriteVerbose("Project mode runner: " + plan.RunnerDescription + " (Python " + plan.Probe.Version + ", backend " + plan.Backend + ").");

            string action = "Build sdist in Project mode with " + plan.RunnerDescription + " (backend " + plan.Backend + ") in a clean room, because " + decision.Reason;
            if (!ShouldProcess(plan.OutputDirectory + ": " + action, plan.OutputDirectory + ": " + action, "Build-PySdist"))
            {
                CompleteProgress(ProgressId, Activity);
                return;
            }

            ProjectBuildResult result;
            try
            {
                ReportProgress(ProgressId, Activity, "Running " + plan.Runner.Name + " in a clean room for " + project, 10, force: true);
                result = ProjectBuilder.Build(plan, Cancellation);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            catch (ProjectBuildException ex)
            {
                ThrowTerminatingError(Error(new InvalidOperationException(ProjectModeIntro(decision) + ex.Message, ex), ex.ErrorId,
                    ex.IsMissingTool ? ErrorCategory.NotInstalled : ErrorCategory.InvalidResult, project));
                return;
            }
            catch (SdistExistsException ex)
            {
                WriteError(Error(ex, "ResourceExists", ErrorCategory.ResourceExists, ex.ArchivePath));
                return;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(Error(new IOException("The Project build of '" + project + "' failed, nothing was written: " + ex.Message, ex), "SdistWriteFailed", ErrorCategory.WriteError, project));
                return;
            }
            finally
            {
                CompleteProgress(ProgressId, Activity);
            }

            foreach (string line in result.Log) WriteVerbose(line);
            if (!result.Sdist.Written)
            {
                var errors = result.Sdist.ErrorFindings.Select(f => "  - " + f.RuleId + " " + f.Path + ": " + f.Message).ToList();
                WriteError(Error(new InvalidDataException("The sdist built by " + plan.Backend + " failed its check and was not written:" + Environment.NewLine + string.Join(Environment.NewLine, errors)),
                    "SdistCheckFailed", ErrorCategory.InvalidData, result.Sdist.ArchivePath));
                return;
            }
            WriteProjectResult(result, plan);
        }

        private static string ProjectModeIntro(BuildModeDecision decision) =>
            "Build-PySdist chose Project mode (" + decision.Reason + ")" + (decision.Reason.StartsWith("-Backend", StringComparison.Ordinal) ? "" : "; -Backend Native builds without Python when the metadata is static") + ". ";

        private void WriteProjectResult(ProjectBuildResult result, ProjectBuildPlan plan)
        {
            var sources = result.Selection.Files.ToDictionary(f => f.RelativePath, f => f.SourcePath, StringComparer.Ordinal);
            string archivePath = result.Sdist.ArchivePath;
            foreach (var entry in result.Sdist.Inspection.Entries)
            {
                entry.Action = PySdistEntryAction.Added;
                entry.Destination = archivePath;
                if (entry.EntryType == PySdistEntryType.Archive)
                {
                    entry.BuildMode = nameof(BuildMode.Project);
                    entry.BuildRunner = plan.Runner.Name;
                }
                else
                {
                    int slash = entry.Path.IndexOf('/');
                    if (slash > 0 && sources.TryGetValue(entry.Path.Substring(slash + 1), out string? source)) entry.SourcePath = source;
                }
                Emit(entry);
            }
        }
    }
}
