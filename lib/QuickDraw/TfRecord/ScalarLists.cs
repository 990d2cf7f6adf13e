using System.Runtime.InteropServices;

namespace QuickDraw.TfRecord;

/// <summary>
/// Reads the value lists of tf.train.FloatList / Int64List messages (<c>repeated ... value = 1</c>), in packed
/// form (one length-delimited run) or unpacked form (one tag per value), or any mix of the two. Counting first
/// lets callers allocate exactly once, or copy straight into a buffer they own.
/// </summary>
internal static class ScalarLists
{
    const int ValueField = 1;

    public static int CountFloats(ReadOnlySpan<byte> floatList)
    {
        var reader = new ProtoReader(floatList, "tf.train.FloatList");
        long count = 0;
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == ValueField && wire == WireType.LengthDelimited)
            {
                var packed = reader.ReadLengthDelimited();
                if (packed.Length % 4 != 0)
                    throw new InvalidDataException($"Malformed tf.train.FloatList: packed run of {packed.Length} bytes is not a whole number of floats.");
                count += packed.Length / 4;
            }
            else if (field == ValueField && wire == WireType.Fixed32) { reader.ReadFixed32(); count++; }
            else reader.Skip(field, wire);
        }
        return (int)count;
    }

    /// <summary>Copies the values into <paramref name="destination"/>, which must hold <see cref="CountFloats"/>.</summary>
    public static void CopyFloats(ReadOnlySpan<byte> floatList, Span<float> destination)
    {
        var reader = new ProtoReader(floatList, "tf.train.FloatList");
        var target = MemoryMarshal.AsBytes(destination);
        int written = 0;
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == ValueField && wire == WireType.LengthDelimited)
            {
                var packed = reader.ReadLengthDelimited();
                CopyLittleEndianFloats(packed, target[written..]);
                written += packed.Length;
            }
            else if (field == ValueField && wire == WireType.Fixed32)
            {
                destination[written / 4] = BitConverter.UInt32BitsToSingle(reader.ReadFixed32());
                written += 4;
            }
            else reader.Skip(field, wire);
        }
    }

    public static float[] ReadFloats(ReadOnlySpan<byte> floatList)
    {
        var values = new float[CountFloats(floatList)];
        CopyFloats(floatList, values);
        return values;
    }

    public static long[] ReadInt64s(ReadOnlySpan<byte> int64List)
    {
        // Two passes: the first counts (and validates), the second fills an exactly sized array.
        var values = new long[ReadInt64s(int64List, default)];
        ReadInt64s(int64List, values);
        return values;
    }

    /// <summary>Writes the first values that fit into <paramref name="destination"/>; returns how many the list
    /// holds in all (possibly more than were written).</summary>
    public static int ReadInt64s(ReadOnlySpan<byte> int64List, Span<long> destination)
    {
        var reader = new ProtoReader(int64List, "tf.train.Int64List");
        int count = 0;
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == ValueField && wire == WireType.LengthDelimited)
            {
                var run = new ProtoReader(reader.ReadLengthDelimited(), "packed tf.train.Int64List values");
                while (!run.AtEnd)
                {
                    long value = (long)run.ReadVarint();
                    if (count < destination.Length) destination[count] = value;
                    count++;
                }
            }
            else if (field == ValueField && wire == WireType.Varint)
            {
                long value = (long)reader.ReadVarint();
                if (count < destination.Length) destination[count] = value;
                count++;
            }
            else reader.Skip(field, wire);
        }
        return count;
    }

    static void CopyLittleEndianFloats(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        if (!BitConverter.IsLittleEndian)
            for (int i = 0; i < source.Length; i += 4) destination.Slice(i, 4).Reverse();
    }
}
