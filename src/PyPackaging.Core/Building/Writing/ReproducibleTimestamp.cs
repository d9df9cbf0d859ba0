using System;
using System.Globalization;

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
            TryResolve(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out epoch, out error);
    }
}
