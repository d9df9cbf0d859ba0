using System;
using System.Collections.Generic;
using System.IO;

namespace PyPackaging.Building.Selection
{
    /// <summary>
    /// Symbolic-link resolution for the walker. On net8.0 links are read with <see cref="FileSystemInfo.LinkTarget"/>
    /// and resolved component by component, like realpath(3). netstandard2.0 (Windows PowerShell 5.1 on .NET
    /// Framework) has no API to read a link target: there <see cref="CanResolveLinks"/> is false and every link or
    /// junction is reported as unresolvable instead of being guessed at.
    /// </summary>
    internal static class FileSystemLinks
    {
        private const int MaxLinkHops = 40; // Linux's own limit (MAXSYMLINKS)

#if NET8_0_OR_GREATER
        public static bool CanResolveLinks => true;
#else
        public static bool CanResolveLinks => false;
#endif

        public static bool IsWindows => Path.DirectorySeparatorChar == '\\';

        public static StringComparison PathComparison => IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        public static StringComparer PathComparer => IsWindows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        /// <summary>
        /// The attributes of an entry, or null when it does not exist or cannot be examined. (.NET Core returns -1
        /// for a missing entry; .NET Framework throws instead.)
        /// </summary>
        public static FileAttributes? TryGetAttributes(FileSystemInfo info)
        {
            try
            {
                FileAttributes attributes = info.Attributes;
                return (int)attributes == -1 ? (FileAttributes?)null : attributes;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
            catch (System.Security.SecurityException)
            {
                return null;
            }
        }

        /// <summary>The real path of an existing directory, or the full path itself when it cannot be resolved.</summary>
        public static string RealPathOrSelf(string fullPath)
        {
            return RealPath(fullPath) ?? fullPath;
        }

        /// <summary>
        /// Resolves every link in <paramref name="path"/> (an absolute path that may contain '.' and '..').
        /// Returns null when a component does not exist, a link cannot be read, or links nest too deeply.
        /// <para>One loop on purpose (longer than 60 lines): the pending-component stack, the link budget and '..'
        /// handling change together at every step, as in realpath(3); spread over methods they would have to be
        /// passed around as shared state.</para>
        /// </summary>
        public static string? RealPath(string path)
        {
#if NET8_0_OR_GREATER
            string? root = Path.GetPathRoot(path);
            if (string.IsNullOrEmpty(root))
            {
                return null;
            }

            // Remaining components, next one on top.
            var pending = new Stack<string>();
            PushComponents(pending, path.Substring(root!.Length));
            string current = root;
            int hops = 0;
            while (pending.Count > 0)
            {
                string part = pending.Pop();
                if (part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    current = Path.GetDirectoryName(current) ?? current;
                    continue;
                }

                string candidate = Path.Combine(current, part);
                var info = new FileInfo(candidate);
                FileAttributes? found = TryGetAttributes(info);
                if (found is null)
                {
                    return null; // does not exist
                }

                FileAttributes attributes = found.Value;

                if ((attributes & FileAttributes.ReparsePoint) == 0)
                {
                    current = candidate;
                    continue;
                }

                string? target;
                try
                {
                    target = info.LinkTarget;
                }
                catch (IOException)
                {
                    return null;
                }
                catch (UnauthorizedAccessException)
                {
                    return null;
                }

                if (target is null)
                {
                    // A reparse point that is not a link (for example a cloud-files placeholder): a plain entry.
                    current = candidate;
                    continue;
                }

                if (++hops > MaxLinkHops)
                {
                    return null;
                }

                if (Path.IsPathRooted(target))
                {
                    string? targetRoot = Path.GetPathRoot(target);
                    if (string.IsNullOrEmpty(targetRoot))
                    {
                        return null;
                    }

                    current = targetRoot!;
                    PushComponents(pending, target.Substring(targetRoot!.Length));
                }
                else
                {
                    // Relative targets start from the link's own (already real) directory.
                    PushComponents(pending, target);
                }
            }

            return current;
#else
            return Directory.Exists(path) || File.Exists(path) ? Path.GetFullPath(path) : null;
#endif
        }

        private static void PushComponents(Stack<string> pending, string relative)
        {
            string[] parts = relative.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
            for (int i = parts.Length - 1; i >= 0; i--)
            {
                pending.Push(parts[i]);
            }
        }

        /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or lies below it (both real, full paths).</summary>
        public static bool IsInside(string path, string directory)
        {
            string dir = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (dir.Length == 0)
            {
                return true; // the file-system root
            }

            if (!path.StartsWith(dir, PathComparison))
            {
                return false;
            }

            return path.Length == dir.Length || path[dir.Length] == Path.DirectorySeparatorChar || path[dir.Length] == Path.AltDirectorySeparatorChar;
        }

        /// <summary>
        /// Describes a file that is not a regular file (named pipe, socket, device), which must not be opened for
        /// reading (a pipe would block the build forever); null for a regular file. .NET shows such files as
        /// ordinary ones, so on net8.0 under Unix every empty file (special files report size 0) is probed by
        /// letting System.Formats.Tar, which lstat()s it, describe it. Not available on netstandard2.0, which only
        /// runs on Windows, where these file types do not occur in project trees.
        /// </summary>
        public static string? DescribeSpecialFile(string path, long length)
        {
#if NET8_0_OR_GREATER
            if (length != 0 || OperatingSystem.IsWindows())
            {
                return null;
            }

            try
            {
                using var buffer = new MemoryStream();
                using (var writer = new System.Formats.Tar.TarWriter(buffer, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: true))
                {
                    writer.WriteEntry(path, "probe");
                }

                buffer.Position = 0;
                using var reader = new System.Formats.Tar.TarReader(buffer);
                switch (reader.GetNextEntry()?.EntryType)
                {
                    case System.Formats.Tar.TarEntryType.Fifo:
                        return "a named pipe (FIFO)";
                    case System.Formats.Tar.TarEntryType.CharacterDevice:
                        return "a character device";
                    case System.Formats.Tar.TarEntryType.BlockDevice:
                        return "a block device";
                    default:
                        return null;
                }
            }
            catch (IOException e)
            {
                // Sockets end up here ("The file type of ... is not supported for tar archiving").
                return "not a regular file (" + e.Message + ")";
            }
#else
            _ = path;
            _ = length;
            return null;
#endif
        }

        /// <summary>Whether the owner-execute bit is set (false where the runtime cannot tell).</summary>
        public static bool IsExecutable(string path)
        {
#if NET8_0_OR_GREATER
            if (OperatingSystem.IsWindows())
            {
                return false;
            }

            return (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
#else
            return false;
#endif
        }
    }
}
