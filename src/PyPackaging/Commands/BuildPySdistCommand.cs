using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PyPackaging.Building;
using PyPackaging.Building.CleanRoom;
using PyPackaging.Building.Planning;

namespace PyPackaging.Commands
{
    /// <summary>
    /// Build-PySdist: builds a reproducible sdist natively from a project with static [project] metadata, or (Project
    /// mode) through the project's own PEP 517 backend in a clean room holding only its source files. Natively it
    /// leaves out virtual environments, caches, VCS data, bytecode and git-ignored files, dereferences in-project
    /// links, refuses escaping or dangling links; both modes write via a temporary file and check the result with the
    /// Test-PySdist engine. -Backend Auto (the default) picks the mode with <see cref="NativeBuildSupport.Assess(string, BuildMode)"/>.
    /// </summary>
    [Cmdlet("Build", "PySdist", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.BuildPySdist)]
    [OutputType(typeof(PySdistEntry))]
    public sealed partial class BuildPySdistCommand : PySdistCmdlet
    {
        private const int ProgressId = 4712;
        private const string Activity = "Build-PySdist";
        private const string ActionTypeName = "PyPackaging.PySdistEntry#Action";

        /// <summary>The project directory (holding pyproject.toml). Default: the current location.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "ProjectPath")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Where to write the sdist. Default: dist under the project directory. Created when missing.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutputDirectory { get; set; }

        /// <summary>Replace an existing sdist of the same name.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Timestamp of every member and of the gzip header, in seconds since 1970. Default: $env:SOURCE_DATE_EPOCH, else 1580601600 (2020-02-02, hatchling's constant).</summary>
        [Parameter]
        [ValidateRange(0L, 4294967295L)]
        public long SourceDateEpoch { get; set; }

        /// <summary>Gitignore-style patterns (relative to the project) that are packed whatever else says.</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Include { get; set; }

        /// <summary>Gitignore-style patterns (relative to the project) that are never packed. Wins over everything.</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Exclude { get; set; }

        /// <summary>Also output one entry (Action Excluded, with Reason) per path left out.</summary>
        [Parameter]
        public SwitchParameter IncludeExcluded { get; set; }

        /// <summary>Native (no Python), Project (the project's own PEP 517 backend in a clean room) or Auto: Native when the native build reproduces the project, else Project.</summary>
        [Parameter]
        public PySdistBuildMode Backend { get; set; } = PySdistBuildMode.Auto;

        /// <summary>Project mode: the Python interpreter that has the build backend (a path or a command name). Default: python3, then python, on PATH.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Python { get; set; }

        /// <summary>Project mode: let python -m build or uv create an isolated build environment, downloading the build requirements from the package index. Off by default: nothing is downloaded.</summary>
        [Parameter]
        public SwitchParameter AllowBuildIsolation { get; set; }

