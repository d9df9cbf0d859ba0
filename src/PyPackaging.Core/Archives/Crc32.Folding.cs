#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PyPackaging.Archives
{
    internal sealed partial class Crc32
    {
        /// <summary>
        /// CRC-32 by folding with carry-less multiplication. The register is carried as 128-bit lanes: four lanes
        /// absorb 64 bytes per step (each lane multiplied by x^(512±32) mod P and XOR-ed with the next 16 bytes), the
        /// four are folded into one (x^(128±32) mod P), the remaining 16-byte blocks are folded in one at a time, and
        /// the 128 bits are reduced to 64, then to 32 by Barrett reduction. All constants are for the bit-reflected
        /// polynomial, so no byte or bit is ever reversed. Input: the raw register (before the final inversion) and a
        /// length that is a multiple of 16 and at least 64.
        /// </summary>
        internal static class Folding
        {
            public const int MinimumLength = 64;

            public static bool IsSupported => Pclmulqdq.IsSupported && Sse2.IsSupported;

            // x^(4*128+32) mod P, x^(4*128-32) mod P: fold a lane across 64 bytes.
            private const ulong FoldBy4Low = 0x0154442bd4, FoldBy4High = 0x01c6e41596;
            // x^(128+32) mod P, x^(128-32) mod P: fold a lane across 16 bytes.
            private const ulong FoldBy1Low = 0x01751997d0, FoldBy1High = 0x00ccaa009e;
            // x^64 mod P: 96 bits down to 64.
            private const ulong FoldTo64 = 0x0163cd6124;
            // P' (the polynomial with its x^32 term) and mu = floor(x^64 / P), for the Barrett reduction.
            private const ulong Polynomial = 0x01db710641, Mu = 0x01f7011641;

            // Every inflated byte passes through here (see HotLoop); tier-0 code of it runs at a tenth of its speed.
            [MethodImpl(HotLoop.Optimised)]
            public static uint Update(uint register, byte[] data, int offset, int length)
            {
                ref var start = ref MemoryMarshal.GetArrayDataReference(data);
                nuint at = (nuint)offset;
                nuint end = at + (nuint)length;

                var lane1 = Load(ref start, at) ^ Vector128.CreateScalar((ulong)register);
                var lane2 = Load(ref start, at + 16);
                var lane3 = Load(ref start, at + 32);
                var lane4 = Load(ref start, at + 48);
                at += 64;

                var by4 = Vector128.Create(FoldBy4Low, FoldBy4High);
                while (end - at >= 64)
                {
                    lane1 = Fold(lane1, by4, Load(ref start, at));
                    lane2 = Fold(lane2, by4, Load(ref start, at + 16));
                    lane3 = Fold(lane3, by4, Load(ref start, at + 32));
                    lane4 = Fold(lane4, by4, Load(ref start, at + 48));
                    at += 64;
                }

                var by1 = Vector128.Create(FoldBy1Low, FoldBy1High);
                var x = Fold(lane1, by1, lane2);
                x = Fold(x, by1, lane3);
                x = Fold(x, by1, lane4);
                while (end - at >= 16)
                {
                    x = Fold(x, by1, Load(ref start, at));
                    at += 16;
                }

                // 128 -> 64 bits: the low half times x^(128-32) mod P, added to the high half.
                var lowTimesK = Pclmulqdq.CarrylessMultiply(x, by1, 0x10);
                x = Sse2.ShiftRightLogical128BitLane(x, 8) ^ lowTimesK;
                // 96 -> 64 bits: the low 32 bits times x^64 mod P, added to the rest.
                var mask32 = Vector128.Create(0xFFFFFFFFu, 0u, 0xFFFFFFFFu, 0u).AsUInt64();
                var rest = Sse2.ShiftRightLogical128BitLane(x, 4);
                x = Pclmulqdq.CarrylessMultiply(x & mask32, Vector128.CreateScalar(FoldTo64), 0x00) ^ rest;

                // Barrett reduction 64 -> 32 bits.
                var barrett = Vector128.Create(Polynomial, Mu);
                var t = Pclmulqdq.CarrylessMultiply(x & mask32, barrett, 0x10) & mask32;
                t = Pclmulqdq.CarrylessMultiply(t, barrett, 0x00);
                return (x ^ t).AsUInt32().GetElement(1);
            }

            // lane * (x^(n+32), x^(n-32)) mod P, plus the next 16 bytes.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static Vector128<ulong> Fold(Vector128<ulong> lane, Vector128<ulong> constants, Vector128<ulong> next) =>
                Pclmulqdq.CarrylessMultiply(lane, constants, 0x00) ^ Pclmulqdq.CarrylessMultiply(lane, constants, 0x11) ^ next;

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static Vector128<ulong> Load(ref byte start, nuint at) => Vector128.LoadUnsafe(ref start, at).AsUInt64();
        }
    }
}
#endif
