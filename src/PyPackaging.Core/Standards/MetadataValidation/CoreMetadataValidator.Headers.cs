using System;
using System.Collections.Generic;
using System.Globalization;

namespace PyPackaging.Standards
{
    // The header block as a whole: the declared Metadata-Version, and which field names are unknown, too new for it,
    // or repeated where they may appear once.
    public static partial class CoreMetadataValidator
    {
        /// <summary>The Metadata-Version a file declares, as far as it could be read.</summary>
        private readonly struct DeclaredVersion
        {
            private DeclaredVersion(string? text, int major, int minor, bool known)
            {
                Text = text;
                Major = major;
                Minor = minor;
                Known = known;
            }

            public string? Text { get; }
            public int Major { get; }
            public int Minor { get; }

            /// <summary>True when the version was read and the fields it allows can be judged against it.</summary>
            public bool Known { get; }

            public static DeclaredVersion Unknown(string? text) => new DeclaredVersion(text, 0, 0, false);

            public static DeclaredVersion Of(string text, int major, int minor) => new DeclaredVersion(text, major, minor, true);

            public bool IsAtLeast(int major, int minor) => Known && CompareMetadataVersions(Major, Minor, major, minor) >= 0;
        }

        // Metadata-Version decides which fields are allowed.
        private static DeclaredVersion CheckMetadataVersion(CoreMetadata metadata, List<MetadataProblem> problems)
        {
            var mvText = metadata.Get("Metadata-Version");
            if (mvText == null)
            {
                problems.Add(Missing("Metadata-Version"));
                return DeclaredVersion.Unknown(null);
            }
            var line = LineOf(metadata, "Metadata-Version");
            if (!TryParseMetadataVersion(mvText, out var mvMajor, out var mvMinor))
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.MetadataVersionInvalid, "Metadata-Version",
                    "Metadata-Version `" + AsciiText.Printable(mvText) + "` is not a valid metadata version; PyPI and installers reject the file.", line, mvText));
                return DeclaredVersion.Unknown(mvText);
            }
            if (mvMajor > 2)
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.MetadataVersionInvalid, "Metadata-Version",
                    "Metadata-Version `" + mvText + "` has a major version newer than " + LatestMetadataVersion + "; consumers must refuse to read it.", line, mvText));
                return DeclaredVersion.Unknown(mvText);
            }
            if (mvMajor == 2 && mvMinor > 6)
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.MetadataVersionNewer, "Metadata-Version",
                    "Metadata-Version `" + mvText + "` is newer than " + LatestMetadataVersion + " (the newest known); fields it adds are not checked and PyPI may not accept it yet.", line, mvText));
                return DeclaredVersion.Of(mvText, mvMajor, mvMinor);
            }
            if (Array.IndexOf((string[])KnownMetadataVersions, AsciiText.Trim(mvText)) < 0)
            {
                problems.Add(new MetadataProblem(MetadataProblemKind.MetadataVersionInvalid, "Metadata-Version",
                    "Metadata-Version `" + AsciiText.Printable(mvText) + "` is not one of the defined versions (" + string.Join(", ", KnownMetadataVersions) + "); PyPI rejects the file.", line, mvText));
                return DeclaredVersion.Unknown(mvText);
            }
            return DeclaredVersion.Of(mvText, mvMajor, mvMinor);
        }

        // Per-field checks: unknown names, too new for the declared version, repeated single-use fields.
        private static void CheckFieldNames(CoreMetadata metadata, DeclaredVersion version, List<MetadataProblem> problems)
        {
            var seenSingle = new HashSet<string>(StringComparer.Ordinal);
            // One FieldTooNew problem per field name (a PKG-INFO with 40 classifiers gets one, not 40).
            var tooNew = new Dictionary<string, (CoreMetadataField First, int Count)>(StringComparer.Ordinal);
            var tooNewOrder = new List<string>();
            foreach (var f in metadata.Fields)
            {
                var info = AsciiText.IsAllAscii(f.Key) && FieldsByLower.TryGetValue(AsciiText.ToLower(f.Key), out var fi) ? fi : null;
                if (info == null)
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.UnknownField, f.Key,
                        "`" + AsciiText.Printable(f.Key) + "` is not a core metadata field; tools ignore it (`twine check` reports it as unrecognized).", f.Line, f.Value));
                    continue;
                }
                if (version.Known && TryParseMetadataVersion(info.Added, out var aMajor, out var aMinor)
                    && !version.IsAtLeast(aMajor, aMinor))
                {
                    if (info.Name == "License-File" && version.Major == 2)
                    {
                        problems.Add(LegacyLicenseFile(f, version));
                        continue;
                    }
                    if (tooNew.TryGetValue(info.Name, out var seen)) tooNew[info.Name] = (seen.First, seen.Count + 1);
                    else
                    {
                        tooNew[info.Name] = (f, 1);
                        tooNewOrder.Add(info.Name);
                    }
                }
                if (!info.Multiple && !seenSingle.Add(info.Name))
                {
                    problems.Add(new MetadataProblem(MetadataProblemKind.FieldRepeated, info.Name,
                        "`" + info.Name + "` may appear only once but is repeated on line " + f.Line.ToString(CultureInfo.InvariantCulture) + "; PyPI rejects the metadata as malformed.", f.Line, f.Value));
                }
            }
            foreach (var name in tooNewOrder)
            {
                var (first, count) = tooNew[name];
                problems.Add(FieldTooNew(name, first, count, version));
            }
        }

        // setuptools wrote License-File with Metadata-Version 2.1 for years, before 2.4 defined it;
        // twine drops it before uploading, so it is a leftover, not a rejection.
        private static MetadataProblem LegacyLicenseFile(CoreMetadataField f, DeclaredVersion version) =>
            new MetadataProblem(MetadataProblemKind.LegacyLicenseFile, "License-File",
                "`License-File` is only defined from Metadata-Version 2.4, but the file declares " + AsciiText.Trim(version.Text!)
                + " (older setuptools wrote it this way); tools ignore it, so the license files are not declared.", f.Line, f.Value);

        private static MetadataProblem FieldTooNew(string name, CoreMetadataField first, int count, DeclaredVersion version)
        {
            var added = FieldAddedIn(name)!;
            var declared = AsciiText.Trim(version.Text!);
            var times = count == 1 ? string.Empty : " (" + count.ToString(CultureInfo.InvariantCulture) + " times, first on line " + first.Line.ToString(CultureInfo.InvariantCulture) + ")";
            return new MetadataProblem(MetadataProblemKind.FieldTooNew, name,
                "`" + name + "`" + times + " was introduced in metadata version " + added + ", but the file declares Metadata-Version " + declared
                + "; packaging.metadata refuses it (`" + AsciiText.ToLower(name) + " introduced in metadata version " + added + ", not " + declared + "`), and so does PyPI's upload check.", first.Line, first.Value);
        }
    }
}
