using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace PyPackaging.Core.Tests.Support
{
    /// <summary>Runs external programs (python3, tar, ...) for cross-checks, with UTF-8 Python I/O. Never touches the network.</summary>
    internal static class ExternalTool
    {
        private static readonly Lazy<bool> PythonPresent = new Lazy<bool>(() => Succeeds("python3", "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)"));
        private static readonly Lazy<bool> TarPresent = new Lazy<bool>(() => Succeeds("tar", "--version"));

        public static bool HasPython => PythonPresent.Value;

        public static bool HasTar => TarPresent.Value;

        public static (int ExitCode, string Stdout, string Stderr) Run(string file, params string[] args) => RunIn(null, file, args);

        public static (int ExitCode, string Stdout, string Stderr) RunIn(string? workingDirectory, string file, IEnumerable<string> args)
        {
            var psi = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? string.Empty,
            };
            foreach (var a in args) psi.ArgumentList.Add(a);
            psi.Environment["PYTHONIOENCODING"] = "utf-8";
            psi.Environment["PYTHONUTF8"] = "1";
            using var p = Process.Start(psi)!;
            var stdoutTask = p.StandardOutput.ReadToEndAsync();
            string stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdoutTask.Result, stderr);
        }

        /// <summary>Runs the program and fails the test unless it exits 0; returns its standard output.</summary>
        public static string Check(string file, IEnumerable<string> args, string? workingDirectory = null)
        {
            var (exitCode, stdout, stderr) = RunIn(workingDirectory, file, args);
            Xunit.Assert.True(exitCode == 0, file + " failed: " + stderr);
            return stdout;
        }

        /// <summary>Whether the program exists and exits 0.</summary>
        public static bool Succeeds(string file, params string[] args)
        {
            try
            {
                return Run(file, args).ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
