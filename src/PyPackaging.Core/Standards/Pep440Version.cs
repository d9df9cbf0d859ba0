using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace PyPackaging.Standards
{
    /// <summary>
    /// A PEP 440 version. <see cref="TryParse"/> accepts every spelling the specification allows (the permissive
    /// pattern); <see cref="ToString"/> gives the normal form, the same as Python's <c>str(packaging.version.Version(v))</c>
    /// (trailing zero release segments are kept). Comparison follows the full PEP 440 ordering.
    /// Parsing is ASCII-only and culture-independent; it never throws for bad input.
    /// </summary>
    public sealed partial class Pep440Version : IComparable<Pep440Version>, IEquatable<Pep440Version>
    {
        /// <summary>Longest number (in digits) accepted in one version component; longer is a validation error.</summary>
        public const int MaxDigits = 4300;

        /// <summary>Longest version string accepted at all.</summary>
        public const int MaxLength = 16 * 1024;

        private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

        // The permissive PEP 440 pattern (written for lowercase ASCII input; the caller lowercases first).
        private const string PatternText =
            @"^v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)" +
            @"(?<pre>[._-]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[._-]?(?<pre_n>[0-9]+)?)?" +
            @"(?<post>(?:-(?<post_n1>[0-9]+))|(?:[._-]?(?<post_l>post|rev|r)[._-]?(?<post_n2>[0-9]+)?))?" +
            @"(?<dev>[._-]?(?<dev_l>dev)[._-]?(?<dev_n>[0-9]+)?)?" +
            @"(?:\+(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)*))?\z";

        private const RegexOptions PatternOptions = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

#if NET8_0_OR_GREATER
        // Compiled into the assembly by the regex source generator (and so into the ReadyToRun images): no parsing
        // or interpreter set-up on the first version a process reads. Every check reads versions.
        [GeneratedRegex(PatternText, PatternOptions, matchTimeoutMilliseconds: 1000)]
        private static partial Regex GeneratedPattern();

        private static Regex Pattern => GeneratedPattern();
#else
        private static readonly Regex Pattern = new Regex(PatternText, PatternOptions, MatchTimeout);
#endif

        private readonly BigInteger[] _release;
        private readonly string[]? _local;
        private string? _normal;

        private Pep440Version(string original, BigInteger epoch, BigInteger[] release, string? preLabel, BigInteger preNumber,
            BigInteger? post, BigInteger? dev, string[]? local)
        {
            Original = original;
            Epoch = epoch;
            _release = release;
            PreLabel = preLabel;
            PreNumber = preNumber;
            Post = post;
            Dev = dev;
            _local = local;
        }

        /// <summary>The text this version was parsed from.</summary>
        public string Original { get; }

        public BigInteger Epoch { get; }

        public IReadOnlyList<BigInteger> Release => _release;

        /// <summary><c>a</c>, <c>b</c> or <c>rc</c>; null when this is not a pre-release.</summary>
        public string? PreLabel { get; }

        public BigInteger PreNumber { get; }

        public BigInteger? Post { get; }

        public BigInteger? Dev { get; }

        /// <summary>Local version label segments (lowercase), or null.</summary>
        public IReadOnlyList<string>? Local => _local;

        /// <summary>The local label joined with dots, or null.</summary>
        public string? LocalLabel => _local == null ? null : string.Join(".", _local);

        public bool IsLocal => _local != null;

        public bool IsPrerelease => PreLabel != null || Dev.HasValue;

        public bool IsPostRelease => Post.HasValue;

        public bool IsDevRelease => Dev.HasValue;

        /// <summary>True when <see cref="Original"/> is already the normal form.</summary>
        public bool IsCanonical => string.Equals(Original, ToString(), StringComparison.Ordinal);

        /// <summary>The same version without its local label.</summary>
        public Pep440Version Public => _local == null ? this : new Pep440Version(Original, Epoch, _release, PreLabel, PreNumber, Post, Dev, null);

        /// <summary>Epoch and release only (<c>1!2.0</c> for <c>1!2.0rc1.post3</c>).</summary>
        public Pep440Version BaseVersion => new Pep440Version(Original, Epoch, _release, null, BigInteger.Zero, null, null, null);

        /// <summary>Parses <paramref name="text"/>; false with an explanation when it is not a valid PEP 440 version.</summary>
        public static bool TryParse(string? text, out Pep440Version? version, out string? error) => TryParse(text, out version, out error, MaxDigits);

        /// <summary>
        /// Parses with a cap on the digits of each number. Specifiers pass <see cref="MaxLength"/>: pypa/packaging
        /// checks a specifier's version with its pattern only and never converts it to int, so Python's 4,300-digit
        /// int limit does not apply there.
        /// </summary>
        internal static bool TryParse(string? text, out Pep440Version? version, out string? error, int maxDigits)
        {
            version = null;
            var m = MatchVersion(text, out error);
            if (m == null) return false;
            version = FromMatch(text!, m, maxDigits, out error);
            return version != null;
        }

        // The text checks and the pattern match; null with a reason when the text is not a version.
        private static Match? MatchVersion(string? text, out string? error)
        {
            if (text == null)
            {
                error = "The version is missing.";
                return null;
            }
            if (text.Length > MaxLength)
            {
                error = "The version is longer than " + MaxLength.ToString(CultureInfo.InvariantCulture) + " characters.";
                return null;
            }
            // packaging matches `^\s*VERSION\s*$` on a str, so Unicode whitespace around the version is stripped too.
            var trimmed = AsciiText.TrimPython(text);
            if (!AsciiText.IsAllAscii(trimmed))
            {
                error = "`" + AsciiText.Printable(text) + "` is not a valid PEP 440 version: it contains non-ASCII characters.";
                return null;
            }
            var s = AsciiText.ToLower(trimmed);
            Match m;
            try
            {
                m = Pattern.Match(s);
            }
            catch (RegexMatchTimeoutException)
            {
                error = "The version is too complex to parse.";
                return null;
            }
            if (!m.Success)
            {
                error = "`" + AsciiText.Printable(text) + "` is not a valid PEP 440 version.";
                return null;
            }
            error = null;
            return m;
        }

        // The numbers of a matched version, each within the digit cap; null with a reason when one is too long.
        private static Pep440Version? FromMatch(string text, Match m, int maxDigits, out string? error)
        {
            if (!TryNumber(m.Groups["epoch"], BigInteger.Zero, maxDigits, out var epoch, out error)) return null;
            var releaseParts = m.Groups["release"].Value.Split('.');
            var release = new BigInteger[releaseParts.Length];
            for (var i = 0; i < releaseParts.Length; i++)
            {
                if (!TryNumber(releaseParts[i], maxDigits, out release[i], out error)) return null;
            }

            string? preLabel = null;
            var preNumber = BigInteger.Zero;
            if (m.Groups["pre"].Success)
            {
                var l = m.Groups["pre_l"].Value;
                preLabel = l == "alpha" || l == "a" ? "a" : l == "beta" || l == "b" ? "b" : "rc";
                if (!TryNumber(m.Groups["pre_n"], BigInteger.Zero, maxDigits, out preNumber, out error)) return null;
            }

            BigInteger? post = null;
            if (m.Groups["post"].Success)
            {
                var g = m.Groups["post_n1"].Success ? m.Groups["post_n1"] : m.Groups["post_n2"];
                if (!TryNumber(g, BigInteger.Zero, maxDigits, out var p, out error)) return null;
                post = p;
            }

            BigInteger? dev = null;
            if (m.Groups["dev"].Success)
            {
                if (!TryNumber(m.Groups["dev_n"], BigInteger.Zero, maxDigits, out var d, out error)) return null;
                dev = d;
            }

            if (!TryLocal(m.Groups["local"], maxDigits, out var local, out error)) return null;
            return new Pep440Version(text, epoch, release, preLabel, preNumber, post, dev, local);
        }

        // The local label's segments, numeric ones normalised (`007` -> `7`); null when there is no local label.
        private static bool TryLocal(Group group, int maxDigits, out string[]? local, out string? error)
        {
            local = null;
            error = null;
            if (!group.Success) return true;
            local = group.Value.Split('.', '_', '-');
            for (var i = 0; i < local.Length; i++)
            {
                if (IsAllDigits(local[i]))
                {
                    if (!TryNumber(local[i], maxDigits, out var n, out error)) return false;
                    local[i] = n.ToString(CultureInfo.InvariantCulture);
                }
            }
            return true;
        }

        /// <summary>Parses or returns null.</summary>
        public static Pep440Version? ParseOrNull(string? text) => TryParse(text, out var v, out _) ? v : null;

        private static bool TryNumber(Group g, BigInteger missing, int maxDigits, out BigInteger value, out string? error)
        {
            if (!g.Success)
            {
                value = missing;
                error = null;
                return true;
            }
            return TryNumber(g.Value, maxDigits, out value, out error);
        }

        private static bool TryNumber(string digits, int maxDigits, out BigInteger value, out string? error)
        {
            if (digits.Length > maxDigits)
            {
                value = BigInteger.Zero;
                error = "A number in the version has more than " + MaxDigits.ToString(CultureInfo.InvariantCulture) + " digits.";
                return false;
            }
            // The pattern guarantees ASCII digits only.
            value = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            error = null;
            return true;
        }

        private static bool IsAllDigits(string s)
        {
            foreach (var c in s)
            {
                if (!AsciiText.IsDigit(c)) return false;
            }
            return s.Length > 0;
        }

        /// <summary>The normal form: <c>[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]</c>.</summary>
        public override string ToString()
        {
            if (_normal != null) return _normal;
            var sb = new StringBuilder();
            if (!Epoch.IsZero) sb.Append(Epoch.ToString(CultureInfo.InvariantCulture)).Append('!');
            for (var i = 0; i < _release.Length; i++)
            {
                if (i > 0) sb.Append('.');
                sb.Append(_release[i].ToString(CultureInfo.InvariantCulture));
            }
            if (PreLabel != null) sb.Append(PreLabel).Append(PreNumber.ToString(CultureInfo.InvariantCulture));
            if (Post.HasValue) sb.Append(".post").Append(Post.Value.ToString(CultureInfo.InvariantCulture));
            if (Dev.HasValue) sb.Append(".dev").Append(Dev.Value.ToString(CultureInfo.InvariantCulture));
            if (_local != null) sb.Append('+').Append(string.Join(".", _local));
            _normal = sb.ToString();
            return _normal;
        }

        // ---- ordering -------------------------------------------------------------------------------------------

        private static int PreRank(string label) => label == "a" ? 0 : label == "b" ? 1 : 2;

        public int CompareTo(Pep440Version? other)
        {
            if (other is null) return 1;
            var c = Epoch.CompareTo(other.Epoch);
            if (c != 0) return c;
            c = CompareRelease(_release, other._release);
            if (c != 0) return c;
            c = ComparePre(this, other);
            if (c != 0) return c;
            c = CompareOptional(Post, other.Post, missingIsLow: true);
            if (c != 0) return c;
            c = CompareOptional(Dev, other.Dev, missingIsLow: false);
            if (c != 0) return c;
            return CompareLocal(_local, other._local);
        }

        private static int CompareRelease(BigInteger[] a, BigInteger[] b)
        {
            // Trailing zeros do not count: 1.0 == 1.0.0.
            var n = Math.Max(a.Length, b.Length);
            for (var i = 0; i < n; i++)
            {
                var x = i < a.Length ? a[i] : BigInteger.Zero;
                var y = i < b.Length ? b[i] : BigInteger.Zero;
                var c = x.CompareTo(y);
                if (c != 0) return c;
            }
            return 0;
        }

        // Pre-release key: a dev release with no pre and no post sorts before every pre-release of the same release;
        // a final (no pre) sorts after all of them.
        private static int PreKind(Pep440Version v)
        {
            if (v.PreLabel != null) return 1;
            if (!v.Post.HasValue && v.Dev.HasValue) return 0;
            return 2;
        }

        private static int ComparePre(Pep440Version a, Pep440Version b)
        {
            var ka = PreKind(a);
            var kb = PreKind(b);
            if (ka != kb) return ka.CompareTo(kb);
            if (ka != 1) return 0;
            var c = PreRank(a.PreLabel!).CompareTo(PreRank(b.PreLabel!));
            return c != 0 ? c : a.PreNumber.CompareTo(b.PreNumber);
        }

        private static int CompareOptional(BigInteger? a, BigInteger? b, bool missingIsLow)
        {
            if (a.HasValue && b.HasValue) return a.Value.CompareTo(b.Value);
            if (!a.HasValue && !b.HasValue) return 0;
            var aMissing = !a.HasValue;
            return aMissing == missingIsLow ? -1 : 1;
        }

        private static int CompareLocal(string[]? a, string[]? b)
        {
            if (a == null && b == null) return 0;
            if (a == null) return -1;
            if (b == null) return 1;
            var n = Math.Min(a.Length, b.Length);
            for (var i = 0; i < n; i++)
            {
                var aNum = IsAllDigits(a[i]);
                var bNum = IsAllDigits(b[i]);
                int c;
                if (aNum && bNum) c = BigInteger.Parse(a[i], NumberStyles.None, CultureInfo.InvariantCulture).CompareTo(BigInteger.Parse(b[i], NumberStyles.None, CultureInfo.InvariantCulture));
                else if (aNum) c = 1; // numeric segments sort after alphanumeric ones
                else if (bNum) c = -1;
                else c = string.CompareOrdinal(a[i], b[i]);
                if (c != 0) return c;
            }
            return a.Length.CompareTo(b.Length);
        }

        public bool Equals(Pep440Version? other) => other is object && CompareTo(other) == 0;

        public override bool Equals(object? obj) => obj is Pep440Version v && Equals(v);

        public override int GetHashCode()
        {
            // Consistent with CompareTo: trailing release zeros are ignored.
            var last = _release.Length - 1;
            while (last > 0 && _release[last].IsZero) last--;
            var h = Epoch.GetHashCode();
            for (var i = 0; i <= last; i++) h = unchecked(h * 31 + _release[i].GetHashCode());
            h = unchecked(h * 31 + (PreLabel == null ? 0 : PreLabel.GetHashCode()) + PreNumber.GetHashCode());
            h = unchecked(h * 31 + (Post.HasValue ? Post.Value.GetHashCode() + 1 : 0));
            h = unchecked(h * 31 + (Dev.HasValue ? Dev.Value.GetHashCode() + 1 : 0));
            h = unchecked(h * 31 + (_local == null ? 0 : string.Join(".", _local).GetHashCode()));
            return h;
        }

        public static bool operator ==(Pep440Version? a, Pep440Version? b) => a is null ? b is null : a.Equals(b);
        public static bool operator !=(Pep440Version? a, Pep440Version? b) => !(a == b);
        public static bool operator <(Pep440Version a, Pep440Version b) => a.CompareTo(b) < 0;
        public static bool operator >(Pep440Version a, Pep440Version b) => a.CompareTo(b) > 0;
        public static bool operator <=(Pep440Version a, Pep440Version b) => a.CompareTo(b) <= 0;
        public static bool operator >=(Pep440Version a, Pep440Version b) => a.CompareTo(b) >= 0;
    }
}
