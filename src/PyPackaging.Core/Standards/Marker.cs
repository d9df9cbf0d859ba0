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

        internal Marker(MarkerNode root, IReadOnlyList<string> specNotes)
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
            marker = MarkerParser.Parse(text, allowLockFileVariables, out var syntaxError);
            error = syntaxError?.Message;
            return marker != null;
        }

        /// <summary>Like <see cref="TryParse"/>, with the position of the error in <paramref name="text"/>.</summary>
        public static Marker? Parse(string text, out Pep508SyntaxError? error, bool allowLockFileVariables = true) =>
            MarkerParser.Parse(text, allowLockFileVariables, out error);
    }
}
