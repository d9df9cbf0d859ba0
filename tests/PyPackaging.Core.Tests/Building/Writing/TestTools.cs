using System;
using System.Diagnostics;
using System.IO;

namespace PyPackaging.Core.Tests.Building
{
    /// <summary>A temporary directory that is deleted on dispose.</summary>
    internal sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pypkg-build-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string relative, string content)
        {
            string full = System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            System.IO.File.WriteAllText(full, content);
            return full;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Runs external programs (python3, tar) for cross-checks; tests return early when they are missing.</summary>
    internal static class ExternalTool
    {
        private static readonly Lazy<bool> PythonPresent = new Lazy<bool>(() => Probe("python3", "-c \"import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)\""));
        private static readonly Lazy<bool> TarPresent = new Lazy<bool>(() => Probe("tar", "--version"));

        public static bool HasPython => PythonPresent.Value;

        public static bool HasTar => TarPresent.Value;

        public static (int ExitCode, string Stdout, string Stderr) Run(string file, params string[] args)
        {
            var psi = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
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

        private static bool Probe(string file, string args)
        {
            try
            {
                var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                using var p = Process.Start(psi);
                if (p == null) return false;
                p.StandardOutput.ReadToEnd();
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                return p.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
