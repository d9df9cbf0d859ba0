using System;
using System.IO;
using System.Text;

namespace PyPackaging.Core.Tests.Support
{
    /// <summary>A unique temporary directory, deleted on dispose.</summary>
    internal sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pypackaging-core-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        /// <summary>Writes <paramref name="content"/> (UTF-8, no BOM) to a '/'-separated path below the directory; returns the full path.</summary>
        public string File(string relative, string content = "x")
        {
            string full = System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            System.IO.File.WriteAllBytes(full, new UTF8Encoding(false).GetBytes(content));
            return full;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
