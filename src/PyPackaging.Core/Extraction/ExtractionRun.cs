using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PyPackaging.Archives;
using PyPackaging.Inspection;
using PyPackaging.Paths;
using PyPackaging.Rules;

namespace PyPackaging.Extraction
{
    internal enum SlotKind
    {
        Directory,
        File,
        Link,
    }

    internal sealed class MemberPlan
    {
        public MemberPlan(ArchiveMember member) => Member = member;

        public ArchiveMember Member { get; }

        /// <summary>Relative output path joined with '/' (after stripping); null when the member cannot be placed.</summary>
        public string? Key { get; set; }

        /// <summary>Relative output path with this OS's separator; empty for the destination root itself.</summary>
        public string? Relative { get; set; }

        public bool Written { get; set; }

        public List<ExtractionProblem>? Problems { get; set; }

        public string? SkipReason { get; set; }

        public bool Unsafe => Problems != null;

        public void Reject(string code, string message)
        {
            (Problems ??= new List<ExtractionProblem>()).Add(new ExtractionProblem(Member.Index, Member.Path, code, message));
        }
    }

    /// <summary>A failure that ends the run: cleanup happens, then the result describes it.</summary>
    internal sealed class ExtractionAbort : Exception
    {
        public ExtractionAbort(ExtractionFailure failure, string message, Exception? inner = null) : base(message, inner)
        {
            Failure = failure;
        }

        public ExtractionFailure Failure { get; }
    }

    internal sealed class ExtractionRun
    {
        private static readonly DateTime MinTime = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime MaxTime = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly ExtractionOptions _options;
        private readonly string _archivePath;
        private readonly string _archiveName;
        private readonly string _destination;
        private readonly Stream _stream;
        private readonly CancellationToken _ct;
        private readonly Action<ArchiveStatistics>? _progress;
        private readonly byte[] _buffer;
        private readonly ExtractionResult _result;

        private readonly List<MemberPlan> _plans = new List<MemberPlan>();
        private readonly List<ArchiveMember> _members = new List<ArchiveMember>();
        private readonly Dictionary<int, CapturedContent> _contents = new Dictionary<int, CapturedContent>();
        private readonly Dictionary<string, (int Index, SlotKind Kind)> _slots = new Dictionary<string, (int, SlotKind)>(StringComparer.Ordinal);
        private Dictionary<string, string>? _folded; // case-folded key -> first spelling (case-insensitive volumes only)
        private readonly HashSet<string> _createdDirectories = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<(string Path, DateTime Time, int Depth)> _directoryTimes = new List<(string, DateTime, int)>();
        private readonly List<string> _tops = new List<string>();
        private readonly List<string> _createdAncestors = new List<string>();
        private string? _stripTop;
        private string? _lastParentKey;
        private string? _staging;
        private string _stagingParent = string.Empty;

        public ExtractionRun(ExtractionOptions options, string archivePath, string destination, Stream stream, CancellationToken ct, Action<ArchiveStatistics>? progress)
        {
            _options = options;
            _archivePath = archivePath;
            _archiveName = Path.GetFileName(archivePath);
            _destination = destination;
            _stream = stream;
            _ct = ct;
            _progress = progress;
            _buffer = new byte[Math.Max(4096, options.BufferSize)];
            _result = new ExtractionResult(archivePath, destination);
        }

        private string Sep => Path.DirectorySeparatorChar.ToString();

        public ExtractionResult Execute()
        {
            var moved = false;
            try
            {
                PrepareStaging();
                var decision = ReadAndStage();
                if (decision != null) throw decision;
                MaterializeLinks();
                ApplyDirectoryTimes();
                PlaceTargets();
                moved = true;
            }
            catch (ExtractionAbort abort)
            {
                _result.Failure = abort.Failure;
                _result.FailureMessage = abort.Message;
                _result.Exception = abort.InnerException;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                _result.Failure = ExtractionFailure.WriteFailed;
                _result.FailureMessage = $"Expanding '{_archiveName}' failed while writing{CurrentMemberText()}: {ex.Message} Nothing was left in '{_destination}'.";
                _result.Exception = ex;
            }
            finally
            {
                if (!moved) Cleanup();
            }

            BuildEntries();
            return _result;
        }

        private string? _currentMember;

        private string CurrentMemberText() => _currentMember == null ? string.Empty : $" '{MemberPath.Display(_currentMember)}'";

        // ----- staging -----

