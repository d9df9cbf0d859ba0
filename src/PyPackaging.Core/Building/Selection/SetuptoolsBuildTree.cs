using System;
using System.IO;
using System.Linq;

namespace PyPackaging.Building.Selection
{
    /// <summary>
    /// Recognises the build/ directory setuptools (distutils' build command) leaves behind: it holds lib or
    /// lib.&lt;platform&gt; (build_py/build_ext output), bdist.&lt;platform&gt; (bdist_wheel's staging), temp.&lt;platform&gt;
    /// (compiler objects) or scripts-&lt;version&gt; (build_scripts). A build/ holding anything else is the project's own.
    /// </summary>
    internal static class SetuptoolsBuildTree
    {
        /// <summary>The first setuptools subdirectory found in <paramref name="buildDirectory"/>, or null.</summary>
        public static string? Find(string buildDirectory)
        {
            try
            {
                return new DirectoryInfo(buildDirectory).EnumerateDirectories()
                    .Select(d => d.Name)
                    .Where(IsSetuptoolsName)
                    .OrderBy(n => n, StringComparer.Ordinal)
                    .FirstOrDefault();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
            {
                return null;
            }
        }

        private static bool IsSetuptoolsName(string name) =>
            name == "lib" || name.StartsWith("lib.", StringComparison.Ordinal) || name.StartsWith("bdist.", StringComparison.Ordinal)
            || name.StartsWith("temp.", StringComparison.Ordinal) || name.StartsWith("scripts-", StringComparison.Ordinal);
    }
}
