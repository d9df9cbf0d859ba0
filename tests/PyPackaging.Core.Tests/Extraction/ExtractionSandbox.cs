using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace PyPackaging.Core.Tests.Extraction
{
    /// <summary>
    /// A temp directory per test: archives/ holds the input, sandbox/ is the only place extraction may write to.
    /// Snapshots list every path below a root with its type and a content hash, so "nothing changed" is exact.
    /// </summary>
    internal sealed class ExtractionSandbox : IDisposable
    {
        public ExtractionSandbox()
        {
            Root = Path.Combine(Path.GetTempPath(), "pypkg-expand-" + Guid.NewGuid().ToString("N").Substring(0, 10));
            Archives = Path.Combine(Root, "archives");
            Sandbox = Path.Combine(Root, "sandbox");
            Directory.CreateDirectory(Archives);
            Directory.CreateDirectory(Sandbox);
        }

        public string Root { get; }
        public string Archives { get; }
        public string Sandbox { get; }

        /// <summary>The destination used by most tests: sandbox/dest.</summary>
        public string Dest => Path.Combine(Sandbox, "dest");

        public string Save(byte[] bytes, string name = "demo-1.0.tar.gz")
        {
            var path = Path.Combine(Archives, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        /// <summary>Makes sandbox/dest with one file in it, so a refusal can be shown to leave it untouched.</summary>
        public void SeedDestination()
        {
            Directory.CreateDirectory(Path.Combine(Dest, "other"));
            File.WriteAllText(Path.Combine(Dest, "keep.txt"), "keep me");
            File.WriteAllText(Path.Combine(Dest, "other", "x.txt"), "x");
        }

        public static SortedDictionary<string, string> Snapshot(string root)
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (!Directory.Exists(root)) return result;
            Walk(root, root, result);
            return result;
        }

        private static void Walk(string root, string dir, SortedDictionary<string, string> result)
        {
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                var rel = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                if (entry.LinkTarget != null)
                {
                    result[rel] = "link:" + entry.LinkTarget;
                }
                else if (entry is DirectoryInfo d)
                {
                    result[rel] = "dir";
                    Walk(root, d.FullName, result);
                }
                else
                {
                    result[rel] = "file:" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry.FullName)));
                }
            }
        }

        public static string Describe(IDictionary<string, string> snapshot) => string.Join("\n", snapshot.Select(kv => kv.Key + " " + kv.Value));

        public void Dispose()
        {
            try
            {
                if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
