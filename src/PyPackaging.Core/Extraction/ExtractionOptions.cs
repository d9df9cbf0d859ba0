using System;
using System.Runtime.InteropServices;
using PyPackaging.Archives;

namespace PyPackaging.Extraction
{
    /// <summary>How in-archive symbolic and hard links are written.</summary>
    public enum LinkMode
    {
        /// <summary>A link to a regular member is written as a copy of that member (works everywhere, no privileges).</summary>
        Copy,
        /// <summary>Symbolic links become real symbolic links when they stay inside the archive; hard links are copied.</summary>
        Symlink,
        /// <summary>Links are not written at all.</summary>
        Skip,
    }

    /// <summary>Why an extraction did not complete.</summary>
    public enum ExtractionFailure
    {
        None,
        /// <summary>One or more members are unsafe (escaping paths or links, devices, duplicates, names this OS cannot hold).</summary>
        UnsafeMembers,
        /// <summary>The archive is corrupt, truncated, or framed ambiguously (reader disagreements, bad gzip).</summary>
        InvalidArchive,
        /// <summary>A resource limit was reached.</summary>
        LimitsExceeded,
        /// <summary>The target already exists and replacing it was not allowed.</summary>
        TargetExists,
        /// <summary>The target or the directory receiving it is a symbolic link or junction.</summary>
        TargetIsLink,
        /// <summary>Writing failed (disk full, permissions, a name the file system cannot hold).</summary>
        WriteFailed,
    }

    /// <summary>Settings for <see cref="SdistExtractor"/>.</summary>
    public sealed class ExtractionOptions
    {
        public ArchiveLimits Limits { get; set; } = new ArchiveLimits();

        public LinkMode LinkMode { get; set; } = LinkMode.Copy;

        /// <summary>Skip unsafe members instead of refusing the archive. Archive-wide problems still refuse it.</summary>
        public bool SkipUnsafe { get; set; }

        /// <summary>Put the contents of the single top-level directory directly into the destination.</summary>
        public bool StripTopLevel { get; set; }

        /// <summary>Replace an existing target (never merge into it).</summary>
        public bool Force { get; set; }

        /// <summary>Refuse names Windows cannot hold (reserved device names, trailing dot or space, <c>:</c> and <c>&lt;&gt;"|?*</c>). Defaults to the current OS.</summary>
        public bool WindowsNameRules { get; set; } = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>For tests: treat the destination volume as case-insensitive (true) or sensitive (false) instead of probing it.</summary>
        internal bool? CaseInsensitiveVolume { get; set; }

        /// <summary>Size of the copy buffer (64-128 KiB is best).</summary>
        public int BufferSize { get; set; } = 128 * 1024;

        public ExtractionOptions Clone()
        {
            var copy = (ExtractionOptions)MemberwiseClone();
            copy.Limits = Limits.Clone();
            return copy;
        }
    }
}
