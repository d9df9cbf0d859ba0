using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using PyPackaging.Tests.Infrastructure;

namespace PyPackaging.Tests
{
    /// <summary>The staged module's layout, manifest and dependency loading.</summary>
    public class ModuleLoadingTests
    {
        [Fact]
        public void Staged_module_exports_exactly_the_manifest_cmdlets()
        {
            var (output, ps) = ModuleHost.Run("Get-Command -Module PyPackaging | ForEach-Object Name");
            Assert.Empty(ps.Streams.Error);
            var names = output.Select(o => o.BaseObject.ToString()).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "Assert-PySdist", "Build-PySdist", "Compare-PySdist", "Expand-PySdistSafely", "Export-PySdistReport", "Get-PySdistRule", "Test-PySdist" }, names);
        }

        [Fact]
        public void Module_and_core_load_from_the_staged_folder_not_the_test_bin()
        {
            var (output, ps) = ModuleHost.Run(
                "$m = Get-Module PyPackaging; $m.ModuleBase; $m.ImplementingAssembly.Location; " +
                "$null = Get-PySdistRule; " +
                "$core = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PyPackaging.Core' -and [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name -ne 'netstandard2.0-payload' }); " +
                "[System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core[0]).Name; $core[0].Location; $core.Count");
            Assert.Empty(ps.Streams.Error);
            var staged = ModuleHost.StagedModuleDirectory.TrimEnd(Path.DirectorySeparatorChar);
            Assert.Equal(staged, output[0].ToString().TrimEnd(Path.DirectorySeparatorChar));
            Assert.Equal(Path.Combine(staged, "PyPackaging.dll"), output[1].ToString());
            // Core (and through it Tomlyn/SharpZipLib) lives in the module's private load context, from the ReadyToRun
            // images for this runtime and platform where the module ships them, else from lib/net8.0.
            Assert.Equal("PyPackaging", output[2].ToString());
            Assert.Equal(Path.Combine(CoreDirectoryForThisProcess, "PyPackaging.Core.dll"), output[3].ToString());
            Assert.Equal(1, (int)output[4].BaseObject); // (NetStandardPayloadTests may load another copy, in its own named context)
        }

        /// <summary>
        /// The output types live in PyPackaging.Model.dll beside the module dll, loaded once into the default context;
        /// Core (in the private context) binds to that copy, so what it creates is what [PyPackaging.PySdistEntry] names.
        /// </summary>
        [Fact]
        public void Output_types_come_from_the_one_model_copy_in_the_default_context_and_core_creates_them()
        {
            var (output, ps) = ModuleHost.Run(
                "$entry = @(Test-PySdist -LiteralPath $p)[0]; " +
                "$t = [PyPackaging.PySdistEntry]; " +
                "[System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($t.Assembly).Name; $t.Assembly.Location; " +
                "$entry.GetType() -eq $t; $entry -is [PyPackaging.PySdistEntry]; " +
                "@([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PyPackaging.Model' }).Count; " +
                "$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PyPackaging.Core' -and [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name -eq 'PyPackaging' }; " +
                "$core.GetType('PyPackaging.Rules.RuleCatalog', $true).GetProperty('All').PropertyType.GenericTypeArguments[0] -eq [PyPackaging.PySdistRule]",
                variables: new System.Collections.Generic.Dictionary<string, object?> { ["p"] = Path.Combine(ModuleHost.RepoRoot, "examples", "sdists", "demo_pkg-1.0.0.tar.gz") });
            Assert.Empty(ps.Streams.Error);
            Assert.Equal("Default", output[0].ToString());
            Assert.Equal(Path.Combine(ModuleHost.StagedModuleDirectory, "PyPackaging.Model.dll"), output[1].ToString());
            Assert.True((bool)output[2].BaseObject, "Core's entries are not of the default-context PySdistEntry type");
            Assert.True((bool)output[3].BaseObject);
            Assert.Equal(1, (int)output[4].BaseObject);
            Assert.True((bool)output[5].BaseObject, "Core's rule catalogue is typed against another PySdistRule");

            // Only the model is shared: Core's dependencies stay in the private context, loaded from Core's folder.
            var (deps, ps2) = ModuleHost.Run(
                "$null = Test-PySdist -LiteralPath $p; " +
                // NetStandardPayloadTests may leave its own (collectible) context with these loaded in the same test process.
                "[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'Tomlyn', 'ICSharpCode.SharpZipLib' -and $_.Location.StartsWith($m) -and [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name -ne 'netstandard2.0-payload' } | " +
                "ForEach-Object { $_.GetName().Name + '|' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }",
                variables: new System.Collections.Generic.Dictionary<string, object?>
                {
                    ["p"] = Path.Combine(ModuleHost.RepoRoot, "examples", "sdists", "demo_pkg-1.0.0.tar.gz"),
                    ["m"] = CoreDirectoryForThisProcess,
                });
            Assert.Empty(ps2.Streams.Error);
            Assert.Contains("Tomlyn|PyPackaging", deps.Select(d => d.ToString()));
            Assert.All(deps, d => Assert.EndsWith("|PyPackaging", d.ToString()));
        }

        /// <summary>
        /// Where this test process (.NET 10 on linux-x64, win-x64 or osx-arm64: the platforms images are shipped for)
        /// must find Core: the precompiled images. Elsewhere, the plain IL.
        /// </summary>
        private static string CoreDirectoryForThisProcess
        {
            get
            {
                var lib = Path.Combine(ModuleHost.StagedModuleDirectory, "lib");
                var arch = RuntimeInformation.ProcessArchitecture;
                string? rid =
                    OperatingSystem.IsLinux() && arch == Architecture.X64 && !File.Exists("/lib/ld-musl-x86_64.so.1") ? "linux-x64" :
                    OperatingSystem.IsWindows() && arch == Architecture.X64 ? "win-x64" :
                    OperatingSystem.IsMacOS() && arch == Architecture.Arm64 ? "osx-arm64" : null;
                return Environment.Version.Major == 10 && rid != null ? Path.Combine(lib, "net10.0", rid) : Path.Combine(lib, "net8.0");
            }
        }

        /// <summary>
        /// lib/net10.0/&lt;rid&gt;/ holds, for each platform, exactly lib/net8.0's three assemblies as ReadyToRun images
        /// for that platform: Core is the very build lib/net8.0 ships (same MVID, so the images can never be stale),
        /// and Tomlyn and SharpZipLib are the same package versions.
        /// </summary>
        [Fact]
        public void Readytorun_images_are_lib_net8_precompiled_for_each_platform()
        {
            var lib = Path.Combine(ModuleHost.StagedModuleDirectory, "lib");
            var portable = Directory.GetFiles(Path.Combine(lib, "net8.0"), "*.dll").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            // A ReadyToRun image's COFF machine is the architecture's, XOR-ed with a per-OS value (none for Windows).
            var platforms = new (string Rid, Machine Machine)[]
            {
                ("linux-x64", (Machine)((int)Machine.Amd64 ^ 0x7B79)),
                ("win-x64", Machine.Amd64),
                ("osx-arm64", (Machine)((int)Machine.Arm64 ^ 0x4644)),
            };
            Assert.Equal(platforms.Select(p => p.Rid).OrderBy(r => r, StringComparer.Ordinal),
                Directory.GetDirectories(Path.Combine(lib, "net10.0")).Select(Path.GetFileName).OrderBy(r => r, StringComparer.Ordinal));
            foreach (var (rid, machine) in platforms)
            {
                var dir = Path.Combine(lib, "net10.0", rid);
                Assert.Equal(portable, Directory.GetFiles(dir, "*.dll").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray());
                foreach (var name in portable)
                {
                    var (imageMachine, isReadyToRun, imageId, imageVersion) = Describe(Path.Combine(dir, name!));
                    var (_, _, portableId, portableVersion) = Describe(Path.Combine(lib, "net8.0", name!));
                    Assert.True(isReadyToRun, $"{rid}/{name} has no ReadyToRun code");
                    Assert.Equal(machine, imageMachine);
                    Assert.Equal(portableVersion, imageVersion);
                    if (name == "PyPackaging.Core.dll") Assert.Equal(portableId, imageId);
                }
            }
        }

        private static (Machine Machine, bool IsReadyToRun, Guid Mvid, Version Version) Describe(string dll)
        {
            using var pe = new PEReader(File.OpenRead(dll));
            var md = pe.GetMetadataReader();
            var readyToRun = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
            return (pe.PEHeaders.CoffHeader.Machine, readyToRun, md.GetGuid(md.GetModuleDefinition().Mvid), md.GetAssemblyDefinition().Version);
        }

        [Fact]
        public void Staged_folder_has_no_System_Management_Automation_one_model_and_both_core_builds()
        {
            var dir = ModuleHost.StagedModuleDirectory;
            Assert.Empty(Directory.GetFiles(dir, "System.Management.Automation.dll", SearchOption.AllDirectories));
            // The model is staged once, beside the module dll: a second copy under lib/ could be bound into the private context.
            Assert.Single(Directory.GetFiles(dir, "PyPackaging.Model.dll", SearchOption.AllDirectories));
            foreach (var required in new[] { "PyPackaging.psd1", "PyPackaging.dll", "PyPackaging.Model.dll", "PyPackaging.Format.ps1xml", "LICENSE", "ThirdPartyNotices.txt",
                "lib/net8.0/PyPackaging.Core.dll", "lib/net8.0/Tomlyn.dll", "lib/net8.0/ICSharpCode.SharpZipLib.dll",
                "lib/netstandard2.0/PyPackaging.Core.dll", "lib/netstandard2.0/Tomlyn.dll", "lib/netstandard2.0/System.Text.Json.dll" })
            {
                Assert.True(File.Exists(Path.Combine(dir, required)), $"staged module lacks {required}");
            }
        }

        /// <summary>
        /// PowerShell 7.4 runs on .NET 8. Every assembly in lib/net8.0 must therefore bind against .NET 8's framework
        /// (reference versions ≤ 8.0.0.0) or a dll shipped beside it; a dependency that needs a newer framework
        /// assembly (as Tomlyn's netstandard2.0 build needs System.Text.Json 10) would fail to load there.
        /// </summary>
        [Fact]
        public void Net8_payload_needs_nothing_newer_than_the_dotnet8_framework()
        {
            var lib = Path.Combine(ModuleHost.StagedModuleDirectory, "lib", "net8.0");
            var root = new[] { "PyPackaging.dll", "PyPackaging.Model.dll" }.Select(n => Path.Combine(ModuleHost.StagedModuleDirectory, n)).ToArray();
            var shipped = Directory.GetFiles(lib, "*.dll").Concat(root).Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var dll in Directory.GetFiles(lib, "*.dll").Concat(root))
            {
                using var pe = new PEReader(File.OpenRead(dll));
                var md = pe.GetMetadataReader();
                foreach (var handle in md.AssemblyReferences)
                {
                    var reference = md.GetAssemblyReference(handle);
                    var name = md.GetString(reference.Name);
                    if (shipped.Contains(name) || name == "netstandard" || name == "System.Management.Automation") continue;
                    Assert.True(reference.Version <= new Version(8, 0, 0, 0),
                        $"{Path.GetFileName(dll)} references {name} {reference.Version}, newer than .NET 8 (PowerShell 7.4) provides.");
                }
            }
        }

        [Fact]
        public void Manifest_declares_editions_version_exports_and_gallery_data()
        {
            var (output, ps) = ModuleHost.Run("Test-ModuleManifest -Path $args[0]".Replace("$args[0]", "'" + ModuleHost.StagedManifest + "'"));
            Assert.Empty(ps.Streams.Error);
            var info = (PSModuleInfo)output.Single().BaseObject;
            Assert.Equal(new Version(ModuleHost.ModuleVersion), info.Version);
            Assert.Equal(new Version(5, 1), info.PowerShellVersion);
            Assert.Contains("Core", info.CompatiblePSEditions);
            Assert.Contains("Desktop", info.CompatiblePSEditions);
            Assert.Contains("PSEdition_Core", info.Tags);
            Assert.Contains("PSEdition_Desktop", info.Tags);
            foreach (var tag in new[] { "Windows", "Linux", "MacOS" }) Assert.Contains(tag, info.Tags);
            Assert.NotNull(info.ProjectUri);
            Assert.NotNull(info.LicenseUri);
            Assert.Contains("Test-PySdist", info.ExportedCmdlets.Keys);
        }
    }
}

