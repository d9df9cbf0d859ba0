using System;
using System.Collections.Generic;
using System.Text;

namespace PyPackaging.Standards
{
    /// <summary>
    /// A PEP 508 dependency specifier (<c>name[extras] specifiers ; marker</c> or <c>name[extras] @ url ; marker</c>),
    /// parsed strictly, as a publisher should. Never throws for bad input.
    /// </summary>
    public sealed class Pep508Requirement
    {
        private Pep508Requirement(string name, IReadOnlyList<string> extras, VersionSpecifierSet specifier, string? url, Marker? marker)
        {
            Name = name;
            Extras = extras;
            Specifier = specifier;
            Url = url;
            Marker = marker;
        }

        /// <summary>The project name as written.</summary>
        public string Name { get; }

        public IReadOnlyList<string> Extras { get; }

        /// <summary>The version specifiers (empty when none, or when <see cref="Url"/> is set).</summary>
        public VersionSpecifierSet Specifier { get; }

        /// <summary>The direct reference after <c>@</c>, or null.</summary>
        public string? Url { get; }

        public Marker? Marker { get; }

        /// <summary>
        /// Where the requirement is valid for pypa/packaging (what PyPI and installers run) but not as strict as the
        /// dependency-specifiers spec asks publishers to be: the marker's <see cref="Standards.Marker.SpecNotes"/>, and a
        /// direct reference that is not an absolute URL with a scheme.
        /// </summary>
        public IReadOnlyList<string> SpecNotes
        {
            get
            {
                var notes = new List<string>();
                if (Url != null && !HasScheme(Url)) notes.Add("`" + AsciiText.Printable(Url) + "` is not an absolute URL with a scheme, as the spec's `URI_reference` direct references are meant to be");
                if (Marker != null) notes.AddRange(Marker.SpecNotes);
                return notes;
            }
        }

        private static bool HasScheme(string url)
        {
            var colon = url.IndexOf(':');
            if (colon <= 0 || !AsciiText.IsLetter(url[0])) return false;
            for (var i = 1; i < colon; i++)
            {
                var c = url[i];
                if (!AsciiText.IsLetterOrDigit(c) && c != '+' && c != '-' && c != '.') return false;
            }
            return true;
        }

