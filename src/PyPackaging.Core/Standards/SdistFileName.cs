using System;

namespace PyPackaging.Standards
{
    /// <summary>PEP 625 source distribution file names: <c>{escaped_name}-{normal_version}.tar.gz</c>.</summary>
    public static class SdistFileName
    {
        public const string Extension = ".tar.gz";

        /// <summary>The file name a conforming producer writes: escaped name, normal-form version (trailing zeros kept).</summary>
        public static string Compose(string name, Pep440Version version) => Stem(name, version) + Extension;

        /// <summary>The stem (file name without <c>.tar.gz</c>), also the top-level directory name.</summary>
        public static string Stem(string name, Pep440Version version) => ProjectName.EscapeForFileName(name) + "-" + version;

        /// <summary>
        /// Splits a file name ending in <c>.tar.gz</c> or <c>.zip</c> on its last <c>-</c> into a name and a version, as
        /// pypa/packaging's parse_sdist_filename does. The name is returned as written (not normalised).
        /// </summary>
        public static bool TryParse(string fileName, out string name, out Pep440Version? version, out string? error)
        {
            name = string.Empty;
            version = null;
            string stem;
            if (fileName.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase)) stem = fileName.Substring(0, fileName.Length - 7);
            else if (fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) stem = fileName.Substring(0, fileName.Length - 4);
            else
            {
                error = "`" + AsciiText.Printable(fileName) + "` does not end in `.tar.gz`.";
                return false;
            }
            var dash = stem.LastIndexOf('-');
            if (dash < 0)
            {
                error = "`" + AsciiText.Printable(fileName) + "` has no `-` between the name and the version.";
                return false;
            }
            name = stem.Substring(0, dash);
            if (!ProjectName.IsValid(name))
            {
                error = "`" + AsciiText.Printable(name) + "` in the file name is not a valid project name.";
                return false;
            }
            if (!Pep440Version.TryParse(stem.Substring(dash + 1), out version, out var vError))
            {
                error = "The version in `" + AsciiText.Printable(fileName) + "` is not valid: " + vError;
                return false;
            }
            error = null;
            return true;
        }
    }
}
