using System;
using System.IO;
using System.IO.Compression;
using PyPackaging.Archives;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>
    /// CRC-32 as gzip and zip define it. The folding path (carry-less multiply, x64) must give exactly what the
    /// slicing-by-8 tables give for every length, alignment and split of the input, and both must give the standard
    /// check values and what .NET's own gzip writer puts in a trailer.
    /// </summary>
    public class Crc32Tests
    {
        [Theory]
        [InlineData("", 0x00000000u)]
        [InlineData("a", 0xE8B7BE43u)]
        [InlineData("123456789", 0xCBF43926u)] // the catalogued check value of CRC-32/ISO-HDLC
        [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
        public void Standard_check_values(string text, uint expected)
        {
            Assert.Equal(expected, Crc32.Compute(System.Text.Encoding.ASCII.GetBytes(text)));
        }

        [Fact]
        public void Folding_path_is_available_on_this_machine_or_the_test_says_so()
        {
#if NET8_0_OR_GREATER
            // The x64 machines CI runs on have PCLMULQDQ; on others the table path is all there is, and is covered below.
            if (System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64)
            {
                Assert.True(Crc32.Folding.IsSupported, "this x64 machine has no carry-less multiply: the folding path is untested here");
            }
#endif
        }

        [Fact]
        public void Every_length_and_alignment_matches_the_tables()
        {
            var random = new Random(20261202);
            var data = new byte[1200];
            random.NextBytes(data);
            for (var offset = 0; offset < 17; offset++)
            {
                for (var length = 0; offset + length <= data.Length; length += length < 300 ? 1 : 37)
                {
                    var fast = new Crc32();
                    fast.Update(data, offset, length);
                    var reference = new Crc32();
                    reference.UpdateWithTables(data, offset, length);
                    Assert.True(reference.Value == fast.Value, $"offset {offset}, length {length}: {fast.Value:x8} != {reference.Value:x8}");
                }
            }
        }

        [Fact]
        public void Any_split_into_updates_gives_the_one_shot_value()
        {
            var random = new Random(7);
            var data = new byte[256 * 1024 + 13];
            random.NextBytes(data);
            var whole = new Crc32();
            whole.UpdateWithTables(data, 0, data.Length);
            for (var trial = 0; trial < 50; trial++)
            {
                var crc = new Crc32();
                var at = 0;
                while (at < data.Length)
                {
                    var n = Math.Min(data.Length - at, random.Next(0, trial % 2 == 0 ? 200 : 70000));
                    crc.Update(data, at, n);
                    at += n;
                }
                Assert.Equal(whole.Value, crc.Value);
            }
        }

        [Fact]
        public void Matches_the_trailer_of_dotnets_gzip_writer()
        {
            var random = new Random(3);
            foreach (var size in new[] { 63, 64, 65, 1000, 131072, 500001 })
            {
                var data = new byte[size];
                random.NextBytes(data);
                using var compressed = new MemoryStream();
                using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data, 0, data.Length);
                var bytes = compressed.ToArray();
                var trailerCrc = BitConverter.ToUInt32(bytes, bytes.Length - 8);
                var crc = new Crc32();
                crc.Update(data, 0, data.Length);
                Assert.Equal(trailerCrc, crc.Value);
            }
        }
    }
}
