using PyPackaging.Standards;

namespace PyPackaging.Core.Tests.Standards
{
    // One e-mail validator, two rule sets: the PKG-INFO header rule (what PyPI accepts in published metadata) and the
    // stricter rule for the `email` key of a pyproject authors/maintainers table.
    public class EmailAddressTests
    {
        [Theory]
        [InlineData("a@example.org")]
        [InlineData("first.last+tag@sub.example.org")]
        public void Ordinary_addresses_pass_both_rules(string address)
        {
            Assert.Null(EmailAddress.WhyInvalid(address, EmailRules.CoreMetadataHeader));
            Assert.Null(EmailAddress.WhyInvalid(address, EmailRules.PyprojectTable));
        }

        [Theory]
        [InlineData("example.org", "`example.org` is not of the form `local@domain`")]
        [InlineData("@example.org", "`@example.org` is not of the form `local@domain`")]
        [InlineData("a@", "`a@` is not of the form `local@domain`")]
        [InlineData("a b@example.org", "`a b@example.org` contains whitespace or a forbidden character")]
        [InlineData("a@example..org", "`example..org` is not a valid domain")]
        [InlineData("a@.example.org", "`.example.org` is not a valid domain")]
        public void Both_rules_refuse_malformed_addresses(string address, string headerReason)
        {
            Assert.Equal(headerReason, EmailAddress.WhyInvalid(address, EmailRules.CoreMetadataHeader));
            Assert.NotNull(EmailAddress.WhyInvalid(address, EmailRules.PyprojectTable));
        }

        // The difference is deliberate: published headers carrying these pass PyPI, a pyproject table with them does not build.
        [Theory]
        [InlineData("a..b@example.org")]
        [InlineData(".a@example.org")]
        [InlineData("a:b@example.org")]
        [InlineData("\"a\"@example.org")]
        [InlineData("a@b@example.org")]
        [InlineData("a@-example.org")]
        public void Only_the_pyproject_rule_refuses_unusual_local_parts_and_domains(string address)
        {
            Assert.Null(EmailAddress.WhyInvalid(address, EmailRules.CoreMetadataHeader));
            Assert.NotNull(EmailAddress.WhyInvalid(address, EmailRules.PyprojectTable));
        }

        [Fact]
        public void Entries_and_lists()
        {
            Assert.Null(EmailAddress.WhyInvalidEntry("Jane Doe <jane@example.org>", EmailRules.CoreMetadataHeader));
            Assert.Equal("the address in `<...>` is not closed", EmailAddress.WhyInvalidEntry("Jane <jane@example.org", EmailRules.CoreMetadataHeader));
            Assert.Equal(new[] { "\"Doe, Jane\" <j@x.org>", " b@y.org" }, EmailAddress.SplitList("\"Doe, Jane\" <j@x.org>, b@y.org"));
        }
    }
}