        /// <summary>Parses a requirement; false with a reason when it is not a valid PEP 508 string.</summary>
        public static bool TryParse(string? text, out Pep508Requirement? requirement, out string? error, bool allowLockFileVariables = true)
        {
            requirement = null;
            if (text == null)
            {
                error = "The requirement is missing.";
                return false;
            }
            if (text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0)
            {
                error = "The requirement contains a line break.";
                return false;
            }
            var s = text;
            var pos = 0;
            SkipWs(s, ref pos);

            // name
            var start = pos;
            while (pos < s.Length && (AsciiText.IsLetterOrDigit(s[pos]) || s[pos] == '-' || s[pos] == '_' || s[pos] == '.')) pos++;
            var name = s.Substring(start, pos - start);
            if (name.Length == 0)
            {
                error = "Expected a package name at the start of the requirement.";
                return false;
            }
            if (!ProjectName.IsValid(name))
            {
                error = "`" + AsciiText.Printable(name) + "` is not a valid package name: it must start and end with an ASCII letter or digit and contain only letters, digits, `.`, `_` and `-`.";
                return false;
            }
            SkipWs(s, ref pos);

            // extras
            var extras = new List<string>();
            if (pos < s.Length && s[pos] == '[')
            {
                var close = s.IndexOf(']', pos);
                if (close < 0)
                {
                    error = "The extras list is not closed with `]`.";
                    return false;
                }
                var inner = s.Substring(pos + 1, close - pos - 1);
                if (AsciiText.Trim(inner).Length > 0)
                {
                    foreach (var part in inner.Split(','))
                    {
                        var extra = TrimWs(part);
                        if (!ProjectName.IsValid(extra))
                        {
                            error = "`" + AsciiText.Printable(extra) + "` is not a valid extra name.";
                            return false;
                        }
                        extras.Add(extra);
                    }
                }
                pos = close + 1;
                SkipWs(s, ref pos);
            }

            var specifier = VersionSpecifierSet.Empty;
            string? url = null;
            if (pos < s.Length && s[pos] == '@')
            {
                pos++;
                SkipWs(s, ref pos);
                var urlStart = pos;
                while (pos < s.Length && s[pos] != ' ' && s[pos] != '\t') pos++;
                url = s.Substring(urlStart, pos - urlStart);
                if (!IsPlausibleUrl(url, out error)) return false;
                var hadWs = pos < s.Length;
                SkipWs(s, ref pos);
                if (pos < s.Length && !hadWs)
                {
                    error = "Expected whitespace after the URL.";
                    return false;
                }
            }
            else if (pos < s.Length && s[pos] != ';')
            {
                var parenthesised = s[pos] == '(';
                var specStart = parenthesised ? pos + 1 : pos;
                int specEnd;
                if (parenthesised)
                {
                    specEnd = s.IndexOf(')', specStart);
                    if (specEnd < 0)
                    {
                        error = "The version specifier in parentheses is not closed with `)`.";
                        return false;
                    }
                    pos = specEnd + 1;
                }
                else
                {
                    specEnd = s.IndexOf(';', specStart);
                    if (specEnd < 0) specEnd = s.Length;
                    pos = specEnd;
                }
                var specText = s.Substring(specStart, specEnd - specStart);
                if (AsciiText.Trim(specText).Length == 0 && !parenthesised)
                {
                    error = "Expected a version specifier, a URL or a marker after the name.";
                    return false;
                }
                if (HasEmptyClause(specText))
                {
                    error = "Invalid version specifier: `" + AsciiText.Printable(specText) + "` has an empty clause between commas.";
                    return false;
                }
                if (!VersionSpecifierSet.TryParse(specText, out var set, out var specError))
                {
                    error = "Invalid version specifier: " + specError;
                    return false;
                }
                specifier = set!;
                SkipWs(s, ref pos);
            }

            Marker? marker = null;
            if (pos < s.Length)
            {
                if (s[pos] != ';')
                {
                    error = "Expected `;` and a marker or the end of the requirement, found `" + AsciiText.Printable(s.Substring(pos, Math.Min(10, s.Length - pos))) + "`.";
                    return false;
                }
                pos++;
                var markerText = s.Substring(pos);
                if (AsciiText.Trim(markerText).Length == 0)
                {
                    error = "Expected a marker after `;`.";
                    return false;
                }
                if (!Marker.TryParse(markerText, out marker, out var markerError, allowLockFileVariables))
                {
                    error = "Invalid marker: " + markerError;
                    return false;
                }
            }

            requirement = new Pep508Requirement(name, extras, specifier, url, marker);
            error = null;
            return true;
        }

        // The PEP 508 grammar allows one trailing comma after the last clause but no empty clause elsewhere (the plain
        // SpecifierSet is laxer). `===` takes any text without whitespace, `;` or `)`, commas included, so it is left alone.
        private static bool HasEmptyClause(string specText)
        {
            if (specText.IndexOf("===", StringComparison.Ordinal) >= 0) return false;
            var parts = specText.Split(',');
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (TrimWs(parts[i]).Length == 0) return true;
            }
            return false;
        }

        private static void SkipWs(string s, ref int pos)
        {
            while (pos < s.Length && (s[pos] == ' ' || s[pos] == '\t')) pos++;
        }

        private static string TrimWs(string s) => s.Trim(' ', '\t');

        // pypa/packaging takes the URL as an opaque token (no scheme or host check; `file:/path` and `gopher:/x` are
        // fine); only an empty one is an error. PyPI refuses direct references anyway (PkgInfoDirectUrlDependency).
        private static bool IsPlausibleUrl(string url, out string? error)
        {
            if (url.Length == 0)
            {
                error = "Expected a URL after `@`.";
                return false;
            }
            error = null;
            return true;
        }

        /// <summary>
        /// A canonical rendering: <c>name[a,b]&gt;=1,&lt;2; marker</c> or <c>name[a] @ url ; marker</c>;
        /// specifiers are never written in parentheses.
        /// </summary>
        public override string ToString()
        {
            var sb = new StringBuilder(Name);
            if (Extras.Count > 0) sb.Append('[').Append(string.Join(",", Extras)).Append(']');
            if (Url != null)
            {
                sb.Append(" @ ").Append(Url);
                if (Marker != null) sb.Append(' ');
            }
            else
            {
                sb.Append(Specifier);
            }
            if (Marker != null) sb.Append("; ").Append(Marker);
            return sb.ToString();
        }
    }
}
