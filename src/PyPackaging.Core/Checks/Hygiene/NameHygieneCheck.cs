using System;
using System.Collections.Generic;
using PyPackaging.Inspection;
using PyPackaging.Paths;
using PyPackaging.Rules;
using static PyPackaging.Checks.Safety.CheckText;

namespace PyPackaging.Checks.Hygiene
{
    /// <summary>Names that cannot be unpacked faithfully on Windows or on case-insensitive file systems.</summary>
    public sealed class NameHygieneCheck : ArchiveCheck
    {
        /// <summary>The classic Windows MAX_PATH.</summary>
        public const int WindowsMaxPath = 260;

        private static readonly PySdistRule[] OwnRules =
        {
            RuleCatalog.CaseCollision, RuleCatalog.WindowsReservedName, RuleCatalog.TrailingDotOrSpace,
            RuleCatalog.WindowsForbiddenCharacter, RuleCatalog.LeadingWhitespaceInName, RuleCatalog.WindowsPathTooLong,
        };

        public override IReadOnlyList<PySdistRule> Rules => OwnRules;

        public override void Run(SdistSnapshot snapshot, FindingCollector findings)
        {
            var graph = snapshot.Links;
            var checkedPrefixes = new HashSet<string>(StringComparer.Ordinal);
            var caseFolding = new CaseFoldedNames();

            foreach (var member in snapshot.Members)
            {
                var path = graph.PathOf(member.Index);
                if (!path.IsInside) continue;
                var c = path.Components;
                string? parent = null;
                for (var k = 1; k <= c.Count; k++)
                {
                    var prefix = path.Prefix(k);
                    if (checkedPrefixes.Add(prefix))
                    {
                        caseFolding.Check(prefix, parent, member.Index, findings);
                        ReportWindowsNameProblems(c[k - 1], prefix, member.Index, findings);
                    }
                    parent = prefix;
                }

                if (path.Normalized.Length > WindowsMaxPath)
                {
                    findings.Report(RuleCatalog.WindowsPathTooLong, member.Index,
                        $"{Q(Shorten(path.Normalized))} is {path.Normalized.Length} characters long, over the Windows limit of {WindowsMaxPath} (MAX_PATH). Without long-path support, unpacking it on Windows fails, and the extraction directory adds even more.");
                }
            }
        }

        /// <summary>Paths seen so far, by their upper-cased form, to report each pair that differs only in letter case once.</summary>
        private sealed class CaseFoldedNames
        {
            private readonly Dictionary<string, string> _folded = new Dictionary<string, string>(StringComparer.Ordinal);
            private readonly HashSet<string> _reportedPairs = new HashSet<string>(StringComparer.Ordinal);
            private readonly HashSet<string> _collided = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>Checks <paramref name="prefix"/>, a member's path or one of its ancestors; <paramref name="parent"/> is the one above it (null at the top).</summary>
            public void Check(string prefix, string? parent, int memberIndex, FindingCollector findings)
            {
                var key = prefix.ToUpperInvariant();
                if (parent != null && _collided.Contains(parent))
                {
                    // Already reported at the parent directory; everything below collides with it.
                    _collided.Add(prefix);
                    if (!_folded.ContainsKey(key)) _folded[key] = prefix;
                }
                else if (_folded.TryGetValue(key, out var other))
                {
                    _collided.Add(prefix);
                    if (_reportedPairs.Add(other + "\n" + prefix))
                    {
                        findings.Report(RuleCatalog.CaseCollision, memberIndex,
                            $"{Q(prefix)} and {Q(other)} differ only in letter case. On a case-insensitive file system (Windows, macOS by default) they are the same path, so one overwrites or merges into the other.");
                    }
                }
                else
                {
                    _folded[key] = prefix;
                }
            }
        }

        /// <summary>One path component's problems on Windows (and leading whitespace); <paramref name="path"/> is where it ends.</summary>
        private static void ReportWindowsNameProblems(string name, string path, int memberIndex, FindingCollector findings)
        {
            if (WindowsNames.IsReservedDeviceName(name))
            {
                findings.Report(RuleCatalog.WindowsReservedName, memberIndex,
                    $"{Q(path)} uses the Windows device name {Q(WindowsNames.DeviceStem(name))}. Windows opens the device instead of creating the file, so the sdist cannot be unpacked there.");
            }
            if (WindowsNames.EndsWithDotOrSpace(name))
            {
                var what = name.EndsWith(".", StringComparison.Ordinal) ? "a dot" : "a space";
                findings.Report(RuleCatalog.TrailingDotOrSpace, memberIndex,
                    $"{Q(path)} ends with {what}. Windows strips trailing dots and spaces, so it is written as {Q(name.TrimEnd('.', ' '))} and may collide with another file.");
            }
            var bad = Forbidden(name);
            if (bad.Length > 0)
            {
                findings.Report(RuleCatalog.WindowsForbiddenCharacter, memberIndex,
                    $"{Q(path)} contains {bad}, which Windows does not allow in file names{(bad.IndexOf(':') >= 0 ? " (':' selects an NTFS alternate data stream)" : string.Empty)}. Unpacking fails or writes somewhere else on Windows.");
            }
            if (name.Length > 0 && char.IsWhiteSpace(name[0]))
            {
                findings.Report(RuleCatalog.LeadingWhitespaceInName, memberIndex,
                    $"{Q(path)} starts with whitespace. Such names are easily confused with their trimmed form, strict extractors (uv's tar-codec) refuse them, and scripts often mangle them.");
            }
        }

        private static readonly char[] ForbiddenCharacters = WindowsNames.ForbiddenCharacters.ToCharArray();

        private static string Forbidden(string name)
        {
            if (name.IndexOfAny(ForbiddenCharacters) < 0) return string.Empty;
            var found = new List<string>();
            foreach (var ch in WindowsNames.ForbiddenCharacters)
            {
                if (name.IndexOf(ch) >= 0) found.Add("'" + ch + "'");
            }
            return List(found, 7);
        }

        private static string Shorten(string path) => path.Length <= 80 ? path : path.Substring(0, 40) + "…" + path.Substring(path.Length - 30);
    }
}
