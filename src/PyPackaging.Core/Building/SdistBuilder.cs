using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PyPackaging.Building.Comparison;
using PyPackaging.Building.Metadata;
using PyPackaging.Building.Planning;
using PyPackaging.Building.Project;
using PyPackaging.Building.Selection;
using PyPackaging.Building.Versions;
using PyPackaging.Building.Writing;
using PyPackaging.Inspection;

namespace PyPackaging.Building
{
    /// <summary>
    /// The native sdist build, free of PowerShell: <see cref="Plan"/> reads pyproject.toml, walks the tree
    /// (<see cref="SourceTreeWalker"/>; <see cref="FileSelector"/> decides each path from the backend's defaults and
    /// settings, <see cref="BackendRuleSet"/>) and lists the members; <see cref="Write"/> writes them (pax, gzip, fixed times and owners) to a temporary file in the
    /// output directory, checks it with the Test-PySdist engine and only then renames it into place.
    /// <para>Layout: one top directory <c>{normalized_name}-{version}/</c>; regular files only, no directory entries
    /// (like hatchling; extractors create parents); all members, PKG-INFO included, in ordinal path order;
    /// modes 0644, or 0755 when the source's owner-execute bit is set; every mtime and the gzip header's MTIME are the
    /// source date epoch.</para>
    /// </summary>
    public static class SdistBuilder
    {
        private const int RegularMode = 0x1A4; // 0644
        private const int ExecutableMode = 0x1ED; // 0755

        /// <summary>Plans the build. Never writes anything; problems are collected in the plan, not thrown.</summary>
        public static SdistBuildPlan Plan(SdistBuildOptions options, CancellationToken cancellationToken = default)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            string root = Path.GetFullPath(options.ProjectDirectory);
            var plan = new SdistBuildPlan { Options = options };
            plan.OutputDirectory = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(root, "dist"));
            var problems = new List<string>();
            var warnings = new List<string>();

            if (!Directory.Exists(root)) throw new DirectoryNotFoundException("The project directory does not exist: " + root);
            ProjectMetadata metadata = ReadMetadata(plan, root, problems, warnings);
            cancellationToken.ThrowIfCancellationRequested();

            var backend = BackendRuleSet.From(metadata, root);
            warnings.AddRange(backend.Warnings);
            if (backend.Problem != null)
            {
                problems.Add(backend.Problem);
                plan.ProblemId = plan.ProblemId ?? "InvalidSourceTree";
            }
            warnings.AddRange(UnreadSettings.Find(root));
            plan.Honoured = backend.Honoured;

            // Files the metadata points at are always packed (as hatchling does), unless the caller's -Exclude says no;
            // the license-files globs are matched by the same walk.
            var required = new List<string> { "pyproject.toml" };
            if (metadata.Readme?.File != null) required.Add(metadata.Readme.File.Replace('\\', '/'));
            required.AddRange(metadata.LicenseFiles.Select(f => f.Replace('\\', '/')));

            // Every in-or-out decision is FileSelector's; here its answers become members and exclusions.
            var tree = SourceTreeWalker.Walk(FileSelector.ForBuild(root, plan.OutputDirectory, options, backend, required,
                metadata.LicenseFilePatterns.Select(p => p.Glob.ToWalkPattern())));
            cancellationToken.ThrowIfCancellationRequested();
            var licenseProblems = LicenseGlob.Resolve(metadata, tree.Items, root);
            if (licenseProblems.Count > 0)
            {
                problems.AddRange(licenseProblems.Select(Describe));
                plan.ProblemId = plan.ProblemId ?? "InvalidProjectMetadata";
            }
            required.AddRange(metadata.LicenseFiles.Where(f => !required.Contains(f)));
            var members = new List<PlannedMember>();
            var exclusions = new List<PlannedExclusion>();
            string top = plan.TopDirectory.Length > 0 ? plan.TopDirectory : "invalid";
            if (MapSelection(tree, top, members, exclusions, problems, warnings) && plan.ProblemId == null) plan.ProblemId = "InvalidSourceTree";

            var packed = new HashSet<string>(members.Select(m => m.RelativePath), StringComparer.Ordinal);
            foreach (var r in required)
            {
                if (!packed.Contains(r) && File.Exists(Path.Combine(root, r)))
                {
                    problems.Add(r + ": the file is needed by the metadata (pyproject.toml, the readme or a license file) but the selection leaves it out; remove the -Exclude pattern that matches it.");
                    plan.ProblemId = plan.ProblemId ?? "InvalidSourceTree";
                }
            }