        protected override void ProcessRecord()
        {
            string project = ResolveProjectDirectory(Path ?? ".");
            long epoch;
            try
            {
                epoch = Building.Planning.SourceDateEpoch.Resolve(
                    MyInvocation.BoundParameters.ContainsKey(nameof(SourceDateEpoch)) ? SourceDateEpoch : (long?)null,
                    Environment.GetEnvironmentVariable(Building.Planning.SourceDateEpoch.VariableName));
            }
            catch (FormatException ex)
            {
                ThrowTerminatingError(Error(new ArgumentException(ex.Message, ex), "InvalidSourceDateEpoch", ErrorCategory.InvalidArgument, Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH")));
                return;
            }

            var options = new SdistBuildOptions(project)
            {
                OutputDirectory = OutputDirectory == null ? null : ResolveOutputPath(OutputDirectory),
                SourceDateEpoch = epoch,
                Force = Force.IsPresent,
            };
            foreach (var p in Include ?? Array.Empty<string>()) options.Include.Add(p);
            foreach (var p in Exclude ?? Array.Empty<string>()) options.Exclude.Add(p);

            BuildModeDecision decision = NativeBuildSupport.Assess(project,
                Backend == PySdistBuildMode.Native ? BuildMode.Native : Backend == PySdistBuildMode.Project ? BuildMode.Project : BuildMode.Auto);
            WriteVerbose("Build mode: " + decision.Mode + " (" + decision.Reason + ").");
            if (decision.Mode == BuildMode.Project)
            {
                BuildInProjectMode(options, decision);
                return;
            }

            SdistBuildPlan plan;
            try
            {
                ReportProgress(ProgressId, Activity, "Reading pyproject.toml and walking " + project, 0, force: true);
                plan = SdistBuilder.Plan(options, Cancellation);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(Error(new IOException("Cannot read the project '" + project + "': " + ex.Message, ex), "ProjectUnreadable", ErrorCategory.ReadError, project));
                return;
            }

            foreach (var w in plan.Warnings) WriteWarning(w);
            if (plan.VersionSource != null) WriteVerbose("Dynamic " + plan.VersionSource + ".");
            foreach (var h in plan.Honoured) WriteVerbose("Backend setting honoured: " + h);
            foreach (var x in plan.Exclusions) WriteVerbose("Excluded " + x.RelativePath + (x.IsDirectory ? "/" : string.Empty) + " (" + x.Reason + "): " + x.Message);

            if (!plan.CanBuild)
            {
                CompleteProgress(ProgressId, Activity);
                string message = "Cannot build an sdist of '" + project + "': " + plan.Problems.Count + " problem(s), nothing was written." +
                                 Environment.NewLine + string.Join(Environment.NewLine, plan.Problems.Select(p => "  - " + p));
                ThrowTerminatingError(Error(new InvalidDataException(message), plan.ProblemId ?? "InvalidProjectMetadata", ErrorCategory.InvalidData, project));
                return;
            }

            string action = "Build sdist natively with " + plan.Members.Count + " files (" + plan.Exclusions.Count + " paths left out), because " + decision.Reason;
            if (!ShouldProcess(plan.ArchivePath + ": " + action, plan.ArchivePath + ": " + action, "Build-PySdist", out ShouldProcessReason reason))
            {
                CompleteProgress(ProgressId, Activity);
                if (reason == ShouldProcessReason.WhatIf) WritePlan(plan);
                return;
            }

            if (plan.TargetExists && !Force)
            {
                CompleteProgress(ProgressId, Activity);
                WriteError(Error(new IOException("The sdist '" + plan.ArchivePath + "' already exists. Use -Force to replace it."), "ResourceExists", ErrorCategory.ResourceExists, plan.ArchivePath));
                return;
            }

            SdistBuildResult result;
            try
            {
                result = SdistBuilder.Write(plan, Cancellation, p =>
                {
                    if (!ProgressDue) return; // called per file: skip the formatting between records
                    int percent = p.TotalBytes > 0 ? (int)(100 * p.BytesDone / p.TotalBytes) : 0;
                    ReportProgress(ProgressId, Activity, "Writing " + System.IO.Path.GetFileName(plan.ArchivePath) + ": " + p.MembersDone + "/" + p.MemberCount + " files", percent);
                });
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            catch (SdistExistsException ex)
            {
                WriteError(Error(ex, "ResourceExists", ErrorCategory.ResourceExists, plan.ArchivePath));
                return;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(Error(new IOException("Writing '" + plan.ArchivePath + "' failed, nothing was written: " + ex.Message, ex), "SdistWriteFailed", ErrorCategory.WriteError, plan.ArchivePath));
                return;
            }
            finally
            {
                CompleteProgress(ProgressId, Activity);
            }

            if (!result.Written)
            {
                var errors = result.ErrorFindings.Select(f => "  - " + f.RuleId + " " + f.Path + ": " + f.Message).ToList();
                WriteError(Error(new InvalidDataException("The built sdist failed its check and was removed:" + Environment.NewLine + string.Join(Environment.NewLine, errors)),
                    "SdistCheckFailed", ErrorCategory.InvalidData, plan.ArchivePath));
                return;
            }
            WriteResult(plan, result);
        }

        /// <summary>Why a generated member exists: PKG-INFO from pyproject.toml, or the version file a VCS-versioning tool writes.</summary>
        private static string? GeneratedReason(PlannedMember member) =>
            !member.IsGenerated ? null
            : member.RelativePath == "PKG-INFO" ? "Generated from pyproject.toml"
            : "Generated version file (the text the project's versioning tool writes)";

        private void WritePlan(SdistBuildPlan plan)
        {
            foreach (var m in plan.Members)
            {
                Emit(new PySdistEntry
                {
                    Archive = plan.ArchivePath,
                    Path = m.ArchivePath,
                    EntryType = PySdistEntryType.File,
                    Size = m.Size,
                    ModeBits = m.Mode,
                    LastWriteTime = Epoch(plan),
                    Format = "Pax",
                    Action = PySdistEntryAction.Added,
                    SourcePath = m.SourcePath,
                    Destination = plan.ArchivePath,
                    Reason = GeneratedReason(m),
                });
            }
            WriteExclusions(plan);
        }

        private void WriteResult(SdistBuildPlan plan, SdistBuildResult result)
        {
            WriteSourceComparison(result);
            var bySource = plan.Members.ToDictionary(m => m.ArchivePath, StringComparer.Ordinal);
            foreach (var entry in result.Inspection.Entries)
            {
                entry.Action = PySdistEntryAction.Added;
                entry.Destination = plan.ArchivePath;
                if (entry.EntryType == PySdistEntryType.Archive)
                {
                    entry.BuildMode = nameof(BuildMode.Native);
                    entry.BuildRunner = "native";
                }
                if (entry.EntryType != PySdistEntryType.Archive && bySource.TryGetValue(entry.Path, out var member))
                {
                    entry.SourcePath = member.SourcePath;
                    if (member.IsGenerated) entry.Reason = GeneratedReason(member);
                }
                Emit(entry);
            }
            if (IncludeExcluded) WriteExclusions(plan);
        }

        /// <summary>Says with -Verbose what the sdist was compared with (its findings are on the Archive entry), or why it was not.</summary>
        private void WriteSourceComparison(SdistBuildResult result)
        {
            if (result.SourceComparison is { } compared)
            {
                foreach (var w in compared.Warnings) WriteWarning("pyproject.toml: " + w);
                WriteVerbose("Compared with git: " + compared.TrackedCount + " tracked files; " + compared.TrackedNotInSdist.Count +
                             " not in the sdist, " + compared.UntrackedMembers.Count + " members not tracked (Compare-PySdist lists each).");
            }
            else if (result.SourceComparisonSkipped != null)
            {
                WriteVerbose("Not compared with git (no TrackedFileNotInSdist/UntrackedFileInSdist findings): " + result.SourceComparisonSkipped);
            }
        }

        private void WriteExclusions(SdistBuildPlan plan)
        {
            string top = plan.TopDirectory.Length > 0 ? plan.TopDirectory + "/" : string.Empty;
            foreach (var x in plan.Exclusions)
            {
                Emit(new PySdistEntry
                {
                    Archive = plan.ArchivePath,
                    Path = top + x.RelativePath + (x.IsDirectory ? "/" : string.Empty),
                    EntryType = x.IsDirectory ? PySdistEntryType.Directory : PySdistEntryType.File,
                    Action = PySdistEntryAction.Excluded,
                    SourcePath = x.SourcePath,
                    Reason = x.Reason + ": " + x.Message,
                });
            }
        }

        private static DateTime Epoch(SdistBuildPlan plan) =>
            new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(plan.Options.SourceDateEpoch);

        private void Emit(PySdistEntry entry)
        {
            var obj = PSObject.AsPSObject(entry);
            obj.TypeNames.Insert(0, ActionTypeName);
            WriteObject(obj);
        }
    }
}
