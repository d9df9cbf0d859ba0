using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security;
using PyPackaging.Paths;

namespace PyPackaging.Building.Selection
{
    public static partial class SourceTreeWalker
    {
        /// <summary>Whether a selected path can be packed (links, names), and how items are recorded.</summary>
        private sealed partial class TreeWalk
        {
            /// <summary>Windows' forbidden characters plus the backslash, which is an ordinary character in a POSIX name.</summary>
            private static readonly char[] ForbiddenInNames = (WindowsNames.ForbiddenCharacters + "\\").ToCharArray();

            private static bool IsLink(FileSystemInfo entry)
            {
#if NET8_0_OR_GREATER
                try
                {
                    return entry.LinkTarget != null;
                }
                catch (IOException)
                {
                    return true;
                }
                catch (UnauthorizedAccessException)
                {
                    return true;
                }
#else
                _ = entry;
                return true; // every reparse point counts as a link: .NET Framework cannot tell them apart
#endif
            }

            private bool CanEnter(in TreePath path)
            {
                if (path.IsLink && (path.LinkTarget is null || !FileSystemLinks.IsInside(path.LinkTarget, _rootReal)))
                {
                    return false;
                }

                return !_active.Contains(path.RealPath);
            }

            private bool CheckLink(in TreePath path)
            {
                string rel = path.RelativePath;
                string full = path.FullPath;
                if (!FileSystemLinks.CanResolveLinks)
                {
                    AddProblem(SourceItemKind.Error, rel, full, SourceProblem.UnresolvableLink,
                        "This is a symbolic link or junction, which this PowerShell edition cannot resolve; it was not packed. Use PowerShell 7, replace it with a copy, or exclude it.");
                    return false;
                }

                if (path.LinkTarget is null)
                {
                    string raw = RawTarget(full);
                    AddProblem(SourceItemKind.Error, rel, full, SourceProblem.DanglingLink,
                        "This symbolic link points to '" + raw + "', which does not exist (or the links never end); it was not packed. Remove it or exclude it.");
                    return false;
                }

                if (!FileSystemLinks.IsInside(path.LinkTarget, _rootReal))
                {
                    AddProblem(SourceItemKind.Error, rel, full, SourceProblem.LinkOutsideProject,
                        "This symbolic link points outside the project, to " + path.LinkTarget + "; it was not packed. Copy the file into the project or exclude the link.");
                    return false;
                }

                return true;
            }

            private static string RawTarget(string full)
            {
#if NET8_0_OR_GREATER
                try
                {
                    return new FileInfo(full).LinkTarget ?? "?";
                }
                catch (Exception e) when (IsIoFailure(e))
                {
                    return "?";
                }
#else
                return "?";
#endif
            }

            private void CheckWindowsName(string rel, string full, string name)
            {
                string stem = WindowsNames.DeviceStem(name);
                if (WindowsNames.IsReservedDeviceName(name))
                {
                    AddProblem(SourceItemKind.Warning, rel, full, SourceProblem.WindowsReservedName,
                        "'" + name + "' uses the reserved Windows device name " + stem.ToUpperInvariant() + "; the sdist cannot be unpacked on Windows.");
                }

                int bad = name.IndexOfAny(ForbiddenInNames);
                if (bad >= 0)
                {
                    AddProblem(SourceItemKind.Warning, rel, full, SourceProblem.WindowsInvalidCharacter,
                        "'" + name + "' contains '" + name[bad].ToString(CultureInfo.InvariantCulture) + "', which Windows does not allow in names.");
                }

                if (WindowsNames.EndsWithDotOrSpace(name))
                {
                    AddProblem(SourceItemKind.Warning, rel, full, SourceProblem.WindowsTrailingDotOrSpace,
                        "'" + name + "' ends with a dot or a space, which Windows strips; it would not unpack under this name there.");
                }
            }

            private void CheckCaseCollisions()
            {
                // Every packable file and every directory that will hold one.
                var paths = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (SourceTreeItem item in _packable)
                {
                    paths[item.ArchivePath] = item.SourcePath;
                    string p = item.ArchivePath;
                    int slash;
                    while ((slash = p.LastIndexOf('/')) > 0)
                    {
                        p = p.Substring(0, slash);
                        if (!paths.ContainsKey(p))
                        {
                            paths[p] = Path.Combine(_root, p.Replace('/', Path.DirectorySeparatorChar));
                        }
                    }
                }

                var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (KeyValuePair<string, string> entry in paths)
                {
                    if (seen.TryGetValue(entry.Key, out string? first))
                    {
                        AddProblem(SourceItemKind.Warning, entry.Key, entry.Value, SourceProblem.CaseCollision,
                            "'" + entry.Key + "' differs from '" + first + "' only in letter case; they collide on case-insensitive file systems (Windows, macOS).");
                    }
                    else
                    {
                        seen.Add(entry.Key, entry.Key);
                    }
                }
            }

            private void AddExcluded(in TreePath path, ExclusionReason reason, GitIgnorePattern? pattern, string message)
            {
                _items.Add(new SourceTreeItem(SourceItemKind.Excluded, path.RelativePath, path.FullPath)
                {
                    LinkTarget = path.LinkTarget,
                    IsDirectory = path.IsDirectory,
                    Reason = reason,
                    Pattern = pattern,
                    Message = message,
                });
            }

            private void AddProblem(SourceItemKind kind, string rel, string full, SourceProblem problem, string message)
            {
                _items.Add(new SourceTreeItem(kind, rel, full) { Problem = problem, Message = message });
            }

            // Windows names are UTF-16 and may hold unpaired surrogates, which have no UTF-8 form either.
            private static bool HasLoneSurrogate(string name)
            {
                for (int i = 0; i < name.Length; i++)
                {
                    if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
                    {
                        i++;
                    }
                    else if (char.IsSurrogate(name[i]))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool HasControlCharacter(string name)
            {
                foreach (char c in name)
                {
                    if (MemberPath.IsControl(c))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "/" + name;

            private static bool IsIoFailure(Exception e) => e is IOException || e is UnauthorizedAccessException || e is SecurityException;
        }
    }
}
