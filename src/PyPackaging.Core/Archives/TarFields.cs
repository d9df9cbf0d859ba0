using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace PyPackaging.Archives
{
    /// <summary>Byte-level helpers for tar header fields: numbers (octal and GNU base-256), names, checksums.</summary>
    internal static class TarFields
    {
        /// <summary>Largest value the 12-byte octal size field can hold (8 GiB - 1).</summary>
        public const long MaxOctalSize = 8589934591L;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>
        /// Parses a numeric field: octal digits after optional leading spaces, ended by NUL, space or the field end
        /// (an empty field is 0, as tarfile reads it), or GNU base-256 (first byte 0x80; 0xFF negative is refused).
        /// </summary>
        [MethodImpl(HotLoop.Optimised)] // every numeric field of every header (see HotLoop)
        public static bool TryParseNumber(byte[] h, int offset, int length, out long value, out bool base256)
        {
            value = 0;
            base256 = false;
            byte first = h[offset];
            if ((first & 0x80) != 0)
            {
                base256 = true;
                if (first != 0x80) return false;
                long v = 0;
                for (int i = offset + 1; i < offset + length; i++)
                {
                    if (v > (long.MaxValue >> 8)) return false;
                    v = (v << 8) | h[i];
                }
                value = v;
                return true;
            }
            int p = offset, end = offset + length;
            while (p < end && h[p] == (byte)' ') p++;
            long r = 0;
            while (p < end && h[p] >= (byte)'0' && h[p] <= (byte)'7')
            {
                if (r > (long.MaxValue >> 3)) return false;
                r = (r << 3) + (h[p] - (byte)'0');
                p++;
            }
            if (p < end && h[p] != 0 && h[p] != (byte)' ') return false;
            value = r;
            return true;
        }

        /// <summary>True when the stored checksum equals the unsigned (POSIX) or signed (old Sun/tarfile-tolerated) byte sum.</summary>
        // Every header block of every archive passes through here (see HotLoop).
        [MethodImpl(HotLoop.Optimised)]
        public static bool ChecksumMatches(byte[] h, out long stored, out long computed)
        {
            SumBytes(h, out long unsignedSum, out int highBytes);
            // The checksum field itself (bytes 148-155) counts as eight spaces, whatever it holds.
            for (int i = 148; i < 156; i++)
            {
                unsignedSum -= h[i];
                if (h[i] >= 0x80) highBytes--;
            }
            computed = unsignedSum + 8 * (byte)' ';
            // Read as signed, a byte of 0x80 or more counts 256 less.
            long signedSum = computed - 256L * highBytes;
            if (!TryParseNumber(h, 148, 8, out stored, out bool b256) || b256) { stored = -1; return false; }
            // An all-blank checksum field parses as 0, which never matches a real header.
            return stored == computed || stored == signedSum;
        }

        /// <summary>The sum of a header block's 512 bytes, and how many of them are 0x80 or more.</summary>
        [MethodImpl(HotLoop.Optimised)] // every header block (see HotLoop)
        internal static void SumBytes(byte[] h, out long sum, out int highBytes)
        {
#if NET8_0_OR_GREATER
            if (System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
            {
                // Sixteen bytes at a time: each 16-bit lane gathers at most 64 bytes (16,320), far from overflowing.
                var lanes = System.Runtime.Intrinsics.Vector128<ushort>.Zero;
                var high = 0;
                // The span checks the block is whole before the loads below, which do not check.
                ref byte start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(new ReadOnlySpan<byte>(h, 0, 512));
                for (nuint i = 0; i < 512; i += 16)
                {
                    var bytes = System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref start, i);
                    var (low, upper) = System.Runtime.Intrinsics.Vector128.Widen(bytes);
                    lanes += low + upper;
                    high += System.Numerics.BitOperations.PopCount(System.Runtime.Intrinsics.Vector128.ExtractMostSignificantBits(bytes));
                }
                var (a, b) = System.Runtime.Intrinsics.Vector128.Widen(lanes);
                sum = System.Runtime.Intrinsics.Vector128.Sum(a + b);
                highBytes = high;
                return;
            }
#endif
            long total = 0;
            int count = 0;
            for (int i = 0; i < 512; i++)
            {
                total += h[i];
                if (h[i] >= 0x80) count++;
            }
            sum = total;
            highBytes = count;
        }

        public static bool IsZeroBlock(byte[] b, int offset, int count)
        {
#if NET8_0_OR_GREATER
            return new ReadOnlySpan<byte>(b, offset, count).IndexOfAnyExcept((byte)0) < 0;
#else
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                if (b[i] != 0) return false;
            }
            return true;
#endif
        }

        /// <summary>Length of a NUL-terminated field.</summary>
        public static int FieldLength(byte[] b, int offset, int max)
        {
            int n = 0;
            while (n < max && b[offset + n] != 0) n++;
            return n;
        }

        /// <summary>Decodes a NUL-terminated field as UTF-8 (ASCII fast path); <paramref name="invalid"/> is set for bad UTF-8, whose bytes become U+FFFD.</summary>
        public static string DecodeField(byte[] b, int offset, int max, out bool invalid) =>
            DecodeUtf8(b, offset, FieldLength(b, offset, max), out invalid);

        [MethodImpl(HotLoop.Optimised)] // every name and link field of every header (see HotLoop)
        public static string DecodeUtf8(byte[] b, int offset, int length, out bool invalid)
        {
            invalid = false;
            if (length == 0) return string.Empty;
            bool ascii = true;
            int end = offset + length;
            for (int i = offset; i < end; i++)
            {
                if (b[i] >= 0x80) { ascii = false; break; }
            }
            if (ascii) return Encoding.ASCII.GetString(b, offset, length);
            try
            {
                return StrictUtf8.GetString(b, offset, length);
            }
            catch (DecoderFallbackException)
            {
                invalid = true;
                return Encoding.UTF8.GetString(b, offset, length);
            }
        }

        /// <summary>Seconds since the epoch as UTC, or null outside DateTime's range.</summary>
        public static DateTime? FromUnixSeconds(long seconds)
        {
            if (seconds < -62135596800L || seconds > 253402300799L) return null;
            return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        }

        /// <summary>Counts the non-empty '/'-separated components of a path.</summary>
        [MethodImpl(HotLoop.Optimised)] // every member (see HotLoop)
        public static int Depth(string path)
        {
            int depth = 0;
            bool inComponent = false;
            for (int i = 0; i < path.Length; i++)
            {
                if (path[i] == '/') inComponent = false;
                else if (!inComponent) { inComponent = true; depth++; }
            }
            return depth;
        }

        /// <summary>Shortens a value for a message.</summary>
        public static string Show(string? value)
        {
            if (value == null) return "(none)";
            return value.Length <= 200 ? value : value.Substring(0, 200) + "…";
        }
    }
}
