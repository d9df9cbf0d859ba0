using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PyPackaging.Building.Versions
{
    /// <summary>
    /// What flit_core reads from a module without importing it: the module docstring and the first top-level
    /// <c>__version__ = "…"</c> whose value is a plain string literal (flit_core's <c>get_docstring_and_version_via_ast</c>).
    /// Python is not run: a small tokenizer finds the top-level statements (column 0, split at top-level <c>;</c>),
    /// strings are decoded with Python's escape rules, adjacent literals are joined as the parser joins them.
    /// An assignment such as <c>__version__: str = "1"</c>, an f-string or a computed value does not count, exactly as
    /// in flit_core (which would then import the module — something a native build never does).
    /// </summary>
    public static class PythonModuleScanner
    {
        /// <summary>The facts read from a module's source.</summary>
        public sealed class ModuleFacts
        {
            internal ModuleFacts(string? docstring, string? version, int versionLine)
            {
                Docstring = docstring;
                Version = version;
                VersionLine = versionLine;
            }

            /// <summary>The module docstring's value (not cleaned), or null.</summary>
            public string? Docstring { get; }

            /// <summary>The value of the first top-level <c>__version__ = "…"</c> string assignment, or null.</summary>
            public string? Version { get; }

            /// <summary>1-based line of that assignment; 0 when none.</summary>
            public int VersionLine { get; }
        }

        private enum TokenKind
        {
            Name,
            String,
            Operator,
        }

        private readonly struct Token
        {
            public Token(TokenKind kind, string text, int line, string? value = null, bool isText = false)
            {
                Kind = kind;
                Text = text;
                Line = line;
                Value = value;
                IsText = isText;
            }

            public TokenKind Kind { get; }

            public string Text { get; }

            public int Line { get; }

            /// <summary>A string token's decoded value (null for f-strings, whose value is computed).</summary>
            public string? Value { get; }

            /// <summary>A str literal (not bytes, not an f-string).</summary>
            public bool IsText { get; }
        }

        /// <summary>Reads the module source (already decoded). Throws <see cref="FormatException"/> for source the tokenizer cannot follow.</summary>
        public static ModuleFacts Scan(string source)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            string? docstring = null;
            string? version = null;
            int versionLine = 0;
            bool first = true;
            foreach (var statement in TopLevelStatements(source))
            {
                if (first)
                {
                    first = false;
                    docstring = StringValue(statement);
                }
                if (version == null && IsVersionAssignment(statement, out var value))
                {
                    version = value;
                    versionLine = statement[0].Line;
                }
            }
            return new ModuleFacts(docstring, version, versionLine);
        }

        /// <summary>The source decoded as Python does: a UTF-8 BOM, a PEP 263 coding cookie on line 1 or 2, else UTF-8.</summary>
        public static string Decode(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                return new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);
            }
            string? cookie = CodingCookie(bytes);
            Encoding encoding = new UTF8Encoding(false, true);
            if (cookie != null && !IsUtf8Name(cookie))
            {
                string name = cookie.Replace('_', '-');
                if (name == "latin-1" || name.StartsWith("iso-latin-1", StringComparison.Ordinal)) name = "iso-8859-1";
                try
                {
                    encoding = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                }
                catch (ArgumentException)
                {
                    throw new FormatException("the coding declaration '" + cookie + "' names an encoding this reader does not know");
                }
            }
            return encoding.GetString(bytes);
        }

        private static bool IsUtf8Name(string name)
        {
            string n = name.Replace('_', '-');
            return n == "utf-8" || n == "utf8" || n.StartsWith("utf-8-", StringComparison.Ordinal);
        }

        private static string? CodingCookie(byte[] bytes)
        {
            int start = 0;
            for (int lineNo = 0; lineNo < 2 && start < bytes.Length; lineNo++)
            {
                int end = Array.IndexOf(bytes, (byte)'\n', start);
                if (end < 0) end = bytes.Length;
                string line = Encoding.ASCII.GetString(bytes, start, Math.Min(end - start, 200));
                var m = System.Text.RegularExpressions.Regex.Match(line, @"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)");
                if (m.Success) return m.Groups[1].Value.ToLowerInvariant();
                if (!System.Text.RegularExpressions.Regex.IsMatch(line, @"^[ \t\f]*(#.*)?\r?$")) return null;
                start = end + 1;
            }
            return null;
        }

        /// <summary>The value when the statement is only string literals (one constant for the parser), else null.</summary>
        private static string? StringValue(List<Token> tokens)
        {
            int start = 0, end = tokens.Count;
            // A parenthesised constant is still the constant.
            while (end - start >= 2 && tokens[start].Text == "(" && tokens[end - 1].Text == ")")
            {
                start++;
                end--;
            }
            if (end <= start) return null;
            var value = new StringBuilder();
            for (int i = start; i < end; i++)
            {
                var t = tokens[i];
                if (t.Kind != TokenKind.String || !t.IsText || t.Value == null) return null;
                value.Append(t.Value);
            }
            return value.ToString();
        }

        private static bool IsVersionAssignment(List<Token> statement, out string? value)
        {
            value = null;
            var parts = new List<List<Token>> { new List<Token>() };
            int depth = 0;
            foreach (var t in statement)
            {
                if (t.Kind == TokenKind.Operator)
                {
                    if (t.Text == "(" || t.Text == "[" || t.Text == "{") depth++;
                    else if (t.Text == ")" || t.Text == "]" || t.Text == "}") depth--;
                    else if (t.Text == "=" && depth == 0)
                    {
                        parts.Add(new List<Token>());
                        continue;
                    }
                }
                parts[parts.Count - 1].Add(t);
            }
            if (parts.Count < 2) return false;
            bool targetsVersion = false;
            for (int i = 0; i < parts.Count - 1; i++)
            {
                var target = parts[i];
                if (target.Count == 1 && target[0].Kind == TokenKind.Name && target[0].Text == "__version__") targetsVersion = true;
            }
            if (!targetsVersion) return false;
            value = StringValue(parts[parts.Count - 1]);
            return value != null;
        }

        // ------------------------------------------------------------------ tokenizer

        /// <summary>The tokenizer's position: index, line and bracket depth (a newline inside brackets does not end a statement).</summary>
        private sealed class Cursor
        {
            public Cursor(string source) => S = source;

            public string S { get; }

            public int I { get; set; }

            public int Line { get; set; } = 1;

            public int Depth { get; set; }
        }

        /// <summary>The top-level simple statements in order, each as its tokens (indented blocks are skipped).</summary>
        private static IEnumerable<List<Token>> TopLevelStatements(string source)
        {
            var c = new Cursor(source);
            var tokens = new List<Token>();
            bool topLevel = false;
            while (true)
            {
                // The first token of a logical line decides whether the statement is at module level.
                int? column = StartLogicalLine(c);
                if (column == null) yield break;
                topLevel = column == 0;
                while (c.I < c.S.Length)
                {
                    char ch = c.S[c.I];
                    bool endsLine = ch == '\n' || ch == '\r';
                    if ((endsLine || ch == ';') && c.Depth == 0)
                    {
                        if (endsLine) c.I = SkipNewline(c.S, c.I, c);
                        else c.I++;
                        if (topLevel && tokens.Count > 0) yield return tokens;
                        tokens = new List<Token>();
                        if (endsLine) break;
                        continue;
                    }
                    var token = ReadToken(c);
                    if (token != null) tokens.Add(token.Value);
                }
                if (c.I >= c.S.Length)
                {
                    if (topLevel && tokens.Count > 0) yield return tokens;
                    yield break;
                }
            }
        }

        /// <summary>Skips blank and comment-only lines; returns the column of the next logical line's first token, or null at the end.</summary>
        private static int? StartLogicalLine(Cursor c)
        {
            string s = c.S;
            while (true)
            {
                int j = c.I;
                while (j < s.Length && (s[j] == ' ' || s[j] == '\t' || s[j] == '\f')) j++;
                if (j >= s.Length) return null;
                bool continuation = s[j] == '\\' && j + 1 < s.Length && (s[j + 1] == '\n' || s[j + 1] == '\r');
                if (s[j] != '#' && s[j] != '\n' && s[j] != '\r' && !continuation)
                {
                    int column = j - c.I;
                    c.I = j;
                    return column;
                }
                if (s[j] == '#') j = SkipComment(s, j);
                if (j < s.Length && s[j] == '\\') j++;
                c.I = SkipNewline(s, j, c);
            }
        }

        /// <summary>Reads one token (or skips blanks, a comment or a line continuation, returning null).</summary>
        private static Token? ReadToken(Cursor c)
        {
            string s = c.S;
            int i = c.I;
            char ch = s[i];
            if (ch == ' ' || ch == '\t' || ch == '\f')
            {
                c.I = i + 1;
                return null;
            }
            if (ch == '#')
            {
                c.I = SkipComment(s, i);
                return null;
            }
            if (ch == '\\' && i + 1 < s.Length && (s[i + 1] == '\n' || s[i + 1] == '\r'))
            {
                c.I = SkipNewline(s, i + 1, c);
                return null;
            }
            if (ch == '\n' || ch == '\r')
            {
                c.I = SkipNewline(s, i, c); // inside brackets
                return null;
            }
            if (IsStringStart(s, i, out int prefixLength))
            {
                int startLine = c.Line;
                string prefix = s.Substring(i, prefixLength).ToLowerInvariant();
                int line = c.Line;
                int end = ReadString(s, i + prefixLength, prefix.IndexOf('r') >= 0, ref line, out _, out string? decoded);
                c.Line = line;
                c.I = end;
                bool isBytes = prefix.IndexOf('b') >= 0, isFormat = prefix.IndexOf('f') >= 0;
                return new Token(TokenKind.String, s.Substring(i, end - i), startLine, isFormat ? null : decoded, !isBytes && !isFormat);
            }
            if (char.IsLetterOrDigit(ch) || ch == '_' || ch > 127)
            {
                int j = i;
                while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_' || s[j] > 127 || (char.IsDigit(ch) && s[j] == '.'))) j++;
                c.I = j;
                return new Token(TokenKind.Name, s.Substring(i, j - i), c.Line);
            }
            string op = Operator(s, i);
            if (op == "(" || op == "[" || op == "{") c.Depth++;
            else if ((op == ")" || op == "]" || op == "}") && c.Depth > 0) c.Depth--;
            c.I = i + op.Length;
            return new Token(TokenKind.Operator, op, c.Line);
        }

        private static readonly string[] Operators =
        {
            "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>", "+=", "-=", "*=", "/=",
            "%=", "&=", "|=", "^=", "@=",
        };

        private static string Operator(string s, int i)
        {
            foreach (var op in Operators)
            {
                if (string.CompareOrdinal(s, i, op, 0, op.Length) == 0) return op;
            }
            return s[i].ToString();
        }

        private static int SkipComment(string s, int i)
        {
            while (i < s.Length && s[i] != '\n' && s[i] != '\r') i++;
            return i;
        }

        private static int SkipNewline(string s, int i, Cursor c)
        {
            if (i < s.Length && s[i] == '\r') i++;
            if (i < s.Length && s[i] == '\n') i++;
            c.Line++;
            return i;
        }

        private static bool IsStringStart(string s, int i, out int prefixLength)
        {
            prefixLength = 0;
            int j = i;
            while (j < s.Length && j - i < 2 && "rRbBuUfF".IndexOf(s[j]) >= 0) j++;
            if (j < s.Length && (s[j] == '\'' || s[j] == '"'))
            {
                string prefix = s.Substring(i, j - i).ToLowerInvariant();
                if (prefix.Length == 0 || prefix == "r" || prefix == "u" || prefix == "b" || prefix == "f" || prefix == "br" || prefix == "rb" || prefix == "fr" || prefix == "rf")
                {
                    prefixLength = j - i;
                    return true;
                }
            }
            return false;
        }

        /// <summary>Reads a literal from its opening quote; returns the index after it. Throws on an unterminated literal.</summary>
        private static int ReadString(string s, int i, bool raw, ref int line, out string text, out string? value)
        {
            char quote = s[i];
            bool triple = i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote;
            int q = triple ? 3 : 1;
            int j = i + q;
            int contentStart = j;
            while (true)
            {
                if (j >= s.Length) throw new FormatException("unterminated string literal starting on line " + line.ToString(CultureInfo.InvariantCulture));
                char c = s[j];
                if (c == '\\' && j + 1 < s.Length)
                {
                    if (s[j + 1] == '\n') line++;
                    j += 2;
                    continue;
                }
                if (c == '\n')
                {
                    if (!triple) throw new FormatException("unterminated string literal on line " + line.ToString(CultureInfo.InvariantCulture));
                    line++;
                }
                if (c == quote && (!triple || (j + 2 < s.Length && s[j + 1] == quote && s[j + 2] == quote)))
                {
                    text = s.Substring(contentStart, j - contentStart);
                    // Python reads source with universal newlines: \r\n and \r inside a literal are \n.
                    string content = text.Replace("\r\n", "\n").Replace('\r', '\n');
                    value = raw ? content : PythonEscapes.Decode(content);
                    return j + q;
                }
                j++;
            }
        }
    }
}
