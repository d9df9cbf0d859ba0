using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using PyPackaging.Loading;

namespace PyPackaging.Commands
{
    /// <summary>
    /// Shared plumbing for the PyPackaging cmdlets: dependency loading, -Path/-LiteralPath resolution, throttled
    /// progress, cancellation and ErrorRecords with stable ids. Keeps no PyPackaging.Core types in fields or
    /// signatures (see ModuleInitializer).
    /// </summary>
    public abstract class PySdistCmdlet : PSCmdlet
    {
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly Stopwatch _progressClock = Stopwatch.StartNew();
        private TimeSpan _lastProgress = TimeSpan.MinValue;

        static PySdistCmdlet()
        {
            // Also covers hosts that add the cmdlets without importing the module (SessionStateCmdletEntry).
            DependencyResolver.Register();
        }

        protected CancellationToken Cancellation => _cancellation.Token;

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Cancels the work this cmdlet started (Ctrl+C does it through StopProcessing; disposal after an early pipeline stop too).</summary>
        protected void CancelWork()
        {
            try { _cancellation.Cancel(); }
            catch (ObjectDisposedException) { }
        }

        /// <summary>
        /// Resolves -Path (wildcards) or -LiteralPath values to existing file-system files. Anything else is written
        /// as a non-terminating error with a stable id, and resolution goes on with the next value.
        /// </summary>
        protected IEnumerable<string> ResolveFiles(string[]? paths, bool literal)
        {
            foreach (var input in paths ?? Array.Empty<string>())
            {
                if (string.IsNullOrEmpty(input))
                {
                    ReportInputError(Error(new ArgumentException("An empty path was given."), "EmptyPath", ErrorCategory.InvalidArgument, input));
                    continue;
                }

                List<string> resolved;
                try
                {
                    resolved = Resolve(input, literal);
                }
                catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException)
                {
                    ReportInputError(Error(new FileNotFoundException($"Cannot find the path '{input}' because it does not exist.", ex), "PathNotFound", ErrorCategory.ObjectNotFound, input));
                    continue;
                }
                catch (Exception ex) when (ex is PSNotSupportedException || ex is PSInvalidOperationException || ex is ProviderInvocationException || ex is ArgumentException || ex is NotSupportedException)
                {
                    ReportInputError(Error(new ArgumentException($"The path '{input}' is not valid: {ex.Message}", ex), "InvalidPath", ErrorCategory.InvalidArgument, input));
                    continue;
                }

                foreach (var path in resolved)
                {
                    if (Directory.Exists(path))
                    {
                        ReportInputError(Error(new ArgumentException($"'{path}' is a directory, not an sdist file. Pass the archive itself, for example dist/*.tar.gz."), "PathIsDirectory", ErrorCategory.InvalidArgument, path));
                        continue;
                    }
                    if (!File.Exists(path))
                    {
                        ReportInputError(Error(new FileNotFoundException($"Cannot find the file '{path}' because it does not exist."), "PathNotFound", ErrorCategory.ObjectNotFound, path));
                        continue;
                    }
                    yield return path;
                }
            }
        }

        private List<string> Resolve(string input, bool literal)
        {
            var result = new List<string>();
            ProviderInfo provider;
            if (literal)
            {
                var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(input, out provider, out _);
                EnsureFileSystem(provider, input);
                result.Add(path);
                return result;
            }

            var matches = GetResolvedProviderPathFromPSPath(input, out provider);
            EnsureFileSystem(provider, input);
            if (matches.Count == 0)
            {
                // A wildcard that matches nothing is an error here: a CI gate must not pass silently on "no sdist".
                throw new ItemNotFoundException($"No file matches '{input}'.");
            }
            result.AddRange(matches);
            return result;
        }

        private static void EnsureFileSystem(ProviderInfo provider, string input)
        {
            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                throw new PSNotSupportedException($"'{input}' is a {provider.Name} path; only file-system paths are supported.");
            }
        }

        /// <summary>
        /// Resolves a project directory given as a PowerShell path (wildcards allowed, one match): a terminating error
        /// with a stable id (PathNotFound, InvalidPath, AmbiguousPath, PathIsNotDirectory) when it is not one directory.
        /// </summary>
        protected string ResolveProjectDirectory(string input)
        {
            List<string> matches;
            try
            {
                matches = GetResolvedProviderPathFromPSPath(input, out ProviderInfo provider).ToList();
                if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
                {
                    throw new PSNotSupportedException("'" + input + "' is a " + provider.Name + " path; only file-system paths are supported.");
                }
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException)
            {
                ThrowTerminatingError(Error(new DirectoryNotFoundException("Cannot find the project directory '" + input + "' because it does not exist.", ex), "PathNotFound", ErrorCategory.ObjectNotFound, input));
                throw;
            }
            catch (Exception ex) when (ex is PSNotSupportedException || ex is PSInvalidOperationException || ex is ProviderInvocationException || ex is ArgumentException)
            {
                ThrowTerminatingError(Error(new ArgumentException("The path '" + input + "' is not valid: " + ex.Message, ex), "InvalidPath", ErrorCategory.InvalidArgument, input));
                throw;
            }
            if (matches.Count != 1)
            {
                ThrowTerminatingError(Error(new ArgumentException("'" + input + "' matches " + matches.Count + " paths; give one project directory."), "AmbiguousPath", ErrorCategory.InvalidArgument, input));
            }
            string dir = matches[0];
            if (!Directory.Exists(dir))
            {
                ThrowTerminatingError(Error(new ArgumentException("'" + dir + "' is not a directory. Pass the project directory (the one holding pyproject.toml)."), "PathIsNotDirectory", ErrorCategory.InvalidArgument, dir));
            }
            return dir;
        }

        /// <summary>Resolves a destination-like path relative to the runspace location (never the process directory).</summary>
        protected string ResolveOutputPath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

        /// <summary>
        /// Where an input that cannot be read goes: a non-terminating error by default. Assert-PySdist collects them
        /// instead, so it can annotate them and fail once at the end, even under $ErrorActionPreference = 'Stop'.
        /// </summary>
        protected virtual void ReportInputError(ErrorRecord error) => WriteError(error);

        protected ErrorRecord Error(Exception exception, string errorId, ErrorCategory category, object? target) =>
            new ErrorRecord(exception, errorId, category, target);

        /// <summary>How many non-terminating errors this invocation has written (Test-PySdist -Quiet answers $false after any).</summary>
        protected int ErrorsWritten { get; private set; }

        /// <summary>Writes a non-terminating error and counts it. Every cmdlet of the module writes its errors through here.</summary>
        protected new void WriteError(ErrorRecord errorRecord)
        {
            ErrorsWritten++;
            base.WriteError(errorRecord);
        }

        /// <summary>Writes a progress record at most every 200 ms (fast archives should not pay for rendering).</summary>
        protected void ReportProgress(int activityId, string activity, string status, int percent, bool force = false)
        {
            if (!force && !ProgressDue) return;
            _lastProgress = _progressClock.Elapsed;
            WriteProgress(new ProgressRecord(activityId, activity, status) { PercentComplete = Math.Max(0, Math.Min(100, percent)) });
        }

        /// <summary>Whether a throttled progress record would be written now; callers on hot paths check it before formatting the status.</summary>
        protected bool ProgressDue => _lastProgress == TimeSpan.MinValue || _progressClock.Elapsed - _lastProgress >= ProgressInterval;

        protected void CompleteProgress(int activityId, string activity)
        {
            WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            _lastProgress = TimeSpan.MinValue;
        }
    }
}
