using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using PyPackaging.Tests.Infrastructure;

namespace PyPackaging.Tests
{
    /// <summary>
    /// Windows PowerShell 5.1 runs the staged lib/netstandard2.0 build of PyPackaging.Core, which this Linux CI cannot
    /// host. As the next best thing, load that build and its dependencies (Tomlyn's netstandard2.0 build among them)
    /// into their own load context here and check it finds exactly what the net8.0 build finds.
    /// </summary>
    public class NetStandardPayloadTests
    {
        private sealed class FolderLoadContext : AssemblyLoadContext
        {
            private readonly string _folder;

            public FolderLoadContext(string folder) : base("netstandard2.0-payload", isCollectible: true) => _folder = folder;

            protected override Assembly? Load(AssemblyName name)
            {
                // As the module's loader does: the output types come from the one copy beside PyPackaging.dll, in the default context.
                if (name.Name == "PyPackaging.Model") return Default.LoadFromAssemblyPath(StagedModel);
                // The framework's own assemblies win (as .NET Framework's would for its in-box ones); the rest come from the folder.
                try
                {
                    return Default.LoadFromAssemblyName(name);
                }
                catch (FileNotFoundException)
                {
                    var candidate = Path.Combine(_folder, name.Name + ".dll");
                    return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
                }
            }
        }

        private static string StagedModel => Path.Combine(ModuleHost.StagedModuleDirectory, "PyPackaging.Model.dll");

        private static List<string> RuleIds(string libFolder, string archive)
        {
            var context = new FolderLoadContext(libFolder);
            try
            {
                var core = context.LoadFromAssemblyPath(Path.Combine(libFolder, "PyPackaging.Core.dll"));
                Assert.Equal(Path.Combine(libFolder, "PyPackaging.Core.dll"), core.Location);
                var inspectorType = core.GetType("PyPackaging.Inspection.SdistInspector", throwOnError: true)!;
                var inspector = Activator.CreateInstance(inspectorType, new object?[] { null, null })!;
                var inspect = inspectorType.GetMethod("Inspect", new[] { typeof(string), typeof(CancellationToken), typeof(Action<>).MakeGenericType(core.GetType("PyPackaging.Archives.ArchiveStatistics", true)!) })!;
                var inspection = inspect.Invoke(inspector, new object?[] { archive, CancellationToken.None, null })!;
                var entries = (IEnumerable)inspection.GetType().GetProperty("Entries")!.GetValue(inspection)!;
                var ids = new List<string>();
                foreach (var entry in entries)
                {
                    // Both Core builds create the default context's PySdistEntry, not a copy of their own.
                    Assert.Equal(StagedModel, entry.GetType().Assembly.Location);
                    Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(entry.GetType().Assembly));
                    foreach (var finding in (IEnumerable)entry.GetType().GetProperty("Findings")!.GetValue(entry)!)
                    {
                        ids.Add((string)finding.GetType().GetProperty("RuleId")!.GetValue(finding)!);
                    }
                }
                return ids;
            }
            finally
            {
                context.Unload();
            }
        }

        [Fact]
        public void Netstandard_build_reports_the_same_findings_as_the_net8_build()
        {
            var lib = Path.Combine(ModuleHost.StagedModuleDirectory, "lib");
            foreach (var example in Directory.GetFiles(Path.Combine(ModuleHost.RepoRoot, "examples", "sdists"), "*.tar.gz"))
            {
                var fromNetStandard = RuleIds(Path.Combine(lib, "netstandard2.0"), example);
                var fromNet8 = RuleIds(Path.Combine(lib, "net8.0"), example);
                Assert.Equal(fromNet8, fromNetStandard);
            }
            Assert.NotEmpty(RuleIds(Path.Combine(lib, "netstandard2.0"), Path.Combine(ModuleHost.RepoRoot, "examples", "sdists", "leaky_pkg-1.0.0.tar.gz")));
        }

        [Fact]
        public void Netstandard_build_parses_toml_with_its_own_Tomlyn()
        {
            using var temp = new TempDir();
            // A pyproject.toml that is not valid TOML is only detectable by parsing it: that exercises Tomlyn's netstandard2.0 build.
            var tar = new PyPackaging.TestKit.TarCrafter(PyPackaging.TestKit.TarFlavor.Pax)
                .AddDirectory("demo-1.0/")
                .AddFile("demo-1.0/PKG-INFO", Sdists.CleanPkgInfo)
                .AddFile("demo-1.0/LICENSE", "MIT\n")
                .AddFile("demo-1.0/pyproject.toml", "[project\nname = \"demo\"\n");
            var archive = tar.Finish().SaveTarGz(temp.Path, "demo-1.0.tar.gz");
            var lib = Path.Combine(ModuleHost.StagedModuleDirectory, "lib");
            var fromNetStandard = RuleIds(Path.Combine(lib, "netstandard2.0"), archive);
            Assert.Equal(RuleIds(Path.Combine(lib, "net8.0"), archive), fromNetStandard);
            Assert.Contains(fromNetStandard, id => id.Contains("Toml", StringComparison.OrdinalIgnoreCase));
        }
    }
}
