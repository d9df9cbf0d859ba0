using System;
using System.Collections.Generic;
using System.IO;
using ICSharpCode.SharpZipLib.Zip;

namespace PyPackaging.Archives
{
    /// <summary>
    /// A second, independent zip parser (SharpZipLib's ZipFile) read over the same file, compared entry by entry with
    /// what <see cref="ZipArchiveReader"/> found in the central directory. Zip is the format where parsers disagree most
    /// (CVE-2025-54368); when two real parsers see different entry lists, sizes or checksums, installers may too.
    /// Only the central directory is compared: local headers are cross-checked by the main reader itself.
    /// </summary>
    internal static class ZipSecondOpinion
    {
        /// <summary>One entry as a parser sees it.</summary>
        internal readonly struct EntryView
        {
            public EntryView(string name, long size, long compressedSize, uint crc, int method)
            {
                Name = name;
                Size = size;
                CompressedSize = compressedSize;
                Crc = crc;
                Method = method;
            }

            public string Name { get; }
            public long Size { get; }
            public long CompressedSize { get; }
            public uint Crc { get; }
            public int Method { get; }
        }

        /// <summary>Null when SharpZipLib agrees with <paramref name="ours"/>; otherwise a sentence saying where they differ.</summary>
        public static string? Disagreement(Stream file, IReadOnlyList<EntryView> ours)
        {
            var theirs = new List<EntryView>();
            try
            {
                file.Position = 0;
                using var zip = new ZipFile(file, leaveOpen: true);
                foreach (ZipEntry entry in zip)
                {
                    theirs.Add(new EntryView(entry.Name, entry.Size, entry.CompressedSize, unchecked((uint)entry.Crc), (int)entry.CompressionMethod));
                }
            }
            catch (Exception ex) when (ex is ZipException || ex is IOException || ex is ArgumentException || ex is InvalidOperationException || ex is NotSupportedException || ex is IndexOutOfRangeException || ex is OverflowException)
            {
                return $"SharpZipLib's zip parser refuses the file ({ex.Message.TrimEnd('.')})";
            }

            if (theirs.Count != ours.Count)
            {
                return $"this reader sees {ours.Count} entries, SharpZipLib's parser sees {theirs.Count}";
            }
            for (var i = 0; i < ours.Count; i++)
            {
                var a = ours[i];
                var b = theirs[i];
                // Names are compared only when ASCII: the two parsers may legitimately decode legacy code-page names differently.
                if (IsAscii(a.Name) && IsAscii(b.Name) && !string.Equals(a.Name, b.Name, StringComparison.Ordinal))
                    return $"entry {i} is `{a.Name}` here but `{b.Name}` for SharpZipLib's parser";
                if (a.Size != b.Size)
                    return $"entry `{a.Name}` has {a.Size} bytes here but {b.Size} for SharpZipLib's parser";
                if (a.CompressedSize != b.CompressedSize)
                    return $"entry `{a.Name}` has {a.CompressedSize} compressed bytes here but {b.CompressedSize} for SharpZipLib's parser";
                if (a.Crc != b.Crc)
                    return $"entry `{a.Name}` has CRC {a.Crc:x8} here but {b.Crc:x8} for SharpZipLib's parser";
                if (a.Method != b.Method)
                    return $"entry `{a.Name}` uses method {a.Method} here but {b.Method} for SharpZipLib's parser";
            }
            return null;
        }

        private static bool IsAscii(string s)
        {
            foreach (var c in s)
            {
                if (c > 0x7E || c < 0x20) return false;
            }
            return true;
        }
    }
}
