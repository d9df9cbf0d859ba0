using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PyPackaging;
using PyPackaging.Archives;
using PyPackaging.Inspection;
using PyPackaging.Rules;

namespace PyPackaging.Core.Tests.Support
{
    /// <summary>
    /// Builds an <see cref="SdistSnapshot"/> directly from a member table, for unit tests of checks.
    /// (End-to-end tests craft real archives with PyPackaging.TestKit instead.)
    /// </summary>
    public sealed class SnapshotBuilder
    {
        private readonly List<ArchiveMember> _members = new List<ArchiveMember>();
        private readonly Dictionary<int, CapturedContent> _contents = new Dictionary<int, CapturedContent>();
        private string _archivePath;
        private ContainerFormat _container = ContainerFormat.TarGzip;
        private bool _completed = true;
        private string? _stopReason;

        public SnapshotBuilder(string fileName = "demo-1.0.tar.gz")
        {
            _archivePath = "/archives/" + fileName;
        }

        public SnapshotBuilder Container(ContainerFormat container) { _container = container; return this; }

        public SnapshotBuilder Incomplete(string reason) { _completed = false; _stopReason = reason; return this; }

        public SnapshotBuilder File(string path, string? content = null, int mode = 0x1A4 /* 0644 */, MemberHeaderFormat format = MemberHeaderFormat.Pax)
        {
            var bytes = content == null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(content);
            var member = Add(new ArchiveMember { Path = path, Type = PySdistEntryType.File, TypeFlag = '0', Size = bytes.Length, Mode = mode, HeaderFormat = format });
            if (content != null && CapturePolicy.BytesToCapture(path) > 0)
            {
                _contents[member.Index] = new CapturedContent(bytes, false);
            }
            return this;
        }

        public SnapshotBuilder Directory(string path, int mode = 0x1ED /* 0755 */) =>
            AddAndReturn(new ArchiveMember { Path = path, Type = PySdistEntryType.Directory, TypeFlag = '5', Mode = mode, HeaderFormat = MemberHeaderFormat.Pax });

        public SnapshotBuilder Symlink(string path, string target) =>
            AddAndReturn(new ArchiveMember { Path = path, Type = PySdistEntryType.SymbolicLink, TypeFlag = '2', LinkTarget = target, Mode = 0x1FF, HeaderFormat = MemberHeaderFormat.Pax });

        public SnapshotBuilder HardLink(string path, string target) =>
            AddAndReturn(new ArchiveMember { Path = path, Type = PySdistEntryType.HardLink, TypeFlag = '1', LinkTarget = target, Mode = 0x1A4, HeaderFormat = MemberHeaderFormat.Pax });

        public SnapshotBuilder Member(ArchiveMember member) => AddAndReturn(member);

        public SdistSnapshot Build()
        {
            var stats = new ArchiveStatistics
            {
                MemberCount = _members.Count,
                PayloadBytes = _members.Sum(m => m.Size),
            };
            return new SdistSnapshot(_archivePath, _container, _members.ToList(), _contents, stats, _completed, _stopReason);
        }

        /// <summary>Runs every registered check (or only <paramref name="check"/>) and returns the findings.</summary>
        public IReadOnlyList<RawFinding> Check(ArchiveCheck? check = null, RuleFilter? filter = null)
        {
            // End to end whenever an archive can carry the snapshot: write it, read it back with the real reader,
            // run the checks (what Test-PySdist does). Otherwise run the checks on the in-memory snapshot.
            var archive = _completed ? SnapshotArchive.TryWrite(_container, _members, i => _contents.TryGetValue(i, out var c) && !c.Truncated ? c.Bytes : null) : null;
            if (archive != null)
            {
                LastCheckWasArchive = true;
                return CheckArchive(archive, check, filter);
            }
            LastCheckWasArchive = false;
            var snapshot = Build();
            var findings = new FindingCollector(filter);
            if (check == null) CheckRegistry.RunAll(snapshot, findings);
            else check.Run(snapshot, findings);
            return findings.Findings;
        }

        /// <summary>Whether the last <see cref="Check"/> went through a real archive.</summary>
        public bool LastCheckWasArchive { get; private set; }

        private IReadOnlyList<RawFinding> CheckArchive(byte[] archive, ArchiveCheck? check, RuleFilter? filter)
        {
            var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pypackaging-core-tests", Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(dir);
            try
            {
                var path = System.IO.Path.Combine(dir, System.IO.Path.GetFileName(_archivePath));
                System.IO.File.WriteAllBytes(path, archive);
                var inspection = new SdistInspector(null, filter).Inspect(path);
                if (check == null) return inspection.Findings.Findings;
                var owned = new HashSet<string>(check.Rules.Select(r => r.Id));
                return inspection.Findings.Findings.Where(f => owned.Contains(f.Rule.Id)).ToList();
            }
            finally
            {
                System.IO.Directory.Delete(dir, recursive: true);
            }
        }

        private SnapshotBuilder AddAndReturn(ArchiveMember member)
        {
            Add(member);
            return this;
        }

        private ArchiveMember Add(ArchiveMember member)
        {
            member.Index = _members.Count;
            member.ModifiedTime ??= new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            _members.Add(member);
            return member;
        }
    }
}
