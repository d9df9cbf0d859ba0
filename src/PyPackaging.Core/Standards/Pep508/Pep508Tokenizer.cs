using System;
using System.Text;

namespace PyPackaging.Standards
{
    /// <summary>A syntax error in a PEP 508 requirement or marker: what was expected, and where.</summary>
    public sealed class Pep508SyntaxError
    {
        public Pep508SyntaxError(string message, int position)
        {
            Message = message;
            Position = position;
        }

        /// <summary>A full sentence; the same text the string-returning <c>TryParse</c> methods give.</summary>
        public string Message { get; }

        /// <summary>0-based index in the parsed text where the problem starts (the text's length when it is at the end).</summary>
        public int Position { get; }

        /// <summary>1-based column of <see cref="Position"/>, as findings show it (one past the last character at the end).</summary>
        public int Column => Position + 1;

        /// <summary>
        /// The message with where it applies, for findings: "at column 12: the version specifier in parentheses is not
        /// closed with `)`." (pypa/packaging's InvalidRequirement marks the same place with a caret under the text).
        /// </summary>
        public string Located()
        {
            // A marker's message counts its own "position N" from the start of the marker; the column replaces it.
            var text = MarkerPosition.Replace(Message, string.Empty);
            if (text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])) text = char.ToLowerInvariant(text[0]) + text.Substring(1);
            return "at column " + Column.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + text;
        }

        private static readonly System.Text.RegularExpressions.Regex MarkerPosition =
            new System.Text.RegularExpressions.Regex(" at position [0-9]+(?=[,.])", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        public override string ToString() => Message;
    }

    /// <summary>
    /// The lexical layer of PEP 508. The parser asks for the token it expects next instead of the text being cut into
    /// tokens up front, because what a token is depends on where it stands: a URL runs to the next blank, a version
    /// specifier to the next <c>;</c> or <c>)</c>, a marker value is a word or a quoted string. Every read records where
    /// it started, so errors can say where.
    /// </summary>
    internal sealed class Pep508Tokenizer
    {
        private readonly string _text;
        private int _pos;

        public Pep508Tokenizer(string text)
        {
            _text = text;
        }

        public string Text => _text;

        /// <summary>0-based index of the next character.</summary>
        public int Position => _pos;

        public bool AtEnd => _pos >= _text.Length;

        /// <summary>The next character, or <c>'\0'</c> at the end.</summary>
        public char Peek => _pos < _text.Length ? _text[_pos] : '\0';

        public bool Check(char c) => _pos < _text.Length && _text[_pos] == c;

        public bool TryConsume(char c)
        {
            if (!Check(c)) return false;
            _pos++;
            return true;
        }

        /// <summary>Skips PEP 508 whitespace (space and tab only); true when there was any.</summary>
        public bool SkipWhitespace()
        {
            var start = _pos;
            while (_pos < _text.Length && IsWhitespace(_text[_pos])) _pos++;
            return _pos > start;
        }

        /// <summary>The run of characters from here that satisfy <paramref name="accept"/> (possibly empty); moves past it.</summary>
        public string ReadWhile(Func<char, bool> accept)
        {
            var start = _pos;
            while (_pos < _text.Length && accept(_text[_pos])) _pos++;
            return _text.Substring(start, _pos - start);
        }

        /// <summary>The text from here up to (not including) <paramref name="end"/>; moves to <paramref name="end"/>.</summary>
        public string ReadTo(int end)
        {
            var value = _text.Substring(_pos, end - _pos);
            _pos = end;
            return value;
        }

        /// <summary>The rest of the text; moves to the end.</summary>
        public string ReadRest() => ReadTo(_text.Length);

        /// <summary>Where <paramref name="c"/> next occurs at or after <paramref name="from"/>, or -1.</summary>
        public int Find(char c, int from) => _text.IndexOf(c, from);

        public void MoveTo(int position) => _pos = position;

        /// <summary>
        /// After optional whitespace, <paramref name="word"/> as a whole word (not followed by a letter, digit, <c>_</c>
        /// or <c>.</c>); moves past it when present. The whitespace is skipped either way.
        /// </summary>
        public bool TryKeyword(string word)
        {
            SkipWhitespace();
            if (_text.Length - _pos < word.Length || string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) return false;
            var after = _pos + word.Length;
            if (after < _text.Length && IsWordChar(_text[after])) return false;
            _pos = after;
            return true;
        }

        /// <summary>The first of <paramref name="symbols"/> (longest first) that stands here; moves past it.</summary>
        public string? TrySymbol(string[] symbols)
        {
            foreach (var symbol in symbols)
            {
                if (_text.Length - _pos >= symbol.Length && string.CompareOrdinal(_text, _pos, symbol, 0, symbol.Length) == 0)
                {
                    _pos += symbol.Length;
                    return symbol;
                }
            }
            return null;
        }

        /// <summary>
        /// A quoted string starting here (at <c>'</c> or <c>"</c>), unescaped. packaging refuses a backslash inside a
        /// quoted string unless it escapes a quote or a backslash ("Invalid quoted string"); <c>"C:\"</c> therefore is
        /// not closed.
        /// </summary>
        public string? ReadQuotedString(out Pep508SyntaxError? error)
        {
            var quote = _text[_pos];
            var sb = new StringBuilder();
            for (var i = _pos + 1; i < _text.Length; i++)
            {
                var ch = _text[i];
                if (ch == quote)
                {
                    _pos = i + 1;
                    error = null;
                    return sb.ToString();
                }
                if (ch == '\\')
                {
                    if (i + 1 < _text.Length && (_text[i + 1] == '\\' || _text[i + 1] == '\'' || _text[i + 1] == '"'))
                    {
                        sb.Append(_text[++i]);
                        continue;
                    }
                    error = new Pep508SyntaxError("A quoted string in the marker has a backslash that escapes nothing (only \\\\, \\' and \\\" are allowed).", i);
                    return null;
                }
                sb.Append(ch);
            }
            error = new Pep508SyntaxError("A quoted string in the marker is not closed.", _pos);
            return null;
        }

        /// <summary>Up to <paramref name="max"/> characters from here, printable, for "found `...`" in messages.</summary>
        public string Preview(int max) => AsciiText.Printable(_text.Substring(_pos, Math.Min(max, _text.Length - _pos)));

        public static bool IsWhitespace(char c) => c == ' ' || c == '\t';

        /// <summary>A character of a project or extra name as the requirement grammar reads it (validity is checked after).</summary>
        public static bool IsNameChar(char c) => AsciiText.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.';

        /// <summary>A character of a marker variable or keyword (dots for the legacy spellings such as <c>os.name</c>).</summary>
        public static bool IsWordChar(char c) => AsciiText.IsLetterOrDigit(c) || c == '_' || c == '.';
    }
}
