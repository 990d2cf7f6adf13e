using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArmCrc32 = System.Runtime.Intrinsics.Arm.Crc32;
using X86Sse42 = System.Runtime.Intrinsics.X86.Sse42;

namespace QuickDraw.TfRecord;

/// <summary>
/// CRC-32C (Castagnoli), the checksum TFRecord files use, plus TFRecord's masking of it.
/// Uses the CPU's CRC32 instruction where present (SSE4.2 on x64, in three interleaved chains; CRC32 on Arm64),
/// else a slicing-by-8 table.
/// </summary>
public static partial class Crc32C
{
    // Reflected form of the Castagnoli polynomial 0x1EDC6F41.
    const uint ReversedPolynomial = 0x82F63B78;

    // Added after rotating, so that a CRC stored next to the bytes it covers does not checksum to a constant.
    const uint MaskDelta = 0xa282ead8;

    /// <summary>The CRC-32C of <paramref name="data"/> (for "123456789": 0xE3069283).</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues a CRC over more bytes: <c>Compute(a + b) == Append(Compute(a), b)</c>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        // The register runs inverted; the public value is its complement, so Compute = Append(0, ...).
        uint register = ~crc;
        if (X86Sse42.X64.IsSupported) register = UpdateSse42(register, data);
        else if (ArmCrc32.Arm64.IsSupported) register = UpdateArm64(register, data);
        else register = UpdateSlicingBy8(register, data);
        return ~register;
    }

    /// <summary>TFRecord's stored form of a CRC: rotate right by 15 bits, then add 0xa282ead8 (mod 2^32).</summary>
    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    /// <summary>The inverse of <see cref="Mask"/>.</summary>
    public static uint Unmask(uint masked)
    {
        uint rotated = masked - MaskDelta;
        return (rotated >> 17) | (rotated << 15);
    }

    /// <summary>Masked CRC of <paramref name="data"/>, as stored in TFRecord framing.</summary>
    public static uint ComputeMasked(ReadOnlySpan<byte> data) => Mask(Compute(data));

    /// <summary>Whether <see cref="Compute"/> uses a CPU instruction rather than the table.</summary>
    public static bool IsHardwareAccelerated => X86Sse42.X64.IsSupported || ArmCrc32.Arm64.IsSupported;

    // The table path regardless of the CPU, so tests can check it against the hardware one.
    internal static uint ComputeSoftware(ReadOnlySpan<byte> data) => AppendSoftware(0, data);

    internal static uint AppendSoftware(uint crc, ReadOnlySpan<byte> data) => ~UpdateSlicingBy8(~crc, data);

    static uint UpdateArm64(uint register, ReadOnlySpan<byte> data)
    {
        ref byte start = ref MemoryMarshal.GetReference(data);
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
            register = ArmCrc32.Arm64.ComputeCrc32C(register, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
        for (; i < data.Length; i++)
            register = ArmCrc32.ComputeCrc32C(register, Unsafe.Add(ref start, i));
        return register;
    }

    // Slicing-by-8: Table[k * 256 + b] is the register change caused by byte b followed by k zero bytes,
    // so eight bytes cost eight lookups and no per-bit loop.
    static readonly uint[] Table = BuildTable();

    static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint b = 0; b < 256; b++)
        {
            uint r = b;
            for (int bit = 0; bit < 8; bit++) r = (r & 1) != 0 ? (r >> 1) ^ ReversedPolynomial : r >> 1;
            table[b] = r;
        }
        for (int k = 1; k < 8; k++)
            for (int b = 0; b < 256; b++)
            {
                uint previous = table[(k - 1) * 256 + b];
                table[k * 256 + b] = (previous >> 8) ^ table[previous & 0xff];
            }
        return table;
    }

    // Raw register update (no inversion): linear over GF(2) in the register when the data are zeros.
    static uint UpdateSlicingBy8(uint register, ReadOnlySpan<byte> data)
    {
        uint[] t = Table;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            uint low = register ^ BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i));
            uint high = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i + 4));
            register = t[7 * 256 + (low & 0xff)] ^ t[6 * 256 + ((low >> 8) & 0xff)]
                     ^ t[5 * 256 + ((low >> 16) & 0xff)] ^ t[4 * 256 + (low >> 24)]
                     ^ t[3 * 256 + (high & 0xff)] ^ t[2 * 256 + ((high >> 8) & 0xff)]
                     ^ t[1 * 256 + ((high >> 16) & 0xff)] ^ t[high >> 24];
        }
        for (; i < data.Length; i++)
            register = (register >> 8) ^ t[(register ^ data[i]) & 0xff];
        return register;
    }
}
