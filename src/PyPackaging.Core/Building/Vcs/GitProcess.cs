using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PyPackaging.Building.Vcs
{
    /// <summary>What one git command printed and how it ended.</summary>
    public sealed class GitResult
    {
        internal GitResult(int exitCode, byte[] output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        public int ExitCode { get; }

        /// <summary>Raw standard output (git's -z lists are NUL-separated UTF-8 paths, so no text decoding here).</summary>
        public byte[] Output { get; }

        public string Error { get; }

        public bool Succeeded => ExitCode == 0;

        /// <summary>Standard output as UTF-8 text without the trailing newline.</summary>
        public string Text => Encoding.UTF8.GetString(Output).TrimEnd('\n', '\r');

        /// <summary>Standard output split at NUL bytes (the -z format), empty items dropped.</summary>
        public IReadOnlyList<string> NulSeparated()
        {
            var items = new List<string>();
            int start = 0;
            for (int i = 0; i <= Output.Length; i++)
            {
                if (i == Output.Length || Output[i] == 0)
                {
                    if (i > start) items.Add(Encoding.UTF8.GetString(Output, start, i - start));
                    start = i + 1;
                }
            }
            return items;
        }
    }

    /// <summary>
    /// Runs git as a child process: the one place the module starts git. Never prompts (GIT_TERMINAL_PROMPT=0), never
    /// takes optional locks (GIT_OPTIONAL_LOCKS=0, so a read-only query does not rewrite the index), prints paths
    /// unquoted, and is killed after <see cref="Timeout"/>. Only local commands are run: nothing here reaches a remote.
    /// </summary>
    public static class GitProcess
    {
        /// <summary>How long one git command may run; local queries take milliseconds, so this only stops a hang.</summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        /// <summary>
        /// The executable: <see cref="ExecutableOverride"/> (unit tests, per async flow), else PYPACKAGING_GIT (a whole
        /// process, e.g. a Pester test's child pwsh), else <c>git</c> from PATH.
        /// </summary>
        public static string Executable =>
            ExecutableOverride.Value is { Length: > 0 } local ? local
            : Environment.GetEnvironmentVariable("PYPACKAGING_GIT") is { Length: > 0 } overridden ? overridden
            : "git";

        /// <summary>Lets a test point one flow of work at another git (or a missing one) without touching the process environment.</summary>
        internal static readonly AsyncLocal<string?> ExecutableOverride = new AsyncLocal<string?>();

        /// <summary>
        /// Runs <c>git -c core.quotepath=off {arguments}</c> in <paramref name="workingDirectory"/>. Returns null when git
        /// cannot be started (not installed); throws <see cref="TimeoutException"/> when it does not finish in time.
        /// </summary>
        public static GitResult? TryRun(string workingDirectory, CancellationToken cancellationToken, params string[] arguments) =>
            TryRun(workingDirectory, cancellationToken, null, isolated: false, arguments);

        /// <summary>
        /// As <see cref="TryRun(string, CancellationToken, string[])"/>, with <paramref name="input"/> written to git's
        /// standard input (for <c>--stdin</c> lists), and, when <paramref name="isolated"/>, without the caller's
        /// GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE and object-directory variables, so a command meant for another
        /// repository (the clean room's clone) can never reach the user's (as it could when run from a git hook).
        /// </summary>
        public static GitResult? TryRun(string workingDirectory, CancellationToken cancellationToken, byte[]? input, bool isolated, params string[] arguments)
        {
            var start = new ProcessStartInfo(Executable)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            start.Arguments = JoinArguments(new[] { "-c", "core.quotepath=off" }, arguments);
            start.Environment["GIT_TERMINAL_PROMPT"] = "0";
            start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
            start.Environment["LC_ALL"] = "C";
            if (isolated)
            {
                foreach (string variable in RepositoryVariables) start.Environment.Remove(variable);
            }

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new Win32Exception("git did not start");
            }
            catch (Exception e) when (e is Win32Exception || e is FileNotFoundException)
            {
                return null;
            }

            using (process)
            {
                var output = new MemoryStream();
                Task copyOutput = process.StandardOutput.BaseStream.CopyToAsync(output);
                Task<string> readError = process.StandardError.ReadToEndAsync();
                if (input != null)
                {
                    // Read concurrently (above), so a git that answers while reading its --stdin list cannot block.
                    process.StandardInput.BaseStream.Write(input, 0, input.Length);
                }
                process.StandardInput.Close();
                bool exited = WaitForExit(process, cancellationToken);
                if (!exited)
                {
                    try { process.Kill(); } catch (InvalidOperationException) { }
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new TimeoutException("git " + string.Join(" ", arguments) + " did not finish within " + Timeout.TotalSeconds + " s in " + workingDirectory + ".");
                }
                Task.WaitAll(copyOutput, readError);
                return new GitResult(process.ExitCode, output.ToArray(), readError.Result.Trim());
            }
        }

        private static bool WaitForExit(Process process, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + Timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (process.WaitForExit(100))
                {
                    process.WaitForExit(); // drains the redirected streams' end-of-file
                    return true;
                }
                if (cancellationToken.IsCancellationRequested) return false;
            }
            return false;
        }

        /// <summary>Variables that point git at a particular repository, index or object store.</summary>
        private static readonly string[] RepositoryVariables =
        {
            "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
            "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX",
        };

        // ProcessStartInfo.ArgumentList is missing from netstandard2.0, so arguments are quoted the way the .NET runtime
        // splits them back (MSVC rules: backslashes before a quote doubled, quotes escaped).
        internal static string JoinArguments(string[] first, string[] rest)
        {
            var text = new StringBuilder();
            foreach (var argument in Concat(first, rest))
            {
                if (text.Length > 0) text.Append(' ');
                AppendQuoted(text, argument);
            }
            return text.ToString();
        }

        private static IEnumerable<string> Concat(string[] a, string[] b)
        {
            foreach (var s in a) yield return s;
            foreach (var s in b) yield return s;
        }

        private static void AppendQuoted(StringBuilder text, string argument)
        {
            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '\n', '"', '\\' }) < 0)
            {
                text.Append(argument);
                return;
            }
            text.Append('"');
            int backslashes = 0;
            foreach (char c in argument)
            {
                if (c == '\\') { backslashes++; continue; }
                if (c == '"') text.Append('\\', backslashes * 2 + 1);
                else text.Append('\\', backslashes);
                backslashes = 0;
                text.Append(c);
            }
            text.Append('\\', backslashes * 2);
            text.Append('"');
        }
    }
}
