using System;
using PyPackaging.Paths;

namespace PyPackaging.Extraction
{
    /// <summary>Names a file system cannot hold as written: the Windows rules, applied when extracting on Windows.</summary>
    internal static class OsNames
    {
        /// <summary>Why Windows cannot hold <paramref name="component"/> under that name; null when it can.</summary>
        public static string? WindowsProblem(string component, out RefusalKind kind)
        {
            kind = RefusalKind.WindowsForbiddenCharacter;
            foreach (var c in component)
            {
                // Control characters and backslashes never get here: the policy refuses them first, on every OS.
                if (WindowsNames.ForbiddenCharacters.IndexOf(c) >= 0)
                {
                    return c == ':'
                        ? $"the name '{component}' contains ':', which Windows reads as a drive or an alternate data stream"
                        : $"the name '{component}' contains a character Windows does not allow in file names";
                }
            }
            if (WindowsNames.EndsWithDotOrSpace(component))
            {
                kind = RefusalKind.TrailingDotOrSpace;
                return $"the name '{component}' ends with a dot or a space, which Windows silently removes";
            }
            if (WindowsNames.IsReservedDeviceName(component))
            {
                var stem = WindowsNames.DeviceStem(component);
                kind = RefusalKind.WindowsReservedName;
                return $"the name '{component}' is a reserved device name on Windows ({stem.ToUpperInvariant()})";
            }
            return null;
        }
    }
}
