using System.Collections.Generic;
using System.Text;
using PyPackaging.Paths;

namespace PyPackaging.Checks.Safety
{
    /// <summary>Small helpers so every check quotes paths the same way.</summary>
    internal static class CheckText
    {
        /// <summary>A path in backticks, with control characters made visible.</summary>
        public static string Q(string path) => "`" + MemberPath.Display(path) + "`";

        /// <summary>A directory in backticks with a trailing '/'.</summary>
        public static string Dir(string normalizedDirectory) =>
            Q(normalizedDirectory.Length == 0 ? "./" : normalizedDirectory + "/");

        public static string KindName(PySdistEntryType type) => MemberKinds.Name(type);

        /// <summary>"a, b and 3 more" (at most <paramref name="max"/> items shown).</summary>
        public static string List(IReadOnlyList<string> items, int max = 5)
        {
            var sb = new StringBuilder();
            var shown = items.Count <= max ? items.Count : max;
            for (var i = 0; i < shown; i++)
            {
                if (i > 0) sb.Append(i == shown - 1 && shown == items.Count ? " and " : ", ");
                sb.Append(items[i]);
            }
            if (shown < items.Count) sb.Append(" and ").Append(items.Count - shown).Append(" more");
            return sb.ToString();
        }
    }
}
