using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading;

namespace PyPackaging.Loading
{
    /// <summary>
    /// Binds PyPackaging.Core and its dependencies (Tomlyn, SharpZipLib, ...) from the module's lib folder:
    /// lib/net8.0 on PowerShell 7 (loaded into a private AssemblyLoadContext so another module's Tomlyn or
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

        /// <summary>The folder the dependencies are bound from.</summary>
        internal static string LibraryDirectory { get; } = Path.Combine(
            Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".",
            "lib",
            IsCoreClr ? "net8.0" : "netstandard2.0");

        /// <summary>The simple name of the output-type assembly, shared by the module and Core.</summary>
        internal const string ModelAssemblyName = "PyPackaging.Model";

        /// <summary>The output-type assembly beside the module dll.</summary>
        internal static string ModelPath { get; } = Path.Combine(
            Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".",
            ModelAssemblyName + ".dll");

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
