namespace PyPackaging.Archives
{
    /// <summary>
    /// Decides when a pax 'path'/'linkpath' and the ustar field of the same member name different files, beyond what a
    /// writer's lossy fallback explains. Writers put an approximation in the ustar field when the value does not fit:
    /// Python's tarfile cuts at 100 bytes and writes non-ASCII as '?', libarchive abbreviates the middle and writes '?'
    /// (some tools '_'), GNU tar copies UTF-8 bytes. A conflict is any of:
    /// (1) the pax value fits the 100-byte name (or linkname) field as is (printable ASCII, at most 100 bytes), yet the
    ///     header holds something else;
    /// (2) the header value is absolute or has a '..' component and the pax value is neither;
    /// (3) the first components differ, comparing up to the first non-ASCII character of the pax value (where '?', '_'
    ///     or the same character are accepted), and letting the header's component be a prefix of the pax one when the
    ///     header value has no '/' or its first component is 90 characters or longer (a writer's cut).
    /// An empty header value is never a conflict (some writers leave it blank).
    /// </summary>
    internal static class PaxNamePolicy
    {
        /// <summary>Null when the two agree as far as any reader is concerned; otherwise why they conflict.</summary>
        public static string? Conflict(string pax, string header, bool isLink)
        {
            if (header.Length == 0 || string.Equals(pax, header, System.StringComparison.Ordinal)) return null;
            if (FitsUstar(pax, isLink)) return "the pax value would have fitted the header as is";
            if (Escapes(header) && !Escapes(pax)) return "only the header value is absolute or climbs out with '..'";
            if (!FirstComponentMatches(pax, header)) return "the first path components differ";
            return null;
        }

        private static bool FitsUstar(string value, bool isLink)
        {
            // Only the 100-byte name (or linkname) field counts: writers such as Python's tarfile emit a pax path for
            // anything longer than 100 bytes without trying the ustar prefix split.
            if (value.Length > 100) return false;
            foreach (char c in value)
            {
                if (c < 0x20 || c > 0x7E) return false;
            }
            return true;
        }

        private static bool Escapes(string value)
        {
            if (value.StartsWith("/", System.StringComparison.Ordinal)) return true;
            int start = 0;
            for (int i = 0; i <= value.Length; i++)
            {
                if (i == value.Length || value[i] == '/')
                {
                    if (i - start == 2 && value[start] == '.' && value[start + 1] == '.') return true;
                    start = i + 1;
                }
            }
            return false;
        }

        private static bool FirstComponentMatches(string pax, string header)
        {
            int paxEnd = pax.IndexOf('/');
            if (paxEnd < 0) paxEnd = pax.Length;
            int headerEnd = header.IndexOf('/');
            bool headerCut = headerEnd < 0;
            if (headerEnd < 0) headerEnd = header.Length;
            for (int i = 0; i < headerEnd; i++)
            {
                if (i >= paxEnd) return false;
                char p = pax[i], h = header[i];
                if (p > 0x7E) return h == p || h == '?' || h == '_' || h > 0x7E;
                if (p != h) return false;
            }
            // A header component of 90+ characters can only come from a writer cutting a longer one (libarchive
            // abbreviates long paths), so a prefix is accepted there too.
            return headerCut || headerEnd == paxEnd || headerEnd >= 90;
        }
    }
}
