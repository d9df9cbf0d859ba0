using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PyPackaging.Tests.Infrastructure
{
    /// <summary>
    /// Hosts the PowerShell engine in-process and imports the staged module (out/PyPackaging/&lt;version&gt;/PyPackaging.psd1)
    /// so packaging and dependency loading are exercised exactly as a user's Import-Module would.
    /// </summary>
    public static class ModuleHost
    {
        private static string Metadata(string key) =>
            typeof(ModuleHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        public static string RepoRoot => Path.GetFullPath(Metadata("RepoRoot"));

        public static string ModuleVersion => Metadata("ModuleVersion");

        public static string StagedModuleDirectory => Path.Combine(RepoRoot, "out", "PyPackaging", ModuleVersion);

        public static string StagedManifest
        {
            get
            {
                var psd1 = Path.Combine(StagedModuleDirectory, "PyPackaging.psd1");
                if (!File.Exists(psd1))
                {
                    throw new InvalidOperationException($"The staged module is missing at {psd1}. Build the solution first: dotnet build PyPackaging.sln (or run the README's test command, which builds it).");
                }
                return psd1;
            }
        }

        /// <summary>A fresh runspace with the staged module imported, the location set to <paramref name="location"/>.</summary>
        public static PowerShell Create(string? location = null)
        {
            var iss = InitialSessionState.CreateDefault2();
            // Never set ExecutionPolicy on Linux/macOS: the engine throws PlatformNotSupportedException there.
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                iss.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            }
            iss.ImportPSModule(new[] { StagedManifest });
            var ps = PowerShell.Create(iss);
            if (location != null)
            {
                ps.Runspace.SessionStateProxy.Path.SetLocation(WildcardPattern.Escape(location));
            }
            return ps;
        }

        /// <summary>Runs a script in a fresh runspace and returns its output; errors stay in ps.Streams.Error.</summary>
        public static (List<PSObject> Output, PowerShell Shell) Run(string script, string? location = null, IDictionary<string, object?>? variables = null)
        {
            var ps = Create(location);
            if (variables != null)
            {
                foreach (var pair in variables)
                {
                    ps.Runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
                }
            }
            ps.AddScript(script);
            var output = ps.Invoke().ToList();
            return (output, ps);
        }

        public static T Prop<T>(this PSObject obj, string name)
        {
            var value = obj.Properties[name]?.Value;
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            return LanguagePrimitives.ConvertTo<T>(value);
        }
    }

    /// <summary>A temporary directory deleted at dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pypackaging-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
