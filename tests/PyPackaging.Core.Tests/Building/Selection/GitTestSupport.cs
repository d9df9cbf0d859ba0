using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace PyPackaging.Core.Tests.Building.Selection
{
    /// <summary>A [Fact] that is skipped (not failed) when git is not installed.</summary>
    public sealed class GitFactAttribute : FactAttribute
    {
        public GitFactAttribute()
        {
            if (!Git.IsAvailable)
            {
                Skip = "git is not installed";
            }
            else if (OperatingSystem.IsWindows())
            {
                Skip = "file names of the scenarios are not valid on Windows";
            }
        }
    }

    /// <summary>A [Theory] that is skipped (not failed) when git is not installed.</summary>
    public sealed class GitTheoryAttribute : TheoryAttribute
    {
        public GitTheoryAttribute()
        {
            if (!Git.IsAvailable)
            {
                Skip = "git is not installed";
            }
            else if (OperatingSystem.IsWindows())
            {
                Skip = "file names of the scenarios are not valid on Windows";
            }
        }
    }

    /// <summary>Runs git isolated from the user's and the system's configuration.</summary>
    public static class Git
    {
        private static readonly Lazy<bool> Available = new Lazy<bool>(() =>
        {
            try
            {
                return Run(Path.GetTempPath(), "--version").ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        });

        public static bool IsAvailable => Available.Value;

        public static (int ExitCode, string Output, string Error) Run(string workingDirectory, params string[] args)
        {
            var psi = new ProcessStartInfo("git")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = new UTF8Encoding(false),
            };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("core.quotePath=false");
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("core.ignoreCase=false"); // git init turns it on for macOS file systems

            foreach (string a in args)
            {
                psi.ArgumentList.Add(a);
            }

            // No global/system config and no default global excludes file.
            psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
            psi.Environment["GIT_CONFIG_GLOBAL"] = Path.Combine(workingDirectory, ".no-such-gitconfig");
            psi.Environment["XDG_CONFIG_HOME"] = Path.Combine(workingDirectory, ".no-such-xdg");
            psi.Environment["HOME"] = workingDirectory;
            using Process p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output, err.Result);
        }

        public static void Init(string directory)
        {
            var r = Run(directory, "init", "-q");
            if (r.ExitCode != 0)
            {
                throw new InvalidOperationException("git init failed: " + r.Error);
            }
        }

        /// <summary>Untracked files git ignores (every file, also inside ignored directories).</summary>
        public static HashSet<string> IgnoredFiles(string directory)
        {
            return Split(Run(directory, "ls-files", "-z", "--others", "--ignored", "--exclude-standard"));
        }

        /// <summary>Untracked files git does not ignore.</summary>
        public static HashSet<string> UntrackedFiles(string directory)
        {
            return Split(Run(directory, "ls-files", "-z", "--others", "--exclude-standard"));
        }

        private static HashSet<string> Split((int ExitCode, string Output, string Error) r)
        {
            if (r.ExitCode != 0)
            {
                throw new InvalidOperationException("git failed: " + r.Error);
            }

            return new HashSet<string>(r.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        }
    }
}