namespace PyPackaging.Tests
{
    public class LimitDefaultsTests
    {
        /// <summary>
        /// ArchiveLimits is the one place the limit defaults are written: the cmdlets copy only what was bound, and the
        /// help (generated by tools/help/genmaml.py, which reads ArchiveLimits.cs) and the README must state the same numbers.
        /// </summary>
        [Fact]
        public void Help_and_readme_state_the_core_limit_defaults()
        {
            var core = CoreLimits();
            long Get(string name) => Convert.ToInt64(core.GetField(name)!.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture);

            var help = System.Xml.Linq.XDocument.Load(Path.Combine(ModuleHost.RepoRoot, "src", "PyPackaging", "en-US", "PyPackaging.dll-Help.xml"));
            System.Xml.Linq.XNamespace maml = "http://schemas.microsoft.com/maml/2004/10", dev = "http://schemas.microsoft.com/maml/dev/2004/10";
            var pairs = new[] { ("DefaultMaxTotalSize", "MaxTotalSize"), ("DefaultMaxMemberSize", "MaxMemberSize"), ("DefaultMaxMembers", "MaxMemberCount"),
                ("DefaultMaxCompressionRatio", "MaxCompressionRatio"), ("DefaultMaxPathLength", "MaxPathLength"), ("DefaultMaxPathDepth", "MaxPathDepth") };
            foreach (var (coreName, parameter) in pairs)
            {
                var defaults = help.Descendants().Where(e => e.Name.LocalName == "parameter" && (string?)e.Element(maml + "name") == parameter)
                    .Select(e => (string?)e.Element(dev + "defaultValue")).Distinct().ToList();
                Assert.NotEmpty(defaults);
                Assert.All(defaults, d => Assert.Equal(Get(coreName).ToString(System.Globalization.CultureInfo.InvariantCulture), d));
            }

            static string Bytes(long n) => n % (1L << 30) == 0 ? $"{n >> 30} GiB" : $"{n >> 20} MiB";
            var expected = $"Resource limits (`-MaxTotalSize` {Bytes(Get("DefaultMaxTotalSize"))}, `-MaxMemberSize` {Bytes(Get("DefaultMaxMemberSize"))}, " +
                $"`-MaxMemberCount` {Get("DefaultMaxMembers")}, `-MaxCompressionRatio` {Get("DefaultMaxCompressionRatio")} once {Bytes(Get("DefaultCompressionRatioFloor"))} are inflated, " +
                $"`-MaxPathLength` {Get("DefaultMaxPathLength")}, `-MaxPathDepth` {Get("DefaultMaxPathDepth")})";
            var readme = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Path.Combine(ModuleHost.RepoRoot, "README.md")), @"\s+", " ");
            Assert.Contains(expected, readme);
        }

        /// <summary>The cmdlets keep no limit defaults of their own: an unbound limit parameter is left at ArchiveLimits' value.</summary>
        [Fact]
        public void Cmdlet_limit_parameters_have_no_defaults_of_their_own()
        {
            CoreLimits();
            var cmdlet = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "PyPackaging").GetType("PyPackaging.Commands.PySdistArchiveCmdlet", true)!;
            Assert.Null(cmdlet.Assembly.GetType("PyPackaging.Commands.ArchiveLimitDefaults"));
            var instance = Activator.CreateInstance(cmdlet.Assembly.GetType("PyPackaging.Commands.TestPySdistCommand", true)!)!;
            foreach (var name in new[] { "MaxTotalSize", "MaxMemberSize", "MaxMemberCount", "MaxCompressionRatio", "MaxPathLength", "MaxPathDepth" })
            {
                Assert.Equal(0.0, Convert.ToDouble(cmdlet.GetProperty(name)!.GetValue(instance), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        private static Type CoreLimits()
        {
            var (_, ps) = ModuleHost.Run("$null = Get-PySdistRule");
            Assert.Empty(ps.Streams.Error);
            return AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "PyPackaging.Core" && System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(a)?.Name == "PyPackaging")
                .GetType("PyPackaging.Archives.ArchiveLimits", true)!;
        }
    }
}
