using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using PyPackaging.CommandSupport;

namespace PyPackaging.Commands
{
    /// <summary>
    /// Export-PySdistReport: writes the PySdistEntry objects on the pipeline (from Test-PySdist, Expand-PySdistSafely or
    /// Build-PySdist) to one report file: SARIF 2.1.0, JUnit XML, Markdown (the job summary) or JSON. The file is
    /// written whole or not at all when the input ends; existing files are replaced unless -NoClobber.
    /// </summary>
    [Cmdlet(VerbsData.Export, "PySdistReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.ExportPySdistReport)]
    [OutputType("PyPackaging.PySdistEntry")]
    public sealed class ExportPySdistReportCommand : PySdistCmdlet
    {
        // PySdistEntry objects, kept as object: cmdlet classes hold no Core types (see GateSession).
        private readonly List<object> _entries = new List<object>();

        /// <summary>The entries to report, from the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        /// <summary>Sarif, JUnit, Markdown or Json.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet("Sarif", "JUnit", "Markdown", "Json", IgnoreCase = true)]
        public string? Format { get; set; }

        /// <summary>The report file, relative to the current location; used literally (no wildcards).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [Alias("LiteralPath", "OutFile")]
        public string? Path { get; set; }

        /// <summary>The lowest severity that counts as a failure in JUnit and Markdown verdicts: Error (default) or Warning.</summary>
        [Parameter]
        [ValidateSet("Error", "Warning", IgnoreCase = true)]
        public string FailOn { get; set; } = "Error";

        /// <summary>Do not replace an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Also write the entries to the pipeline, so further reports or Assert-style checks can follow.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var value = InputObject?.BaseObject;
            if (value == null) return;
            if (!ReportEntries.IsEntry(value))
            {
                WriteError(Error(new ArgumentException($"Export-PySdistReport takes the PySdistEntry objects that Test-PySdist writes; got {value.GetType().FullName}. Pipe Test-PySdist output into it."),
                    "InputNotEntry", ErrorCategory.InvalidArgument, value));
                return;
            }
            _entries.Add(value);
            if (PassThru) WriteObject(InputObject);
        }

        protected override void EndProcessing()
        {
            string target;
            try
            {
                target = ResolveOutputPath(Path!);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException || ex is PSNotSupportedException || ex is ArgumentException || ex is NotSupportedException)
            {
                ThrowTerminatingError(Error(new ArgumentException($"The report path '{Path}' is not a valid file-system path: {ex.Message}", ex), "InvalidReportPath", ErrorCategory.InvalidArgument, Path));
                return;
            }
            if (Directory.Exists(target))
            {
                ThrowTerminatingError(Error(new ArgumentException($"'{target}' is a directory. Give the report file's path, for example pypackaging.sarif."), "ReportPathIsDirectory", ErrorCategory.InvalidArgument, target));
                return;
            }
            if (NoClobber && File.Exists(target))
            {
                ThrowTerminatingError(Error(new IOException($"'{target}' already exists and -NoClobber was given. Remove it or leave out -NoClobber to replace it."), "ReportExists", ErrorCategory.ResourceExists, target));
                return;
            }
            if (!ShouldProcess(target, $"Write {Format} report of {_entries.Count} entries")) return;

            string? baseDirectory = null;
            try { baseDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath; }
            catch (PSInvalidOperationException) { }

            try
            {
                ReportEntries.Write(_entries, target, Format!, FailOn, baseDirectory);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(Error(new IOException($"Cannot write '{target}': {ex.Message}", ex), "ReportNotWritten", ErrorCategory.WriteError, target));
            }
        }
    }
}
