using System.Text;

namespace PyPackaging.Standards
{
    /// <summary>
    /// Project (distribution) names: validity (PEP 508 / core metadata Name), normalisation (PEP 503),
    /// file-name escaping (wheel / PEP 625) and extra names (Provides-Extra, core metadata 2.3).
    /// All functions are ASCII-only and culture-independent.
    /// </summary>
    public static class ProjectName
    {
        /// <summary>
        /// True when <paramref name="name"/> matches <c>^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])\z</c> case-insensitively
        /// over ASCII only (no trailing newline, no Unicode letters or digits).
        /// </summary>
        public static bool IsValid(string? name)
        {
            if (string.IsNullOrEmpty(name)) return false;
            var n = name!;
            if (!AsciiText.IsLetterOrDigit(n[0]) || !AsciiText.IsLetterOrDigit(n[n.Length - 1])) return false;
            foreach (var c in n)
            {
                if (!AsciiText.IsLetterOrDigit(c) && c != '.' && c != '_' && c != '-') return false;
            }
            return true;
        }

        /// <summary>PEP 503 normalised form: ASCII-lowercase, every run of <c>-</c>, <c>_</c>, <c>.</c> becomes one <c>-</c>.</summary>
        public static string Normalize(string name) => Collapse(name, '-');

        /// <summary>Escaped form used in sdist and wheel file names: normalised, with <c>_</c> as the separator.</summary>
        public static string EscapeForFileName(string name) => Collapse(name, '_');

        /// <summary>Provides-Extra normalisation: same as <see cref="Normalize"/>.</summary>
        public static string NormalizeExtra(string extra) => Collapse(extra, '-');

        /// <summary>True when <paramref name="extra"/> is already normalised: <c>^[a-z0-9]+(-[a-z0-9]+)*\z</c>.</summary>
        public static bool IsNormalizedExtra(string? extra)
        {
            if (string.IsNullOrEmpty(extra)) return false;
            var e = extra!;
            var previousDash = true;
            foreach (var c in e)
            {
                if (c == '-')
                {
                    if (previousDash) return false;
                    previousDash = true;
                }
                else if ((c >= 'a' && c <= 'z') || AsciiText.IsDigit(c))
                {
                    previousDash = false;
                }
                else
                {
                    return false;
                }
            }
            return !previousDash;
        }

        /// <summary>True when two names are the same project (equal after normalisation).</summary>
        public static bool AreEquivalent(string a, string b) =>
            string.Equals(Normalize(a), Normalize(b), System.StringComparison.Ordinal);

        private static string Collapse(string name, char separator)
        {
            var sb = new StringBuilder(name.Length);
            var inRun = false;
            foreach (var c in name)
            {
                if (c == '-' || c == '_' || c == '.')
                {
                    if (!inRun) sb.Append(separator);
                    inRun = true;
                }
                else
                {
                    sb.Append(AsciiText.ToLower(c));
                    inRun = false;
                }
            }
            return sb.ToString();
        }
    }
}
