using System.Runtime.CompilerServices;

// The core creates the entries and sets the Archive entry's verdict (PySdistEntry.IncludeMemberFindings); scripts never
// need to, so that member stays out of the public surface (and out of Get-Member).
[assembly: InternalsVisibleTo("PyPackaging.Core")]
