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
            var folded = new Dictionary<string, string>(StringComparer.Ordinal);
            var reportedPairs = new HashSet<string>(StringComparer.Ordinal);
            var collided = new HashSet<string>(StringComparer.Ordinal);

            foreach (var member in snapshot.Members)
            {
                var path = graph.PathOf(member.Index);
                if (!path.IsInside) continue;
                var c = path.Components;
                for (var k = 1; k <= c.Count; k++)
                {
                    var prefix = MemberPath.JoinRange(c, 0, k);
                    if (!checkedPrefixes.Add(prefix)) continue;
                    var name = c[k - 1];
                    var q = Q(prefix);

                    var key = prefix.ToUpperInvariant();
                    if (k > 1 && collided.Contains(MemberPath.JoinRange(c, 0, k - 1)))
                    {
                        // Already reported at the parent directory; everything below collides with it.
                        collided.Add(prefix);
                        if (!folded.ContainsKey(key)) folded[key] = prefix;
                    }
                    else if (folded.TryGetValue(key, out var other))
                    {
                        collided.Add(prefix);
                        if (reportedPairs.Add(other + "\n" + prefix))
                        {
                            findings.Report(RuleCatalog.CaseCollision, member.Index,
                                $"{q} and {Q(other)} differ only in letter case. On a case-insensitive file system (Windows, macOS by default) they are the same path, so one overwrites or merges into the other.");
                        }
                    }
                    else
                    {
                        folded[key] = prefix;
                    }

                    if (WindowsNames.IsReservedDeviceName(name))
                    {
                        findings.Report(RuleCatalog.WindowsReservedName, member.Index,
                            $"{q} uses the Windows device name {Q(WindowsNames.DeviceStem(name))}. Windows opens the device instead of creating the file, so the sdist cannot be unpacked there.");
                    }
                    if (WindowsNames.EndsWithDotOrSpace(name))
                    {
                        var what = name.EndsWith(".", StringComparison.Ordinal) ? "a dot" : "a space";
                        findings.Report(RuleCatalog.TrailingDotOrSpace, member.Index,
                            $"{q} ends with {what}. Windows strips trailing dots and spaces, so it is written as {Q(name.TrimEnd('.', ' '))} and may collide with another file.");
                    }
                    var bad = Forbidden(name);
                    if (bad.Length > 0)
                    {
                        findings.Report(RuleCatalog.WindowsForbiddenCharacter, member.Index,
                            $"{q} contains {bad}, which Windows does not allow in file names{(bad.IndexOf(':') >= 0 ? " (':' selects an NTFS alternate data stream)" : string.Empty)}. Unpacking fails or writes somewhere else on Windows.");
                    }
                    if (name.Length > 0 && char.IsWhiteSpace(name[0]))
                    {
                        findings.Report(RuleCatalog.LeadingWhitespaceInName, member.Index,
                            $"{q} starts with whitespace. Such names are easily confused with their trimmed form, strict extractors (uv's tar-codec) refuse them, and scripts often mangle them.");
                    }
                }

                if (path.Normalized.Length > WindowsMaxPath)
                {
                    findings.Report(RuleCatalog.WindowsPathTooLong, member.Index,
                        $"{Q(Shorten(path.Normalized))} is {path.Normalized.Length} characters long, over the Windows limit of {WindowsMaxPath} (MAX_PATH). Without long-path support, unpacking it on Windows fails, and the extraction directory adds even more.");
                }
            }
        }

        private static string Forbidden(string name)
        {
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
