using System;
using System.Collections.Generic;

namespace PyPackaging.Standards
{
    /// <summary>Which consumer's idea of a valid address to apply: the two disagree, and each verdict is observable.</summary>
    public enum EmailRules
    {
        /// <summary>
        /// An address in a PKG-INFO <c>Author-email</c> / <c>Maintainer-email</c> header, as PyPI's upload check reads
        /// it after Python's <c>email.utils</c> split: <c>local@domain</c> without whitespace, angle brackets or commas,
        /// and a domain without empty labels. Quoted or otherwise unusual local parts (<c>a..b@x</c>, <c>"a:b"@x</c>)
        /// pass, because headers written by older tools carry them and PyPI accepts them.
        /// </summary>
        CoreMetadataHeader,

        /// <summary>
        /// The <c>email</c> key of a <c>[project].authors</c> / <c>maintainers</c> table, as the project reader judges it
        /// before building: additionally no RFC 5322 specials (<c>()[]\";:</c>), a dot-atom local part and a domain
        /// that does not start with <c>-</c>. The stricter rule applies where the publisher is still writing the value;
        /// the looser one where a published header is judged, so neither verdict changes by sharing the code.
        /// </summary>
        PyprojectTable,
    }

    /// <summary>One place for what an e-mail address is, for metadata headers and pyproject tables alike.</summary>
    public static class EmailAddress
    {
        /// <summary>Why <paramref name="address"/> (a bare <c>local@domain</c>) is not valid under <paramref name="rules"/>, or null.</summary>
        public static string? WhyInvalid(string address, EmailRules rules)
        {
            var at = address.LastIndexOf('@');
            if (at <= 0 || at == address.Length - 1) return "`" + AsciiText.Printable(address) + "` is not of the form `local@domain`";
            foreach (var c in address)
            {
                if (IsForbidden(c, rules)) return "`" + AsciiText.Printable(address) + "` contains whitespace or a forbidden character";
            }
            var local = address.Substring(0, at);
            if (rules == EmailRules.PyprojectTable && (local.IndexOf('@') >= 0 || !IsDotAtom(local)))
            {
                return "`" + AsciiText.Printable(local) + "` is not a valid local part";
            }
            var domain = address.Substring(at + 1);
            if (!IsDotAtom(domain) || (rules == EmailRules.PyprojectTable && domain[0] == '-'))
            {
                return "`" + AsciiText.Printable(domain) + "` is not a valid domain";
            }
            return null;
        }

        /// <summary>Why one entry of an address list (<c>Name &lt;local@domain&gt;</c> or <c>local@domain</c>) is malformed, or null.</summary>
        public static string? WhyInvalidEntry(string entry, EmailRules rules)
        {
            var e = AsciiText.Trim(entry);
            string address;
            var open = e.LastIndexOf('<');
            if (open >= 0)
            {
                if (!e.EndsWith(">", StringComparison.Ordinal)) return "the address in `<...>` is not closed";
                address = e.Substring(open + 1, e.Length - open - 2).Trim(' ', '\t');
            }
            else
            {
                address = e;
            }
            return WhyInvalid(address, rules);
        }

        /// <summary>Splits an RFC 822 address list on commas outside quotes and angle brackets.</summary>
        public static List<string> SplitList(string value)
        {
            var result = new List<string>();
            var start = 0;
            var quoted = false;
            var angle = false;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '"' && !angle) quoted = !quoted;
                else if (c == '<' && !quoted) angle = true;
                else if (c == '>' && !quoted) angle = false;
                else if (c == ',' && !quoted && !angle)
                {
                    result.Add(value.Substring(start, i - start));
                    start = i + 1;
                }
            }
            result.Add(value.Substring(start));
            return result;
        }

        private static bool IsForbidden(char c, EmailRules rules)
        {
            if (c <= ' ' || c == '\x7f' || c == '<' || c == '>' || c == ',') return true;
            return rules == EmailRules.PyprojectTable
                && (c == '(' || c == ')' || c == '[' || c == ']' || c == '\\' || c == '"' || c == ';' || c == ':');
        }

        // Labels separated by single dots: no leading, trailing or doubled dot. The caller guarantees a non-empty part.
        private static bool IsDotAtom(string part) =>
            part[0] != '.' && part[part.Length - 1] != '.' && part.IndexOf("..", StringComparison.Ordinal) < 0;
    }
}
