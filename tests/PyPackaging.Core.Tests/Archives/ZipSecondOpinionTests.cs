using System;
using System.Text;
using PyPackaging.Rules;
using PyPackaging.TestKit;
using static PyPackaging.Core.Tests.Archives.ArchiveTestHelper;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>SharpZipLib as an independent second parser: a disagreement between two real zip parsers is a finding.</summary>
    public class ZipSecondOpinionTests
    {
        private static ZipCrafter Sample() => new ZipCrafter()
            .AddFile("demo-1.0/PKG-INFO", "Metadata-Version: 2.2\nName: demo\nVersion: 1.0\n")
            .AddFile("demo-1.0/setup.py", "print('hi')\n");

        [Fact]
        public void A_fake_end_record_hidden_in_the_comment_makes_the_parsers_disagree()
        {
            // Where is the real central directory? Read it from the plain archive's end record.
            var plain = Sample().ToArray();
            var eocd = plain.Length - 22;
            var cdSize = BitConverter.ToUInt32(plain, eocd + 12);
            var cdOffset = BitConverter.ToUInt32(plain, eocd + 16);

            // A second end record inside the comment that claims a single entry. Its own comment length (0) does not reach
            // the end of the file, so a parser that checks that finds the real record; one that takes the last signature does not.
            var fake = new byte[22];
            BitConverter.GetBytes(0x06054b50u).CopyTo(fake, 0);
            BitConverter.GetBytes((ushort)1).CopyTo(fake, 8);
            BitConverter.GetBytes((ushort)1).CopyTo(fake, 10);
            BitConverter.GetBytes(cdSize).CopyTo(fake, 12);
            BitConverter.GetBytes(cdOffset).CopyTo(fake, 16);
            var comment = new byte[fake.Length + 8];
            Encoding.ASCII.GetBytes("note:").CopyTo(comment, 0);
            fake.CopyTo(comment, 5);

            var hostile = Sample();
            hostile.Comment = comment;
            var result = Read(hostile.ToArray());
            Assert.True(result.Has(RuleCatalog.ZipParsersDisagree), result.Describe());
        }

        [Fact]
        public void An_ordinary_comment_is_not_a_disagreement()
        {
            var z = Sample();
            z.Comment = Encoding.ASCII.GetBytes("built by a test");
            var result = Read(z.ToArray());
            Assert.False(result.Has(RuleCatalog.ZipParsersDisagree), result.Describe());
            Assert.True(result.Completed);
        }
    }
}
