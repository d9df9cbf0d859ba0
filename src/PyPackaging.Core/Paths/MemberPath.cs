using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace PyPackaging.Paths
{
    /// <summary>What is wrong with a stored member path (or link target), judged lexically and the same on every OS.</summary>
    [Flags]
    public enum PathProblems
    {
        None = 0,
        /// <summary>Nothing at all was stored.</summary>
        Empty = 1 << 0,
        /// <summary>Starts with <c>/</c> (a POSIX absolute path).</summary>
        Absolute = 1 << 1,
        /// <summary>Starts with a Windows drive letter: <c>C:</c>, <c>C:/x</c>, <c>C:x</c> (drive-relative).</summary>
        DriveLetter = 1 << 2,
        /// <summary>Starts with two separators (<c>//server/share</c>, <c>\\server</c>).</summary>
        Unc = 1 << 3,
        /// <summary>Contains <c>\</c>, a separator on Windows but a plain character on POSIX.</summary>
        Backslash = 1 << 4,
        /// <summary>A <c>..</c> component climbs above the archive root.</summary>
        ParentEscapes = 1 << 5,
        /// <summary>A <c>..</c> component that stays inside the archive root (<c>a/../b</c>).</summary>
        ParentInside = 1 << 6,
        /// <summary>A C0 or C1 control character or DEL (NUL included).</summary>
        ControlCharacter = 1 << 7,
        /// <summary>A NUL character (also flagged as <see cref="ControlCharacter"/>).</summary>
        Nul = 1 << 8,
        /// <summary>U+FFFD, left behind by bytes that were not valid UTF-8.</summary>
        ReplacementCharacter = 1 << 9,
        /// <summary>A component starts or ends with whitespace.</summary>
        EdgeWhitespace = 1 << 10,
        /// <summary>A <c>:</c> anywhere (drive letters and NTFS alternate data streams).</summary>
        Colon = 1 << 11,
        /// <summary>Something was stored, but it normalises to the root itself (<c>.</c>, <c>./</c>).</summary>
        ResolvesToRoot = 1 << 12,
    }

    /// <summary>
    /// Lexical analysis of one stored path: its problems and its normalised form. Pure string work: no file system,
    /// no OS path APIs, identical results on Windows and POSIX. Only <c>/</c> separates components; a backslash is
    /// kept as a character and flagged. Normalisation drops empty and <c>.</c> components, strips leading and trailing
    /// <c>/</c>, and folds <c>..</c> lexically (a <c>..</c> that climbs above the root stays as a leading <c>..</c>).
    /// </summary>
    public sealed class MemberPath
    {
        private static readonly string[] NoComponents = new string[0];

        private MemberPath(string raw, PathProblems problems, IReadOnlyList<string> components, int escapeDepth, bool trailingSlash)
        {
            Raw = raw;
            Problems = problems;
            Components = components;
            EscapeDepth = escapeDepth;
            HasTrailingSlash = trailingSlash;
            Normalized = JoinedLength(components, 0, components.Count) == raw.Length ? raw : Join(components);
        }

        /// <summary>The path exactly as stored.</summary>
        public string Raw { get; }

        public PathProblems Problems { get; }

        /// <summary>Normalised components; a path that escapes starts with <see cref="EscapeDepth"/> <c>..</c> components.</summary>
        public IReadOnlyList<string> Components { get; }

        /// <summary>The normalised components joined with <c>/</c>; empty for the root. Used for every comparison.</summary>
        public string Normalized { get; }

        /// <summary>How many levels above the root the path climbs (0 when it stays inside).</summary>
        public int EscapeDepth { get; }

        public bool HasTrailingSlash { get; }

        /// <summary>True when the path names something strictly inside the root (not empty, not the root, not escaping).</summary>
        public bool IsInside => Components.Count > 0 && EscapeDepth == 0;

        /// <summary>The last normalised component, or empty.</summary>
        public string Name => Components.Count == 0 ? string.Empty : Components[Components.Count - 1];

        /// <summary>The first normalised component (the top-level entry), or empty.</summary>
        public string Top => Components.Count == 0 ? string.Empty : Components[0];

        /// <summary>The normalised parent directory; empty at the top level.</summary>
        public string Parent => Components.Count <= 1 ? string.Empty : Prefix(Components.Count - 1);

        /// <summary>
        /// The first <paramref name="count"/> normalised components joined with <c>/</c> (the path of that ancestor),
        /// cut from <see cref="Normalized"/>: the checks ask it for every ancestor of every member.
        /// </summary>
        public string Prefix(int count)
        {
            if (count >= Components.Count) return Normalized;
            if (count <= 0) return string.Empty;
            return Normalized.Substring(0, JoinedLength(Components, 0, count));
        }

        public bool Has(PathProblems problem) => (Problems & problem) != 0;

        /// <summary>True when the path is anchored outside the archive: absolute, drive letter or UNC.</summary>
        public bool IsRooted => Has(PathProblems.Absolute | PathProblems.DriveLetter | PathProblems.Unc);

        public static MemberPath Parse(string? raw)
        {
            raw ??= string.Empty;
            var problems = PathProblems.None;
            if (raw.Length == 0)
            {
                return new MemberPath(raw, PathProblems.Empty, NoComponents, 0, false);
            }

            problems |= CharacterProblems(raw);

            if (raw.Length >= 2 && IsSeparatorLike(raw[0]) && IsSeparatorLike(raw[1])) problems |= PathProblems.Unc;
            if (raw[0] == '/') problems |= PathProblems.Absolute;
            if (raw.Length >= 2 && IsAsciiLetter(raw[0]) && raw[1] == ':') problems |= PathProblems.DriveLetter;

            var parts = SplitRaw(raw);
            var hasDotDot = false;
            foreach (var part in parts)
            {
                if (part.Length != part.Trim().Length) problems |= PathProblems.EdgeWhitespace;
                if (part == "..") hasDotDot = true;
            }
            if (!hasDotDot)
            {
                // The usual member: nothing to fold, so the split is the normalised form.
                if (parts.Count == 0) problems |= PathProblems.ResolvesToRoot;
                return new MemberPath(raw, problems, parts, 0, raw.EndsWith("/", StringComparison.Ordinal));
            }

            var stack = new List<string>();
            var escape = 0;
            foreach (var part in parts)
            {
                if (part == "..")
                {
                    if (stack.Count > 0)
                    {
                        stack.RemoveAt(stack.Count - 1);
                        problems |= PathProblems.ParentInside;
                    }
                    else
                    {
                        escape++;
                        problems |= PathProblems.ParentEscapes;
                    }
                    continue;
                }
                stack.Add(part);
            }

            var components = new List<string>(escape + stack.Count);
            for (var i = 0; i < escape; i++) components.Add("..");
            components.AddRange(stack);
            if (escape > 0) problems &= ~PathProblems.ParentInside;
            if (components.Count == 0) problems |= PathProblems.ResolvesToRoot;
            return new MemberPath(raw, problems, components, escape, raw.EndsWith("/", StringComparison.Ordinal));
        }

        /// <summary>Splits on <c>/</c>, dropping empty and <c>.</c> components; <c>..</c> is kept as is.</summary>
        public static List<string> SplitRaw(string path)
        {
            var result = new List<string>();
            foreach (var part in path.Split('/'))
            {
                if (part.Length == 0 || part == ".") continue;
                result.Add(part);
            }
            return result;
        }

        public static string Join(IReadOnlyList<string> components) => JoinRange(components, 0, components.Count);

        public static string JoinRange(IReadOnlyList<string> components, int start, int count)
        {
            if (count <= 0) return string.Empty;
            if (count == 1) return components[start];
            var sb = new StringBuilder(JoinedLength(components, start, count));
            for (var i = start; i < start + count; i++)
            {
                if (i > start) sb.Append('/');
                sb.Append(components[i]);
            }
            return sb.ToString();
        }

        [MethodImpl(HotLoop.Optimised)] // every member and each of its ancestors (see HotLoop)
        private static int JoinedLength(IReadOnlyList<string> components, int start, int count)
        {
            if (count <= 0) return 0;
            var length = count - 1;
            for (var i = start; i < start + count; i++) length += components[i].Length;
            return length;
        }

        /// <summary>How many components <see cref="SplitRaw"/> would return, without splitting (for per-member tests).</summary>
        public static int CountComponents(string path) => ScanRaw(path, out _);

        /// <summary><see cref="SplitRaw"/>'s components joined with <c>/</c>: the path itself when it has no empty or <c>.</c> component.</summary>
        public static string JoinRaw(string path)
        {
            ScanRaw(path, out var joinedLength);
            return joinedLength == path.Length ? path : string.Join("/", SplitRaw(path));
        }

        // SplitRaw's components, counted and measured (joined with '/') without splitting.
        [MethodImpl(HotLoop.Optimised)] // per member (see HotLoop)
        private static int ScanRaw(string path, out int joinedLength)
        {
            var count = 0;
            var length = 0;
            var start = 0;
            for (var i = 0; i <= path.Length; i++)
            {
                if (i < path.Length && path[i] != '/') continue;
                var part = i - start;
                if (part > 0 && !(part == 1 && path[start] == '.'))
                {
                    count++;
                    length += part;
                }
                start = i + 1;
            }
            joinedLength = count > 0 ? length + count - 1 : 0;
            return count;
        }

        /// <summary>True for C0 controls, DEL and C1 controls.</summary>
        public static bool IsControl(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F);

        /// <summary>A printable rendering of a path for messages: control characters become \xNN escapes.</summary>
        [MethodImpl(HotLoop.Optimised)] // every member the extraction policy judges, every path a message quotes (see HotLoop)
        public static string Display(string path)
        {
            var clean = true;
            foreach (var c in path)
            {
                if (IsControl(c)) { clean = false; break; }
            }
            if (clean) return path;
            var sb = new StringBuilder(path.Length + 8);
            foreach (var c in path)
            {
                if (IsControl(c)) sb.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.ToString();
        }

        /// <summary>Names the problems in plain words, for messages.</summary>
        public static string Describe(PathProblems problem)
        {
            switch (problem)
            {
                case PathProblems.Empty: return "is empty";
                case PathProblems.Absolute: return "is absolute";
                case PathProblems.DriveLetter: return "starts with a Windows drive letter";
                case PathProblems.Unc: return "starts with a UNC prefix";
                case PathProblems.Backslash: return "contains a backslash";
                case PathProblems.ParentEscapes: return "climbs above the archive root with '..'";
                case PathProblems.ParentInside: return "contains a '..' component";
                case PathProblems.ControlCharacter: return "contains a control character";
                case PathProblems.Nul: return "contains a NUL character";
                case PathProblems.ReplacementCharacter: return "contains U+FFFD (bytes that were not valid UTF-8)";
                case PathProblems.EdgeWhitespace: return "has a component that starts or ends with whitespace";
                case PathProblems.Colon: return "contains ':'";
                case PathProblems.ResolvesToRoot: return "names the archive root itself";
                default: return problem.ToString();
            }
        }

        public override string ToString() => Raw;

        [MethodImpl(HotLoop.Optimised)] // every character of every member path (see HotLoop)
        private static PathProblems CharacterProblems(string raw)
        {
            var problems = PathProblems.None;
            foreach (var c in raw)
            {
                if (c == '\0') problems |= PathProblems.Nul | PathProblems.ControlCharacter;
                else if (IsControl(c)) problems |= PathProblems.ControlCharacter;
                else if (c == '\\') problems |= PathProblems.Backslash;
                else if (c == ':') problems |= PathProblems.Colon;
                else if (c == '\uFFFD') problems |= PathProblems.ReplacementCharacter;
            }
            return problems;
        }

        private static bool IsSeparatorLike(char c) => c == '/' || c == '\\';

        private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
