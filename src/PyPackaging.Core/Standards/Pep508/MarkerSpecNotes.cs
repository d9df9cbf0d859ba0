using System;
using System.Collections.Generic;

namespace PyPackaging.Standards
{
    /// <summary>
    /// What the dependency-specifiers spec asks of publishers beyond what pypa/packaging enforces, for one comparison;
    /// recorded as <see cref="Marker.SpecNotes"/>, never refused.
    /// </summary>
    internal static class MarkerSpecNotes
    {
        /// <summary>The current name of a legacy variable spelling packaging still reads, or null.</summary>
        public static string? LegacyAlias(string name)
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

        /// <summary>Adds to <paramref name="notes"/> what <paramref name="cmp"/> does that the spec asks publishers not to.</summary>
        public static void Add(MarkerComparison cmp, List<string> notes)
        {
            var variable = cmp.Left.IsVariable ? cmp.Left.Text : cmp.Right.IsVariable ? cmp.Right.Text : null;
            if (variable == null) return;
            var op = cmp.Operator;
            var other = cmp.Left.IsVariable ? cmp.Right : cmp.Left;
            if (variable == "extra")
            {
                if (op != "==" && op != "!=") notes.Add("`extra` compared with `" + op + "`; the spec compares extras with == and != only");
                else if (!other.IsVariable && !ProjectName.IsValid(other.Text)) notes.Add("`" + AsciiText.Printable(other.Text) + "` is not a valid extra name");
                return;
            }
            var ordered = op == "<" || op == "<=" || op == ">" || op == ">=" || op == "~=" || op == "===";
            if (ordered && StringVariables.Contains(variable))
            {
                notes.Add("`" + variable + "` is a string variable compared with `" + op + "`; the spec defines that as a plain string comparison, which is rarely what was meant");
            }
            else if (ordered && op != "===" && VersionVariables.Contains(variable) && !other.IsVariable && !VersionSpecifier.TryParse(op + other.Text, out _, out _))
            {
                notes.Add("`" + variable + " " + op + " \"" + AsciiText.Printable(other.Text) + "\"` compares with something that is not a version, so it falls back to string comparison");
            }
        }
    }
}