        private void PrepareStaging()
        {
            _stagingParent = _options.StripTopLevel ? (Path.GetDirectoryName(_destination) ?? _destination) : _destination;
            if (_options.StripTopLevel)
            {
                if (string.Equals(_stagingParent, _destination, StringComparison.Ordinal))
                {
                    throw new ExtractionAbort(ExtractionFailure.TargetExists, $"'{_destination}' is a root directory; -StripTopLevel needs a destination that can be replaced as a whole.");
                }
                CheckTarget(_destination);
            }
            if (IsLink(_stagingParent))
            {
                throw new ExtractionAbort(ExtractionFailure.TargetIsLink, $"'{_stagingParent}' is a symbolic link or junction; refusing to extract through it. Give the real directory as -DestinationPath.");
            }
            if (File.Exists(_stagingParent))
            {
                throw new ExtractionAbort(ExtractionFailure.TargetExists, $"'{_stagingParent}' is a file, not a directory.");
            }
            CreateAncestors(_stagingParent);

            var name = ".pypackaging-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".partial";
            var staging = Path.Combine(_stagingParent, name);
            CreateDirectory(staging);
            _staging = staging;

            if (_options.CaseInsensitiveVolume ?? ProbeCaseInsensitive(staging)) _folded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Creates a file in the fresh staging directory and looks for it under another letter case.</summary>
        private static bool ProbeCaseInsensitive(string staging)
        {
            var probe = Path.Combine(staging, ".probe-Aa");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write)) { }
            var insensitive = File.Exists(Path.Combine(staging, ".PROBE-AA"));
            File.Delete(probe);
            return insensitive;
        }

        /// <summary>Refuses a target that is a link, or that exists when it may not be replaced.</summary>
        private void CheckTarget(string target)
        {
            if (IsLink(target))
            {
                throw new ExtractionAbort(ExtractionFailure.TargetIsLink, $"'{target}' is a symbolic link or junction; refusing to replace or write through it.");
            }
            if (_options.Force) return;
            if (File.Exists(target) || (Directory.Exists(target) && !IsEmptyDirectory(target)))
            {
                throw new ExtractionAbort(ExtractionFailure.TargetExists, $"'{target}' already exists. Use -Force to replace it (its contents are replaced, never merged), or choose another -DestinationPath.");
            }
        }

        private static bool IsEmptyDirectory(string path)
        {
            using var e = Directory.EnumerateFileSystemEntries(path).GetEnumerator();
            return !e.MoveNext();
        }

