using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using PyPackaging.Building.Vcs;

namespace PyPackaging.Building.CleanRoom
{
    /// <summary>How a Python or uv child process ended, with the last lines it printed.</summary>
    public sealed class ChildResult
    {
        internal ChildResult(int exitCode, string output, IReadOnlyList<string> tail)
        {
            ExitCode = exitCode;
            Output = output;
            Tail = tail;
        }

        public int ExitCode { get; }

        /// <summary>Standard output, when the caller asked to keep it whole (the probe); else empty.</summary>
        public string Output { get; }

        /// <summary>The last lines of standard error and output, in the order they arrived.</summary>
        public IReadOnlyList<string> Tail { get; }

        public bool Succeeded => ExitCode == 0;
    }

    /// <summary>
    /// Starts the interpreter or uv for Project mode: no window, no input, both streams read as they come (only the
    /// last <see cref="TailLines"/> lines kept, so a chatty backend cannot fill memory), and on cancellation (Ctrl+C)
    /// the child and its children are killed before this returns. No time limit: a backend may compile for long.
    /// </summary>
    internal static class ChildProcess
    {
        public const int TailLines = 25;

        /// <summary>Runs the program; null when it cannot be started (not installed, not executable).</summary>
        public static ChildResult? TryRun(string program, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?> environment,
            CancellationToken cancellationToken, bool keepOutput = false)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                Arguments = GitProcess.JoinArguments(Array.Empty<string>(), arguments.ToArray()),
            };
            foreach (var kv in environment)
            {
                if (kv.Value == null) start.Environment.Remove(kv.Key);
                else start.Environment[kv.Key] = kv.Value;
            }

            var tail = new Queue<string>();
            var output = new System.Text.StringBuilder();
            void Keep(string? line, bool isOutput)
            {
                if (line == null) return;
                lock (tail)
                {
                    if (keepOutput && isOutput) output.Append(line).Append('\n');
                    tail.Enqueue(line);
                    while (tail.Count > TailLines) tail.Dequeue();
                }
            }

            Process process;
            try
            {
                process = new Process { StartInfo = start };
                process.OutputDataReceived += (_, e) => Keep(e.Data, true);
                process.ErrorDataReceived += (_, e) => Keep(e.Data, false);
                if (!process.Start()) return null;
            }
            catch (Exception e) when (e is Win32Exception || e is FileNotFoundException || e is UnauthorizedAccessException)
            {
                return null;
            }

            using (process)
            {
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                process.StandardInput.Close();
                while (!process.WaitForExit(100))
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        Kill(process);
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
                process.WaitForExit(); // the end of the redirected streams
                lock (tail)
                {
                    return new ChildResult(process.ExitCode, output.ToString(), tail.ToList());
                }
            }
        }

        private static void Kill(Process process)
        {
            try
            {
#if NET8_0_OR_GREATER
                process.Kill(entireProcessTree: true);
#else
                process.Kill();
#endif
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            catch (Win32Exception)
            {
            }
        }
    }
}
