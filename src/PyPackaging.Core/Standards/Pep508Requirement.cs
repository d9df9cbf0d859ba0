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
        internal Pep508Requirement(string name, IReadOnlyList<string> extras, VersionSpecifierSet specifier, string? url, Marker? marker)
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
            requirement = RequirementParser.Parse(text, allowLockFileVariables, out var syntaxError);
            error = syntaxError?.Message;
            return requirement != null;
        }

        /// <summary>Like <see cref="TryParse"/>, with the position of the error in <paramref name="text"/>.</summary>
        public static Pep508Requirement? Parse(string? text, out Pep508SyntaxError? error, bool allowLockFileVariables = true) =>
            RequirementParser.Parse(text, allowLockFileVariables, out error);

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
