using System.Linq;
using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    // Valid/invalid expressions from the license-expression specification and pypa/packaging
    // tests/test_licenses.py (Apache-2.0 OR BSD-2-Clause); the code is ours.
    public class SpdxExpressionTests
    {
        [Theory]
        [InlineData("MIT")]
        [InlineData("BSD-3-Clause")]
        [InlineData("MIT AND (Apache-2.0 OR BSD-2-Clause)")]
        [InlineData("MIT OR GPL-2.0-or-later OR (FSFUL AND BSD-2-Clause)")]
        [InlineData("GPL-3.0-only WITH Classpath-exception-2.0 OR BSD-3-Clause")]
        [InlineData("LicenseRef-Special-License OR CC0-1.0 OR Unlicense")]
        [InlineData("LicenseRef-Proprietary")]
        [InlineData("GPL-2.0+")]
        [InlineData("(MIT OR Apache-2.0) AND BSD-3-Clause")]
        public void Canonical_expressions_are_unchanged(string text)
        {
            Assert.True(SpdxExpression.TryCanonicalize(text, out var canonical, out var error), error);
            Assert.Equal(text, canonical);
        }

        [Theory]
        [InlineData("mit", "MIT")]
        [InlineData("mit and (apache-2.0 or bsd-2-clause)", "MIT AND (Apache-2.0 OR BSD-2-Clause)")]
        [InlineData("MIT OR ( Apache-2.0 )", "MIT OR (Apache-2.0)")]
        [InlineData("gpl-3.0-only with classpath-exception-2.0", "GPL-3.0-only WITH Classpath-exception-2.0")]
        [InlineData("licenseref-Public-Domain", "LicenseRef-Public-Domain")]
        [InlineData("  MIT  ", "MIT")]
        [InlineData("mit+", "MIT+")]
        public void Non_canonical_expressions_are_normalised(string text, string expected)
        {
            Assert.True(SpdxExpression.TryCanonicalize(text, out var canonical, out var error), error);
            Assert.Equal(expected, canonical);
        }

        [Theory]
        [InlineData("Use-it-after-midnight")]
        [InlineData("Apache-2.0 OR 2-BSD-Clause")]
        [InlineData("LicenseRef-License with spaces")]
        [InlineData("LicenseRef-License_with_underscores")]
        [InlineData("MIT WITH Classpath-exception-2.0 WITH GCC-exception-3.1")]
        [InlineData("(MIT) WITH Classpath-exception-2.0")]
        [InlineData("(MIT OR Apache-2.0) WITH Classpath-exception-2.0")]
        [InlineData("LicenseRef-")]
        [InlineData("LicenseRef-Foo+")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("MIT AND")]
        [InlineData("AND MIT")]
        [InlineData("MIT Apache-2.0")]
        [InlineData("()")]
        [InlineData("(MIT")]
        [InlineData("MIT)")]
        [InlineData("MIT (Apache-2.0)")]
        [InlineData("MIT WITH Unknown-exception")]
        [InlineData("MIT WITH")]
        [InlineData("WITH Classpath-exception-2.0")]
        [InlineData("M\u0130T")]
        public void Invalid_expressions_are_rejected(string text)
        {
            Assert.False(SpdxExpression.TryCanonicalize(text, out _, out var error));
            Assert.False(string.IsNullOrEmpty(error));
        }

        [Fact]
        public void License_list_lookups()
        {
            Assert.True(SpdxLicenseList.LicenseCount > 600);
            Assert.True(SpdxLicenseList.ExceptionCount > 50);
            Assert.True(SpdxLicenseList.TryGetCanonicalLicense("apache-2.0", out var c));
            Assert.Equal("Apache-2.0", c);
            Assert.True(SpdxLicenseList.IsKnownLicense("MIT"));
            Assert.False(SpdxLicenseList.IsKnownLicense("Use-it-after-midnight"));
            Assert.True(SpdxLicenseList.IsKnownLicense("GPL-2.0"));
            Assert.True(SpdxLicenseList.IsDeprecatedLicense("GPL-2.0"));
            Assert.True(SpdxLicenseList.IsDeprecatedLicense("gpl-2.0"));
            Assert.False(SpdxLicenseList.IsDeprecatedLicense("GPL-2.0-only"));
            Assert.True(SpdxLicenseList.TryGetCanonicalException("CLASSPATH-EXCEPTION-2.0", out var e));
            Assert.Equal("Classpath-exception-2.0", e);
            Assert.False(SpdxLicenseList.IsKnownException("MIT"));
        }

        [Fact]
        public void Deprecated_ids_are_valid_and_reported()
        {
            Assert.True(SpdxExpression.TryCanonicalize("GPL-2.0 OR MIT", out var canonical, out _));
            Assert.Equal("GPL-2.0 OR MIT", canonical);
            Assert.Equal(new[] { "GPL-2.0" }, SpdxExpression.FindDeprecatedIds("gpl-2.0 OR MIT"));
            Assert.Empty(SpdxExpression.FindDeprecatedIds("MIT"));
        }

        [Fact]
        public void Resources_are_embedded_under_the_documented_names()
        {
            // RecursiveDir keeps the build machine's separator, so accept '/', '\\' or '.' after "spdx".
            var names = typeof(SpdxLicenseList).Assembly.GetManifestResourceNames()
                .Select(n => n.Replace('/', '.').Replace('\\', '.')).ToList();
            Assert.Contains("PyPackaging.Resources.spdx.licenses.txt", names);
            Assert.Contains("PyPackaging.Resources.spdx.licenses-deprecated.txt", names);
            Assert.Contains("PyPackaging.Resources.spdx.exceptions.txt", names);
            Assert.Contains("PyPackaging.Resources.spdx.exceptions-deprecated.txt", names);
        }

        [Fact]
        public void Canonicalisation_is_culture_independent_under_tr_TR()
        {
            using (new CultureScope("tr-TR"))
            {
                Assert.True(SpdxExpression.TryCanonicalize("mit or isc with classpath-exception-2.0", out var canonical, out var error), error);
                Assert.Equal("MIT OR ISC WITH Classpath-exception-2.0", canonical);
            }
        }
    }
}
