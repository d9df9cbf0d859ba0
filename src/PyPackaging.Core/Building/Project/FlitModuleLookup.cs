using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PyPackaging.Building.Project
{
    /// <summary>
    /// flit_core's module lookup (common.Module), the one copy both the native selection (what flit_core packs) and
    /// the dynamic version (where flit_core reads <c>__version__</c>) use: a module <c>a.b</c> may live at <c>a/b/</c>,
    /// <c>a/b.py</c>, <c>src/a/b/</c> or <c>src/a/b.py</c>; flit_core builds only when exactly one of them exists.
    /// </summary>
    internal static class FlitModuleLookup
    {
        /// <summary>The candidates that exist, in flit_core's order, as '/'-separated paths relative to <paramref name="root"/>.</summary>
        public static IReadOnlyList<FlitModuleLocation> Find(string root, string module)
        {
            string path = module.Replace('.', '/');
            var candidates = new[]
            {
                new FlitModuleLocation(path, isPackage: true),
                new FlitModuleLocation(path + ".py", isPackage: false),
                new FlitModuleLocation("src/" + path, isPackage: true),
                new FlitModuleLocation("src/" + path + ".py", isPackage: false),
            };
            return candidates.Where(c => c.IsPackage ? Directory.Exists(c.FullPath(root)) : File.Exists(c.FullPath(root))).ToList();
        }
    }

    /// <summary>One place a flit module exists: a package directory or a single .py file.</summary>
    internal readonly struct FlitModuleLocation
    {
        public FlitModuleLocation(string relativePath, bool isPackage)
        {
            RelativePath = relativePath;
            IsPackage = isPackage;
        }

        /// <summary>'/'-separated, relative to the project root (a directory has no trailing '/').</summary>
        public string RelativePath { get; }

        public bool IsPackage { get; }

        public string FullPath(string root) => Path.Combine(root, RelativePath.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>The file flit_core reads the version and docstring from: the package's __init__.py, or the module file.</summary>
        public string SourceFile(string root) => IsPackage ? Path.Combine(FullPath(root), "__init__.py") : FullPath(root);
    }
}
