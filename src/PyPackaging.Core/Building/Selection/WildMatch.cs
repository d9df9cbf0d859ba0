namespace PyPackaging.Building.Selection
{
    /// <summary>
    /// Glob matching with git's wildmatch semantics, on UTF-8 bytes (git compares bytes, so <c>?</c> matches one
    /// byte, not one character). Case-sensitive. With <c>pathMode</c> (git's WM_PATHNAME) <c>*</c>, <c>?</c> and
    /// <c>[...]</c> never match <c>/</c>, and <c>**</c> spans directories only as a whole segment
    /// (<c>**/x</c>, <c>x/**</c>, <c>x/**/y</c>); anywhere else <c>**</c> behaves like <c>*</c>.
    /// <para>Run, MatchStar and MatchClass are longer than the usual 60 lines on purpose: they follow git's
    /// wildmatch.c (dowild) case by case so the two can be read side by side, and GitIgnoreAgainstGitTests and the
    /// fuzz test compare the result with git itself; split differently, that correspondence would be lost.</para>
    /// </summary>
    internal static class WildMatch
    {
        private enum Outcome
        {
            Match,
            NoMatch,
            // The text ran out: no later start position of an enclosing star can help either.
            AbortAll,
            // A single star met a '/': only an enclosing '**' can still help.
            AbortToDoubleStar,
        }

        /// <summary>Matches pattern[pStart..pEnd) against text[tStart..tEnd).</summary>
        public static bool IsMatch(byte[] pattern, int pStart, int pEnd, byte[] text, int tStart, int tEnd, bool pathMode)
        {
            return Run(pattern, pStart, pStart, pEnd, text, tStart, tEnd, pathMode) == Outcome.Match;
        }

        private static bool IsGlobSpecial(byte b) => b == (byte)'*' || b == (byte)'?' || b == (byte)'[' || b == (byte)'\\';

        // segmentStart: where this (possibly recursive) match began; a '**' right there counts as a leading one.
        private static Outcome Run(byte[] p, int segmentStart, int pi, int pEnd, byte[] t, int ti, int tEnd, bool pathMode)
        {
            for (; pi < pEnd; pi++, ti++)
            {
                byte pc = p[pi];
                if (ti >= tEnd && pc != (byte)'*')
                {
                    return Outcome.AbortAll;
                }

                byte tc = ti < tEnd ? t[ti] : (byte)0;
                switch (pc)
                {
                    case (byte)'?':
                        if (pathMode && tc == (byte)'/')
                        {
                            return Outcome.NoMatch;
                        }

                        continue;

                    case (byte)'[':
                    {
                        int after = MatchClass(p, pi, pEnd, tc, out bool classMatched);
                        if (after < 0)
                        {
                            return Outcome.AbortAll; // unterminated class or unknown [:name:]
                        }

                        if (!classMatched || (pathMode && tc == (byte)'/'))
                        {
                            return Outcome.NoMatch;
                        }

                        pi = after; // index of the closing ']'
                        continue;
                    }

                    case (byte)'*':
                        return MatchStar(p, segmentStart, pi, pEnd, t, ti, tEnd, pathMode);

                    case (byte)'\\':
                        // An escaped byte is literal; a trailing backslash escapes nothing and never matches.
                        pi++;
                        if (pi >= pEnd || p[pi] != tc)
                        {
                            return Outcome.NoMatch;
                        }

                        continue;

                    default:
                        if (pc != tc)
                        {
                            return Outcome.NoMatch;
                        }

                        continue;
                }
            }

            return ti >= tEnd ? Outcome.Match : Outcome.NoMatch;
        }

        private static Outcome MatchStar(byte[] p, int segmentStart, int pi, int pEnd, byte[] t, int ti, int tEnd, bool pathMode)
        {
            int firstStar = pi;
            while (pi < pEnd && p[pi] == (byte)'*')
            {
                pi++;
            }

            bool crossesSlash;
            if (!pathMode)
            {
                crossesSlash = true;
            }
            else if (pi - firstStar >= 2)
            {
                bool leading = firstStar == segmentStart || p[firstStar - 1] == (byte)'/';
                bool trailing = pi == pEnd || p[pi] == (byte)'/'
                    || (p[pi] == (byte)'\\' && pi + 1 < pEnd && p[pi + 1] == (byte)'/');
                if (leading && trailing)
                {
                    // "**/" may also stand for no directory at all: try the rest right here first.
                    if (pi < pEnd && p[pi] == (byte)'/'
                        && Run(p, pi + 1, pi + 1, pEnd, t, ti, tEnd, pathMode) == Outcome.Match)
                    {
                        return Outcome.Match;
                    }

                    crossesSlash = true;
                }
                else
                {
                    crossesSlash = false;
                }
            }
            else
            {
                crossesSlash = false;
            }

            if (pi == pEnd)
            {
                // A trailing star takes the rest, unless that would cross a '/' it may not.
                if (!crossesSlash && IndexOf(t, ti, tEnd, (byte)'/') >= 0)
                {
                    return Outcome.NoMatch;
                }

                return Outcome.Match;
            }

            if (!crossesSlash && p[pi] == (byte)'/')
            {
                // "*/": the star takes the rest of the current segment, the '/' must come next.
                int slash = IndexOf(t, ti, tEnd, (byte)'/');
                if (slash < 0)
                {
                    return Outcome.NoMatch;
                }

                return Run(p, segmentStart, pi, pEnd, t, slash, tEnd, pathMode);
            }

            for (; ti < tEnd; ti++)
            {
                byte tc = t[ti];
                if (!IsGlobSpecial(p[pi]))
                {
                    // Skip ahead to the next occurrence of the literal that follows the star.
                    byte literal = p[pi];
                    while (ti < tEnd && t[ti] != literal && (crossesSlash || t[ti] != (byte)'/'))
                    {
                        ti++;
                    }

                    if (ti >= tEnd || t[ti] != literal)
                    {
                        return Outcome.NoMatch;
                    }

                    tc = t[ti];
                }

                Outcome rest = Run(p, segmentStart, pi, pEnd, t, ti, tEnd, pathMode);
                if (rest != Outcome.NoMatch)
                {
                    if (!crossesSlash || rest != Outcome.AbortToDoubleStar)
                    {
                        return rest;
                    }
                }
                else if (!crossesSlash && tc == (byte)'/')
                {
                    return Outcome.AbortToDoubleStar;
                }
            }

            return Outcome.AbortAll;
        }

        private static int IndexOf(byte[] t, int from, int end, byte b)
        {
            for (int i = from; i < end; i++)
            {
                if (t[i] == b)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Evaluates the bracket expression starting at p[open] == '[' against one byte.
        /// Returns the index of the closing ']' or -1 when the expression is malformed.
        /// </summary>
        private static int MatchClass(byte[] p, int open, int pEnd, byte tc, out bool matched)
        {
            matched = false;
            int i = open + 1;
            if (i >= pEnd)
            {
                return -1;
            }

            bool negated = p[i] == (byte)'!' || p[i] == (byte)'^';
            if (negated)
            {
                i++;
            }

            bool hit = false;
            int previous = -1; // the last single byte, usable as the start of a range; -1 when none
            bool first = true;
            while (true)
            {
                if (i >= pEnd)
                {
                    return -1;
                }

                byte c = p[i];
                if (c == (byte)']' && !first)
                {
                    break;
                }

                first = false;
                if (c == (byte)'\\')
                {
                    i++;
                    if (i >= pEnd)
                    {
                        return -1;
                    }

                    c = p[i];
                    if (tc == c)
                    {
                        hit = true;
                    }

                    previous = c;
                }
                else if (c == (byte)'-' && previous >= 0 && i + 1 < pEnd && p[i + 1] != (byte)']')
                {
                    i++;
                    byte high = p[i];
                    if (high == (byte)'\\')
                    {
                        i++;
                        if (i >= pEnd)
                        {
                            return -1;
                        }

                        high = p[i];
                    }

                    if (tc >= previous && tc <= high)
                    {
                        hit = true;
                    }

                    previous = -1;
                }
                else if (c == (byte)'[' && i + 1 < pEnd && p[i + 1] == (byte)':')
                {
                    int nameStart = i + 2;
                    int close = nameStart;
                    while (close < pEnd && p[close] != (byte)']')
                    {
                        close++;
                    }

                    if (close >= pEnd)
                    {
                        return -1;
                    }

                    if (close - 1 < nameStart || p[close - 1] != (byte)':')
                    {
                        // No ":]": the '[' is an ordinary member.
                        if (tc == (byte)'[')
                        {
                            hit = true;
                        }

                        previous = '[';
                    }
                    else
                    {
                        string name = System.Text.Encoding.ASCII.GetString(p, nameStart, close - 1 - nameStart);
                        if (!TryNamedClass(name, tc, out bool inClass))
                        {
                            return -1;
                        }

                        if (inClass)
                        {
                            hit = true;
                        }

                        i = close;
                        previous = -1;
                    }
                }
                else
                {
                    if (tc == c)
                    {
                        hit = true;
                    }

                    previous = c;
                }

                i++;
            }

            matched = hit != negated;
            return i;
        }

        private static bool TryNamedClass(string name, byte c, out bool result)
        {
            bool upper = c >= (byte)'A' && c <= (byte)'Z';
            bool lower = c >= (byte)'a' && c <= (byte)'z';
            bool digit = c >= (byte)'0' && c <= (byte)'9';
            bool print = c >= 0x20 && c <= 0x7E;
            bool alnum = upper || lower || digit;
            switch (name)
            {
                case "alnum": result = alnum; return true;
                case "alpha": result = upper || lower; return true;
                case "blank": result = c == (byte)' ' || c == (byte)'\t'; return true;
                case "cntrl": result = c < 0x20 || c == 0x7F; return true;
                case "digit": result = digit; return true;
                case "graph": result = print && c != (byte)' '; return true;
                case "lower": result = lower; return true;
                case "print": result = print; return true;
                case "punct": result = print && c != (byte)' ' && !alnum; return true;
                case "space": result = c == (byte)' ' || c == (byte)'\t' || c == (byte)'\n' || c == (byte)'\r'; return true; // git's own ctype
                case "upper": result = upper; return true;
                case "xdigit": result = digit || (c >= (byte)'a' && c <= (byte)'f') || (c >= (byte)'A' && c <= (byte)'F'); return true;
                default: result = false; return false;
            }
        }
    }
}