        internal static bool IsLink(string path)
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists && !Directory.Exists(path))
                {
                    // A dangling symbolic link exists for lstat only.
                    return (info.Attributes != (FileAttributes)(-1)) && (info.Attributes & FileAttributes.ReparsePoint) != 0;
                }
                return (info.Attributes & FileAttributes.ReparsePoint) != 0;
            }
            catch (IOException)
            {
                return false;
            }
        }

        private void CreateAncestors(string directory)
        {
            var missing = new Stack<string>();
            var current = directory;
            while (!string.IsNullOrEmpty(current) && !Directory.Exists(current))
            {
                if (IsLink(current))
                {
                    throw new ExtractionAbort(ExtractionFailure.TargetIsLink, $"'{current}' is a dangling symbolic link; refusing to create the destination through it.");
                }
                missing.Push(current);
                current = Path.GetDirectoryName(current);
            }
            while (missing.Count > 0)
            {
                var dir = missing.Pop();
                CreateDirectory(dir);
                _createdAncestors.Add(dir);
            }
        }

        private static void CreateDirectory(string path)
        {
#if NET8_0_OR_GREATER
            if (!OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                    UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                return;
            }
#endif
            Directory.CreateDirectory(path);
        }

        private void Cleanup()
        {
            if (_staging != null) DeleteTree(_staging);
            for (var i = _createdAncestors.Count - 1; i >= 0; i--)
            {
                try
                {
                    if (Directory.Exists(_createdAncestors[i]) && IsEmptyDirectory(_createdAncestors[i])) Directory.Delete(_createdAncestors[i]);
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }

        internal static void DeleteTree(string path)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    if (IsLink(path)) { File.Delete(path); return; }
                    if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                    else if (File.Exists(path)) File.Delete(path);
                    return;
                }
                catch (IOException) { Thread.Sleep(50); }
                catch (UnauthorizedAccessException) { Thread.Sleep(50); }
            }
        }

        // ----- the pass -----

        private ExtractionAbort? ReadAndStage()
        {
            var findings = new FindingCollector();
            long fileLength = _stream.CanSeek ? _stream.Length : -1;
            SdistSnapshot snapshot;
            using (var reader = SdistArchiveReader.Open(_stream, _options.Limits, findings, _ct, leaveOpen: true))
            {
                while (reader.MoveNext())
                {
                    _ct.ThrowIfCancellationRequested();
                    var member = reader.Current;
                    _members.Add(member);
                    var plan = new MemberPlan(member);
                    _plans.Add(plan);
                    _currentMember = member.Path;
                    Stage(plan, reader);
                    _currentMember = null;
                    _progress?.Invoke(reader.Statistics);
                }
                _ct.ThrowIfCancellationRequested();
                snapshot = new SdistSnapshot(_archivePath, reader.Container, _members, _contents, reader.Statistics, reader.Completed, reader.StopReason);
            }

            CheckRegistry.RunAll(snapshot, findings);
            _snapshot = snapshot;
            var entries = EntryFactory.FromInspection(snapshot, findings, fileLength);
            _entries = entries;
            return Decide(snapshot, findings);
        }

        private IReadOnlyList<PySdistEntry>? _entries;
        private SdistSnapshot? _snapshot;

        private void Stage(MemberPlan plan, ISdistArchiveReader reader)
        {
            var member = plan.Member;
            var path = MemberPath.Parse(member.Path);
            var placed = Place(plan, path);

            switch (member.Type)
            {
                case PySdistEntryType.Directory:
                    if (!placed) return;
                    if (!Claim(plan, SlotKind.Directory)) return;
                    var dir = StagedPath(plan);
                    if (!_createdDirectories.Contains(plan.Key!))
                    {
                        CreateDirectory(dir);
                        RememberDirectory(plan.Key!);
                    }
                    if (member.ModifiedTime is DateTime dt) _directoryTimes.Add((dir, Clamp(dt), path.Components.Count));
                    plan.Written = true;
                    return;

                case PySdistEntryType.File:
                    var capture = CapturePolicy.BytesToCapture(member.Path);
                    if (!placed || !Claim(plan, SlotKind.File))
                    {
                        if (capture > 0) _contents[member.Index] = CapturePolicy.Capture(reader.OpenData(), member.Size, capture);
                        return;
                    }
                    WriteFile(plan, reader.OpenData(), capture);
                    return;

                case PySdistEntryType.SymbolicLink:
                case PySdistEntryType.HardLink:
                    if (!placed) return;
                    Claim(plan, SlotKind.Link); // written at the end, once the whole graph is known and checked
                    return;

                default:
                    plan.Reject("SpecialFile", $"'{MemberPath.Display(member.Path)}' is a {Describe(member.Type)}; only regular files, directories and links are extracted.");
                    return;
            }
        }

        private static string Describe(PySdistEntryType type) => type switch
        {
            PySdistEntryType.CharacterDevice => "character device",
            PySdistEntryType.BlockDevice => "block device",
            PySdistEntryType.Fifo => "FIFO",
            PySdistEntryType.SparseFile => "sparse file",
            _ => "member of an unknown type",
        };

        private const PathProblems Unplaceable =
            PathProblems.Empty | PathProblems.Absolute | PathProblems.DriveLetter | PathProblems.Unc | PathProblems.Backslash |
            PathProblems.ParentEscapes | PathProblems.ParentInside | PathProblems.ControlCharacter | PathProblems.Nul;

        /// <summary>Checks the member's path lexically and computes where it goes; false when it must not be written.</summary>
        private bool Place(MemberPlan plan, MemberPath path)
        {
            var member = plan.Member;
            var bad = path.Problems & Unplaceable;
            if (bad != PathProblems.None || path.EscapeDepth > 0)
            {
                foreach (PathProblems flag in Enum.GetValues(typeof(PathProblems)))
                {
                    if (flag == PathProblems.None || (bad & flag) == 0) continue;
                    plan.Reject(CodeFor(flag), $"'{MemberPath.Display(member.Path)}': {MemberPath.Describe(flag)}; it is not written.");
                }
                if (plan.Problems == null) plan.Reject("PathTraversal", $"'{MemberPath.Display(member.Path)}' climbs above the destination; it is not written.");
                return false;
            }
            if (path.Components.Count == 0)
            {
                if (member.Type == PySdistEntryType.Directory)
                {
                    plan.SkipReason = "The member names the archive root itself.";
                    return false;
                }
                plan.Reject("EmptyPath", $"'{MemberPath.Display(member.Path)}' names the archive root itself; it is not written.");
                return false;
            }

            IReadOnlyList<string> components = path.Components;
            var start = 0;
            var top = components[0];
            if (_options.StripTopLevel)
            {
                if (_stripTop == null)
                {
                    if (components.Count == 1 && member.Type != PySdistEntryType.Directory)
                    {
                        plan.Reject("OutsideTopLevel", $"'{MemberPath.Display(member.Path)}' is not inside a top-level directory, so -StripTopLevel cannot place it.");
                        return false;
                    }
                    _stripTop = top;
                }
                else if (!string.Equals(top, _stripTop, StringComparison.Ordinal) || (components.Count == 1 && member.Type != PySdistEntryType.Directory))
                {
                    plan.Reject("OutsideTopLevel", $"'{MemberPath.Display(member.Path)}' is outside the top-level directory '{_stripTop}/', so -StripTopLevel cannot place it.");
                    return false;
                }
                start = 1;
            }
            else if (!_tops.Contains(top))
            {
                if (_tops.Count > ArchiveLimits.MaxTopLevelEntries)
                {
                    plan.Reject("OutsideTopLevel", $"'{MemberPath.Display(member.Path)}' adds yet another top-level entry; more than {ArchiveLimits.MaxTopLevelEntries} are not extracted.");
                    return false;
                }
                CheckTarget(Path.Combine(_destination, top));
                _tops.Add(top);
            }

            if (_options.WindowsNameRules)
            {
                for (var i = start; i < components.Count; i++)
                {
                    var problem = OsNames.WindowsProblem(components[i], out var code);
                    if (problem != null)
                    {
                        plan.Reject(code, $"'{MemberPath.Display(member.Path)}': {problem}; it is not written.");
                        return false;
                    }
                }
            }
            else if (path.Has(PathProblems.Colon) && Path.DirectorySeparatorChar == '\\')
            {
                plan.Reject("WindowsInvalidName", $"'{MemberPath.Display(member.Path)}' contains ':'; it is not written.");
                return false;
            }

            if (start >= components.Count)
            {
                plan.Key = string.Empty;
                plan.Relative = string.Empty;
                return true;
            }
            plan.Key = start == 0 ? path.Normalized : MemberPath.JoinRange(components, start, components.Count - start);
            plan.Relative = Path.DirectorySeparatorChar == '/' ? plan.Key : plan.Key.Replace('/', Path.DirectorySeparatorChar);
            return true;
        }

        private static string CodeFor(PathProblems flag) => flag switch
        {
            PathProblems.Empty => "EmptyPath",
            PathProblems.Absolute => "AbsolutePath",
            PathProblems.DriveLetter => "DriveLetterPath",
            PathProblems.Unc => "UncPath",
            PathProblems.Backslash => "BackslashInPath",
            PathProblems.ParentEscapes => "PathTraversal",
            PathProblems.ParentInside => "ParentComponentInPath",
            _ => "ControlCharacterInPath",
        };

        /// <summary>
        /// Records the member at its path, after checking its parents are directories (not files or links of earlier
        /// members) and the path is not already taken, exactly or, on a case-insensitive volume, by another spelling.
        /// </summary>
        private bool Claim(MemberPlan plan, SlotKind kind)
        {
            var key = plan.Key!;
            if (key.Length == 0) return kind == SlotKind.Directory;
            var member = plan.Member;
            var slash = key.LastIndexOf('/');
            var parentKey = slash < 0 ? string.Empty : key.Substring(0, slash);
            if (parentKey.Length > 0 && !string.Equals(parentKey, _lastParentKey, StringComparison.Ordinal))
            {
                var from = 0;
                while (from < parentKey.Length)
                {
                    var next = parentKey.IndexOf('/', from);
                    var prefix = next < 0 ? parentKey : parentKey.Substring(0, next);
                    if (_slots.TryGetValue(prefix, out var slot))
                    {
                        if (slot.Kind != SlotKind.Directory)
                        {
                            var what = slot.Kind == SlotKind.Link ? "a link" : "a file";
                            plan.Reject(slot.Kind == SlotKind.Link ? "SymlinkAsParent" : "NonDirectoryAsParent",
                                $"'{MemberPath.Display(member.Path)}' would be written below '{MemberPath.Display(_members[slot.Index].Path)}', which is {what}; it is not written.");
                            return false;
                        }
                    }
                    else
                    {
                        if (!CheckFolded(plan, prefix, SlotKind.Directory)) return false;
                        _slots[prefix] = (member.Index, SlotKind.Directory);
                    }
                    if (next < 0) break;
                    from = next + 1;
                }
                _lastParentKey = parentKey;
            }

            if (_slots.TryGetValue(key, out var existing))
            {
                if (existing.Kind == SlotKind.Directory && kind == SlotKind.Directory) return true;
                var earlier = _members[existing.Index];
                var code = existing.Kind == kind ? "DuplicatePath" : "PathTypeChange";
                plan.Reject(code, $"'{MemberPath.Display(member.Path)}' is also member {existing.Index} ('{MemberPath.Display(earlier.Path)}'); a later member must not replace an earlier one, so it is not written.");
                return false;
            }
            if (!CheckFolded(plan, key, kind)) return false;
            _slots[key] = (member.Index, kind);
            return true;
        }

        private bool CheckFolded(MemberPlan plan, string key, SlotKind kind)
        {
            if (_folded == null) return true;
            if (_folded.TryGetValue(key, out var spelled))
            {
                if (string.Equals(spelled, key, StringComparison.Ordinal)) return true;
                var other = _slots[spelled];
                if (other.Kind == SlotKind.Directory && kind == SlotKind.Directory) return true;
                plan.Reject("CaseCollision",
                    $"'{MemberPath.Display(plan.Member.Path)}' and member {other.Index} ('{MemberPath.Display(_members[other.Index].Path)}') differ only in letter case; this volume is case-insensitive and would write them to the same file.");
                return false;
            }
            _folded[key] = key;
            return true;
        }

        private void RememberDirectory(string key)
        {
            // The directory and all its parents now exist in staging.
            var k = key;
            while (k.Length > 0 && _createdDirectories.Add(k))
            {
                var slash = k.LastIndexOf('/');
                k = slash < 0 ? string.Empty : k.Substring(0, slash);
            }
        }

        private string StagedPath(MemberPlan plan) => plan.Relative!.Length == 0 ? _staging! : Path.Combine(_staging!, plan.Relative);

        private string FinalPath(MemberPlan plan)
        {
            return plan.Relative!.Length == 0 ? _destination : Path.Combine(_destination, plan.Relative);
        }

        private void EnsureParent(MemberPlan plan)
        {
            var key = plan.Key!;
            var slash = key.LastIndexOf('/');
            if (slash < 0) return;
            var parentKey = key.Substring(0, slash);
            if (_createdDirectories.Contains(parentKey)) return;
            CreateDirectory(Path.Combine(_staging!, Path.DirectorySeparatorChar == '/' ? parentKey : parentKey.Replace('/', Path.DirectorySeparatorChar)));
            RememberDirectory(parentKey);
        }

        private static bool IsExecutable(ArchiveMember member) => member.Mode is int m && (m & 0x40) != 0;

        private void WriteFile(MemberPlan plan, Stream data, int capture)
        {
            var member = plan.Member;
            EnsureParent(plan);
            var target = StagedPath(plan);
            byte[]? captured = capture > 0 ? new byte[(int)Math.Min(member.Size, capture)] : null;
            var capturedCount = 0;
            using (var output = CreateFile(target, IsExecutable(member)))
            {
                plan.Written = true;
                int read;
                while ((read = data.Read(_buffer, 0, _buffer.Length)) > 0)
                {
                    if (captured != null && capturedCount < captured.Length)
                    {
                        var take = Math.Min(read, captured.Length - capturedCount);
                        Buffer.BlockCopy(_buffer, 0, captured, capturedCount, take);
                        capturedCount += take;
                    }
                    output.Write(_buffer, 0, read);
                }
            }
            if (captured != null)
            {
                if (capturedCount < captured.Length) Array.Resize(ref captured, capturedCount);
                _contents[member.Index] = new CapturedContent(captured, truncated: member.Size > capturedCount);
            }
            if (member.ModifiedTime is DateTime dt) File.SetLastWriteTimeUtc(target, Clamp(dt));
        }

        private static FileStream CreateFile(string path, bool executable)
        {
#if NET8_0_OR_GREATER
            if (!OperatingSystem.IsWindows())
            {
                var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
                if (executable) mode |= UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
                return new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                    BufferSize = 0,
                    UnixCreateMode = mode,
                });
            }
