using System;

namespace PyPackaging.Building.Writing
{
    /// <summary>
    /// CRC-32 as gzip needs it (ISO-HDLC / IEEE 802.3: reflected polynomial 0xEDB88320,
    /// initial value and final XOR 0xFFFFFFFF), computed incrementally with a slicing-by-4 table.
    /// </summary>
    internal sealed class Crc32
    {
        private static readonly uint[][] Tables = BuildTables();

        private uint _state = 0xFFFFFFFFu;

        /// <summary>The CRC of everything appended so far.</summary>
        public uint Value => ~_state;

        public void Append(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (offset < 0 || count < 0 || offset + count > buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
            uint crc = _state;
            uint[] t0 = Tables[0], t1 = Tables[1], t2 = Tables[2], t3 = Tables[3];
            int i = offset;
            int end = offset + count;
            while (end - i >= 4)
            {
                crc ^= (uint)(buffer[i] | (buffer[i + 1] << 8) | (buffer[i + 2] << 16) | (buffer[i + 3] << 24));
                crc = t3[crc & 0xFF] ^ t2[(crc >> 8) & 0xFF] ^ t1[(crc >> 16) & 0xFF] ^ t0[crc >> 24];
                i += 4;
            }
            while (i < end)
            {
                crc = t0[(crc ^ buffer[i]) & 0xFF] ^ (crc >> 8);
                i++;
            }
            _state = crc;
        }

        /// <summary>One-shot CRC of a whole buffer.</summary>
        public static uint Compute(byte[] buffer)
        {
            var c = new Crc32();
            c.Append(buffer, 0, buffer.Length);
            return c.Value;
        }

        private static uint[][] BuildTables()
        {
            var tables = new uint[4][];
            for (int k = 0; k < 4; k++) tables[k] = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int bit = 0; bit < 8; bit++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }
                tables[0][n] = c;
            }
            for (int n = 0; n < 256; n++)
            {
                for (int k = 1; k < 4; k++)
                {
                    uint prev = tables[k - 1][n];
                    tables[k][n] = tables[0][prev & 0xFF] ^ (prev >> 8);
                }
            }
            return tables;
        }
    }
}
