using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using PyPackaging;
using PyPackaging.Archives;
using PyPackaging.Rules;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>What one pass over an archive produced.</summary>
    internal sealed class ReadResult
    {
        public List<ArchiveMember> Members { get; } = new List<ArchiveMember>();
        public List<byte[]> Data { get; } = new List<byte[]>();
        public FindingCollector Findings { get; set; } = new FindingCollector();
        public ContainerFormat Container { get; set; }
        public bool Completed { get; set; }
        public string? StopReason { get; set; }
        public ArchiveStatistics Statistics { get; set; } = new ArchiveStatistics();

        public IReadOnlyList<RawFinding> Of(PySdistRule rule) => Findings.Findings.Where(f => f.Rule == rule).ToList();
        public bool Has(PySdistRule rule) => Findings.Findings.Any(f => f.Rule == rule);
        public string Describe() => string.Join("\n", Findings.Findings.Select(f => $"{f.Rule.Id}[{f.MemberIndex}]: {f.Message}"))
            + $"\ncompleted={Completed} stop={StopReason} members={string.Join(", ", Members.Select(m => m.Path))}";
        public ArchiveMember Member(string path) => Members.Single(m => m.Path == path);
    }

    internal static class ArchiveTestHelper
    {
        /// <summary>Reads every member (and its data, when asked) of an in-memory archive.</summary>
        public static ReadResult Read(byte[] archive, ArchiveLimits? limits = null, bool readData = true) =>
            Read(new MemoryStream(archive, writable: false), limits, readData);

        public static ReadResult Read(Stream stream, ArchiveLimits? limits = null, bool readData = true, CancellationToken ct = default)
        {
            var result = new ReadResult();
            using (var reader = SdistArchiveReader.Open(stream, limits ?? new ArchiveLimits(), result.Findings, ct))
            {
                result.Container = reader.Container;
                while (reader.MoveNext())
                {
                    result.Members.Add(reader.Current);
                    if (readData)
                    {
                        var ms = new MemoryStream();
                        using (var data = reader.OpenData()) data.CopyTo(ms);
                        result.Data.Add(ms.ToArray());
                    }
                }
                result.Completed = reader.Completed;
                result.StopReason = reader.StopReason;
                result.Statistics = reader.Statistics;
            }
            return result;
        }

        public static ReadResult ReadFile(string path, ArchiveLimits? limits = null, bool readData = true)
        {
            using var fs = File.OpenRead(path);
            return Read(fs, limits, readData);
        }

        public static string NewTempDir(string tag)
        {
            var dir = Path.Combine(Path.GetTempPath(), "pyp-" + tag + "-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
