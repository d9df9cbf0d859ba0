using System;
using System.Collections.Generic;
using System.Text;

namespace PyPackaging.Standards
{
    /// <summary>A node of a parsed environment marker: <see cref="MarkerComparison"/>, <see cref="MarkerBoolean"/> or <see cref="MarkerGroup"/>.</summary>
    public abstract class MarkerNode
    {
        internal abstract void Write(StringBuilder sb);

        public override string ToString()
        {
            var sb = new StringBuilder();
            Write(sb);
            return sb.ToString();
        }
    }

    /// <summary>One side of a comparison: an environment variable name or a quoted string literal.</summary>
    public sealed class MarkerValue
    {
        public MarkerValue(string text, bool isVariable)
        {
            Text = text;
            IsVariable = isVariable;
        }

        public string Text { get; }
        public bool IsVariable { get; }

        public override string ToString()
        {
            if (IsVariable) return Text;
            // Double quotes unless the value holds one and no single quote; a backslash or the chosen quote inside is
            // escaped with a backslash, the only escapes packaging reads.
            var quote = Text.IndexOf('"') >= 0 && Text.IndexOf('\'') < 0 ? '\'' : '"';
            var sb = new StringBuilder().Append(quote);
            foreach (var c in Text)
            {
                if (c == '\\' || c == quote) sb.Append('\\');
                sb.Append(c);
            }
            return sb.Append(quote).ToString();
        }
    }

    /// <summary><c>left op right</c>, e.g. <c>python_version &gt;= "3.8"</c>.</summary>
    public sealed class MarkerComparison : MarkerNode
    {
        public MarkerComparison(MarkerValue left, string op, MarkerValue right)
        {
            Left = left;
            Operator = op;
            Right = right;
        }

        public MarkerValue Left { get; }

        /// <summary>One of <c>&lt; &lt;= != == &gt;= &gt; ~= === in</c>, <c>not in</c>.</summary>
        public string Operator { get; }

        public MarkerValue Right { get; }

        internal override void Write(StringBuilder sb) => sb.Append(Left).Append(' ').Append(Operator).Append(' ').Append(Right);
    }

    /// <summary>Two or more operands joined by <c>and</c> or <c>or</c>.</summary>
    public sealed class MarkerBoolean : MarkerNode
    {
        public MarkerBoolean(string op, IReadOnlyList<MarkerNode> operands)
        {
            Operator = op;
            Operands = operands;
        }

        /// <summary><c>and</c> or <c>or</c>.</summary>
        public string Operator { get; }

        public IReadOnlyList<MarkerNode> Operands { get; }

        internal override void Write(StringBuilder sb)
        {
            for (var i = 0; i < Operands.Count; i++)
            {
                if (i > 0) sb.Append(' ').Append(Operator).Append(' ');
                Operands[i].Write(sb);
            }
        }
    }

    /// <summary>An expression written in parentheses.</summary>
    public sealed class MarkerGroup : MarkerNode
    {
        public MarkerGroup(MarkerNode inner)
        {
            Inner = inner;
        }

        public MarkerNode Inner { get; }

        internal override void Write(StringBuilder sb)
        {
            // Like pypa/packaging: parentheses around a single comparison or around another group add nothing.
            var inner = Unwrap(Inner);
            if (inner is MarkerComparison)
            {
                inner.Write(sb);
                return;
            }
            sb.Append('(');
            inner.Write(sb);
            sb.Append(')');
        }

        internal static MarkerNode Unwrap(MarkerNode node)
        {
            while (node is MarkerGroup g) node = g.Inner;
            return node;
        }
    }

