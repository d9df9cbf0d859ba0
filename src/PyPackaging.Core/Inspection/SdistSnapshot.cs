using System;
using System.Collections.Generic;
using PyPackaging.Archives;
using PyPackaging.Paths;

namespace PyPackaging.Inspection
{
    /// <summary>
    /// Everything the checks see about one archive after a single streaming pass: the member table (no payloads),
    /// the few payloads worth reading (PKG-INFO, pyproject.toml, CACHEDIR.TAG heads, pyvenv.cfg) and the counters.
    /// </summary>
    public sealed class SdistSnapshot
    {
        private readonly Dictionary<int, CapturedContent> _contents;

        public SdistSnapshot(
            string archivePath,
            ContainerFormat container,
            IReadOnlyList<ArchiveMember> members,
            IDictionary<int, CapturedContent> contents,
            ArchiveStatistics statistics,
            bool completed,
            string? stopReason)
        {
            ArchivePath = archivePath;
            FileName = System.IO.Path.GetFileName(archivePath);
            Container = container;
            Members = members;
            _contents = new Dictionary<int, CapturedContent>(contents);
            Statistics = statistics;
            Completed = completed;
            StopReason = stopReason;
        }

        /// <summary>Full path of the archive file.</summary>
        public string ArchivePath { get; }

        /// <summary>The archive's file name (what PEP 625 constrains).</summary>
        public string FileName { get; }

        public ContainerFormat Container { get; }

        public IReadOnlyList<ArchiveMember> Members { get; }

        /// <summary>Bytes of member payloads kept for the checks (PKG-INFO, pyproject.toml and a few markers).</summary>
        public long CapturedBytes
        {
            get
            {
                long total = 0;
                foreach (var content in _contents.Values) total += content.Bytes.Length;
                return total;
            }
        }

        public ArchiveStatistics Statistics { get; }

        /// <summary>True when the archive was read to its end; when false, whole-archive checks must not claim absence.</summary>
        public bool Completed { get; }

        public string? StopReason { get; }

        /// <summary>The captured payload of a member, if the inspector kept it (see <see cref="CapturePolicy"/>).</summary>
        public bool TryGetContent(int memberIndex, out CapturedContent content)
        {
            if (_contents.TryGetValue(memberIndex, out var c))
            {
                content = c;
                return true;
            }
            content = default;
            return false;
        }

        /// <summary>
        /// The tree index and link resolution of the member table, computed once and shared by every check and by the
        /// extraction (which materialises links from the same resolutions the checks judged).
        /// </summary>
        public LinkGraph Links => GetAnalysis(s => LinkGraph.Build(s.Members));

        private readonly Dictionary<Type, object> _analyses = new Dictionary<Type, object>();

        /// <summary>
        /// Shared analyses (path model, link graph, environments...) computed once per snapshot and reused by every check.
        /// </summary>
        public T GetAnalysis<T>(Func<SdistSnapshot, T> factory) where T : class
        {
            if (_analyses.TryGetValue(typeof(T), out var existing)) return (T)existing;
            var created = factory(this);
            _analyses[typeof(T)] = created;
            return created;
        }
    }

    /// <summary>A member payload kept in memory: at most a few megabytes, possibly only its head.</summary>
    public readonly struct CapturedContent
    {
        public CapturedContent(byte[] bytes, bool truncated)
        {
            Bytes = bytes;
            Truncated = truncated;
        }

        public byte[] Bytes { get; }

        /// <summary>True when only the first <see cref="Bytes"/>.Length bytes were kept.</summary>
        public bool Truncated { get; }
    }
}
