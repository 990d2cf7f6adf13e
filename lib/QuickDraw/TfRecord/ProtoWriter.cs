using System.Numerics;

namespace QuickDraw.TfRecord;

/// <summary>Writes protobuf wire format into a span sized beforehand (callers compute exact lengths first).</summary>
internal static class ProtoWriter
{
    public static int VarintLength(ulong value) => BitOperations.Log2(value | 1) / 7 + 1;

    public static int TagLength(int field) => VarintLength((ulong)field << 3);

    /// <summary>Bytes taken by a length-delimited field whose payload is <paramref name="payloadLength"/> bytes.</summary>
    public static int LengthDelimitedSize(int field, int payloadLength) =>
        TagLength(field) + VarintLength((ulong)payloadLength) + payloadLength;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void WriteVarint(Span<byte> destination, ref int position, ulong value)
    {
        if (value < 0x80) { destination[position++] = (byte)value; return; } // most tags and lengths: one byte
        WriteLongVarint(destination, ref position, value);
    }

    static void WriteLongVarint(Span<byte> destination, ref int position, ulong value)
    {
        while (value >= 0x80)
        {
            destination[position++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[position++] = (byte)value;
    }

    public static void WriteTag(Span<byte> destination, ref int position, int field, WireType wire) =>
        WriteVarint(destination, ref position, ((ulong)field << 3) | (ulong)wire);

    /// <summary>Tag and length prefix of a length-delimited field; the caller writes the payload next.</summary>
    public static void WriteLengthPrefix(Span<byte> destination, ref int position, int field, int payloadLength)
    {
        WriteTag(destination, ref position, field, WireType.LengthDelimited);
        WriteVarint(destination, ref position, (ulong)payloadLength);
    }
}