    /// <summary>
    /// A PEP 508 environment marker, parsed as pypa/packaging parses it (what PyPI, pip and build run): every
    /// comparison operator with every variable (the spec defines string comparison where a version comparison does not
    /// apply), the legacy spellings <c>os.name</c>, <c>sys.platform</c>, <c>platform.version</c>, <c>platform.machine</c>,
    /// <c>platform.python_implementation</c> and <c>python_implementation</c>, quoted strings without backslash escapes
    /// other than <c>\\</c>, <c>\'</c> and <c>\"</c>; no chained comparisons. The spec asks publishers to be stricter
    /// (no ordered comparison on string variables, <c>extra</c> only with == and !=); packaging does not refuse those,
    /// so neither does this parser.
    /// </summary>
    public sealed class Marker
    {
        /// <summary>Every environment marker variable of the dependency-specifiers spec.</summary>
        public static readonly IReadOnlyList<string> Variables = new[]
        {
            "python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
            "platform_version", "platform_machine", "platform_python_implementation", "implementation_name",
            "implementation_version", "extra", "extras", "dependency_groups",
        };

        private Marker(MarkerNode root, IReadOnlyList<string> specNotes)
        {
            Root = root;
            SpecNotes = specNotes;
        }

        public MarkerNode Root { get; }

        /// <summary>
        /// Where the marker is valid for pypa/packaging but not as strict as the dependency-specifiers spec asks
        /// publishers to be (legacy spellings, ordered comparisons on string variables, <c>extra</c> with operators other
        /// than == and !=, lock-file variables in metadata, a version comparison with something that is not a version).
        /// Consumers accept these; Test-PySdist reports them as a Warning.
        /// </summary>
        public IReadOnlyList<string> SpecNotes { get; }

        /// <summary>Normal form: double quotes (single when the value contains one), single spaces, no redundant parentheses.</summary>
        public override string ToString() => MarkerGroup.Unwrap(Root).ToString();

        /// <summary>
        /// Parses <paramref name="text"/>. The spec calls <c>extras</c> and <c>dependency_groups</c> lock-file variables
        /// (pylock.toml), but pypa/packaging parses them anywhere, and PyPI accepts them in metadata; so they are admitted
        /// unless <paramref name="allowLockFileVariables"/> is false.
        /// </summary>
        public static bool TryParse(string? text, out Marker? marker, out string? error, bool allowLockFileVariables = true)
        {
            marker = null;
            if (text == null)
            {
                error = "The marker is missing.";
                return false;
            }
            var p = new Parser(text, allowLockFileVariables);
            var root = p.ParseWhole(out error);
            if (root == null) return false;
            marker = new Marker(root, p.Notes);
            return true;
        }

        internal sealed class Parser
        {
            private const int MaxDepth = 64;
            private readonly string _s;
            private readonly bool _allowLock;

            public List<string> Notes { get; } = new List<string>();
            private int _pos;
            private int _depth;
            private readonly int _end;

            public Parser(string s, bool allowLock, int start = 0, int end = -1)
            {
                _s = s;
                _allowLock = allowLock;
                _pos = start;
                _end = end < 0 ? s.Length : end;
            }

            public MarkerNode? ParseWhole(out string? error)
            {
                var node = ParseOr(out error);
                if (node == null) return null;
                SkipWs();
                if (_pos < _end)
                {
                    error = Unexpected("`and`, `or` or the end of the marker");
                    return null;
                }
                return node;
            }

            private void SkipWs()
            {
                while (_pos < _end && (_s[_pos] == ' ' || _s[_pos] == '\t')) _pos++;
            }

