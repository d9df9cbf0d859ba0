using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PyPackaging.Building.Comparison;
using PyPackaging.Building.Vcs;

namespace PyPackaging.Commands
{
    /// <summary>
    /// Compare-PySdist: does an existing sdist hold the files git tracks in a project directory, no more and no fewer
    /// (check-sdist's question)? Writes per sdist the Archive entry with the TrackedFileNotInSdist and
    /// UntrackedFileInSdist findings, then one entry per member git does not track, and with -IncludeMissing one per
    /// tracked file the sdist lacks. It runs no other check (that is Test-PySdist's job). The project's tracked files
    /// are read once per call; without git, outside a work tree or with nothing tracked it stops with an error.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "PySdist", DefaultParameterSetName = PathSet, HelpUri = HelpLinks.ComparePySdist)]
    [OutputType(typeof(PySdistEntry))]
    public sealed class ComparePySdistCommand : PySdistArchiveCmdlet
    {
        private const int ProgressId = 4713;
        private const string Activity = "Compare-PySdist";

        // Held as object so the cmdlet class keeps no Core type in a field (the loader binds Core at import).
        private object? _tree;
        private object? _settings;

        /// <summary>The project directory whose tracked files the sdists are compared with. Default: the current location.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectDirectory { get; set; }

        /// <summary>Also write one entry per file git tracks that the sdist lacks (Reason says so; SourcePath is the file).</summary>
        [Parameter]
        public SwitchParameter IncludeMissing { get; set; }

        protected override void BeginProcessing()
        {
            string project = ProjectDirectory == null ? SessionState.Path.CurrentFileSystemLocation.ProviderPath : ResolveProjectDirectory(ProjectDirectory);
            TrackedTree? tree;
            try
            {
                tree = TrackedTree.TryRead(project, out string whyNot, out var unavailable, Cancellation);
                if (tree == null)
                {
                    string id = unavailable == ComparisonUnavailable.GitMissing ? "GitNotFound"
                        : unavailable == ComparisonUnavailable.NothingTracked ? "NothingTrackedByGit"
                        : "NotAGitRepository";
                    var category = unavailable == ComparisonUnavailable.GitMissing ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidArgument;
                    ThrowTerminatingError(Error(new InvalidOperationException("Cannot compare with '" + project + "': " + whyNot +
                        " Compare-PySdist compares an sdist with the files git tracks; no sdist was compared."), id, category, project));
                    return;
                }
            }
            catch (Exception ex) when (ex is GitException || ex is TimeoutException)
            {
                ThrowTerminatingError(Error(new InvalidOperationException("git could not list the files of '" + project + "': " + ex.Message, ex), "GitFailed", ErrorCategory.ReadError, project));
                return;
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }

            var settings = ComparisonSettings.Read(tree.ProjectDirectory);
            foreach (var w in settings.Warnings) WriteWarning("pyproject.toml: " + w);
            WriteVerbose("Comparing with " + tree.Files.Count + " files git tracks in " + tree.ProjectDirectory + ".");
            _tree = tree;
            _settings = settings;
        }

        protected override void ProcessRecord()
        {
            var tree = (TrackedTree)_tree!;
            var settings = (ComparisonSettings)_settings!;
            var limits = BuildLimits();
            foreach (var archive in ResolveFiles(InputPaths, IsLiteral))
            {
                Cancellation.ThrowIfCancellationRequested();
                var result = RunForArchive(archive, ProgressId, Activity, "Comparing", "ComparisonFailed",
                    progress => ArchiveComparison.Run(archive, tree, settings, limits, IncludeMissing, Cancellation, progress));
                if (result == null) continue;
                if (result.Incomplete != null)
                {
                    WriteError(Error(new InvalidDataException("'" + archive + "' could not be read to its end (" + result.Incomplete + "), so it was not compared; Test-PySdist says why."),
                        "ArchiveIncomplete", ErrorCategory.InvalidData, archive));
                    continue;
                }
                WriteVerbose(archive + ": " + result.Comparison!.TrackedNotInSdist.Count + " tracked files not in the sdist, " +
                             result.Comparison.UntrackedMembers.Count + " members not tracked.");
                foreach (var entry in result.Entries) WriteObject(entry);
            }
        }
    }
}
