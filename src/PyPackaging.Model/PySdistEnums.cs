namespace PyPackaging
{
    // The enums are based on long for one reason: ConvertTo-Json (Windows PowerShell 5.1 and PowerShell 7's default
    // serializer) writes a long-based enum value as its name, and any other enum as a number. Scripts and C# see no
    // difference: comparisons with names ('Error'), ordering and casts work as before.

    /// <summary>What an archive entry is. <see cref="Archive"/> marks the one extra object per archive that carries archive-level findings.</summary>
    public enum PySdistEntryType : long
    {
        Archive,
        File,
        Directory,
        SymbolicLink,
        HardLink,
        CharacterDevice,
        BlockDevice,
        Fifo,
        SparseFile,
        Unknown,
    }

    /// <summary>How bad a finding is. <see cref="None"/> is only used for entries without findings.</summary>
    public enum PySdistSeverity : long
    {
        None = 0,
        Information = 1,
        Warning = 2,
        Error = 3,
    }

    /// <summary>The family a rule belongs to.</summary>
    public enum PySdistRuleCategory : long
    {
        /// <summary>File name, layout, PKG-INFO / pyproject.toml presence, container and tar format (PEP 625, sdist format spec).</summary>
        Structure,
        /// <summary>Core metadata in PKG-INFO, as PyPI's upload check applies it.</summary>
        Metadata,
        /// <summary>What installers refuse (PEP 721) and every case where two archive readers could disagree.</summary>
        Safety,
        /// <summary>Content that does not belong in an sdist: virtual environments, caches, VCS data, bytecode, Windows-hostile names.</summary>
        Hygiene,
        /// <summary>Resource limits: sizes, member counts, compression ratio, path length and depth.</summary>
        Limits,
    }

    /// <summary>What a cmdlet did with an entry. Test-PySdist leaves it at <see cref="None"/>.</summary>
    public enum PySdistEntryAction : long
    {
        None,
        Extracted,
        Skipped,
        Refused,
        Added,
        Excluded,
    }

    /// <summary>What a blocking finding of a rule refuses when an archive is expanded.</summary>
    public enum PySdistRuleScope
    {
        /// <summary>The finding is about one member: that member is refused (and -SkipUnsafe extracts the rest).</summary>
        Member,
        /// <summary>
        /// The finding is about how the archive is framed or how much it holds (found while reading it, before any
        /// member can be trusted): the whole archive is refused, even with -SkipUnsafe.
        /// </summary>
        Archive,
    }
}
