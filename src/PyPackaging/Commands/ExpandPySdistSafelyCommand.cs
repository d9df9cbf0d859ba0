using System;
using System.Linq;
using System.IO;
using System.Management.Automation;
using PyPackaging.Extraction;

namespace PyPackaging.Commands
{
    /// <summary>
    /// Expand-PySdistSafely: extracts sdists all-or-nothing. Every member is checked (the same rules as Test-PySdist)
    /// before anything is moved into the destination; an archive with an unsafe member is refused as a whole, and
    /// on any failure the destination is left exactly as it was. Writes the Archive entry (with the archive's verdict)
    /// once the archive has been read, then one PySdistEntry per member, each with its Action. Several archives are
    /// read and staged at once (-ThrottleLimit); -WhatIf/-Confirm, the moves into place, output and errors stay on the
    /// pipeline thread, in input order, so targets are checked and replaced exactly as one archive after another.
    /// </summary>
    [Cmdlet(VerbsData.Expand, "PySdistSafely", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.ExpandPySdistSafely)]
    [OutputType(typeof(PySdistEntry))]
    public sealed class ExpandPySdistSafelyCommand : PySdistArchiveCmdlet, IDisposable
    {
        private const int ProgressId = 4712;
        private const string Activity = "Expand-PySdistSafely";
        private const string ActionTypeName = "PyPackaging.PySdistEntry#Action";

        /// <summary>The directory to extract into. The archive's top-level directory is created inside it (see -StripTopLevel).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? DestinationPath { get; set; }

        /// <summary>Replace an existing target directory (its contents are replaced, never merged).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How links are written: Copy (default), Symlink or Skip.</summary>
        [Parameter]
        [ValidateSet("Copy", "Symlink", "Skip", IgnoreCase = true)]
        public string LinkMode { get; set; } = "Copy";

        /// <summary>Skip unsafe members (reported as Skipped) instead of refusing the archive.</summary>
        [Parameter]
        public SwitchParameter SkipUnsafe { get; set; }

        /// <summary>Put the contents of the archive's top-level directory directly into -DestinationPath.</summary>
        [Parameter]
        public SwitchParameter StripTopLevel { get; set; }

        /// <summary>Most archives read and staged at the same time (default: the processor count). 1 expands them one after another.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

        protected override void ProcessRecord()
        {
            string destination;
            try
            {
                destination = ResolveOutputPath(DestinationPath!);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException || ex is PSNotSupportedException || ex is ArgumentException || ex is NotSupportedException)
            {
                ThrowTerminatingError(Error(new ArgumentException($"The destination '{DestinationPath}' is not a valid file-system path: {ex.Message}", ex), "InvalidDestination", ErrorCategory.InvalidArgument, DestinationPath));
                return;
            }

            foreach (var archive in ResolveFiles(InputPaths, IsLiteral))
            {
                Cancellation.ThrowIfCancellationRequested();
                ExpandOne(archive, destination);
            }
        }

        protected override void EndProcessing() => WriteQueuedArchives();

        /// <summary>Ctrl+C or an early end of the pipeline: stop the workers, wait for them and remove what they staged.</summary>
        public void Dispose() => AbandonQueuedArchives();

