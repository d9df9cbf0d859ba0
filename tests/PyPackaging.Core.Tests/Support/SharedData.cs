using System;
using System.IO;

namespace PyPackaging.Core.Tests.Support
{
    /// <summary>
    /// The team's shared, read-only test material (`../shared` next to the repository: the real-sdist corpus and the
    /// conformance vectors). Tests that need it skip with a notice when it is absent, except in CI (CI=true), where
    /// they run and fail, so that a missing corpus is never mistaken for a pass.
    /// </summary>
    public static class SharedData
    {
        private static readonly Lazy<string?> Root = new Lazy<string?>(Locate);

        /// <summary>The shared directory, or null when it is not there.</summary>
        public static string? Directory => Root.Value;

        public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>Why tests that need <paramref name="relative"/> are skipped, or null when they run.</summary>
        public static string? SkipReason(string relative)
        {
            if (InCi) return null;
            var root = Directory;
            return root != null && (System.IO.Directory.Exists(Path.Combine(root, relative)) || File.Exists(Path.Combine(root, relative)))
                ? null
                : $"../shared/{relative} is not present next to the repository (it is in CI, CI=true, where this test must run)";
        }

        /// <summary>The full path of <paramref name="relative"/> in the shared directory; fails the test when it is absent.</summary>
        public static string PathOf(string relative)
        {
            var root = Directory ?? throw new InvalidOperationException("../shared was not found next to the repository (walked up from " + AppContext.BaseDirectory + ").");
            var path = Path.Combine(root, relative);
            if (!System.IO.Directory.Exists(path) && !File.Exists(path)) throw new InvalidOperationException(path + " does not exist.");
            return path;
        }

        // The repository root is the first directory above the test assembly that holds PyPackaging.sln; shared is its sibling.
        private static string? Locate()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "PyPackaging.sln"))) continue;
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return System.IO.Directory.Exists(shared) ? shared : null;
            }
            return null;
        }
    }

    /// <summary>A [Fact] that needs a path in ../shared: skipped with a notice when it is absent, except in CI.</summary>
    public sealed class SharedDataFactAttribute : FactAttribute
    {
        public SharedDataFactAttribute(string relative)
        {
            var reason = SharedData.SkipReason(relative);
            if (reason != null) Skip = reason;
        }
    }
}
