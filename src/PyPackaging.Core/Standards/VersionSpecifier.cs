using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text;

namespace PyPackaging.Standards
{
    /// <summary>One PEP 440 version specifier clause, such as <c>&gt;=1.0</c>, <c>==2.*</c> or <c>~=1.4.5</c>.</summary>
    public sealed class VersionSpecifier
    {
        private static readonly string[] Operators = { "===", "==", "!=", "<=", ">=", "~=", "<", ">" };

        private VersionSpecifier(string op, string versionText, Pep440Version? version, bool wildcard)
        {
            Operator = op;
            VersionText = versionText;
            Version = version;
            IsWildcard = wildcard;
        }

        /// <summary>One of <c>~= == != &lt;= &gt;= &lt; &gt; ===</c>.</summary>
        public string Operator { get; }

        /// <summary>The version as written (for <c>===</c>, the arbitrary string; for wildcards, without <c>.*</c>).</summary>
        public string VersionText { get; }

        /// <summary>The parsed version (null only for <c>===</c> with a non-PEP 440 string).</summary>
        public Pep440Version? Version { get; }

        /// <summary>True for a prefix match <c>==X.*</c> / <c>!=X.*</c>.</summary>
        public bool IsWildcard { get; }

        /// <summary>True when this clause names a pre-release (which lets the set admit pre-releases).</summary>
        public bool MentionsPrerelease => Operator != "!=" && Version != null && Version.IsPrerelease;

        /// <summary>Parses one clause; false with a reason when it breaks a PEP 440 rule.</summary>
        public static bool TryParse(string? text, out VersionSpecifier? specifier, out string? error)
        {
            specifier = null;
            var s = SplitClause(text, out var op, out var rest, out error);
            if (s == null) return false;
            if (op == "===")
            {
                specifier = new VersionSpecifier(op, rest, Pep440Version.ParseOrNull(rest), false);
                error = null;
                return true;
            }
            specifier = ParseCompared(s, op, rest, out error);
            return specifier != null;
        }

        // The clause trimmed, with its operator and the text after it; null with a reason when it is not `op version`.
        private static string? SplitClause(string? text, out string op, out string rest, out string? error)
        {
            op = rest = string.Empty;
            if (text == null)
            {
                error = "The specifier is missing.";
                return null;
            }
            // packaging matches `^\s*...\s*$` on a str: Unicode whitespace around the clause is stripped too.
            var s = AsciiText.TrimPython(text);
            if (!AsciiText.IsAllAscii(s))
            {
                error = "`" + AsciiText.Printable(text) + "` contains non-ASCII characters.";
                return null;
            }
            string? found = null;
            foreach (var candidate in Operators)
            {
                if (s.StartsWith(candidate, StringComparison.Ordinal))
                {
                    found = candidate;
                    break;
                }
            }
            if (found == null)
            {
                error = "`" + AsciiText.Printable(s) + "` does not start with a comparison operator (~=, ==, !=, <=, >=, <, >, ===).";
                return null;
            }
            op = found;
            rest = AsciiText.Trim(s.Substring(op.Length));
            if (rest.Length == 0)
            {
                error = "`" + AsciiText.Printable(s) + "` has no version after `" + op + "`.";
                return null;
            }
            foreach (var c in rest)
            {
                // `===` takes any string without whitespace, `;` or `)` (packaging's arbitrary-equality pattern), commas included.
                if (AsciiText.IsWhiteSpace(c) || c == ';' || c == ')' || (op != "===" && (c == ',' || c == '(')))
                {
                    error = "`" + AsciiText.Printable(s) + "` contains an unexpected character in its version.";
                    return null;
                }
            }
            error = null;
            return s;
        }

        // A clause with a PEP 440 version: the wildcard, local-label and ~= rules.
        private static VersionSpecifier? ParseCompared(string s, string op, string rest, out string? error)
        {
            var wildcard = false;
            var versionText = rest;
            if (rest.EndsWith(".*", StringComparison.Ordinal))
            {
                if (op != "==" && op != "!=")
                {
                    error = "`" + s + "`: a `.*` prefix match is only allowed with == and !=.";
                    return null;
                }
                wildcard = true;
                versionText = rest.Substring(0, rest.Length - 2);
            }
            if (!Pep440Version.TryParse(versionText, out var version, out var versionError, Pep440Version.MaxLength))
            {
                error = "`" + AsciiText.Printable(s) + "` has an invalid version: " + versionError;
                return null;
            }
            if (wildcard && (version!.PreLabel != null || version.Post.HasValue || version.Dev.HasValue || version.IsLocal))
            {
                error = "`" + s + "`: a `.*` prefix match must follow the release segments directly (not a pre, post, dev or local part).";
                return null;
            }
            if (version!.IsLocal && op != "==" && op != "!=")
            {
                error = "`" + s + "`: a local version label is only allowed with ==, != and ===.";
                return null;
            }
            if (op == "~=" && version.Release.Count < 2)
            {
                error = "`" + s + "`: ~= needs at least two release segments (e.g. ~=1.0).";
                return null;
            }
            error = null;
            return new VersionSpecifier(op, versionText, version, wildcard);
        }

