using System;
using System.Globalization;
using PyPackaging.Building.Writing;

// SOURCE_DATE_EPOCH in one place: the user-facing resolution (Planning: parameter, then variable, then default, within
// the gzip header's range) and the writer-level parse it builds on (Writing: digits only, within the tar header's range).

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

namespace PyPackaging.Building.Writing
{
    /// <summary>
    /// The entry mtime of a reproducible sdist: <c>SOURCE_DATE_EPOCH</c> when it is set, else a documented constant.
    /// A malformed <c>SOURCE_DATE_EPOCH</c> is an error rather than silently ignored (as scikit-build-core does), since
    /// a user who sets it expects it to be honoured.
    /// </summary>
    public static class ReproducibleTimestamp
    {
        /// <summary>2020-02-02T00:00:00Z, the constant hatchling uses when <c>SOURCE_DATE_EPOCH</c> is unset.</summary>
        public const long DefaultEpoch = 1580601600;

        /// <summary>
        /// Resolves the mtime from the value of <c>SOURCE_DATE_EPOCH</c> (null or empty: <see cref="DefaultEpoch"/>).
        /// The value must be ASCII digits only, a whole number of seconds from 0 to 8589934591 (the ustar limit).
        /// </summary>
        public static bool TryResolve(string? sourceDateEpoch, out long epoch, out string? error)
        {
            epoch = DefaultEpoch;
            error = null;
            if (string.IsNullOrEmpty(sourceDateEpoch)) return true;
            string v = sourceDateEpoch!;
            bool digits = v.Length <= 11;
            foreach (char c in v)
            {
                if (c < '0' || c > '9') digits = false;
            }
            if (!digits || !long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value > PaxTarWriter.MaxOctal11)
            {
                error = "SOURCE_DATE_EPOCH '" + v + "' is not a whole number of seconds since 1970-01-01 between 0 and "
                    + PaxTarWriter.MaxOctal11.ToString(CultureInfo.InvariantCulture) + "; unset it or give a value such as 1580601600.";
                return false;
            }
            epoch = value;
            return true;
        }

        /// <summary>Reads <c>SOURCE_DATE_EPOCH</c> from the process environment.</summary>
        public static bool TryResolveFromEnvironment(out long epoch, out string? error) =>
            TryResolve(Environment.GetEnvironmentVariable(Planning.SourceDateEpoch.VariableName), out epoch, out error);
    }
}
