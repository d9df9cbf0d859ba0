using System;
using System.Collections.Generic;
using System.Globalization;

namespace PyPackaging.Standards
{
    // The field table (name, version that added it, whether it repeats) and Metadata-Version parsing.
    public static partial class CoreMetadataValidator
    {
        internal sealed class FieldInfo
        {
            public FieldInfo(string name, string added, bool multiple)
            {
                Name = name;
                Added = added;
                Multiple = multiple;
            }

            public string Name { get; }
            public string Added { get; }
            public bool Multiple { get; }
        }

        private static readonly FieldInfo[] FieldTable =
        {
            new FieldInfo("Metadata-Version", "1.0", false),
            new FieldInfo("Name", "1.0", false),
            new FieldInfo("Version", "1.0", false),
            new FieldInfo("Dynamic", "2.2", true),
            new FieldInfo("Platform", "1.0", true),
            new FieldInfo("Supported-Platform", "1.1", true),
            new FieldInfo("Summary", "1.0", false),
            new FieldInfo("Description", "1.0", false),
            new FieldInfo("Description-Content-Type", "2.1", false),
            new FieldInfo("Keywords", "1.0", false),
            new FieldInfo("Home-page", "1.0", false),
            new FieldInfo("Download-URL", "1.1", false),
            new FieldInfo("Author", "1.0", false),
            new FieldInfo("Author-email", "1.0", false),
            new FieldInfo("Maintainer", "1.2", false),
            new FieldInfo("Maintainer-email", "1.2", false),
            new FieldInfo("License", "1.0", false),
            new FieldInfo("License-Expression", "2.4", false),
            new FieldInfo("License-File", "2.4", true),
            new FieldInfo("Classifier", "1.1", true),
            new FieldInfo("Requires-Dist", "1.2", true),
            new FieldInfo("Requires-Python", "1.2", false),
            new FieldInfo("Requires-External", "1.2", true),
            new FieldInfo("Project-URL", "1.2", true),
            new FieldInfo("Provides-Extra", "2.1", true),
            new FieldInfo("Provides-Dist", "1.2", true),
            new FieldInfo("Obsoletes-Dist", "1.2", true),
            new FieldInfo("Import-Name", "2.5", true),
            new FieldInfo("Import-Namespace", "2.5", true),
            new FieldInfo("Requires", "1.1", true),
            new FieldInfo("Provides", "1.1", true),
            new FieldInfo("Obsoletes", "1.1", true),
        };

        private static readonly Dictionary<string, FieldInfo> FieldsByLower = BuildIndex();

        private static Dictionary<string, FieldInfo> BuildIndex()
        {
            var d = new Dictionary<string, FieldInfo>(StringComparer.Ordinal);
            foreach (var f in FieldTable) d[AsciiText.ToLower(f.Name)] = f;
            return d;
        }

        /// <summary>The specification spelling of a known field name (case-insensitive), or null when unknown.</summary>
        public static string? CanonicalFieldName(string key) =>
            AsciiText.IsAllAscii(key) && FieldsByLower.TryGetValue(AsciiText.ToLower(key), out var f) ? f.Name : null;

        /// <summary>The Metadata-Version that introduced a known field, or null.</summary>
        public static string? FieldAddedIn(string key) =>
            AsciiText.IsAllAscii(key) && FieldsByLower.TryGetValue(AsciiText.ToLower(key), out var f) ? f.Added : null;

        /// <summary>Parses a Metadata-Version such as <c>2.4</c> into (major, minor); false for anything else.</summary>
        public static bool TryParseMetadataVersion(string? text, out int major, out int minor)
        {
            major = minor = 0;
            if (text == null) return false;
            var t = AsciiText.Trim(text);
            var dot = t.IndexOf('.');
            if (dot <= 0 || dot == t.Length - 1 || dot > 6 || t.Length - dot - 1 > 6) return false;
            for (var i = 0; i < t.Length; i++)
            {
                if (i != dot && !AsciiText.IsDigit(t[i])) return false;
            }
            major = int.Parse(t.Substring(0, dot), NumberStyles.None, CultureInfo.InvariantCulture);
            minor = int.Parse(t.Substring(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture);
            return true;
        }

        private static int CompareMetadataVersions(int aMajor, int aMinor, int bMajor, int bMinor) =>
            aMajor != bMajor ? aMajor.CompareTo(bMajor) : aMinor.CompareTo(bMinor);
    }
}
