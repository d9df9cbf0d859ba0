using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace PyPackaging.Extraction
{
    /// <summary>
    /// The hidden directory an extraction writes into, next to (or, with -StripTopLevel, instead of) the destination,
    /// and the all-or-nothing move of its contents into place. Nothing is written outside it until
    /// <see cref="PlaceTargets"/>; <see cref="Cleanup"/> leaves the destination as it was.
    /// </summary>
    internal sealed class StagingArea
    {
        private static readonly DateTime MinTime = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime MaxTime = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        // Archives expanded at once into one destination share its missing ancestors. Each run in progress counts as a
        // user of the ancestors that runs created, and the last user to fail removes them when empty: so a failed run
        // never removes a directory another run is about to stage in, and none is left behind when every run fails
        // (as when the runs go one after another). Creating and removing ancestors are short: one lock for the process.
        private static readonly object AncestorsGate = new object();
        private static readonly Dictionary<string, int> AncestorUsers = new Dictionary<string, int>(StringComparer.Ordinal);

        private readonly ExtractionOptions _options;
        private readonly string _destination;
        private readonly HashSet<string> _createdDirectories = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<(string Path, DateTime Time, int Depth)> _directoryTimes = new List<(string, DateTime, int)>();
        private readonly List<string> _createdAncestors = new List<string>();
        private string? _staging;

        public StagingArea(ExtractionOptions options, string destination)
        {
            _options = options;
            _destination = destination;
        }

        /// <summary>True when the staging directory sits on a volume that folds letter case (probed unless the options say).</summary>
        public bool CaseInsensitive { get; private set; }

        /// <summary>Creates the staging directory (and the destination's missing ancestors), refusing links and occupied targets.</summary>
        public void Prepare()
        {
            var stagingParent = _options.StripTopLevel ? (Path.GetDirectoryName(_destination) ?? _destination) : _destination;
            if (_options.StripTopLevel)
            {
                if (string.Equals(stagingParent, _destination, StringComparison.Ordinal))
                {
                    throw new ExtractionAbort(ExtractionFailure.TargetExists, $"'{_destination}' is a root directory; -StripTopLevel needs a destination that can be replaced as a whole.");
                }
                CheckTarget(_destination);
            }
            if (IsLink(stagingParent))
            {
                throw new ExtractionAbort(ExtractionFailure.TargetIsLink, $"'{stagingParent}' is a symbolic link or junction; refusing to extract through it. Give the real directory as -DestinationPath.");
            }
            if (File.Exists(stagingParent))
            {
                throw new ExtractionAbort(ExtractionFailure.TargetExists, $"'{stagingParent}' is a file, not a directory.");
            }
            var name = ".pypackaging-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".partial";
            var staging = Path.Combine(stagingParent, name);
            lock (AncestorsGate)
            {
                CreateAncestors(stagingParent);
                CreateDirectory(staging);
            }
            _staging = staging;
            CaseInsensitive = _options.CaseInsensitiveVolume ?? ProbeCaseInsensitive(staging);
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
        public void CheckTarget(string target)
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
                // One lstat snapshot (a dangling symbolic link exists for lstat only). Asking twice raced with a
                // concurrent Expand creating the same directory: the first answer "missing" (attributes -1, all bits
                // set) was then read as a reparse point, and a fresh directory was refused as a link.
                var attributes = new FileInfo(path).Attributes;
                return attributes != (FileAttributes)(-1) && (attributes & FileAttributes.ReparsePoint) != 0;
            }
            catch (IOException)
            {
                return false;
            }
        }

        /// <summary>Creates the missing ancestors of <paramref name="directory"/> and joins the users of those other runs created (under the gate).</summary>
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
            var shared = new Stack<string>();
            for (var existing = current; !string.IsNullOrEmpty(existing); existing = Path.GetDirectoryName(existing))
            {
                if (AncestorUsers.ContainsKey(existing)) shared.Push(existing);
            }
            while (shared.Count > 0)
            {
                var dir = shared.Pop();
                AncestorUsers[dir]++;
                _createdAncestors.Add(dir);
            }
            while (missing.Count > 0)
            {
                var dir = missing.Pop();
                CreateDirectory(dir);
                AncestorUsers[dir] = 1;
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

        /// <summary>Removes the staging directory and the ancestors this run created (when still empty).</summary>
        public void Cleanup()
        {
            if (_staging != null) DeleteTree(_staging);
            _staging = null;
            lock (AncestorsGate) LeaveAncestors(removeEmpty: true);
        }

        /// <summary>Stops using the created ancestors (deepest first); the last user removes them when asked and still empty (under the gate).</summary>
        private void LeaveAncestors(bool removeEmpty)
        {
            for (var i = _createdAncestors.Count - 1; i >= 0; i--)
            {
                var dir = _createdAncestors[i];
                if (AncestorUsers.TryGetValue(dir, out var users) && users > 1)
                {
                    AncestorUsers[dir] = users - 1;
                    continue;
                }
                AncestorUsers.Remove(dir);
                if (!removeEmpty) continue;
                try
                {
                    if (Directory.Exists(dir) && IsEmptyDirectory(dir)) Directory.Delete(dir);
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            _createdAncestors.Clear();
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

        // ----- writing members -----

        /// <summary>Where a member planned at <paramref name="relative"/> is staged (the staging root for "").</summary>
        public string StagedPath(string relative) => relative.Length == 0 ? _staging! : Path.Combine(_staging!, relative);

        /// <summary>Where it ends up after <see cref="PlaceTargets"/>.</summary>
        public string FinalPath(string relative) => relative.Length == 0 ? _destination : Path.Combine(_destination, relative);

        /// <summary>Creates the staged directory at <paramref name="key"/> (once) and remembers its time, applied last.</summary>
        public void AddDirectory(string key, string relative, DateTime? modified, int depth)
        {
            var dir = StagedPath(relative);
            if (!_createdDirectories.Contains(key))
            {
                CreateDirectory(dir);
                RememberDirectory(key);
            }
            if (modified is DateTime dt) _directoryTimes.Add((dir, Clamp(dt), depth));
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

        /// <summary>Creates the staged parent directories of the member at <paramref name="key"/>.</summary>
        public void EnsureParent(string key)
        {
            var slash = key.LastIndexOf('/');
            if (slash < 0) return;
            var parentKey = key.Substring(0, slash);
            if (_createdDirectories.Contains(parentKey)) return;
            CreateDirectory(Path.Combine(_staging!, Path.DirectorySeparatorChar == '/' ? parentKey : parentKey.Replace('/', Path.DirectorySeparatorChar)));
            RememberDirectory(parentKey);
        }

        /// <summary>A new file, never replacing one; executable bits for everyone when the member had the owner's.</summary>
        public static FileStream CreateFile(string path, bool executable)
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

        /// <summary>Gives a staged file its member's time (clamped), when the member has one.</summary>
        public static void SetFileTime(string path, DateTime? time)
        {
            if (time is DateTime t) File.SetLastWriteTimeUtc(path, Clamp(t));
        }

        /// <summary>A member time as UTC, clamped to 1970..2100 so no file system refuses it.</summary>
        public static DateTime Clamp(DateTime t)
        {
            var utc = t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc);
            if (utc < MinTime) return MinTime;
            if (utc > MaxTime) return MaxTime;
            return utc;
        }

        /// <summary>Directory times last, deepest first, so writing into a directory does not change its time again.</summary>
        public void ApplyDirectoryTimes()
        {
            _directoryTimes.Sort((a, b) => b.Depth.CompareTo(a.Depth));
            foreach (var (path, time, _) in _directoryTimes)
            {
                Directory.SetLastWriteTimeUtc(path, time);
            }
        }

        // ----- placing -----

        /// <summary>
        /// Moves the staged result into the destination (the staging directory itself with -StripTopLevel, else each
        /// top-level entry), setting aside what -Force replaces and putting everything back if a move fails.
        /// </summary>
        public IReadOnlyList<string> PlaceTargets(IReadOnlyList<string> topLevelNames, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            var moves = new List<(string From, string To)>();
            if (_options.StripTopLevel)
            {
                moves.Add((_staging!, _destination));
            }
            else
            {
                foreach (var top in topLevelNames)
                {
                    var staged = Path.Combine(_staging!, top);
                    if (Directory.Exists(staged) || File.Exists(staged) || IsLink(staged)) moves.Add((staged, Path.Combine(_destination, top)));
                }
            }

            foreach (var (_, to) in moves) CheckTarget(to);
            var asides = MoveAll(moves);

            if (!_options.StripTopLevel) DeleteTree(_staging!);
            _staging = null;
            lock (AncestorsGate) LeaveAncestors(removeEmpty: false);
            foreach (var (_, aside) in asides) DeleteTree(aside);
            var targets = new List<string>();
            foreach (var (_, to) in moves) targets.Add(to);
            var replaced = new List<string>();
            foreach (var (original, _) in asides) replaced.Add(original);
            ReplacedTargets = replaced;
            return targets;
        }

        /// <summary>After <see cref="PlaceTargets"/>: the targets that existed and were replaced (set aside, then deleted).</summary>
        public IReadOnlyList<string> ReplacedTargets { get; private set; } = Array.Empty<string>();

        private static List<(string Original, string Aside)> MoveAll(List<(string From, string To)> moves)
        {
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
            return asides;
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
    }
}
