using System;
using System.Globalization;
using System.Text;

namespace PyPackaging.Building.Versions
{
    /// <summary>Python's escape sequences in (non-raw) str literals, decoded as the compiler does.</summary>
    internal static class PythonEscapes
    {
        /// <summary>Decodes <paramref name="content"/>; an unknown escape stays as written (Python keeps it, with a warning).</summary>
        /// <exception cref="FormatException">A malformed \x, \u or \U escape, or \N{…} (named characters need Unicode's name table).</exception>
        public static string Decode(string content)
        {
            if (content.IndexOf('\\') < 0) return content;
            var sb = new StringBuilder(content.Length);
            for (int i = 0; i < content.Length; i++)
            {
                char c = content[i];
                if (c != '\\' || i + 1 >= content.Length)
                {
                    sb.Append(c);
                    continue;
                }
                char e = content[++i];
                switch (e)
                {
                    case '\n': break;
                    case '\\': sb.Append('\\'); break;
                    case '\'': sb.Append('\''); break;
                    case '"': sb.Append('"'); break;
                    case 'a': sb.Append('\a'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'v': sb.Append('\v'); break;
                    case 'x': i = AppendHex(content, i, 2, sb); break;
                    case 'u': i = AppendHex(content, i, 4, sb); break;
                    case 'U': i = AppendHex(content, i, 8, sb); break;
                    case 'N': throw new FormatException("a \\N{…} escape (named Unicode character) is not decoded without Python");
                    default:
                        if (e >= '0' && e <= '7')
                        {
                            int value = 0, n = 0;
                            while (n < 3 && i < content.Length && content[i] >= '0' && content[i] <= '7')
                            {
                                value = value * 8 + (content[i] - '0');
                                i++;
                                n++;
                            }
                            i--;
                            sb.Append((char)value);
                        }
                        else
                        {
                            sb.Append('\\').Append(e);
                        }
                        break;
                }
            }
            return sb.ToString();
        }

        private static int AppendHex(string content, int escapeIndex, int digits, StringBuilder sb)
        {
            int start = escapeIndex + 1;
            if (start + digits > content.Length
                || !int.TryParse(content.Substring(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)
                || code < 0 || code > 0x10FFFF)
            {
                throw new FormatException("a malformed \\" + content[escapeIndex] + " escape in a string literal");
            }
            sb.Append(char.ConvertFromUtf32(code));
            return start + digits - 1;
        }
    }
}
