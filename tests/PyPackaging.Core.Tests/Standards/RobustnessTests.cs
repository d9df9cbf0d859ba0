using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    /// <summary>Hostile and random input never throws and never takes long: every API returns a result or an error.</summary>
    public class RobustnessTests
    {
        private const string Alphabet = "aAzZ09.-_+!*~=<>()[]@;,'\" \t\n\r:/\\#%$\u0130\u0131\u0660\u00e9\u2028\0vV";

        private static string RandomText(Random r, int maxLength)
        {
            var n = r.Next(maxLength);
            var sb = new StringBuilder(n);
            for (var i = 0; i < n; i++) sb.Append(Alphabet[r.Next(Alphabet.Length)]);
            return sb.ToString();
        }

        [Fact]
        public void Random_strings_never_throw()
        {
            var r = new Random(12345);
            for (var i = 0; i < 20000; i++)
            {
                var s = RandomText(r, 40);
                ProjectName.IsValid(s);
                ProjectName.Normalize(s);
                ProjectName.IsNormalizedExtra(s);
                Pep440Version.TryParse(s, out _, out _);
                VersionSpecifierSet.TryParse(s, out _, out _);
                Pep508Requirement.TryParse("name" + s, out _, out _);
                Pep508Requirement.TryParse(s, out _, out _);
                Marker.TryParse(s, out _, out _);
                SpdxExpression.TryCanonicalize(s, out _, out _);
                SdistFileName.TryParse(s + ".tar.gz", out _, out _, out _);
                CoreMetadataValidator.Validate(CoreMetadata.Parse(s));
            }
        }

        [Fact]
        public void Random_metadata_fields_never_throw()
        {
            var r = new Random(777);
            var fields = new[] { "Metadata-Version", "Name", "Version", "Summary", "Requires-Dist", "Requires-Python", "Provides-Extra",
                "License", "License-Expression", "License-File", "Project-URL", "Dynamic", "Import-Name", "Author-email",
                "Description-Content-Type", "Home-page", "Classifier", "Provides-Dist", "X-Other" };
            for (var i = 0; i < 5000; i++)
            {
                var sb = new StringBuilder();
                var count = r.Next(8);
                for (var j = 0; j < count; j++) sb.Append(fields[r.Next(fields.Length)]).Append(": ").Append(RandomText(r, 30)).Append('\n');
                if (r.Next(2) == 0) sb.Append('\n').Append(RandomText(r, 30));
                var problems = CoreMetadataValidator.Validate(CoreMetadata.Parse(sb.ToString()));
                Assert.All(problems, p => Assert.False(string.IsNullOrEmpty(p.Message)));
            }
        }

        [Fact]
        public void Random_bytes_never_throw()
        {
            var r = new Random(4242);
            for (var i = 0; i < 2000; i++)
            {
                var bytes = new byte[r.Next(200)];
                r.NextBytes(bytes);
                CoreMetadataValidator.Validate(CoreMetadata.Parse(bytes));
            }
        }

        [Fact]
        public void Pathological_inputs_are_fast()
        {
            var inputs = new[]
            {
                new string('1', 16000),
                string.Join(".", Enumerable.Repeat("1", 8000)),
                "1" + string.Concat(Enumerable.Repeat(".post", 3000)),
                "1.0+" + string.Join(".", Enumerable.Repeat("a", 8000)),
                "1.0+" + new string('a', 15000) + "!",
                string.Concat(Enumerable.Repeat("a-", 8000)) + "!",
            };
            var sw = Stopwatch.StartNew();
            foreach (var s in inputs)
            {
                Pep440Version.TryParse(s, out _, out _);
                VersionSpecifierSet.TryParse(">=" + s, out _, out _);
                VersionSpecifierSet.TryParse(string.Join(",", Enumerable.Repeat(">=1.0", 2000)), out _, out _);
                Pep508Requirement.TryParse("name; " + string.Join(" and ", Enumerable.Repeat("os_name == 'a'", 2000)), out _, out _);
                SpdxExpression.TryCanonicalize(string.Join(" OR ", Enumerable.Repeat("MIT", 5000)), out _, out _);
                CoreMetadata.Parse(string.Concat(Enumerable.Repeat("Classifier: x\n", 20000)));
            }
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20), "took " + sw.Elapsed);
        }
    }
}
