using System;
using System.IO;

namespace PyPackaging.Building.Selection
{
    public static partial class SourceTreeWalker
    {
        /// <summary>Loading the ignore files into the selector as the walk goes down (rule 6 of <see cref="FileSelector"/>).</summary>
        private sealed partial class TreeWalk
        {
            // .git/info/exclude only when <root>/.git is a real directory: a .git file of a linked worktree is not
            // followed, so the walk never depends on git being present.
            private void LoadInfoExclude()
            {
                string gitDir = Path.Combine(_root, ".git");
                FileAttributes? gitAttributes = FileSystemLinks.TryGetAttributes(new DirectoryInfo(gitDir));
                if (gitAttributes is null || (gitAttributes.Value & FileAttributes.Directory) == 0 || (gitAttributes.Value & FileAttributes.ReparsePoint) != 0)
                {
                    return;
                }

                string path = Path.Combine(gitDir, "info", "exclude");
                if (!File.Exists(path))
                {
                    return;
                }

                try
                {
                    _selector.IgnoreFiles.AddLowPrecedenceFile(GitIgnoreFile.Load(path, string.Empty, ".git/info/exclude"));
                }
                catch (Exception e) when (IsIoFailure(e))
                {
                    AddProblem(SourceItemKind.Error, ".git/info/exclude", path, SourceProblem.IoError,
                        "The ignore file .git/info/exclude could not be read, so its rules were not applied: " + e.Message);
                }
            }

            private void LoadGitIgnore(string directory, string rel)
            {
                string path = Path.Combine(directory, ".gitignore");
                FileAttributes? found = FileSystemLinks.TryGetAttributes(new FileInfo(path));
                if (found is null || (found.Value & FileAttributes.Directory) != 0)
                {
                    return;
                }

                string archivePath = Join(rel, ".gitignore");
                if ((found.Value & FileAttributes.ReparsePoint) != 0)
                {
                    AddProblem(SourceItemKind.Warning, archivePath, path, SourceProblem.IgnoreFileNotRead,
                        "This .gitignore is a symbolic link; its rules were not applied (git does not follow it either).");
                    return;
                }

                try
                {
                    _selector.IgnoreFiles.AddDirectoryFile(GitIgnoreFile.Load(path, rel, archivePath));
                }
                catch (Exception e) when (IsIoFailure(e))
                {
                    AddProblem(SourceItemKind.Error, archivePath, path, SourceProblem.IoError,
                        "This .gitignore could not be read, so its rules were not applied: " + e.Message);
                }
            }
        }
    }
}
