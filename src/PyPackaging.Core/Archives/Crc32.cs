namespace PyPackaging.Archives
{
    /// <summary>
    /// CRC-32 (IEEE, reflected 0xEDB88320) as gzip and zip use it. Shared by the readers (trailer checks) and the sdist
    /// writer (gzip trailer). Every inflated byte of every archive passes through it, so it must not be the slow part:
    /// on x64 with carry-less multiply (every x64 CPU since about 2010) it folds 64 bytes per step (the method of Gopal
    /// et al., "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ", Intel 2009), about 10× the table's
    /// speed; elsewhere, and for the last few bytes, slicing-by-8 tables.
    /// </summary>
    internal sealed partial class Crc32
    {
        private static readonly uint[] Table = BuildTable();
        private uint _state = 0xFFFFFFFF;

        public uint Value => _state ^ 0xFFFFFFFF;

        public void Reset() => _state = 0xFFFFFFFF;

        /// <summary>One-shot CRC of a whole buffer.</summary>
        public static uint Compute(byte[] data)
        {
            var crc = new Crc32();
            crc.Update(data, 0, data.Length);
            return crc.Value;
        }

        public void Update(byte[] data, int offset, int count)
        {
#if NET8_0_OR_GREATER
            if (count >= Folding.MinimumLength && Folding.IsSupported)
            {
                var folded = count & ~15;
                _state = Folding.Update(_state, data, offset, folded);
                offset += folded;
                count -= folded;
            }
#endif
            UpdateWithTables(data, offset, count);
        }

        /// <summary>The slicing-by-8 path alone (the reference the folding path is tested against).</summary>
        internal void UpdateWithTables(byte[] data, int offset, int count)
        {
            uint c = _state;
            var t = Table;
            int i = offset;
            int end = offset + count;
            while (end - i >= 8)
            {
                uint one = c ^ (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
                uint two = (uint)(data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24));
                c = t[7 * 256 + (one & 0xFF)] ^ t[6 * 256 + ((one >> 8) & 0xFF)] ^ t[5 * 256 + ((one >> 16) & 0xFF)] ^ t[4 * 256 + (one >> 24)]
                  ^ t[3 * 256 + (two & 0xFF)] ^ t[2 * 256 + ((two >> 8) & 0xFF)] ^ t[256 + ((two >> 16) & 0xFF)] ^ t[two >> 24];
                i += 8;
            }
            while (i < end)
            {
                c = t[(c ^ data[i]) & 0xFF] ^ (c >> 8);
                i++;
            }
            _state = c;
        }

        private static uint[] BuildTable()
        {
            var t = new uint[8 * 256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                t[n] = c;
            }
            for (int s = 1; s < 8; s++)
            {
                for (int n = 0; n < 256; n++)
                {
                    uint prev = t[(s - 1) * 256 + n];
                    t[s * 256 + n] = (prev >> 8) ^ t[prev & 0xFF];
                }
            }
            return t;
        }
    }
}
