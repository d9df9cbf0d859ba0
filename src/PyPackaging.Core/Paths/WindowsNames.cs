using System;
using System.Collections.Generic;

namespace PyPackaging.Paths
{
    /// <summary>
    /// What Windows cannot hold in a file or directory name, in one place for the hygiene rules (archive members),
    /// the build's source walk (project files) and extraction on Windows.
    /// </summary>
    internal static class WindowsNames
    {
        /// <summary>Characters Windows refuses in names (besides control characters and the separators).</summary>
        public const string ForbiddenCharacters = ":<>\"|?*";

        private static readonly HashSet<string> ReservedStems = BuildReserved();

        /// <summary>
        /// True for the device names CON, PRN, AUX, NUL, CONIN$, CONOUT$, COM0–9, LPT0–9 and their superscript-digit
        /// variants, in any case, with or without an extension (Windows opens the device for <c>aux.txt</c> too).
        /// </summary>
        public static bool IsReservedDeviceName(string name) => ReservedStems.Contains(DeviceStem(name));

        /// <summary>The part Windows compares with the device names: up to the first dot, trailing spaces removed.</summary>
        public static string DeviceStem(string name)
        {
            var dot = name.IndexOf('.');
            var stem = dot < 0 ? name : name.Substring(0, dot);
            return stem.TrimEnd(' ');
        }

        /// <summary>Windows strips a trailing dot or space, so such a name does not survive there.</summary>
        public static bool EndsWithDotOrSpace(string name) =>
            name.EndsWith(".", StringComparison.Ordinal) || name.EndsWith(" ", StringComparison.Ordinal);

        private static HashSet<string> BuildReserved()
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$" };
            foreach (var digit in "0123456789\u00B9\u00B2\u00B3")
            {
                set.Add("COM" + digit);
                set.Add("LPT" + digit);
            }
            return set;
        }
    }
}