        /// <summary>True when <paramref name="candidate"/> satisfies this clause (pre-release policy is the set's job).</summary>
        public bool Contains(Pep440Version candidate)
        {
            if (Operator == "===")
            {
                // Arbitrary equality compares the candidate's normal form as a string (case-insensitively).
                return AsciiText.EqualsIgnoreCase(candidate.ToString(), VersionText);
            }
            var v = Version!;
            switch (Operator)
            {
                case "==":
                    return IsWildcard ? PrefixMatch(candidate, v) : ExactMatch(candidate, v);
                case "!=":
                    return IsWildcard ? !PrefixMatch(candidate, v) : !ExactMatch(candidate, v);
                case "<=":
                    return candidate.Public.CompareTo(v) <= 0;
                case ">=":
                    return candidate.Public.CompareTo(v) >= 0;
                case "<":
                    if (candidate.CompareTo(v) >= 0) return false;
                    // <V excludes the pre-releases of V itself unless V is a pre-release: for a final V every
                    // pre-release of its release; for V = X.postN only X.postN.devM.
                    if (!v.IsPrerelease && candidate.IsPrerelease && candidate.BaseVersion.Equals(v.BaseVersion))
                    {
                        if (!v.Post.HasValue) return false;
                        if (candidate.PreLabel == null && candidate.Post == v.Post) return false;
                    }
                    return true;
                case ">":
                    if (candidate.CompareTo(v) <= 0) return false;
                    // >V excludes the post-releases of V itself (V final or a pre-release; a dev release has none)...
                    if (!v.IsPostRelease && !v.IsDevRelease && candidate.IsPostRelease && candidate.BaseVersion.Equals(v.BaseVersion)
                        && candidate.PreLabel == v.PreLabel && candidate.PreNumber == v.PreNumber) return false;
                    // ...and the local versions of V.
                    if (candidate.IsLocal && candidate.Public.Equals(v)) return false;
                    return true;
                case "~=":
                    if (candidate.Public.CompareTo(v) < 0) return false;
                    return PrefixMatch(candidate, v, v.Release.Count - 1);
                default:
                    return false;
            }
        }

        private static bool ExactMatch(Pep440Version candidate, Pep440Version spec) =>
            spec.IsLocal ? candidate.Equals(spec) : candidate.Public.Equals(spec);

        private static bool PrefixMatch(Pep440Version candidate, Pep440Version prefix) =>
            PrefixMatch(candidate, prefix, prefix.Release.Count);

        // Epoch equal and the first `length` release segments equal, the candidate padded with zeros.
        private static bool PrefixMatch(Pep440Version candidate, Pep440Version prefix, int length)
        {
            if (candidate.Epoch != prefix.Epoch) return false;
            for (var i = 0; i < length; i++)
            {
                var c = i < candidate.Release.Count ? candidate.Release[i] : BigInteger.Zero;
                if (c != prefix.Release[i]) return false;
            }
            return true;
        }

        /// <summary>Normal form: operator followed by the version as written (and <c>.*</c>), no spaces.</summary>
        public override string ToString() => Operator + VersionText + (IsWildcard ? ".*" : string.Empty);
    }

    /// <summary>A comma-separated set of <see cref="VersionSpecifier"/> clauses (all must hold). Empty means "any version".</summary>
    public sealed class VersionSpecifierSet
    {
        private readonly VersionSpecifier[] _specifiers;

        private VersionSpecifierSet(VersionSpecifier[] specifiers)
        {
            _specifiers = specifiers;
        }

        public static readonly VersionSpecifierSet Empty = new VersionSpecifierSet(new VersionSpecifier[0]);

        public IReadOnlyList<VersionSpecifier> Specifiers => _specifiers;

        public bool IsEmpty => _specifiers.Length == 0;

        /// <summary>True when a clause names a pre-release, so pre-releases are admitted.</summary>
        public bool MentionsPrerelease
        {
            get
            {
                foreach (var s in _specifiers)
                {
                    if (s.MentionsPrerelease) return true;
                }
                return false;
            }
        }

        /// <summary>
        /// Parses <c>&gt;=1.0,&lt;2</c> as pypa/packaging's <c>SpecifierSet</c> does: split on commas, strip each clause,
        /// drop empty ones (so <c>&gt;=1,,&lt;2</c> and a trailing comma are accepted). The PEP 508 requirement grammar is
        /// stricter about commas; <see cref="Pep508Requirement"/> checks that itself.
        /// </summary>
        public static bool TryParse(string? text, out VersionSpecifierSet? set, out string? error)
        {
            set = null;
            if (text == null)
            {
                error = "The specifier set is missing.";
                return false;
            }
            var parts = text.Split(',');
            var list = new List<VersionSpecifier>();
            for (var i = 0; i < parts.Length; i++)
            {
                var part = AsciiText.TrimPython(parts[i]);
                if (part.Length == 0) continue;
                if (!VersionSpecifier.TryParse(part, out var spec, out error)) return false;
                list.Add(spec!);
            }
            set = new VersionSpecifierSet(list.ToArray());
            error = null;
            return true;
        }

        /// <summary>
        /// True when <paramref name="version"/> satisfies every clause. Pre-releases are excluded unless
        /// <paramref name="prereleases"/> says otherwise or, when it is null, a clause names a pre-release.
        /// </summary>
        public bool Contains(Pep440Version version, bool? prereleases = null)
        {
            var allowPre = prereleases ?? MentionsPrerelease;
            if (version.IsPrerelease && !allowPre) return false;
            foreach (var s in _specifiers)
            {
                if (!s.Contains(version)) return false;
            }
            return true;
        }

        public override string ToString()
        {
            var sb = new StringBuilder();
            foreach (var s in _specifiers)
            {
                if (sb.Length > 0) sb.Append(',');
                sb.Append(s);
            }
            return sb.ToString();
        }
    }
}
