using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace PyPackaging.Loading
{
    /// <summary>
    /// Binds PyPackaging.Core and its dependencies (Tomlyn, SharpZipLib, ...) from the module's lib folder:
    /// lib/net8.0 on PowerShell 7, or its ReadyToRun images under lib/net10.0/&lt;rid&gt;/ on PowerShell 7.6 (loaded into a private AssemblyLoadContext so another module's Tomlyn or
    /// SharpZipLib can never clash with ours), lib/netstandard2.0 on Windows PowerShell 5.1 (LoadFrom, matched by
    /// simple name, which also stands in for the binding redirects a module cannot have).
    /// The output types (PyPackaging.Model.dll, beside the module dll) are the exception: they are loaded normally,
    /// into the default context, and every request for them, Core's included, gets that one copy, so the entries
    /// Core creates are the [PyPackaging.PySdistEntry] scripts see.
    /// This class must not touch any type from PyPackaging.Core or PyPackaging.Model: it is what makes them loadable.
    /// </summary>
    internal static class DependencyResolver
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, Assembly> Loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private static int _registered;
        private static object? _loadContext;
        private static MethodInfo? _loadFromPath;

        /// <summary>True on .NET (PowerShell 7), false on .NET Framework (Windows PowerShell 5.1).</summary>
        internal static bool IsCoreClr { get; } = !typeof(object).Assembly.GetName().Name!.Equals("mscorlib", StringComparison.OrdinalIgnoreCase);

        /// <summary>The module's folder (where PyPackaging.dll is).</summary>
        private static string ModuleDirectory { get; } = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".";

        /// <summary>The folder the dependencies are bound from (see <see cref="ChooseLibraryDirectory"/>).</summary>
        internal static string LibraryDirectory { get; } = ChooseLibraryDirectory();

        /// <summary>Set to 0 to bind the plain IL in lib/net8.0 even where precompiled images match (diagnosis, comparison).</summary>
        internal const string ReadyToRunVariable = "PYPACKAGING_READYTORUN";

        /// <summary>
        /// Windows PowerShell 5.1: lib/netstandard2.0. PowerShell 7: lib/net&lt;runtime major&gt;.0/&lt;rid&gt;/ when the
        /// module ships ReadyToRun images for this runtime and platform (the same Core, precompiled, so the first call
        /// does not wait for the JIT), else the plain IL in lib/net8.0, which every .NET from 8 on runs. A ReadyToRun
        /// image is used only by the runtime major version that compiled it, so the folder names that version: a newer
        /// PowerShell on a newer .NET finds no folder and falls back to IL rather than to images it would ignore.
        /// </summary>
        private static string ChooseLibraryDirectory()
        {
            var lib = Path.Combine(ModuleDirectory, "lib");
            if (!IsCoreClr) return Path.Combine(lib, "netstandard2.0");
            var portable = Path.Combine(lib, "net8.0");
            if (Environment.GetEnvironmentVariable(ReadyToRunVariable) == "0") return portable;
            var rid = RuntimeIdentifier();
            if (rid == null) return portable;
            var precompiled = Path.Combine(lib, "net" + Environment.Version.Major + ".0", rid);
            return File.Exists(Path.Combine(precompiled, "PyPackaging.Core.dll")) ? precompiled : portable;
        }

        /// <summary>The runtime identifier the ReadyToRun folders are named by (linux-x64, win-x64, osx-arm64, ...), or null.</summary>
        private static string? RuntimeIdentifier()
        {
            string os;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) os = "win";
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) os = "osx";
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) os = IsMusl() ? "linux-musl" : "linux";
            else return null;
            switch (RuntimeInformation.ProcessArchitecture)
            {
                case Architecture.X64: return os + "-x64";
                case Architecture.Arm64: return os + "-arm64";
                default: return null;
            }
        }

        // Alpine's musl is its own runtime identifier (linux-musl-x64): no images are shipped for it, and the linux-x64
        // ones are untested there, so it takes the plain IL. Its dynamic loader's file is the tell (two lookups rather
        // than a directory listing: this runs at every import).
        private static bool IsMusl()
        {
            try
            {
                return File.Exists("/lib/ld-musl-x86_64.so.1") || File.Exists("/lib/ld-musl-aarch64.so.1");
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>The simple name of the output-type assembly, shared by the module and Core.</summary>
        internal const string ModelAssemblyName = "PyPackaging.Model";

        /// <summary>The output-type assembly beside the module dll.</summary>
        internal static string ModelPath { get; } = Path.Combine(
            ModuleDirectory, ModelAssemblyName + ".dll");

        /// <summary>Hooks assembly resolution once per process; later calls do nothing (tests import the module into many runspaces).</summary>
        internal static void Register()
        {
            if (Interlocked.Exchange(ref _registered, 1) == 1) return;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            string? simpleName;
            try
            {
                simpleName = new AssemblyName(args.Name).Name;
            }
            catch (Exception)
            {
                return null;
            }
            if (string.IsNullOrEmpty(simpleName)) return null;

            if (string.Equals(simpleName, ModelAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return ResolveModel(args.RequestingAssembly);
            }

            var candidate = Path.Combine(LibraryDirectory, simpleName + ".dll");
            if (!File.Exists(candidate)) return null;
            if (args.RequestingAssembly != null && !IsOurs(args.RequestingAssembly)) return null;

            lock (Gate)
            {
                if (Loaded.TryGetValue(simpleName!, out var existing)) return existing;
                var assembly = IsCoreClr ? LoadIntoPrivateContext(candidate) : Assembly.LoadFrom(candidate);
                Loaded[simpleName!] = assembly;
                return assembly;
            }
        }

        // Normally the manifest's RequiredAssemblies has loaded the model already and the runtime binds to it without
        // asking; this covers hosts that load PyPackaging.dll directly. Assembly.LoadFrom puts it where the module dll
        // is (the default context on PowerShell 7, the LoadFrom context on 5.1): never into the private context.
        private static Assembly? ResolveModel(Assembly? requesting)
        {
            if (requesting != null && !IsOurs(requesting)) return null;
            if (!File.Exists(ModelPath)) return null;
            lock (Gate)
            {
                if (Loaded.TryGetValue(ModelAssemblyName, out var existing)) return existing;
                var model = Assembly.LoadFrom(ModelPath);
                Loaded[ModelAssemblyName] = model;
                return model;
            }
        }

        /// <summary>Requests come from our own assemblies: the module dll, or anything we loaded from the lib folder.</summary>
        private static bool IsOurs(Assembly requesting)
        {
            if (requesting == typeof(DependencyResolver).Assembly) return true;
            lock (Gate)
            {
                foreach (var assembly in Loaded.Values)
                {
                    if (assembly == requesting) return true;
                }
            }
            return false;
        }

        // AssemblyLoadContext is not in the netstandard2.0 reference surface, so it is reached through reflection
        // (the pattern PSResourceGet and platyPS use). A plain context defers to the default one first, so the
        // framework's own assemblies are shared; only what the default context cannot satisfy is loaded here.
        private static Assembly LoadIntoPrivateContext(string path)
        {
            if (_loadContext == null)
            {
                var alcType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: true)!;
                _loadContext = Activator.CreateInstance(alcType, "PyPackaging", false)!;
                _loadFromPath = alcType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
            }
            return (Assembly)_loadFromPath!.Invoke(_loadContext, new object[] { path })!;
        }
    }
}
