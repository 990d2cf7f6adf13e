using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using X86Sse42 = System.Runtime.Intrinsics.X86.Sse42;

namespace QuickDraw.TfRecord;

// The x64 path. One CRC32 instruction takes 3 cycles to finish but a new one can start every cycle, so one
// dependent chain uses a third of the unit. We run three chains over three adjacent stretches of a block and
// join them: CRC is linear, so crc(r, A|B) = shift_|B|(crc(r, A)) ^ crc(0, B), where shift_n (feeding n zero
// bytes) is a fixed 32x32 bit matrix, applied as four table lookups.
public static partial class Crc32C
{
    // Per-chain stretch lengths (multiples of 8): long blocks for bulk data, short ones for typical records.
    const int LongStretch = 1024;
    const int ShortStretch = 128;

    static readonly ZeroShift LongShift = new(LongStretch);
    static readonly ZeroShift ShortShift = new(ShortStretch);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static uint UpdateSse42(uint register, ReadOnlySpan<byte> data)
    {
        ref byte start = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        int i = 0;
        ulong wide = register;
        if (length >= 3 * LongStretch) wide = ThreeChains(wide, ref start, ref i, length, LongStretch, LongShift);
        if (length - i >= 3 * ShortStretch) wide = ThreeChains(wide, ref start, ref i, length, ShortStretch, ShortShift);
        for (; i + 8 <= length; i += 8)
            wide = X86Sse42.X64.Crc32(wide, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
        register = (uint)wide;
        for (; i < length; i++)
            register = X86Sse42.Crc32(register, Unsafe.Add(ref start, i));
        return register;
    }

    // Consumes whole blocks of 3 x stretch bytes from position i, advancing i.
    static ulong ThreeChains(ulong first, ref byte start, ref int i, int length, int stretch, ZeroShift shift)
    {
        for (; length - i >= 3 * stretch; i += 3 * stretch)
        {
            ref byte block = ref Unsafe.Add(ref start, i);
            ulong second = 0, third = 0;
            for (int j = 0; j < stretch; j += 8)
            {
                first = X86Sse42.X64.Crc32(first, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref block, j)));
                second = X86Sse42.X64.Crc32(second, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref block, stretch + j)));
                third = X86Sse42.X64.Crc32(third, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref block, 2 * stretch + j)));
            }
            first = shift.Apply(shift.Apply((uint)first) ^ (uint)second) ^ (uint)third;
        }
        return first;
    }

    /// <summary>The register change caused by feeding a fixed number of zero bytes.</summary>
    sealed class ZeroShift
    {
        // table[k * 256 + b]: the shifted image of byte b placed at bits 8k..8k+7 of the register.
        readonly uint[] table = new uint[4 * 256];

        public ZeroShift(int zeroBytes)
        {
            var zeros = new byte[zeroBytes];
            Span<uint> basis = stackalloc uint[32];
            for (int bit = 0; bit < 32; bit++) basis[bit] = UpdateSlicingBy8(1u << bit, zeros);
            for (int k = 0; k < 4; k++)
                for (int b = 0; b < 256; b++)
                {
                    uint image = 0;
                    for (int bit = 0; bit < 8; bit++)
                        if ((b >> bit & 1) != 0) image ^= basis[8 * k + bit];
                    table[k * 256 + b] = image;
                }
        }

        public uint Apply(uint register) =>
            table[register & 0xff] ^ table[256 + ((register >> 8) & 0xff)]
            ^ table[512 + ((register >> 16) & 0xff)] ^ table[768 + (register >> 24)];
    }
}
