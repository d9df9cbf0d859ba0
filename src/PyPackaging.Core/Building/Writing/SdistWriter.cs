using System;
using System.Collections.Generic;
using System.IO;

namespace PyPackaging.Building.Writing
{
    /// <summary>What kind of member an <see cref="SdistWriterEntry"/> becomes.</summary>
    public enum SdistEntryKind
    {
        /// <summary>A regular file (typeflag '0').</summary>
        File,

        /// <summary>A directory (typeflag '5').</summary>
        Directory,
    }

    /// <summary>One member to write: its archive path, mode, and (for files) size and a way to open its content.</summary>
    public sealed class SdistWriterEntry
    {
        private readonly Func<Stream>? _open;

        private SdistWriterEntry(string archivePath, SdistEntryKind kind, int mode, long size, Func<Stream>? open)
        {
            ArchivePath = archivePath ?? throw new ArgumentNullException(nameof(archivePath));
            Kind = kind;
            Mode = mode;
            Size = size;
            _open = open;
        }

        /// <summary>'/'-separated path inside the archive, including the top-level directory.</summary>
        public string ArchivePath { get; }

        public SdistEntryKind Kind { get; }

        /// <summary>Permission bits (0644/0755 by the sdist policy).</summary>
        public int Mode { get; }

        /// <summary>Content length in bytes (0 for directories).</summary>
        public long Size { get; }

        /// <summary>A file whose content is read from disk when it is written (the file is opened then, and closed right after).</summary>
        public static SdistWriterEntry FromFile(string archivePath, string sourcePath, int mode)
        {
            if (sourcePath == null) throw new ArgumentNullException(nameof(sourcePath));
            long size = new FileInfo(sourcePath).Length;
            return new SdistWriterEntry(archivePath, SdistEntryKind.File, mode, size,
                () => new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
        }

        /// <summary>A generated file held in memory (PKG-INFO).</summary>
        public static SdistWriterEntry FromBytes(string archivePath, byte[] content, int mode = 0x1A4)
        {
            if (content == null) throw new ArgumentNullException(nameof(content));
            return new SdistWriterEntry(archivePath, SdistEntryKind.File, mode, content.Length, () => new MemoryStream(content, false));
        }

        /// <summary>A file of known size whose content comes from a stream factory.</summary>
        public static SdistWriterEntry FromStream(string archivePath, long size, Func<Stream> open, int mode = 0x1A4)
        {
            if (open == null) throw new ArgumentNullException(nameof(open));
            return new SdistWriterEntry(archivePath, SdistEntryKind.File, mode, size, open);
        }

        /// <summary>A directory entry.</summary>
        public static SdistWriterEntry Directory(string archivePath, int mode = 0x1ED) =>
            new SdistWriterEntry(archivePath, SdistEntryKind.Directory, mode, 0, null);

        internal Stream Open() => _open != null ? _open() : throw new InvalidOperationException("A directory has no content.");
    }

    /// <summary>
    /// Writes a reproducible sdist: a pax tar stream (<see cref="PaxTarWriter"/>) gzip-compressed by
    /// <see cref="DeterministicGzipStream"/>. Entries are written in the order given: the caller sorts them
    /// (ordinally) and places PKG-INFO. The same entries and epoch give the same bytes on the same runtime.
    /// </summary>
    public static class SdistWriter
    {
        /// <summary>Writes the archive to <paramref name="output"/> (left open).</summary>
        /// <param name="output">Destination stream.</param>
        /// <param name="entries">The members, in archive order.</param>
        /// <param name="mtime">Entry modification time in seconds since the Unix epoch (SOURCE_DATE_EPOCH or a constant).</param>
        /// <param name="degreeOfParallelism">Compression workers (net8.0); 0 means the processor count. Never changes the bytes.</param>
        public static void Write(Stream output, IEnumerable<SdistWriterEntry> entries, long mtime, int degreeOfParallelism = 0)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (entries == null) throw new ArgumentNullException(nameof(entries));
            var gzip = new DeterministicGzipStream(output, leaveOpen: true, degreeOfParallelism: degreeOfParallelism);
            var tar = new PaxTarWriter(gzip, mtime, leaveOpen: true);
            bool done = false;
            try
            {
                foreach (var entry in entries)
                {
                    if (entry == null) throw new ArgumentException("An entry is null.", nameof(entries));
                    if (entry.Kind == SdistEntryKind.Directory)
                    {
                        tar.AddDirectory(entry.ArchivePath, entry.Mode);
                        continue;
                    }
                    using (var content = entry.Open())
                    {
                        tar.AddFile(entry.ArchivePath, entry.Mode, entry.Size, content);
                    }
                }
                tar.Finish();
                gzip.Finish();
                done = true;
            }
            finally
            {
                // On failure nothing more is written (the caller discards the partial output).
                if (!done) gzip.Abort();
                gzip.Dispose();
            }
        }

        /// <summary>Writes the archive to a file, via a temporary file in the same directory that replaces the target only on success.</summary>
        public static void WriteFile(string path, IEnumerable<SdistWriterEntry> entries, long mtime, int degreeOfParallelism = 0)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            string full = Path.GetFullPath(path);
            string temp = full + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            try
            {
                using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    Write(fs, entries, mtime, degreeOfParallelism);
                }
                if (File.Exists(full)) File.Delete(full);
                File.Move(temp, full);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
