using System;
using System.Collections.Generic;
using System.Globalization;

namespace PyPackaging.Standards
{
    /// <summary>
    /// The marker grammar over <see cref="Pep508Tokenizer"/>: <c>or</c> of <c>and</c> of atoms, an atom being a
    /// parenthesised marker or <c>value op value</c>. Records <see cref="Marker.SpecNotes"/> on the way.
    /// </summary>
    internal sealed class MarkerParser
    {
        // Deeper nesting is refused rather than recursed into, so a hostile marker cannot exhaust the stack.
        private const int MaxDepth = 64;

        private static readonly string[] SymbolOperators = { "===", "==", "!=", "<=", ">=", "~=", "<", ">" };

        private readonly Pep508Tokenizer _tokens;
        private readonly bool _allowLock;
        private readonly List<string> _notes = new List<string>();
        private int _depth;
        private Pep508SyntaxError? _error;

        private MarkerParser(string text, bool allowLock)
        {
            _tokens = new Pep508Tokenizer(text);
            _allowLock = allowLock;
        }

        /// <summary>The marker in <paramref name="text"/>, or null with <paramref name="error"/> set.</summary>
        public static Marker? Parse(string text, bool allowLockFileVariables, out Pep508SyntaxError? error)
        {
            var parser = new MarkerParser(text, allowLockFileVariables);
            var root = parser.ParseWhole();
            error = parser._error;
            return root == null ? null : new Marker(root, parser._notes);
        }

        private MarkerNode? ParseWhole()
        {
            var node = ParseOr();
            if (node == null) return null;
            _tokens.SkipWhitespace();
            return _tokens.AtEnd ? node : Unexpected<MarkerNode>("`and`, `or` or the end of the marker");
        }

        private MarkerNode? ParseOr() => ParseChain("or", ParseAnd);

        private MarkerNode? ParseAnd() => ParseChain("and", ParseAtom);

        // `operand (keyword operand)*`; `and` binds tighter than `or` because ParseOr's operands are ParseAnd's chains.
        private MarkerNode? ParseChain(string keyword, Func<MarkerNode?> parseOperand)
        {
            var first = parseOperand();
            if (first == null) return null;
            var list = new List<MarkerNode> { first };
            while (_tokens.TryKeyword(keyword))
            {
                var next = parseOperand();
                if (next == null) return null;
                list.Add(next);
            }
            return list.Count == 1 ? first : new MarkerBoolean(keyword, list);
        }

        private MarkerNode? ParseAtom()
        {
            _tokens.SkipWhitespace();
            if (_tokens.Check('(')) return ParseGroup();
            var left = ParseValue();
            if (left == null) return null;
            var op = ParseOperator();
            if (op == null) return null;
            var right = ParseValue();
            if (right == null) return null;
            var comparison = new MarkerComparison(left, op, right);
            MarkerSpecNotes.Add(comparison, _notes);
            return comparison;
        }

        private MarkerNode? ParseGroup()
        {
            if (++_depth > MaxDepth) return Fail<MarkerNode>("The marker nests parentheses too deeply.", _tokens.Position);
            _tokens.TryConsume('(');
            var inner = ParseOr();
            if (inner == null) return null;
            _tokens.SkipWhitespace();
            if (!_tokens.TryConsume(')')) return Unexpected<MarkerNode>("`)`");
            _depth--;
            return new MarkerGroup(inner);
        }

        private MarkerValue? ParseValue()
        {
            _tokens.SkipWhitespace();
            if (_tokens.Check('\'') || _tokens.Check('"')) return ParseQuotedValue();
            var start = _tokens.Position;
            var name = _tokens.ReadWhile(Pep508Tokenizer.IsWordChar);
            if (name.Length == 0) return Unexpected<MarkerValue>("a marker variable or a quoted string");
            return ParseVariable(name, start);
        }

        private MarkerValue? ParseQuotedValue()
        {
            var start = _tokens.Position;
            var value = _tokens.ReadQuotedString(out var error);
            if (value == null)
            {
                _error = error;
                return null;
            }
            if (value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0)
            {
                return Fail<MarkerValue>("A quoted string in the marker contains a line break.", start);
            }
            return new MarkerValue(value, false);
        }

        private MarkerValue? ParseVariable(string name, int start)
        {
            if (Array.IndexOf((string[])Marker.Variables, name) < 0)
            {
                // packaging still reads the legacy spellings (os.name, sys.platform, python_implementation, ...)
                // and treats them as the current variable.
                var modern = MarkerSpecNotes.LegacyAlias(name);
                if (modern == null) return Fail<MarkerValue>("`" + AsciiText.Printable(name) + "` is not a known environment marker variable.", start);
                _notes.Add("`" + name + "` is a legacy spelling; the dependency-specifiers grammar names the variable `" + modern + "`");
                name = modern;
            }
            var lockFileVariable = name == "extras" || name == "dependency_groups";
            if (lockFileVariable && !_allowLock)
            {
                return Fail<MarkerValue>("The marker variable `" + name + "` is only valid in lock files, not in published metadata.", start);
            }
            if (lockFileVariable)
            {
                _notes.Add("`" + name + "` is a lock-file variable (pylock.toml); the spec does not define it in published metadata");
            }
            return new MarkerValue(name, true);
        }

        private string? ParseOperator()
        {
            _tokens.SkipWhitespace();
            var symbol = _tokens.TrySymbol(SymbolOperators);
            if (symbol != null) return symbol;
            if (_tokens.TryKeyword("in")) return "in";
            if (!_tokens.TryKeyword("not")) return Unexpected<string>("a comparison operator");
            if (!_tokens.AtEnd && !Pep508Tokenizer.IsWhitespace(_tokens.Peek)) return Unexpected<string>("whitespace after `not`");
            return _tokens.TryKeyword("in") ? "not in" : Unexpected<string>("`in` after `not`");
        }

        // The message names the 1-based position in the marker text, as it always has (findings quote it).
        private T? Unexpected<T>(string expected) where T : class
        {
            var message = _tokens.AtEnd
                ? "Expected " + expected + " at the end of the marker."
                : "Expected " + expected + " at position " + (_tokens.Position + 1).ToString(CultureInfo.InvariantCulture)
                    + ", found `" + _tokens.Preview(10) + "`.";
            return Fail<T>(message, _tokens.Position);
        }

        private T? Fail<T>(string message, int position) where T : class
        {
            _error = new Pep508SyntaxError(message, position);
            return null;
        }
    }
}
