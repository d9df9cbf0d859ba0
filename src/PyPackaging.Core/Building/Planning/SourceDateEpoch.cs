using System;
using System.Globalization;

namespace PyPackaging.Building.Planning
{
    /// <summary>
    /// The timestamp every member (and the gzip header) carries: SOURCE_DATE_EPOCH when set, else
    /// <see cref="Default"/> (an empty variable counts as unset). A value must be a whole number of seconds from 0 to 4294967295 (the gzip header's
    /// MTIME field is 32-bit); anything else is an error, never silently replaced (as in scikit-build-core).
    /// </summary>
    public static class SourceDateEpoch
    {
        /// <summary>The environment variable of the reproducible-builds specification.</summary>
        public const string VariableName = "SOURCE_DATE_EPOCH";

        /// <summary>1980-01-01T00:00:00Z: the earliest time a zip file (and so a wheel) can store.</summary>
        public const long Default = 315532800;

        /// <summary>The largest value the gzip header can hold.</summary>
        public const long Maximum = uint.MaxValue;

        /// <summary>Parses a SOURCE_DATE_EPOCH value; on failure <paramref name="error"/> says why.</summary>
        public static bool TryParse(string? text, out long seconds, out string? error)
        {
            seconds = 0;
            error = null;
            string value = (text ?? string.Empty).Trim();
            if (value.Length == 0)
            {
                error = "SOURCE_DATE_EPOCH is empty; it must be a whole number of seconds since 1970-01-01T00:00:00Z.";
                return false;
            }
            foreach (char c in value)
            {
                if (c < '0' || c > '9')
                {
                    error = "SOURCE_DATE_EPOCH '" + text + "' is not a whole number of seconds since 1970-01-01T00:00:00Z (only the digits 0-9 are allowed).";
                    return false;
                }
            }
            if (value.Length > 10 || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds > Maximum)
            {
                seconds = 0;
                error = "SOURCE_DATE_EPOCH '" + text + "' is out of range: at most " + Maximum.ToString(CultureInfo.InvariantCulture) + " (2106-02-07), the largest time the gzip header can hold.";
                return false;
            }
            return true;
        }

        /// <summary>
        /// The epoch to use: <paramref name="explicitValue"/> when given, else the environment variable, else
        /// <see cref="Default"/>. Throws <see cref="FormatException"/> for a malformed or out-of-range value.
        /// </summary>
        public static long Resolve(long? explicitValue, string? environmentValue)
        {
            if (explicitValue.HasValue)
            {
                if (explicitValue.Value < 0 || explicitValue.Value > Maximum)
                {
                    throw new FormatException("The source date epoch " + explicitValue.Value.ToString(CultureInfo.InvariantCulture) + " is out of range (0 to " + Maximum.ToString(CultureInfo.InvariantCulture) + ").");
                }
                return explicitValue.Value;
            }
            // An empty variable counts as unset (as most reproducible-builds tools treat it).
            if (string.IsNullOrWhiteSpace(environmentValue)) return Default;
            if (!TryParse(environmentValue, out long seconds, out string? error)) throw new FormatException(error);
            return seconds;
        }
    }
}
