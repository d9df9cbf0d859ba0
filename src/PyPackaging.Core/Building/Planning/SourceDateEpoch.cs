using System;
using System.Globalization;
using PyPackaging.Building.Writing;

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

        /// <summary>2020-02-02T00:00:00Z, hatchling's constant (<see cref="ReproducibleTimestamp.DefaultEpoch"/>), so an sdist
        /// built without SOURCE_DATE_EPOCH has the same times as hatchling's.</summary>
        public const long Default = ReproducibleTimestamp.DefaultEpoch;

        /// <summary>The largest value the gzip header can hold.</summary>
        public const long Maximum = uint.MaxValue;

        /// <summary>
        /// Parses a SOURCE_DATE_EPOCH value (surrounding whitespace allowed) with <see cref="ReproducibleTimestamp"/>'s rules,
        /// then requires it to fit the gzip header; on failure <paramref name="error"/> says why.
        /// </summary>
        public static bool TryParse(string? text, out long seconds, out string? error)
        {
            seconds = 0;
            string value = (text ?? string.Empty).Trim();
            if (value.Length == 0)
            {
                error = "SOURCE_DATE_EPOCH is empty; it must be a whole number of seconds since 1970-01-01T00:00:00Z.";
                return false;
            }
            if (!ReproducibleTimestamp.TryResolve(value, out seconds, out error))
            {
                seconds = 0;
                return false;
            }
            if (seconds > Maximum)
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
