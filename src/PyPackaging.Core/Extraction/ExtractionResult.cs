using System;
using System.Collections.Generic;

namespace PyPackaging.Extraction
{
    /// <summary>One reason an archive or a member was refused: the member (or the archive file name), the rule and the message.</summary>
    public sealed class ExtractionProblem
    {
        public ExtractionProblem(int memberIndex, string path, string code, string message)
        {
            MemberIndex = memberIndex;
            Path = path;
            Code = code;
            Message = message;
        }

        /// <summary>The member's index, or -1 for the archive as a whole.</summary>
        public int MemberIndex { get; }

        /// <summary>The member path as stored, or the archive's file name.</summary>
        public string Path { get; }

        /// <summary>The id of the catalogue rule the member was refused under (every policy refusal has one), or ArchiveIncomplete for an archive that could not be read to its end.</summary>
        public string Code { get; }

        public string Message { get; }

        public override string ToString() => $"{Path}: {Code}: {Message}";
    }

    /// <summary>What <see cref="SdistExtractor.Extract"/> did with one archive.</summary>
    public sealed class ExtractionResult
    {
        internal ExtractionResult(string archivePath, string destinationPath)
        {
            ArchivePath = archivePath;
            DestinationPath = destinationPath;
        }

        public string ArchivePath { get; }

        /// <summary>The destination directory given by the caller (full path).</summary>
        public string DestinationPath { get; }

        /// <summary>Full paths of what was moved into place (the top-level directory, or the destination itself with StripTopLevel).</summary>
        public IReadOnlyList<string> Targets { get; internal set; } = Array.Empty<string>();

        /// <summary>The targets that existed (an empty directory, or anything with -Force) and were replaced; a subset of <see cref="Targets"/>.</summary>
        public IReadOnlyList<string> ReplacedTargets { get; internal set; } = Array.Empty<string>();

        /// <summary>One entry per member, in archive order, with Action, Destination, Reason and Findings set; empty when the target was the problem (TargetExists, TargetIsLink).</summary>
        public IReadOnlyList<PySdistEntry> Entries { get; internal set; } = Array.Empty<PySdistEntry>();

        /// <summary>
        /// The archive's own entry (EntryType Archive), carrying its verdict over all findings, with Action Extracted,
        /// Refused or Skipped; null when the archive was not read to a decision (for example an existing target).
        /// </summary>
        public PySdistEntry? ArchiveEntry { get; internal set; }

        public ExtractionFailure Failure { get; internal set; }

        public bool Succeeded => Failure == ExtractionFailure.None;

        /// <summary>Every reason the archive was refused (all offending members, not just the first).</summary>
        public IReadOnlyList<ExtractionProblem> Problems { get; internal set; } = Array.Empty<ExtractionProblem>();

        /// <summary>A complete, human-readable explanation of the failure; null on success.</summary>
        public string? FailureMessage { get; internal set; }

        /// <summary>The I/O exception behind <see cref="ExtractionFailure.WriteFailed"/>.</summary>
        public Exception? Exception { get; internal set; }

        public int ExtractedCount { get; internal set; }
        public int SkippedCount { get; internal set; }
    }
}