#endif
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        }

        private static DateTime Clamp(DateTime t)
        {
            var utc = t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc);
            if (utc < MinTime) return MinTime;
            if (utc > MaxTime) return MaxTime;
            return utc;
        }

        // ----- the decision -----

        private static bool Blocks(PySdistRule rule) =>
            rule.Severity == PySdistSeverity.Error &&
            (rule.Category == PySdistRuleCategory.Safety || rule.Category == PySdistRuleCategory.Limits);

        private ExtractionAbort? Decide(SdistSnapshot snapshot, FindingCollector findings)
        {
            var problems = new List<ExtractionProblem>();
            var archiveWide = false;
            var limits = false;
            foreach (var f in findings.Findings)
            {
                if (!Blocks(f.Rule)) continue;
                var inRange = f.MemberIndex >= 0 && f.MemberIndex < _plans.Count;
                var path = inRange ? _members[f.MemberIndex].Path : _archiveName;
                var problem = new ExtractionProblem(inRange ? f.MemberIndex : -1, path, f.Rule.Id, f.Message);
                problems.Add(problem);
                if (inRange) (_plans[f.MemberIndex].Problems ??= new List<ExtractionProblem>()).Add(problem);
                if (!inRange || RuleCatalog.IsReportedByArchiveReader(f.Rule))
                {
                    archiveWide = true;
                    if (f.Rule.Category == PySdistRuleCategory.Limits) limits = true;
                }
            }
            if (!snapshot.Completed)
            {
                archiveWide = true;
                if (problems.Count == 0 || snapshot.StopReason != null)
                {
                    problems.Add(new ExtractionProblem(-1, _archiveName, "ArchiveIncomplete", snapshot.StopReason ?? "the archive could not be read to its end."));
                }
            }

            // Problems the extraction pass found on its own (names this OS cannot hold, case collisions, special files)
            // and that no rule reported.
            var reported = new HashSet<(int, string)>();
            foreach (var p in problems) reported.Add((p.MemberIndex, p.Code));
            foreach (var plan in _plans)
            {
                if (plan.Problems == null) continue;
                foreach (var p in plan.Problems)
                {
                    if (reported.Add((p.MemberIndex, p.Code))) problems.Add(p);
                }
            }
            // Stable order: by member, archive-level problems first.
            problems = problems.Select((p, i) => (p, i)).OrderBy(x => x.p.MemberIndex).ThenBy(x => x.i).Select(x => x.p).ToList();
            _result.Problems = problems;

            if (archiveWide)
            {
                var failure = limits ? ExtractionFailure.LimitsExceeded : ExtractionFailure.InvalidArchive;
                _refusedAll = true;
                // Say what is actually wrong: a container PyPackaging does not unpack (bzip2, xz, an empty file) is neither
                // corrupt nor ambiguous; only findings of the framing rules justify "corrupt, truncated or ambiguously framed".
                var framing = problems.Any(p => p.Code != "ArchiveIncomplete");
                var what = limits ? "it exceeds a resource limit"
                    : framing ? "it is corrupt, truncated or ambiguously framed"
                    : snapshot.StopReason != null ? snapshot.StopReason.TrimEnd('.') : "it could not be read to its end";
                return new ExtractionAbort(failure, Explain($"Refused to expand '{_archiveName}': {what}.", problems));
            }
            var unsafeCount = 0;
            foreach (var plan in _plans) if (plan.Unsafe) unsafeCount++;
            if (unsafeCount > 0 && !_options.SkipUnsafe)
            {
                _refusedAll = true;
                return new ExtractionAbort(ExtractionFailure.UnsafeMembers,
                    Explain($"Refused to expand '{_archiveName}': {unsafeCount} unsafe member{(unsafeCount == 1 ? string.Empty : "s")}. Use -SkipUnsafe to extract the rest.", problems));
            }

            // -SkipUnsafe: take back whatever was written for members found unsafe only after the pass.
            foreach (var plan in _plans)
            {
                if (!plan.Unsafe || !plan.Written) continue;
                if (plan.Member.Type == PySdistEntryType.File) File.Delete(StagedPath(plan));
                plan.Written = false;
            }
            return null;
        }

        private bool _refusedAll;

        private string Explain(string headline, List<ExtractionProblem> problems)
        {
            var text = new StringBuilder(headline);
            text.Append(" Nothing was written to '").Append(_destination).Append("'.");
            foreach (var p in problems)
            {
                text.AppendLine();
                text.Append("  ").Append(p.MemberIndex >= 0 ? MemberPath.Display(p.Path) : "(archive) " + p.Path)
                    .Append(": ").Append(p.Code).Append(": ").Append(p.Message);
            }
            return text.ToString();
        }

        // ----- after the decision -----

        private void MaterializeLinks()
        {
            LinkGraph? graph = null;
            foreach (var plan in _plans)
            {
                var type = plan.Member.Type;
                if (type != PySdistEntryType.SymbolicLink && type != PySdistEntryType.HardLink) continue;
                if (plan.Unsafe || plan.Key == null || plan.Key.Length == 0) continue;
                _ct.ThrowIfCancellationRequested();
                _currentMember = plan.Member.Path;
                if (_options.LinkMode == LinkMode.Skip)
                {
                    plan.SkipReason = "Links are not extracted with -LinkMode Skip.";
                    continue;
                }
                graph ??= LinkGraph.For(_snapshot!); // the graph the checks already built
                if (type == PySdistEntryType.HardLink)
                {
                    var h = graph.HardLink(plan.Member.Index);
                    if (h == null || h.Outcome != HardLinkOutcome.Regular || h.TargetMemberIndex < 0)
                    {
                        plan.SkipReason = "The hard link does not lead to an earlier regular file.";
                        continue;
                    }
                    CopyFrom(plan, FinalRegular(h.TargetMemberIndex));
                    continue;
                }

                var s = graph.Symlink(plan.Member.Index);
                if (s == null || s.Outcome != SymlinkOutcome.Inside)
                {
                    plan.SkipReason = s?.Outcome == SymlinkOutcome.Dangling
                        ? $"The link's target '{s.ResolvedPath}' is not in the archive."
                        : "The link does not resolve to a member of the archive.";
                    continue;
                }
                var targetIndex = s.TargetMemberIndex;
                if (targetIndex >= 0 && _members[targetIndex].Type == PySdistEntryType.HardLink && graph.HardLink(targetIndex) is HardLinkResolution viaHard && viaHard.Outcome == HardLinkOutcome.Regular)
                {
                    targetIndex = viaHard.TargetMemberIndex; // a symbolic link to a hard link copies the file the hard link names
                }
                if (_options.LinkMode == LinkMode.Copy)
                {
                    if (s.TargetIsDirectory || targetIndex < 0 || _members[targetIndex].Type != PySdistEntryType.File)
                    {
                        plan.SkipReason = s.TargetIsDirectory
                            ? "Links to directories are not copied; use -LinkMode Symlink to create them as links."
                            : "The link does not lead to a regular file.";
                        continue;
                    }
                    CopyFrom(plan, _plans[targetIndex]);
                    continue;
                }
                CreateSymlink(plan, graph, s);
            }
            _currentMember = null;
        }

        private MemberPlan? FinalRegular(int index) => index >= 0 && index < _plans.Count ? _plans[index] : null;

        private void CopyFrom(MemberPlan plan, MemberPlan? source)
        {
            if (source == null || !source.Written || source.Member.Type != PySdistEntryType.File)
            {
                plan.SkipReason = "The link's target was not extracted.";
                return;
            }
            var target = StagedPath(plan);
            EnsureParent(plan);
            File.Copy(StagedPath(source), target, overwrite: false);
            if (source.Member.ModifiedTime is DateTime dt) File.SetLastWriteTimeUtc(target, Clamp(dt));
            plan.Written = true;
        }

        private void CreateSymlink(MemberPlan plan, LinkGraph graph, SymlinkResolution s)
        {
#if NET8_0_OR_GREATER
            if (s.TargetMemberIndex >= 0 && !_plans[s.TargetMemberIndex].Written && !s.TargetIsDirectory)
            {
                plan.SkipReason = "The link's target was not extracted.";
                return;
            }
            // Write a normalised relative target computed from the checked resolution, never the stored text.
            var linkParent = graph.PathOf(plan.Member.Index).Components;
            var targetComponents = MemberPath.Parse(s.ResolvedPath).Components;
            var common = 0;
            var parentCount = linkParent.Count - 1;
            while (common < parentCount && common < targetComponents.Count && string.Equals(linkParent[common], targetComponents[common], StringComparison.Ordinal)) common++;
            var parts = new List<string>();
            for (var i = common; i < parentCount; i++) parts.Add("..");
            for (var i = common; i < targetComponents.Count; i++) parts.Add(targetComponents[i]);
            if (parts.Count == 0) parts.Add(".");
            var relative = string.Join(Path.DirectorySeparatorChar.ToString(), parts);
            var path = StagedPath(plan);
            EnsureParent(plan);
            try
            {
                if (s.TargetIsDirectory) Directory.CreateSymbolicLink(path, relative);
                else File.CreateSymbolicLink(path, relative);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new IOException($"Creating the symbolic link failed ({ex.Message}). On Windows, symbolic links need Developer Mode or administrator rights; -LinkMode Copy works everywhere.", ex);
            }
            plan.Written = true;
#else
            plan.SkipReason = "Symbolic links are not supported on Windows PowerShell 5.1; use -LinkMode Copy.";
#endif
        }

        private void ApplyDirectoryTimes()
        {
            _directoryTimes.Sort((a, b) => b.Depth.CompareTo(a.Depth));
            foreach (var (path, time, _) in _directoryTimes)
            {
                Directory.SetLastWriteTimeUtc(path, time);
            }
        }

        private void PlaceTargets()
        {
            _ct.ThrowIfCancellationRequested();
            var moves = new List<(string From, string To)>();
            if (_options.StripTopLevel)
            {
                moves.Add((_staging!, _destination));
            }
            else
            {
                foreach (var top in _tops)
                {
                    var staged = Path.Combine(_staging!, top);
                    if (Directory.Exists(staged) || File.Exists(staged) || IsLink(staged)) moves.Add((staged, Path.Combine(_destination, top)));
                }
            }

            foreach (var (_, to) in moves) CheckTarget(to);

            var asides = new List<(string Original, string Aside)>();
            var done = new List<(string From, string To)>();
            try
            {
                foreach (var (from, to) in moves)
                {
                    if (Directory.Exists(to) || File.Exists(to))
                    {
                        var aside = Path.Combine(Path.GetDirectoryName(to)!, ".pypackaging-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".old");
                        Move(to, aside);
                        asides.Add((to, aside));
                    }
                    Move(from, to);
                    done.Add((from, to));
                }
            }
            catch
            {
                for (var i = done.Count - 1; i >= 0; i--) TryMove(done[i].To, done[i].From);
                for (var i = asides.Count - 1; i >= 0; i--) TryMove(asides[i].Aside, asides[i].Original);
                throw;
            }

            if (!_options.StripTopLevel) DeleteTree(_staging!);
            _staging = null;
            foreach (var (_, aside) in asides) DeleteTree(aside);
            var targets = new List<string>();
            foreach (var (_, to) in moves) targets.Add(to);
            _result.Targets = targets;
        }

        private static void Move(string from, string to)
        {
            if (Directory.Exists(from) && !IsLink(from)) Directory.Move(from, to);
            else File.Move(from, to);
        }

        private static void TryMove(string from, string to)
        {
            try { Move(from, to); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        // ----- entries -----

        private void BuildEntries()
        {
            var list = new List<PySdistEntry>(_plans.Count);
            var extracted = 0;
            var skipped = 0;
            for (var i = 0; i < _plans.Count; i++)
            {
                var plan = _plans[i];
                var entry = _entries != null && i + 1 < _entries.Count ? _entries[i + 1] : EntryFactory.FromMember(_archivePath, plan.Member);
                if (_result.Succeeded && plan.Written)
                {
                    entry.Action = PySdistEntryAction.Extracted;
                    entry.Destination = FinalPath(plan);
                    extracted++;
                }
                else if (_result.Succeeded && plan.Key != null && plan.Key.Length == 0 && plan.Member.Type == PySdistEntryType.Directory)
                {
                    entry.Action = PySdistEntryAction.Extracted;
                    entry.Destination = _destination;
                    extracted++;
                }
                else if (plan.Unsafe)
                {
                    entry.Action = _result.Succeeded ? PySdistEntryAction.Skipped : PySdistEntryAction.Refused;
                    entry.Reason = JoinReasons(plan.Problems!);
                    skipped++;
                }
                else
                {
                    entry.Action = PySdistEntryAction.Skipped;
                    entry.Reason = _result.Succeeded
                        ? plan.SkipReason ?? "Not extracted."
                        : _refusedAll ? "Not extracted: the archive was refused." : "Not extracted: " + (_result.FailureMessage ?? "the extraction failed.");
                    skipped++;
                }
                list.Add(entry);
            }
            _result.Entries = list;
            _result.ArchiveEntry = BuildArchiveEntry();
            _result.ExtractedCount = extracted;
            _result.SkippedCount = skipped;
        }

        /// <summary>
        /// The Archive entry (with the archive's verdict over all findings) once the archive has been read to a decision:
        /// Extracted with where it went, Refused when its content was refused, Skipped (with the reason) when the
        /// extraction failed for another reason. Null when the run stopped before the archive was read.
        /// </summary>
        private PySdistEntry? BuildArchiveEntry()
        {
            if (_entries == null || _entries.Count == 0) return null;
            var archive = _entries[0];
            if (_result.Succeeded)
            {
                archive.Action = PySdistEntryAction.Extracted;
                archive.Destination = _result.Targets.Count == 1 ? _result.Targets[0] : _destination;
            }
            else
            {
                archive.Action = _refusedAll ? PySdistEntryAction.Refused : PySdistEntryAction.Skipped;
                var message = _result.FailureMessage ?? "The extraction failed.";
                var end = message.IndexOfAny(new[] { '\r', '\n' });
                archive.Reason = end < 0 ? message : message.Substring(0, end);
            }
            return archive;
        }

        private static string JoinReasons(List<ExtractionProblem> problems)
        {
            if (problems.Count == 1) return problems[0].Code + ": " + problems[0].Message;
            var sb = new StringBuilder();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in problems)
            {
                if (!seen.Add(p.Code + "\n" + p.Message)) continue;
                if (sb.Length > 0) sb.Append(" | ");
                sb.Append(p.Code).Append(": ").Append(p.Message);
            }
            return sb.ToString();
        }
    }
}