        private void ExpandOne(string archive, string destination)
        {
            // Only claim a replacement that will happen: with -StripTopLevel the target is the destination itself and
            // can be looked at now; otherwise it is named by the archive's top-level directory, known only once the
            // archive is read, and the verbose message after placing says whether one was replaced.
            var where = StripTopLevel ? destination : System.IO.Path.Combine(destination, "<top-level directory>");
            var action = Force && StripTopLevel && TargetIsOccupied(destination)
                ? "Expand, replacing the existing directory"
                : "Expand";
            if (!ShouldProcess($"Archive: {archive}, destination: {where}", action))
            {
                return;
            }

            var options = new ExtractionOptions
            {
                Limits = BuildLimits(),
                Force = Force,
                SkipUnsafe = SkipUnsafe,
                StripTopLevel = StripTopLevel,
                LinkMode = (PyPackaging.Extraction.LinkMode)Enum.Parse(typeof(PyPackaging.Extraction.LinkMode), LinkMode, ignoreCase: true),
            };

            if (ThrottleLimit > 1)
            {
                var cancellation = Cancellation;
                QueueArchive(ThrottleLimit, archive, ProgressId, Activity, "Expanding", "ExpansionFailed",
                    progress => new SdistExtractor(options).Stage(archive, destination, cancellation, progress),
                    staged => PlaceAndWrite(archive, staged),
                    staged => staged.ApproximateBytes,
                    staged => staged.Discard());
                return;
            }
            var result = RunForArchive(archive, ProgressId, Activity, "Expanding", "ExpansionFailed",
                progress => new SdistExtractor(options).Extract(archive, destination, Cancellation, progress));
            if (result != null) WriteResult(archive, result);
        }

        /// <summary>A staged archive's turn (pipeline thread, input order): move it into place, then write what happened.</summary>
        private void PlaceAndWrite(string archive, StagedExtraction staged)
        {
            ExtractionResult result;
            try
            {
                result = staged.Place();
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                WriteArchiveFailure(ex, archive, "Expanding", "ExpansionFailed");
                return;
            }
            WriteResult(archive, result);
        }

        private void WriteResult(string archive, ExtractionResult result)
        {
            // The Archive entry first, as Test-PySdist and Build-PySdist write it: it carries the archive's verdict.
            if (result.ArchiveEntry != null) WriteEntry(result.ArchiveEntry);
            foreach (var entry in result.Entries)
            {
                WriteEntry(entry);
            }

            if (result.Succeeded)
            {
                foreach (var target in result.Targets)
                {
                    WriteVerbose(result.ReplacedTargets.Contains(target)
                        ? $"Replaced the existing '{target}' with the contents of {System.IO.Path.GetFileName(archive)}."
                        : $"Created '{target}' from {System.IO.Path.GetFileName(archive)}.");
                }
                return;
            }

            // Every failure is non-terminating, as for any PowerShell command given several inputs: the next archive
            // is expanded. -ErrorAction Stop (or $ErrorActionPreference = 'Stop') turns the first one into a stop.
            var message = result.FailureMessage ?? $"Expanding '{archive}' failed.";
            switch (result.Failure)
            {
                case ExtractionFailure.UnsafeMembers:
                    WriteError(Error(new System.Security.SecurityException(message), "UnsafeMembers", ErrorCategory.SecurityError, archive));
                    break;
                case ExtractionFailure.InvalidArchive:
                    WriteError(Error(new InvalidDataException(message), "InvalidArchive", ErrorCategory.InvalidData, archive));
                    break;
                case ExtractionFailure.LimitsExceeded:
                    WriteError(Error(new InvalidDataException(message), "LimitsExceeded", ErrorCategory.LimitsExceeded, archive));
                    break;
                case ExtractionFailure.TargetExists:
                    WriteError(Error(new IOException(message), "TargetExists", ErrorCategory.ResourceExists, archive));
                    break;
                case ExtractionFailure.TargetIsLink:
                    WriteError(Error(new System.Security.SecurityException(message), "TargetIsLink", ErrorCategory.SecurityError, archive));
                    break;
                default:
                    WriteError(Error(new IOException(message, result.Exception), "WriteFailed", ErrorCategory.WriteError, archive));
                    break;
            }
        }

        /// <summary>Whether -Force would replace something at <paramref name="target"/> (a file, or a non-empty directory).</summary>
        private static bool TargetIsOccupied(string target)
        {
            try
            {
                if (File.Exists(target)) return true;
                if (!Directory.Exists(target)) return false;
                using var entries = Directory.EnumerateFileSystemEntries(target).GetEnumerator();
                return entries.MoveNext();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private void WriteEntry(PySdistEntry entry)
        {
            var wrapped = PSObject.AsPSObject(entry);
            wrapped.TypeNames.Insert(0, ActionTypeName);
            WriteObject(wrapped);
        }
    }
}
