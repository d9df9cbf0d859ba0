using System;
using System.Text.RegularExpressions;

namespace PyPackaging.Building.Versions
{
    /// <summary>
    /// The environment variables that replace a VCS version: setuptools-scm's SETUPTOOLS_SCM_PRETEND_VERSION_FOR_{NAME}
    /// (when the tool knows the distribution name: setuptools from [project].name, hatch-vcs only through raw-options
    /// dist_name) then SETUPTOOLS_SCM_PRETEND_VERSION; pdm-backend's PDM_BUILD_SCM_VERSION. An empty value is ignored.
    /// {NAME} is looked up both as setuptools-scm 7.1 spells it (the name upper-cased) and as setuptools-scm 8 documents
    /// it (normalised: runs of '-', '_', '.' as '_', upper-cased).
    /// </summary>
    internal static class ScmPretend
    {
        public static (string Name, string Value)? Find(DynamicVersionConfig config, Func<string, string?> environment)
        {
            if (config.Flavor == ScmFlavor.PdmBackend) return Get("PDM_BUILD_SCM_VERSION", environment);
            if (config.PretendDistName != null)
            {
                string raw = config.PretendDistName.ToUpperInvariant();
                string normalized = Regex.Replace(config.PretendDistName, "[-_.]+", "_").ToUpperInvariant();
                var named = Get("SETUPTOOLS_SCM_PRETEND_VERSION_FOR_" + raw, environment) ?? Get("SETUPTOOLS_SCM_PRETEND_VERSION_FOR_" + normalized, environment);
                if (named != null) return named;
            }
            return Get("SETUPTOOLS_SCM_PRETEND_VERSION", environment);
        }

        private static (string Name, string Value)? Get(string name, Func<string, string?> environment)
        {
            string? value = environment(name);
            return string.IsNullOrEmpty(value) ? ((string, string)?)null : (name, value!);
        }
    }
}
