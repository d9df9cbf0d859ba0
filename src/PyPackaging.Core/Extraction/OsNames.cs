using System;
using System.Collections.Generic;

namespace PyPackaging.Extraction
{
    /// <summary>Names a file system cannot hold as written: the Windows rules, applied when extracting on Windows.</summary>
    internal static class OsNames
    {
        private static readonly HashSet<string> ReservedStems = BuildReserved();

        private static HashSet<string> BuildReserved()
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$" };
            for (var i = 0; i <= 9; i++)
            {
                set.Add("COM" + i);
                set.Add("LPT" + i);
            }
            // Superscript digits are device names too.
            foreach (var d in new[] { "\u00B9", "\u00B2", "\u00B3" })
            {
                set.Add("COM" + d);
                set.Add("LPT" + d);
            }
            return set;
        }

        /// <summary>Why Windows cannot hold <paramref name="component"/> under that name; null when it can.</summary>
        public static string? WindowsProblem(string component, out string code)
        {
            code = "WindowsInvalidName";
            foreach (var c in component)
            {
                if (c < 0x20 || c == '<' || c == '>' || c == ':' || c == '"' || c == '|' || c == '?' || c == '*' || c == '\\')
                {
                    return c == ':'
                        ? $"the name '{component}' contains ':', which Windows reads as a drive or an alternate data stream"
                        : $"the name '{component}' contains a character Windows does not allow in file names";
                }
            }
            if (component.EndsWith(".", StringComparison.Ordinal) || component.EndsWith(" ", StringComparison.Ordinal))
            {
                code = "WindowsTrailingDotOrSpace";
                return $"the name '{component}' ends with a dot or a space, which Windows silently removes";
            }
            var stem = component;
            var dot = stem.IndexOf('.');
            if (dot >= 0) stem = stem.Substring(0, dot);
            stem = stem.TrimEnd(' ');
            if (ReservedStems.Contains(stem))
            {
                code = "WindowsReservedName";
                return $"the name '{component}' is a reserved device name on Windows ({stem.ToUpperInvariant()})";
            }
            return null;
        }
    }
}
