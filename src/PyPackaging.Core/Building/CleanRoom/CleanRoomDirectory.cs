using System;
using System.IO;
using System.Threading;

namespace PyPackaging.Building.CleanRoom
{
    /// <summary>
    /// The temporary directory of one Project build: <c>src/</c> (the clean room: the copy of the work tree, holding
    /// the project at the same relative path as in the user's repository) and <c>out/</c> (where the backend writes).
    /// Disposing removes it all, whatever happened (read-only files such as git objects included).
    /// </summary>
    public sealed class CleanRoomDirectory : IDisposable
    {
        public const string Prefix = "pypackaging-build-";

        private CleanRoomDirectory(string root)
        {
            Root = root;
            SourceRoot = Path.Combine(root, "src");
            OutputDirectory = Path.Combine(root, "out");
            Directory.CreateDirectory(SourceRoot);
            Directory.CreateDirectory(OutputDirectory);
        }

        public string Root { get; }

        public string SourceRoot { get; }

        public string OutputDirectory { get; }

        /// <summary>Creates a fresh directory under <paramref name="parent"/> (default: the system's temporary directory).</summary>
        public static CleanRoomDirectory Create(string? parent = null)
        {
            string root = Path.Combine(parent ?? Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N").Substring(0, 16));
            var room = new CleanRoomDirectory(root);
            return room;
        }

        /// <summary>Copies one file (content, execute bit, modification time) to <paramref name="relativePath"/> below <paramref name="directory"/>.</summary>
        public static void CopyFile(string source, string directory, string relativePath, bool executable)
        {
            string target = Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: false);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(source));
#if NET8_0_OR_GREATER
            if (!OperatingSystem.IsWindows())
            {
                var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
                if (executable) mode |= UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
                File.SetUnixFileMode(target, mode);
            }
#else
            _ = executable;
#endif
        }

        public void Dispose()
        {
            for (int attempt = 0; attempt < 3 && Directory.Exists(Root); attempt++)
            {
                try
                {
                    if (attempt > 0) ClearReadOnly(new DirectoryInfo(Root)); // Windows refuses to delete read-only files (git's objects)
                    Directory.Delete(Root, recursive: true);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // A process the backend started may still hold a file for a moment (Windows).
                    Thread.Sleep(200);
                }
            }
        }

        private static void ClearReadOnly(DirectoryInfo directory)
        {
            foreach (var info in directory.EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            {
                if ((info.Attributes & FileAttributes.ReadOnly) != 0 && (info.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    info.Attributes &= ~FileAttributes.ReadOnly;
                }
            }
        }
    }
}