            if (problems.Count == 0)
            {
                AddGeneratedVersionFile(plan, top, members);
                byte[] pkgInfo = PkgInfoWriter.WriteBytes(metadata);
                members.Add(new PlannedMember(top + "/PKG-INFO", "PKG-INFO", null, pkgInfo.Length, RegularMode, pkgInfo));
            }
            members.Sort((a, b) => string.CompareOrdinal(a.ArchivePath, b.ArchivePath));

            plan.Members = members;
            plan.Exclusions = exclusions;
            plan.Warnings = warnings;
            plan.Problems = problems;
            return plan;
        }

        /// <summary>Reads pyproject.toml into the plan: metadata problems, dynamic fields, the sdist's name.</summary>
        private static ProjectMetadata ReadMetadata(SdistBuildPlan plan, string root, List<string> problems, List<string> warnings)
        {
            var metadata = PyprojectReader.Read(root);
            plan.Metadata = metadata;
            foreach (var p in metadata.Problems)
            {
                if (p.Severity == ProjectProblemSeverity.Error) problems.Add(Describe(p));
                else warnings.Add("pyproject.toml: " + Describe(p));
            }
            int metadataProblems = problems.Count;
            string? versionProblemId = ResolveDynamicVersion(plan, metadata, root, problems, warnings);
            // The version (and flit's description, read with it) is the resolver's; any other dynamic field is not computed.
            bool flit = ProjectBackends.KindOf(metadata.BuildSystem?.BuildBackend) == BuildBackendKind.Flit;
            var unresolved = metadata.Dynamic.Where(d => d != "version" && !(d == "description" && flit && metadata.Dynamic.Contains("version"))).ToList();
            if (metadata.HasProjectTable && unresolved.Count > 0 && !metadata.Problems.Any(p => p.Severity == ProjectProblemSeverity.Error && p.KeyPath.StartsWith("project.dynamic", StringComparison.Ordinal)))
            {
                problems.Add("project.dynamic = [" + string.Join(", ", unresolved.Select(d => "\"" + d + "\"")) + "]: a native build cannot compute these dynamic fields (that needs the project's PEP 517 build backend: use -Backend Project or Auto), or make the fields static in [project].");
                metadataProblems++;
            }
            if (problems.Count > 0) plan.ProblemId = metadataProblems == 0 && versionProblemId != null ? versionProblemId : "InvalidProjectMetadata";

            if (metadata.DistributionStem != null)
            {
                plan.TopDirectory = metadata.DistributionStem;
                plan.ArchivePath = Path.Combine(plan.OutputDirectory, metadata.SdistFileName!);
            }
            return metadata;
        }

        /// <summary>
        /// Computes a dynamic version (Building/Versions) into the metadata; returns the problem id when it cannot be
        /// computed (the problem line is added), null otherwise.
        /// </summary>
        private static string? ResolveDynamicVersion(SdistBuildPlan plan, ProjectMetadata metadata, string root, List<string> problems, List<string> warnings)
        {
            if (!metadata.HasProjectTable || !metadata.Dynamic.Contains("version")) return null;
            var result = DynamicVersionResolver.Resolve(metadata, root);
            if (result.ProblemId != null)
            {
                problems.Add("project.dynamic = [\"version\"]: " + result.Problem);
                return result.ProblemId;
            }
            metadata.Version = result.Version;
            if (result.Version!.IndexOf('+') >= 0)
            {
                // The post-build check refuses it (PkgInfoLocalVersion: PyPI refuses local versions); say so before writing.
                warnings.Add("project.dynamic = [\"version\"]: the " + result.Source + " has a local version label (a development build, as hatch-vcs and setuptools-scm write it). pip and uv install it, but PyPI refuses to upload local versions: the sdist is built and its Archive entry reports PkgInfoLocalVersion. To publish, build from a tagged, clean commit, or (setuptools-scm, hatch-vcs raw-options) set local_scheme = \"no-local-version\".");
            }
            if (result.Summary != null && metadata.Dynamic.Contains("description")) metadata.Summary = result.Summary;
            plan.VersionSource = result.Source;
            if (result.VersionFilePath != null) plan.GeneratedVersionFile = new KeyValuePair<string, byte[]>(result.VersionFilePath, result.VersionFileContent!);
            return null;
        }

        /// <summary>The generated version file replaces a file of the same path (as the tool overwrites it before packing).</summary>
        private static void AddGeneratedVersionFile(SdistBuildPlan plan, string top, List<PlannedMember> members)
        {
            if (plan.GeneratedVersionFile is not KeyValuePair<string, byte[]> file) return;
            members.RemoveAll(m => m.RelativePath == file.Key);
            members.Add(new PlannedMember(top + "/" + file.Key, file.Key, null, file.Value.Length, RegularMode, file.Value));
        }

        /// <summary>Turns the walk's items into members, exclusions, problems and warnings; true when the walk found errors.</summary>
        private static bool MapSelection(SourceTreeResult tree, string top, List<PlannedMember> members, List<PlannedExclusion> exclusions, List<string> problems, List<string> warnings)
        {
            bool selectionProblems = false;
            foreach (var item in tree.Items)
            {
                switch (item.Kind)
                {
                    case SourceItemKind.Error:
                        problems.Add(item.ArchivePath + ": " + (item.Message ?? item.Problem.ToString()));
                        selectionProblems = true;
                        break;
                    case SourceItemKind.Warning:
                        warnings.Add(item.ArchivePath + ": " + (item.Message ?? item.Problem.ToString()));
                        break;
                    case SourceItemKind.Excluded:
                        exclusions.Add(new PlannedExclusion(item.ArchivePath, item.SourcePath, item.IsDirectory, item.Reason.ToString(), item.Message ?? item.Reason.ToString()));
                        break;
                    case SourceItemKind.File:
                        string source = item.LinkTarget ?? item.SourcePath;
                        members.Add(new PlannedMember(top + "/" + item.ArchivePath, item.ArchivePath, source, item.Size, item.IsExecutable ? ExecutableMode : RegularMode, null));
                        break;
                }
            }
            return selectionProblems;
        }

        /// <summary>
        /// Writes the planned sdist: temporary file in the output directory, Test-PySdist engine on it, then rename.
        /// On an exception or cancellation nothing is left behind. When the check finds an Error, the temporary file is
        /// deleted and the result says <see cref="SdistBuildResult.Written"/> false (an existing sdist is untouched).
        /// </summary>
        /// <exception cref="InvalidOperationException">The plan has problems.</exception>
        /// <exception cref="IOException">The sdist exists and Force is off (HResult-independent: check <see cref="SdistBuildPlan.TargetExists"/> first).</exception>
        public static SdistBuildResult Write(SdistBuildPlan plan, CancellationToken cancellationToken = default, Action<SdistBuildProgress>? progress = null)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            if (!plan.CanBuild) throw new InvalidOperationException("The build plan has problems:" + Environment.NewLine + string.Join(Environment.NewLine, plan.Problems));
            if (plan.TargetExists && !plan.Options.Force) throw new SdistExistsException(plan.ArchivePath);

            long mtime = plan.Options.SourceDateEpoch;
            return WriteChecked(plan.ArchivePath, plan.Options, (fs, ct) =>
            {
                var tee = new GzipMtimeStamp(fs, mtime);
                SdistWriter.Write(tee, Entries(plan, ct, progress), mtime, plan.Options.DegreeOfParallelism);
                tee.Flush();
            }, cancellationToken, computedVersion: plan.VersionSource != null, generated: plan.Members.Where(m => m.IsGenerated).Select(m => m.RelativePath).ToList());
        }

        /// <summary>
        /// The self-check path every build goes through, native or not: <paramref name="produce"/> writes the sdist into
        /// a temporary file beside <paramref name="archivePath"/>; the Test-PySdist engine checks it under its real name;
        /// only without an Error is it moved into place (replacing an existing file when <see cref="SdistBuildOptions.Force"/>).
        /// On an exception, cancellation or a failed check nothing is left behind: not the temporary file, nor the output
        /// directory when this created it.
        /// </summary>
        /// <param name="generated">Project-relative paths of members the build generated itself (expected although git does not track them).</param>
        internal static SdistBuildResult WriteChecked(string archivePath, SdistBuildOptions options, Action<Stream, CancellationToken> produce, CancellationToken cancellationToken, bool computedVersion,
            IEnumerable<string>? generated = null)
        {
            string outputDirectory = Path.GetDirectoryName(archivePath)!;
            bool createdOutput = !Directory.Exists(outputDirectory);
            bool kept = false;
            Directory.CreateDirectory(outputDirectory);
            string temp = Path.Combine(outputDirectory, "." + Path.GetFileName(archivePath) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            try
            {
                // Write, then run the Test-PySdist engine on the file just written. (Checking through a pipe while
                // writing was measured slower on two cores: the check competes with the compression workers.)
                using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    produce(fs, cancellationToken);
                }
                cancellationToken.ThrowIfCancellationRequested();
                SdistInspection inspection;
                using (var written = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
                {
                    // Named as the sdist it becomes, so the file-name rules judge the real name, not the temporary one.
                    inspection = new SdistInspector(options.InspectionLimits).Inspect(written, archivePath, cancellationToken);
                }

                if (inspection.HasErrors && !(computedVersion && OnlyADevelopmentVersionLabel(inspection)))
                {
                    return new SdistBuildResult(archivePath, inspection, false);
                }

                cancellationToken.ThrowIfCancellationRequested();
                // Sdist vs source tree (both modes): Warnings on the Archive entry, never a reason to withhold the sdist.
                var result = new SdistBuildResult(archivePath, inspection, true);
                BuildComparison.Apply(options.ProjectDirectory, generated ?? Array.Empty<string>(), result, cancellationToken);
                MoveIntoPlace(temp, archivePath, options.Force);
                kept = true;
                return result;
            }
            finally
            {
                CleanUp(temp, outputDirectory, removeOutput: !kept && createdOutput);
            }
        }

        /// <summary>
        /// A version computed from git between tags or on a dirty tree carries a local label (<c>+g1a2b3c4</c>), as hatch-vcs
        /// and setuptools-scm write it. pip and uv install such an sdist; only PyPI's upload refuses it. So that one Error,
        /// when the version was computed (natively from git, or by the project's own backend in Project mode), does not
        /// stop the build: the sdist is kept and its Archive entry still carries PkgInfoLocalVersion, which Test-PySdist and
        /// Assert-PySdist report before an upload. Any other Error does stop it.
        /// </summary>
        private static bool OnlyADevelopmentVersionLabel(SdistInspection inspection) =>
            inspection.Findings.Findings.All(f => f.Rule.Severity != PySdistSeverity.Error || f.Rule == Rules.RuleCatalog.PkgInfoLocalVersion);

        private static void MoveIntoPlace(string temp, string archivePath, bool force)
        {
            if (File.Exists(archivePath))
            {
                if (!force) throw new SdistExistsException(archivePath);
#if NET8_0_OR_GREATER
                File.Move(temp, archivePath, true);
#else
                File.Replace(temp, archivePath, null);
#endif
            }
            else
            {
                File.Move(temp, archivePath);
            }
        }

        /// <summary>A failed build leaves no trace: not the temporary file, nor the output directory it created (when still empty).</summary>
        private static void CleanUp(string temp, string outputDirectory, bool removeOutput)
        {
            try
            {
                if (File.Exists(temp)) File.Delete(temp);
                if (removeOutput && Directory.Exists(outputDirectory) && !Directory.EnumerateFileSystemEntries(outputDirectory).Any())
                {
                    Directory.Delete(outputDirectory);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static IEnumerable<SdistWriterEntry> Entries(SdistBuildPlan plan, CancellationToken cancellationToken, Action<SdistBuildProgress>? progress)
        {
            int count = plan.Members.Count;
            long total = plan.TotalBytes;
            long done = 0;
            int index = 0;
            foreach (var m in plan.Members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(new SdistBuildProgress(index, count, done, total, m.RelativePath));
                index++;
                done += m.Size;
                if (m.Content != null)
                {
                    yield return SdistWriterEntry.FromBytes(m.ArchivePath, m.Content, m.Mode);
                }
                else
                {
                    string source = m.SourcePath!;
                    yield return SdistWriterEntry.FromStream(m.ArchivePath, m.Size,
                        () => new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), m.Mode);
                }
            }
            progress?.Invoke(new SdistBuildProgress(count, count, total, total, null));
        }

        /// <summary>One line for a metadata problem: key, value and rule.</summary>
        public static string Describe(ProjectProblem p)
        {
            var sb = new StringBuilder();
            if (p.KeyPath.Length > 0) sb.Append(p.KeyPath);
            if (p.Value != null) sb.Append(" = '").Append(p.Value).Append('\'');
            if (p.Line > 0) sb.Append(" (line ").Append(p.Line).Append(')');
            if (sb.Length > 0) sb.Append(": ");
            sb.Append(p.Message);
            return sb.ToString();
        }
    }
}