            private string Unexpected(string expected)
            {
                if (_pos >= _end) return "Expected " + expected + " at the end of the marker.";
                return "Expected " + expected + " at position " + (_pos + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + ", found `" + AsciiText.Printable(_s.Substring(_pos, Math.Min(10, _end - _pos))) + "`.";
            }

            private bool TryKeyword(string word)
            {
                SkipWs();
                if (_end - _pos < word.Length || string.CompareOrdinal(_s, _pos, word, 0, word.Length) != 0) return false;
                var after = _pos + word.Length;
                if (after < _end && (AsciiText.IsLetterOrDigit(_s[after]) || _s[after] == '_' || _s[after] == '.')) return false;
                _pos = after;
                return true;
            }

            private MarkerNode? ParseOr(out string? error)
            {
                var first = ParseAnd(out error);
                if (first == null) return null;
                var list = new List<MarkerNode> { first };
                while (TryKeyword("or"))
                {
                    var next = ParseAnd(out error);
                    if (next == null) return null;
                    list.Add(next);
                }
                return list.Count == 1 ? first : new MarkerBoolean("or", list);
            }

            private MarkerNode? ParseAnd(out string? error)
            {
                var first = ParseAtom(out error);
                if (first == null) return null;
                var list = new List<MarkerNode> { first };
                while (TryKeyword("and"))
                {
                    var next = ParseAtom(out error);
                    if (next == null) return null;
                    list.Add(next);
                }
                return list.Count == 1 ? first : new MarkerBoolean("and", list);
            }

            private MarkerNode? ParseAtom(out string? error)
            {
                SkipWs();
                if (_pos < _end && _s[_pos] == '(')
                {
                    if (++_depth > MaxDepth)
                    {
                        error = "The marker nests parentheses too deeply.";
                        return null;
                    }
                    _pos++;
                    var inner = ParseOr(out error);
                    if (inner == null) return null;
                    SkipWs();
                    if (_pos >= _end || _s[_pos] != ')')
                    {
                        error = Unexpected("`)`");
                        return null;
                    }
                    _pos++;
                    _depth--;
                    return new MarkerGroup(inner);
                }
                var left = ParseValue(out error);
                if (left == null) return null;
                var op = ParseOperator(out error);
                if (op == null) return null;
                var right = ParseValue(out error);
                if (right == null) return null;
                var cmp = new MarkerComparison(left, op, right);
                Note(cmp);
                error = null;
                return cmp;
            }

            private MarkerValue? ParseValue(out string? error)
            {
                SkipWs();
                if (_pos >= _end)
                {
                    error = Unexpected("a marker variable or a quoted string");
                    return null;
                }
                var c = _s[_pos];
                if (c == '\'' || c == '"')
                {
                    // packaging refuses a backslash inside a quoted string unless it escapes a quote or a backslash
                    // ("Invalid quoted string"); `"C:\"` therefore is not closed.
                    var sb = new StringBuilder();
                    var close = -1;
                    for (var i = _pos + 1; i < _end; i++)
                    {
                        var ch = _s[i];
                        if (ch == c)
                        {
                            close = i;
                            break;
                        }
                        if (ch == '\\')
                        {
                            if (i + 1 < _end && (_s[i + 1] == '\\' || _s[i + 1] == '\'' || _s[i + 1] == '"'))
                            {
                                sb.Append(_s[++i]);
                                continue;
                            }
                            error = "A quoted string in the marker has a backslash that escapes nothing (only \\\\, \\' and \\\" are allowed).";
                            return null;
                        }
                        sb.Append(ch);
                    }
                    if (close < 0)
                    {
                        error = "A quoted string in the marker is not closed.";
                        return null;
                    }
                    var value = sb.ToString();
                    if (value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0)
                    {
                        error = "A quoted string in the marker contains a line break.";
                        return null;
                    }
                    _pos = close + 1;
                    error = null;
                    return new MarkerValue(value, false);
                }
                var start = _pos;
                while (_pos < _end && (AsciiText.IsLetterOrDigit(_s[_pos]) || _s[_pos] == '_' || _s[_pos] == '.')) _pos++;
                if (_pos == start)
                {
                    error = Unexpected("a marker variable or a quoted string");
                    return null;
                }
                var name = _s.Substring(start, _pos - start);
                if (Array.IndexOf((string[])Variables, name) < 0)
                {
                    // packaging still reads the legacy spellings (os.name, sys.platform, python_implementation, ...)
                    // and treats them as the current variable.
                    var modern = LegacyAlias(name);
                    if (modern == null)
                    {
                        error = "`" + AsciiText.Printable(name) + "` is not a known environment marker variable.";
                        return null;
                    }
                    Notes.Add("`" + name + "` is a legacy spelling; the dependency-specifiers grammar names the variable `" + modern + "`");
                    name = modern;
                }
                if (!_allowLock && (name == "extras" || name == "dependency_groups"))
                {
                    error = "The marker variable `" + name + "` is only valid in lock files, not in published metadata.";
                    return null;
                }
                if (name == "extras" || name == "dependency_groups")
                {
                    Notes.Add("`" + name + "` is a lock-file variable (pylock.toml); the spec does not define it in published metadata");
                }
                error = null;
                return new MarkerValue(name, true);
            }

            private static string? LegacyAlias(string name)
            {
                switch (name)
                {
                    case "os.name": return "os_name";
                    case "sys.platform": return "sys_platform";
                    case "platform.version": return "platform_version";
                    case "platform.machine": return "platform_machine";
                    case "platform.python_implementation":
                    case "python_implementation": return "platform_python_implementation";
                    default: return null;
                }
            }

            private static readonly string[] SymbolOperators = { "===", "==", "!=", "<=", ">=", "~=", "<", ">" };

            private string? ParseOperator(out string? error)
            {
                SkipWs();
                foreach (var op in SymbolOperators)
                {
                    if (_end - _pos >= op.Length && string.CompareOrdinal(_s, _pos, op, 0, op.Length) == 0)
                    {
                        _pos += op.Length;
                        error = null;
                        return op;
                    }
                }
                if (TryKeyword("in"))
                {
                    error = null;
                    return "in";
                }
                if (TryKeyword("not"))
                {
                    if (_pos < _end && _s[_pos] != ' ' && _s[_pos] != '\t')
                    {
                        error = Unexpected("whitespace after `not`");
                        return null;
                    }
                    if (TryKeyword("in"))
                    {
                        error = null;
                        return "not in";
                    }
                    error = Unexpected("`in` after `not`");
                    return null;
                }
                error = Unexpected("a comparison operator");
                return null;
            }

            // pypa/packaging accepts every operator with every variable at parse time (string comparison applies
            // where a version comparison does not, as the spec defines), so nothing is refused here.
            private static readonly HashSet<string> VersionVariables = new HashSet<string>(StringComparer.Ordinal)
            {
                "python_version", "python_full_version", "implementation_version",
            };

            private static readonly HashSet<string> StringVariables = new HashSet<string>(StringComparer.Ordinal)
            {
                "os_name", "sys_platform", "platform_system", "platform_machine", "platform_python_implementation", "implementation_name",
            };

            // What the spec asks of publishers beyond what packaging enforces; recorded as notes, never refused.
            private void Note(MarkerComparison cmp)
            {
                var variable = cmp.Left.IsVariable ? cmp.Left.Text : cmp.Right.IsVariable ? cmp.Right.Text : null;
                if (variable == null) return;
                var op = cmp.Operator;
                var other = cmp.Left.IsVariable ? cmp.Right : cmp.Left;
                if (variable == "extra")
                {
                    if (op != "==" && op != "!=") Notes.Add("`extra` compared with `" + op + "`; the spec compares extras with == and != only");
                    else if (!other.IsVariable && !ProjectName.IsValid(other.Text)) Notes.Add("`" + AsciiText.Printable(other.Text) + "` is not a valid extra name");
                    return;
                }
                var ordered = op == "<" || op == "<=" || op == ">" || op == ">=" || op == "~=" || op == "===";
                if (ordered && StringVariables.Contains(variable))
                {
                    Notes.Add("`" + variable + "` is a string variable compared with `" + op + "`; the spec defines that as a plain string comparison, which is rarely what was meant");
                }
                else if (ordered && op != "===" && VersionVariables.Contains(variable) && !other.IsVariable && !VersionSpecifier.TryParse(op + other.Text, out _, out _))
                {
                    Notes.Add("`" + variable + " " + op + " \"" + AsciiText.Printable(other.Text) + "\"` compares with something that is not a version, so it falls back to string comparison");
                }
            }
        }
    }
}
