using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PyPackaging.Archives;
using PyPackaging.Building.Planning;
using PyPackaging.Building.Project;
using PyPackaging.Inspection;

namespace PyPackaging.Building
{
    /// <summary>What to build and how.</summary>
    public sealed class SdistBuildOptions
    {
        public SdistBuildOptions(string projectDirectory)
        {
            ProjectDirectory = projectDirectory ?? throw new ArgumentNullException(nameof(projectDirectory));
        }

        /// <summary>The directory holding pyproject.toml (a full path).</summary>
        public string ProjectDirectory { get; }

        /// <summary>Where the sdist goes (a full path); null means dist/ under the project.</summary>
        public string? OutputDirectory { get; set; }

        /// <summary>Gitignore-style patterns packed whatever else says (see <see cref="Selection.SourceTreeOptions.Include"/>).</summary>
        public IList<string> Include { get; } = new List<string>();

        /// <summary>Gitignore-style patterns never packed; wins over everything.</summary>
        public IList<string> Exclude { get; } = new List<string>();

        /// <summary>Entry and gzip-header time, seconds since 1970 (resolve with <see cref="SourceDateEpoch.Resolve"/>).</summary>
        public long SourceDateEpoch { get; set; } = Planning.SourceDateEpoch.Default;

        /// <summary>Replace an existing sdist of the same name.</summary>
        public bool Force { get; set; }

        /// <summary>Compression workers (net8.0); 0 = processor count. Never changes the bytes.</summary>
        public int DegreeOfParallelism { get; set; }

        /// <summary>Limits for the post-build check (defaults when null).</summary>
        public ArchiveLimits? InspectionLimits { get; set; }
    }

    /// <summary>One member of the planned sdist.</summary>
    public sealed class PlannedMember
    {
        internal PlannedMember(string archivePath, string relativePath, string? sourcePath, long size, int mode, byte[]? content)
        {
            ArchivePath = archivePath;
            RelativePath = relativePath;
            SourcePath = sourcePath;
            Size = size;
            Mode = mode;
            Content = content;
        }

        /// <summary>The member path, with the <c>{name}-{version}/</c> top directory.</summary>
        public string ArchivePath { get; }

        /// <summary>The path relative to the project root ('/' separators).</summary>
        public string RelativePath { get; }

        /// <summary>The file whose content is packed (a link's resolved target); null for generated members (PKG-INFO).</summary>
        public string? SourcePath { get; }

        public long Size { get; }

        /// <summary>0644 or 0755.</summary>
        public int Mode { get; }

        internal byte[]? Content { get; }

        public bool IsGenerated => Content != null;
    }

    /// <summary>A path left out of the sdist and why.</summary>
    public sealed class PlannedExclusion
    {
        internal PlannedExclusion(string relativePath, string sourcePath, bool isDirectory, string reason, string message)
        {
            RelativePath = relativePath;
            SourcePath = sourcePath;
            IsDirectory = isDirectory;
            Reason = reason;
            Message = message;
        }

        public string RelativePath { get; }

        public string SourcePath { get; }

        public bool IsDirectory { get; }

        /// <summary>A short, stable reason: VirtualEnvironment, CacheDirectory, GitIgnore, BackendExclude, NotIncluded, …</summary>
        public string Reason { get; }

        /// <summary>A sentence explaining the exclusion.</summary>
        public string Message { get; }
    }

    /// <summary>
    /// Everything decided before a byte is written: metadata, the member list, the exclusions, warnings and the
    /// blocking problems. <see cref="SdistBuilder.Write"/> refuses a plan with <see cref="Problems"/>.
    /// </summary>
    public sealed class SdistBuildPlan
    {
        internal SdistBuildPlan()
        {
        }

        public SdistBuildOptions Options { get; internal set; } = null!;

        public ProjectMetadata Metadata { get; internal set; } = null!;

        /// <summary>The output directory (full path).</summary>
        public string OutputDirectory { get; internal set; } = string.Empty;

        /// <summary>The sdist's full path; empty when the name or version is invalid.</summary>
        public string ArchivePath { get; internal set; } = string.Empty;

