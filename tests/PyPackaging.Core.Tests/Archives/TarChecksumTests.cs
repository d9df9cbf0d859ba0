using System;
using System.Formats.Tar;
using System.IO;
using PyPackaging.Archives;
using Xunit;

namespace PyPackaging.Core.Tests.Archives
{
    /// <summary>
    /// The header checksum is summed sixteen bytes at a time; these compare it with the definition (POSIX: every byte
    /// unsigned, the checksum field as eight spaces; old Sun tar: bytes signed) and with headers .NET's own tar writer made.
    /// </summary>
    public class TarChecksumTests
    {
        private static (long Unsigned, long Signed) ByDefinition(byte[] h)
        {
            long unsignedSum = 0, signedSum = 0;
            for (int i = 0; i < 512; i++)
            {
                var b = i >= 148 && i < 156 ? (byte)' ' : h[i];
                unsignedSum += b;
                signedSum += (sbyte)b;
            }
            return (unsignedSum, signedSum);
        }

        private static void StoreChecksum(byte[] h, long value)
        {
            var octal = Convert.ToString(value, 8).PadLeft(6, '0');
            for (int i = 0; i < 6; i++) h[148 + i] = (byte)octal[i];
            h[154] = 0;
            h[155] = (byte)' ';
        }

        [Theory]
        [InlineData(0x00)]
        [InlineData(0x7F)]
        [InlineData(0x80)]
        [InlineData(0xFF)]
        public void UniformBlocksSumAsDefined(int fill)
        {
            var h = new byte[512];
            h.AsSpan().Fill((byte)fill);
            var (unsignedSum, signedSum) = ByDefinition(h);
            StoreChecksum(h, unsignedSum);
            Assert.True(TarFields.ChecksumMatches(h, out var stored, out var computed));
            Assert.Equal(unsignedSum, computed);
            Assert.Equal(unsignedSum, stored);
            if (signedSum >= 0 && signedSum != unsignedSum)
            {
                StoreChecksum(h, signedSum);
                Assert.True(TarFields.ChecksumMatches(h, out _, out computed));
                Assert.Equal(unsignedSum, computed);
            }
        }

        [Fact]
        public void RandomBlocksMatchTheDefinitionAndOnlyIt()
        {
            var random = new Random(20261202);
            for (int round = 0; round < 2000; round++)
            {
                var h = new byte[512 + random.Next(0, 3)]; // longer arrays too: only the first 512 bytes count
                random.NextBytes(h);
                // Mostly high bytes in some rounds, so the signed sum is far from the unsigned one.
                if (round % 3 == 0) for (int i = 0; i < 512; i += 2) h[i] |= 0x80;
                var (unsignedSum, signedSum) = ByDefinition(h);
                StoreChecksum(h, unsignedSum);
                Assert.True(TarFields.ChecksumMatches(h, out _, out var computed));
                Assert.Equal(unsignedSum, computed);
                if (signedSum > 0)
                {
                    StoreChecksum(h, signedSum);
                    Assert.True(TarFields.ChecksumMatches(h, out _, out _));
                }
                StoreChecksum(h, unsignedSum + 1);
                Assert.Equal(unsignedSum + 1 == signedSum, TarFields.ChecksumMatches(h, out _, out _));
                // A byte changed outside the checksum field breaks it; inside, it does not count.
                StoreChecksum(h, unsignedSum);
                h[random.Next(156, 512)] ^= 0x01;
                Assert.False(TarFields.ChecksumMatches(h, out _, out _));
            }
        }

        [Fact]
        public void HeadersWrittenByDotNetsTarWriterMatch()
        {
            using var stream = new MemoryStream();
            using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, "pkg-1.0/données/" + new string('x', 90) + ".py") { DataStream = new MemoryStream(new byte[] { 1, 2, 3 }) };
                writer.WriteEntry(entry);
            }
            var bytes = stream.ToArray();
            var blocks = 0;
            for (int offset = 0; offset + 512 <= bytes.Length; offset += 512)
            {
                var h = new byte[512];
                Array.Copy(bytes, offset, h, 0, 512);
                if (TarFields.IsZeroBlock(h, 0, 512) || h[257] != (byte)'u') continue; // data and end blocks
                Assert.True(TarFields.ChecksumMatches(h, out var stored, out var computed), $"block at {offset}");
                Assert.Equal(stored, computed);
                blocks++;
            }
            Assert.Equal(2, blocks); // the pax extended header and the file's own header
        }

        [Fact]
        public void AShortBlockIsRefusedRatherThanReadPastItsEnd()
        {
            Assert.ThrowsAny<ArgumentException>(() => TarFields.ChecksumMatches(new byte[511], out _, out _));
        }
    }
}
