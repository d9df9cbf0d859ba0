using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;

namespace PyPackaging.Standards
{
    /// <summary>
    /// The SPDX license and exception identifiers, embedded as resources (Resources/spdx, see its README for the source).
    /// Lookups are ASCII case-insensitive and return the reference case.
    /// </summary>
    public static class SpdxLicenseList
    {
        private sealed class IdList
        {
            public readonly Dictionary<string, string> CanonicalByLower = new Dictionary<string, string>(StringComparer.Ordinal);
            public readonly HashSet<string> Deprecated = new HashSet<string>(StringComparer.Ordinal);
        }

        private static readonly Lazy<IdList> Licenses = new Lazy<IdList>(() => Load("licenses.txt", "licenses-deprecated.txt"));
        private static readonly Lazy<IdList> Exceptions = new Lazy<IdList>(() => Load("exceptions.txt", "exceptions-deprecated.txt"));

        /// <summary>Number of license ids known (current and deprecated).</summary>
        public static int LicenseCount => Licenses.Value.CanonicalByLower.Count;

        public static int ExceptionCount => Exceptions.Value.CanonicalByLower.Count;

        public static bool IsKnownLicense(string id) => TryGetCanonicalLicense(id, out _);

        public static bool IsKnownException(string id) => TryGetCanonicalException(id, out _);

        /// <summary>The reference-case spelling of license id <paramref name="id"/>, matched case-insensitively.</summary>
        public static bool TryGetCanonicalLicense(string id, out string canonical) => TryGet(Licenses.Value, id, out canonical);

        public static bool TryGetCanonicalException(string id, out string canonical) => TryGet(Exceptions.Value, id, out canonical);

        /// <summary>True when <paramref name="id"/> is a deprecated license id (still valid; producers should warn).</summary>
        public static bool IsDeprecatedLicense(string id) =>
            TryGetCanonicalLicense(id, out var c) && Licenses.Value.Deprecated.Contains(c);

        public static bool IsDeprecatedException(string id) =>
            TryGetCanonicalException(id, out var c) && Exceptions.Value.Deprecated.Contains(c);

        private static bool TryGet(IdList list, string id, out string canonical)
        {
            if (id != null && AsciiText.IsAllAscii(id) && list.CanonicalByLower.TryGetValue(AsciiText.ToLower(id), out var c))
            {
                canonical = c;
                return true;
            }
            canonical = string.Empty;
            return false;
        }

        private static IdList Load(string current, string deprecated)
        {
            var list = new IdList();
            foreach (var id in ReadLines(current)) list.CanonicalByLower[AsciiText.ToLower(id)] = id;
            foreach (var id in ReadLines(deprecated))
            {
                list.CanonicalByLower[AsciiText.ToLower(id)] = id;
                list.Deprecated.Add(id);
            }
            return list;
        }

        private static IEnumerable<string> ReadLines(string fileName)
        {
            var assembly = typeof(SpdxLicenseList).GetTypeInfo().Assembly;
            // The csproj names resources "PyPackaging.Resources.<RecursiveDir><file>", and RecursiveDir keeps the
            // build machine's directory separator ('/' or '\'), so match the name with any separator.
            var wanted = "PyPackaging.Resources.spdx." + fileName;
            var resource = wanted;
            foreach (var name in assembly.GetManifestResourceNames())
            {
                if (string.Equals(name.Replace('/', '.').Replace('\\', '.'), wanted, StringComparison.Ordinal))
                {
                    resource = name;
                    break;
                }
            }
            using (var stream = assembly.GetManifestResourceStream(resource))
            {
                if (stream == null) throw new InvalidOperationException("Embedded resource missing: " + resource);
                using (var reader = new StreamReader(stream, new UTF8Encoding(false)))
                {
                    var result = new List<string>();
                    string? line;
                    while ((line = reader.ReadLine()) != null)
                    {
                        line = line.Trim();
                        if (line.Length > 0) result.Add(line);
                    }
                    return result;
                }
            }
        }
    }
}
