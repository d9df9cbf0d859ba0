using System;
using System.Collections.Generic;
using System.Text;

namespace PyPackaging.Standards
{
    /// <summary>
    /// SPDX license expressions as core metadata uses them (License-Expression, PEP 639): validation and
    /// canonicalisation (reference case for ids, upper-case operators, tight parentheses).
    /// </summary>
    public static class SpdxExpression
    {
        /// <summary>
        /// Validates <paramref name="text"/> and returns its canonical form. Deprecated ids are valid; see
        /// <see cref="FindDeprecatedIds"/> to warn about them.
        /// </summary>
        public static bool TryCanonicalize(string? text, out string canonical, out string? error)
        {
            canonical = string.Empty;
            if (text == null || AsciiText.Trim(text).Length == 0)
            {
                error = "The license expression is empty.";
                return false;
            }
            if (!AsciiText.IsAllAscii(text))
            {
                error = "The license expression `" + AsciiText.Printable(text) + "` contains non-ASCII characters.";
                return false;
            }
            var tokens = Tokenize(text);
            error = SyntaxError(text, tokens);
            if (error != null) return false;
            var parts = CanonicalParts(tokens, out error);
            if (parts == null) return false;
            canonical = Join(parts);
            return true;
        }

        // Syntax: license tokens (and "with <exception>") are operands; and/or are binary operators.
        private static string? SyntaxError(string text, List<string> tokens)
        {
            var depth = 0;
            var expectOperand = true;
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                var lower = AsciiText.ToLower(t);
                if (t == "(")
                {
                    if (!expectOperand) return "Invalid license expression `" + text + "`: `(` must follow an operator or `(`.";
                    depth++;
                }
                else if (t == ")")
                {
                    if (expectOperand || depth == 0) return "Invalid license expression `" + text + "`: unbalanced or empty parentheses.";
                    depth--;
                }
                else if (lower == "and" || lower == "or")
                {
                    if (expectOperand) return "Invalid license expression `" + text + "`: `" + t + "` is missing an operand.";
                    expectOperand = true;
                }
                else if (lower == "with")
                {
                    return "Invalid license expression `" + text + "`: WITH must follow a license id.";
                }
                else
                {
                    if (!expectOperand) return "Invalid license expression `" + text + "`: `" + t + "` must be separated from the previous license by AND or OR.";
                    expectOperand = false;
                    if (i + 1 < tokens.Count && AsciiText.ToLower(tokens[i + 1]) == "with")
                    {
                        if (i + 2 >= tokens.Count || !IsExceptionToken(tokens[i + 2]))
                        {
                            var what = i + 2 < tokens.Count ? tokens[i + 2] : "(nothing)";
                            return "Unknown license exception: `" + what + "`.";
                        }
                        i += 2;
                    }
                }
            }
            if (expectOperand || depth != 0) return "Invalid license expression `" + text + "`: it ends early or has unbalanced parentheses.";
            return null;
        }

        // Canonical case: operators upper case, license and exception ids as the SPDX list spells them.
        private static List<string>? CanonicalParts(List<string> tokens, out string? error)
        {
            var parts = new List<string>();
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                var lower = AsciiText.ToLower(t);
                if (t == "(" || t == ")")
                {
                    parts.Add(t);
                }
                else if (lower == "and" || lower == "or" || lower == "with")
                {
                    parts.Add(AsciiText.ToUpper(t));
                }
                else if (i > 0 && AsciiText.ToLower(tokens[i - 1]) == "with")
                {
                    SpdxLicenseList.TryGetCanonicalException(t, out var exception);
                    parts.Add(exception);
                }
                else
                {
                    if (!TryCanonicalLicense(t, out var license, out error)) return null;
                    parts.Add(license);
                }
            }
            error = null;
            return parts;
        }

        // Single spaces between parts, none inside parentheses.
        private static string Join(List<string> parts)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < parts.Count; i++)
            {
                var p = parts[i];
                var tight = i > 0 && (parts[i - 1] == "(" || p == ")");
                if (i > 0 && !tight) sb.Append(' ');
                sb.Append(p);
            }
            return sb.ToString();
        }

        /// <summary>Deprecated SPDX ids (licenses and exceptions) used in a valid expression, in reference case.</summary>
        public static IReadOnlyList<string> FindDeprecatedIds(string text)
        {
            var result = new List<string>();
            foreach (var token in Tokenize(text))
            {
                var t = token.EndsWith("+", StringComparison.Ordinal) ? token.Substring(0, token.Length - 1) : token;
                if (SpdxLicenseList.IsDeprecatedLicense(t) && SpdxLicenseList.TryGetCanonicalLicense(t, out var c)) result.Add(c);
                else if (SpdxLicenseList.IsDeprecatedException(t) && SpdxLicenseList.TryGetCanonicalException(t, out var e)) result.Add(e);
            }
            return result;
        }

        private static bool IsExceptionToken(string t) => SpdxLicenseList.IsKnownException(t);

        private static bool TryCanonicalLicense(string token, out string canonical, out string? error)
        {
            canonical = string.Empty;
            if (token.Length >= 11 && AsciiText.EqualsIgnoreCase(token.Substring(0, 11), "LicenseRef-"))
            {
                var rest = token.Substring(11);
                var ok = rest.Length > 0;
                foreach (var c in rest)
                {
                    if (!AsciiText.IsLetterOrDigit(c) && c != '.' && c != '-') ok = false;
                }
                if (!ok)
                {
                    error = "Invalid licenseref: `" + token + "`.";
                    return false;
                }
                canonical = "LicenseRef-" + rest;
                error = null;
                return true;
            }
            var plus = token.EndsWith("+", StringComparison.Ordinal);
            var id = plus ? token.Substring(0, token.Length - 1) : token;
            if (!SpdxLicenseList.TryGetCanonicalLicense(id, out var known))
            {
                error = "Unknown license: `" + token + "`.";
                return false;
            }
            canonical = known + (plus ? "+" : string.Empty);
            error = null;
            return true;
        }

        private static List<string> Tokenize(string text)
        {
            var padded = text.Replace("(", " ( ").Replace(")", " ) ");
            var tokens = new List<string>();
            var current = new StringBuilder();
            foreach (var c in padded)
            {
                if (AsciiText.IsWhiteSpace(c))
                {
                    if (current.Length > 0)
                    {
                        tokens.Add(current.ToString());
                        current.Clear();
                    }
                }
                else
                {
                    current.Append(c);
                }
            }
            if (current.Length > 0) tokens.Add(current.ToString());
            return tokens;
        }
    }
}
