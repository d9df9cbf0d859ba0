using System;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using PyPackaging.Standards;

namespace PyPackaging.Building.Versions
{
    /// <summary>What git says about HEAD, in setuptools-scm's terms.</summary>
    public sealed class ScmFacts
    {
        public ScmFacts(string tag, int? distance, string? node, bool dirty)
        {
            Tag = tag;
            Distance = distance;
            Node = node;
            Dirty = dirty;
        }

        /// <summary>The tag as git names it (<c>v1.2.0</c>), or <c>0.0</c> when no tag matches.</summary>
        public string Tag { get; }

        /// <summary>Commits since the tag; null when HEAD is exactly on it (setuptools-scm's "exact").</summary>
        public int? Distance { get; }

        /// <summary><c>g</c> + the abbreviated commit hash, or null without commits.</summary>
        public string? Node { get; }

        /// <summary>A tracked file differs from HEAD.</summary>
        public bool Dirty { get; }
    }

    /// <summary>
    /// setuptools-scm's default scheme (setuptools-scm 7.1, the Debian version; hatch-vcs calls it; pdm-backend ports
    /// it): version scheme <c>guess-next-dev</c> and local scheme <c>node-and-date</c>.
    /// <list type="bullet">
    /// <item>on a tag, clean: the tag's version (<c>1.2.0</c>);</item>
    /// <item>N commits after it: the next version with <c>.devN</c> and the node (<c>1.2.1.dev3+g1a2b3c4</c>); the next
    /// version bumps the last number of the tag (<c>1.0rc1</c> → <c>1.0rc2</c>), or drops a <c>.dev0</c>;</item>
    /// <item>dirty: <c>.d</c>YYYYMMDD after the node (<c>1.2.1.dev3+g1a2b3c4.d20240102</c>); dirty exactly on a tag counts
    /// as distance 0 for setuptools-scm (<c>1.2.1.dev0+g1a2b3c4.d…</c>) and as no distance for pdm-backend
    /// (<c>1.2.0+d…</c>);</item>
    /// <item>no tag: tag 0.0 with the commit count as distance (<c>0.1.dev5+g1a2b3c4</c>).</item>
    /// </list>
    /// The date is SOURCE_DATE_EPOCH's (setuptools-scm) or today's, in UTC.
    /// </summary>
    public static class ScmVersionScheme
    {
        /// <summary>setuptools-scm's DEFAULT_TAG_REGEX (also pdm-backend's).</summary>
        public const string DefaultTagRegex = @"^(?:[\w-]+-)?(?P<version>[vV]?\d+(?:\.\d+){0,2}[^\+]*)(?:\+.*)?$";

        /// <summary>The version a tag stands for, as setuptools-scm reads it; null (with the reason) when the tag has none.</summary>
        public static Pep440Version? TagToVersion(string tag, string? tagRegex, out string? error)
        {
            error = null;
            Regex regex;
            try
            {
                regex = PythonRegex.Create(string.IsNullOrEmpty(tagRegex) ? DefaultTagRegex : tagRegex!, anchored: true);
            }
            catch (ArgumentException e)
            {
                error = "the tag regex '" + tagRegex + "' is not a valid regular expression: " + e.Message;
                return null;
            }
            var match = regex.Match(tag);
            if (!match.Success)
            {
                error = "the tag '" + tag + "' does not match the tag regex " + (tagRegex ?? DefaultTagRegex);
                return null;
            }
            var group = regex.GetGroupNumbers().Length == 2 ? match.Groups[1] : match.Groups["version"];
            if (!group.Success || group.Value.Length == 0)
            {
                error = "the tag '" + tag + "' has no version part";
                return null;
            }
            if (!Pep440Version.TryParse(group.Value, out var version, out var parseError))
            {
                error = "the tag '" + tag + "' gives '" + group.Value + "', which is not a PEP 440 version: " + parseError;
                return null;
            }
            return version;
        }

        /// <summary>The local schemes computed natively (setuptools-scm's built-in ones).</summary>
        public static readonly System.Collections.Generic.IReadOnlyList<string> LocalSchemes = new[] { "node-and-date", "node-and-timestamp", "dirty-tag", "no-local-version" };

        /// <summary>Formats <paramref name="facts"/> with guess-next-dev and <paramref name="localScheme"/> (default node-and-date).</summary>
        /// <exception cref="FormatException">The tag cannot be bumped (a <c>.devN</c> tag with N other than 0).</exception>
        public static string Format(Pep440Version tag, ScmFacts facts, DateTimeOffset time, string localScheme = "node-and-date")
        {
            string main = facts.Distance == null
                ? tag.ToString()
                : GuessNext(tag) + ".dev" + facts.Distance.Value.ToString(CultureInfo.InvariantCulture);
            return main + Local(facts, time, localScheme);
        }

        private static string Local(ScmFacts facts, DateTimeOffset time, string localScheme)
        {
            switch (localScheme)
            {
                case "no-local-version": return string.Empty;
                case "dirty-tag": return facts.Dirty ? "+dirty" : string.Empty;
                default:
                    string stamp = time.UtcDateTime.ToString(localScheme == "node-and-timestamp" ? "yyyyMMddHHmmss" : "yyyyMMdd", CultureInfo.InvariantCulture);
                    if (facts.Distance == null || facts.Node == null) return facts.Dirty ? "+d" + stamp : string.Empty;
                    return facts.Dirty ? "+" + facts.Node + ".d" + stamp : "+" + facts.Node;
            }
        }

        /// <summary>guess_next_version: the public version with a trailing <c>.dev0</c> dropped, else its last number plus one.</summary>
        public static string GuessNext(Pep440Version tag)
        {
            string version = tag.Public.ToString();
            int dev = version.LastIndexOf(".dev", StringComparison.Ordinal);
            if (dev >= 0)
            {
                if (version.Substring(dev + 4) != "0")
                {
                    throw new FormatException("the tag version " + version + " ends in a .dev number other than 0, which setuptools-scm refuses to bump (tag a version ending in .dev0, or a release).");
                }
                return version.Substring(0, dev);
            }
            var m = Regex.Match(version, @"^(.*?)(\d+)$", RegexOptions.CultureInvariant);
            if (!m.Success) throw new FormatException(version + " does not end with a number to bump.");
            return m.Groups[1].Value + (BigInteger.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// setuptools-scm's <c>_version_as_tuple</c> for the version file's <c>version_tuple</c>: the release numbers,
        /// then <c>'devN'</c> and the local label when present, as Python writes the tuple (pre and post are left out, as
        /// setuptools-scm 7.1 does).
        /// </summary>
        public static string VersionTupleRepr(string version)
        {
            var parsed = Pep440Version.ParseOrNull(version);
            if (parsed == null) return "(" + PythonRepr.String(version) + ",)";
            var items = new System.Collections.Generic.List<string>();
            foreach (var r in parsed.Release) items.Add(r.ToString(CultureInfo.InvariantCulture));
            if (parsed.Dev.HasValue) items.Add(PythonRepr.String("dev" + parsed.Dev.Value.ToString(CultureInfo.InvariantCulture)));
            if (parsed.LocalLabel != null) items.Add(PythonRepr.String(parsed.LocalLabel));
            return items.Count == 1 ? "(" + items[0] + ",)" : "(" + string.Join(", ", items) + ")";
        }
    }
}