        /// <summary><c>{normalized_name}-{version}</c>.</summary>
        public string TopDirectory { get; internal set; } = string.Empty;

        /// <summary>The members in archive (ordinal) order, PKG-INFO included.</summary>
        public IReadOnlyList<PlannedMember> Members { get; internal set; } = Array.Empty<PlannedMember>();

        public IReadOnlyList<PlannedExclusion> Exclusions { get; internal set; } = Array.Empty<PlannedExclusion>();

        /// <summary>Warnings: metadata warnings, selection warnings, backend settings not applied.</summary>
        public IReadOnlyList<string> Warnings { get; internal set; } = Array.Empty<string>();

        /// <summary>What of the backend configuration was honoured (for verbose output).</summary>
        public IReadOnlyList<string> Honoured { get; internal set; } = Array.Empty<string>();

        /// <summary>Where a dynamic version came from (for verbose output), or null for a static version.</summary>
        public string? VersionSource { get; internal set; }

        /// <summary>The version file a VCS-versioning tool generates (path relative to the project, content), when configured.</summary>
        public KeyValuePair<string, byte[]>? GeneratedVersionFile { get; internal set; }

        /// <summary>Problems that block the build: metadata errors and selection errors, each as one line.</summary>
        public IReadOnlyList<string> Problems { get; internal set; } = Array.Empty<string>();

        /// <summary>
        /// Stable id for the first kind of blocking problem: InvalidProjectMetadata, InvalidSourceTree, or, when the only
        /// metadata problem is the dynamic version, DynamicVersionNotSupported (the backend computes it in a way the
        /// native build does not reproduce) or DynamicVersionUnresolved (no git, no tag repository, no match in the file).
        /// </summary>
        public string? ProblemId { get; internal set; }

        public bool CanBuild => Problems.Count == 0;

        /// <summary>The sdist already exists (and <see cref="SdistBuildOptions.Force"/> decides).</summary>
        public bool TargetExists => ArchivePath.Length > 0 && File.Exists(ArchivePath);

        public long TotalBytes => Members.Sum(m => m.Size);
    }

    /// <summary>The outcome of writing.</summary>
    public sealed class SdistBuildResult
    {
        internal SdistBuildResult(string archivePath, SdistInspection inspection, bool written)
        {
            ArchivePath = archivePath;
            Inspection = inspection;
            Written = written;
        }

        public string ArchivePath { get; }

        /// <summary>The Test-PySdist engine's view of the archive (archive entry first).</summary>
        public SdistInspection Inspection { get; }

        /// <summary>False when the post-build check found an Error and the file was removed.</summary>
        public bool Written { get; }

        /// <summary>The sdist compared with the files git tracks in the project (its findings are on the Archive entry); null when not compared.</summary>
        public Comparison.SourceTreeComparison? SourceComparison { get; internal set; }

        /// <summary>Why the sdist was not compared with git (no git, not a work tree, git failed); null when it was.</summary>
        public string? SourceComparisonSkipped { get; internal set; }

        public IEnumerable<PySdistFinding> ErrorFindings =>
            Inspection.Entries.SelectMany(e => e.Findings).Where(f => f.Severity == PySdistSeverity.Error);
    }

    /// <summary>Progress of <see cref="SdistBuilder.Write"/>.</summary>
    public readonly struct SdistBuildProgress
    {
        public SdistBuildProgress(int membersDone, int memberCount, long bytesDone, long totalBytes, string? current)
        {
            MembersDone = membersDone;
            MemberCount = memberCount;
            BytesDone = bytesDone;
            TotalBytes = totalBytes;
            Current = current;
        }

        public int MembersDone { get; }

        public int MemberCount { get; }

        public long BytesDone { get; }

        public long TotalBytes { get; }

        public string? Current { get; }
    }

    /// <summary>The sdist already exists and Force is off.</summary>
    public sealed class SdistExistsException : IOException
    {
        public SdistExistsException(string path)
            : base("The sdist '" + path + "' already exists. Use -Force to replace it.")
        {
            ArchivePath = path;
        }

        public string ArchivePath { get; }
    }
}
