namespace PyPackaging.Archives
{
    /// <summary>
    /// What the extension headers before one member (pax 'x', GNU 'L' and 'K') said about it. Reset before every member;
    /// the header decoder lets pax win over GNU over the ustar fields.
    /// </summary>
    internal sealed class TarExtensionState
    {
        public bool PaxSeen;
        public string? PaxPath;
        public bool PaxPathInvalid;
        public string? PaxLinkPath;
        public bool PaxLinkInvalid;
        public long? PaxSize;
        /// <summary>A pax record that cannot be delimited, or a size that is not a number: the archive cannot be framed.</summary>
        public bool PaxFatal;
        public long? PaxMtime;
        public long? PaxUid;
        public long? PaxGid;
        public string? PaxUname;
        public string? PaxGname;
        public bool PaxSparse;
        public string? GnuLongName;
        public bool GnuLongNameInvalid;
        public string? GnuLongLink;
        public bool GnuLongLinkInvalid;

        public bool HasAny => PaxSeen || GnuLongName != null || GnuLongLink != null;

        public void Reset()
        {
            PaxSeen = false;
            PaxPath = null;
            PaxPathInvalid = false;
            PaxLinkPath = null;
            PaxLinkInvalid = false;
            PaxSize = null;
            PaxFatal = false;
            PaxMtime = null;
            PaxUid = null;
            PaxGid = null;
            PaxUname = null;
            PaxGname = null;
            PaxSparse = false;
            GnuLongName = null;
            GnuLongNameInvalid = false;
            GnuLongLink = null;
            GnuLongLinkInvalid = false;
        }
    }
}
