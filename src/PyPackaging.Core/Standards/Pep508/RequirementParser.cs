using System;
using System.Collections.Generic;

namespace PyPackaging.Standards
{
    /// <summary>
    /// The requirement grammar over <see cref="Pep508Tokenizer"/>: <c>name [extras] (@ url | specifiers) [; marker]</c>,
    /// one method per part, each reporting where it failed.
    /// </summary>
    internal sealed class RequirementParser
    {
        private readonly Pep508Tokenizer _tokens;
        private readonly bool _allowLock;
        private Pep508SyntaxError? _error;

        private RequirementParser(string text, bool allowLock)
        {
            _tokens = new Pep508Tokenizer(text);
            _allowLock = allowLock;
        }

        /// <summary>The requirement in <paramref name="text"/>, or null with <paramref name="error"/> set.</summary>
        public static Pep508Requirement? Parse(string? text, bool allowLockFileVariables, out Pep508SyntaxError? error)
        {
            if (text == null)
            {
                error = new Pep508SyntaxError("The requirement is missing.", 0);
                return null;
            }
            var lineBreak = text.IndexOfAny(new[] { '\n', '\r' });
            if (lineBreak >= 0)
            {
                error = new Pep508SyntaxError("The requirement contains a line break.", lineBreak);
                return null;
            }
            var parser = new RequirementParser(text, allowLockFileVariables);
            var requirement = parser.ParseRequirement();
            error = parser._error;
            return requirement;
        }

        private Pep508Requirement? ParseRequirement()
        {
            _tokens.SkipWhitespace();
            var name = ParseName();
            if (name == null) return null;
            _tokens.SkipWhitespace();
            var extras = ParseExtras();
            if (extras == null) return null;

            var specifier = VersionSpecifierSet.Empty;
            string? url = null;
            if (_tokens.Check('@'))
            {
                url = ParseUrl();
                if (url == null) return null;
            }
            else if (!_tokens.AtEnd && !_tokens.Check(';'))
            {
                specifier = ParseSpecifier();
                if (specifier == null) return null;
            }

            Marker? marker = null;
            if (!_tokens.AtEnd)
            {
                marker = ParseMarker();
                if (marker == null) return null;
            }
            return new Pep508Requirement(name, extras, specifier, url, marker);
        }

        private string? ParseName()
        {
            var start = _tokens.Position;
            var name = _tokens.ReadWhile(Pep508Tokenizer.IsNameChar);
            if (name.Length == 0) return Fail<string>("Expected a package name at the start of the requirement.", start);
            if (!ProjectName.IsValid(name))
            {
                return Fail<string>("`" + AsciiText.Printable(name) + "` is not a valid package name: it must start and end with an ASCII letter or digit and contain only letters, digits, `.`, `_` and `-`.", start);
            }
            return name;
        }

        // `[a, b]`: the list runs to the first `]`; an empty or blank list means no extras.
        private List<string>? ParseExtras()
        {
            var extras = new List<string>();
            if (!_tokens.Check('[')) return extras;
            var open = _tokens.Position;
            var close = _tokens.Find(']', open);
            if (close < 0) return Fail<List<string>>("The extras list is not closed with `]`.", open);
            _tokens.TryConsume('[');
            var inner = _tokens.ReadTo(close);
            if (AsciiText.Trim(inner).Length > 0)
            {
                var partStart = open + 1;
                foreach (var part in inner.Split(','))
                {
                    var extra = part.Trim(' ', '\t');
                    if (!ProjectName.IsValid(extra))
                    {
                        var at = partStart + part.Length - part.TrimStart(' ', '\t').Length;
                        return Fail<List<string>>("`" + AsciiText.Printable(extra) + "` is not a valid extra name.", at);
                    }
                    extras.Add(extra);
                    partStart += part.Length + 1;
                }
            }
            _tokens.TryConsume(']');
            _tokens.SkipWhitespace();
            return extras;
        }

        // pypa/packaging takes the URL as an opaque token running to the next blank (no scheme or host check;
        // `file:/path` and `gopher:/x` are fine); only an empty one is an error. PyPI refuses direct references anyway
        // (PkgInfoDirectUrlDependency), and Pep508Requirement.SpecNotes says when it has no scheme.
        private string? ParseUrl()
        {
            _tokens.TryConsume('@');
            _tokens.SkipWhitespace();
            var start = _tokens.Position;
            var url = _tokens.ReadWhile(c => !Pep508Tokenizer.IsWhitespace(c));
            if (url.Length == 0) return Fail<string>("Expected a URL after `@`.", start);
            _tokens.SkipWhitespace();
            return url;
        }

        // `>=1,<2` runs to the marker's `;` or the end; `(>=1,<2)` to the first `)`.
        private VersionSpecifierSet? ParseSpecifier()
        {
            var open = _tokens.Position;
            var parenthesised = _tokens.TryConsume('(');
            var specStart = _tokens.Position;
            var specEnd = _tokens.Find(parenthesised ? ')' : ';', specStart);
            if (specEnd < 0 && parenthesised) return Fail<VersionSpecifierSet>("The version specifier in parentheses is not closed with `)`.", open);
            if (specEnd < 0) specEnd = _tokens.Text.Length;
            var specText = _tokens.ReadTo(specEnd);
            if (parenthesised) _tokens.TryConsume(')');
            if (AsciiText.Trim(specText).Length == 0 && !parenthesised)
            {
                return Fail<VersionSpecifierSet>("Expected a version specifier, a URL or a marker after the name.", specStart);
            }
            if (HasEmptyClause(specText))
            {
                return Fail<VersionSpecifierSet>("Invalid version specifier: `" + AsciiText.Printable(specText) + "` has an empty clause between commas.", specStart);
            }
            if (!VersionSpecifierSet.TryParse(specText, out var set, out var specError))
            {
                return Fail<VersionSpecifierSet>("Invalid version specifier: " + specError, specStart);
            }
            _tokens.SkipWhitespace();
            return set;
        }

        // The PEP 508 grammar allows one trailing comma after the last clause but no empty clause elsewhere (the plain
        // SpecifierSet is laxer). `===` takes any text without whitespace, `;` or `)`, commas included, so it is left alone.
        private static bool HasEmptyClause(string specText)
        {
            if (specText.IndexOf("===", StringComparison.Ordinal) >= 0) return false;
            var parts = specText.Split(',');
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (parts[i].Trim(' ', '\t').Length == 0) return true;
            }
            return false;
        }

        // `; marker` to the end. The marker is parsed on its own, so positions in its messages count from after the `;`
        // (as they always have); the structured position counts from the start of the requirement.
        private Marker? ParseMarker()
        {
            if (!_tokens.TryConsume(';'))
            {
                return Fail<Marker>("Expected `;` and a marker or the end of the requirement, found `" + _tokens.Preview(10) + "`.", _tokens.Position);
            }
            var markerStart = _tokens.Position;
            var markerText = _tokens.ReadRest();
            if (AsciiText.Trim(markerText).Length == 0) return Fail<Marker>("Expected a marker after `;`.", markerStart);
            var marker = MarkerParser.Parse(markerText, _allowLock, out var markerError);
            if (marker == null) return Fail<Marker>("Invalid marker: " + markerError!.Message, markerStart + markerError.Position);
            return marker;
        }

        private T? Fail<T>(string message, int position) where T : class
        {
            _error = new Pep508SyntaxError(message, position);
            return null;
        }
    }
}
