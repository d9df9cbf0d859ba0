namespace PyPackaging.Paths
{
    /// <summary>How messages name a member's type ("symbolic link", "FIFO"): one namer for checks and extraction.</summary>
    public static class MemberKinds
    {
        public static string Name(PySdistEntryType type)
        {
            switch (type)
            {
                case PySdistEntryType.File: return "regular file";
                case PySdistEntryType.Directory: return "directory";
                case PySdistEntryType.SymbolicLink: return "symbolic link";
                case PySdistEntryType.HardLink: return "hard link";
                case PySdistEntryType.CharacterDevice: return "character device";
                case PySdistEntryType.BlockDevice: return "block device";
                case PySdistEntryType.Fifo: return "FIFO";
                case PySdistEntryType.SparseFile: return "sparse file";
                default: return "member of an unknown type";
            }
        }

        /// <summary>The broad kind of a member's path, for type-change detection.</summary>
        public static PathKind PathKindOf(PySdistEntryType type)
        {
            switch (type)
            {
                case PySdistEntryType.Directory: return PathKind.Directory;
                case PySdistEntryType.SymbolicLink: return PathKind.Symlink;
                case PySdistEntryType.File:
                case PySdistEntryType.HardLink:
                case PySdistEntryType.SparseFile:
                    return PathKind.Regular;
                default: return PathKind.Special;
            }
        }
    }
}
