using System.Buffers.Binary;

namespace QuickDraw.Drawings;

/// <summary>
/// The dataset's <c>.bin</c> files, little-endian, per drawing:
/// <c>u64 key_id | 2 bytes countrycode | i8 recognized | u32 timestamp | u16 n_strokes</c>,
/// then per stroke <c>u16 n_points | n × u8 x | n × u8 y</c>.
/// </summary>
public static class BinaryDrawingFormat
{
    public const int HeaderBytes = 8 + 2 + 1 + 4 + 2;

    /// <summary>Reads the next whole record's bytes from <paramref name="stream"/> into <paramref name="record"/>
    /// (grown as needed). Returns its length, 0 at a clean end of file, or -1 when the file ends inside a record.</summary>
    public static int ReadRecord(Stream stream, ref byte[] record)
    {
        if (record.Length < HeaderBytes) record = new byte[4096];
        int got = stream.ReadAtLeast(record.AsSpan(0, HeaderBytes), HeaderBytes, throwOnEndOfStream: false);
        if (got == 0) return 0;
        if (got < HeaderBytes) return -1;
        int strokes = BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(15));
        int length = HeaderBytes;
        for (int s = 0; s < strokes; s++)
        {
            Ensure(ref record, length + 2);
            if (stream.ReadAtLeast(record.AsSpan(length, 2), 2, false) < 2) return -1;
            int points = BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(length));
            length += 2;
            Ensure(ref record, length + 2 * points);
            if (stream.ReadAtLeast(record.AsSpan(length, 2 * points), 2 * points, false) < 2 * points) return -1;
            length += 2 * points;
        }
        return length;
    }

    /// <summary>Parses one record (as framed by <see cref="ReadRecord"/>) into <paramref name="buffer"/>.</summary>
    public static SkipReason? Parse(ReadOnlySpan<byte> record, DrawingBuffer buffer, out bool recognized, out string detail)
    {
        buffer.Clear();
        detail = "";
        recognized = record.Length > 10 && (sbyte)record[10] != 0;
        if (record.Length < HeaderBytes) { detail = "record shorter than its header"; return SkipReason.CorruptBinary; }
        int strokes = BinaryPrimitives.ReadUInt16LittleEndian(record[15..]);
        int o = HeaderBytes;
        for (int s = 0; s < strokes; s++)
        {
            if (o + 2 > record.Length) { detail = $"stroke {s} cut short"; return SkipReason.CorruptBinary; }
            int n = BinaryPrimitives.ReadUInt16LittleEndian(record[o..]);
            o += 2;
            if (o + 2 * n > record.Length) { detail = $"stroke {s} cut short"; return SkipReason.CorruptBinary; }
            for (int i = 0; i < n; i++) buffer.AddX(record[o + i]);
            int first = buffer.PointCount - n;
            for (int i = 0; i < n; i++) buffer.AddY(first + i, record[o + n + i]);
            buffer.EndStroke();
            o += 2 * n;
        }
        if (buffer.PointCount == 0) { detail = "no points"; return SkipReason.EmptyDrawing; }
        if (buffer.PointCount < 2) { detail = "1 point"; return SkipReason.TooFewPoints; }
        return null;
    }

    /// <summary>The record's key_id, country code and timestamp (for the public, allocating API).</summary>
    public static (string KeyId, string CountryCode, string Timestamp) Metadata(ReadOnlySpan<byte> record) => (
        BinaryPrimitives.ReadUInt64LittleEndian(record).ToString(),
        System.Text.Encoding.ASCII.GetString(record.Slice(8, 2)),
        BinaryPrimitives.ReadUInt32LittleEndian(record[11..]).ToString());

    /// <summary>Encodes a drawing with 0..255 integer coordinates as one .bin record (for tests and fixtures).</summary>
    public static byte[] Encode(Drawing d, ulong keyId = 0, string countryCode = "US", uint timestamp = 0)
    {
        using var ms = new MemoryStream();
        Span<byte> h = stackalloc byte[HeaderBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(h, keyId);
        h[8] = (byte)countryCode[0];
        h[9] = (byte)countryCode[1];
        h[10] = (byte)(d.Recognized ? 1 : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(h[11..], timestamp);
        BinaryPrimitives.WriteUInt16LittleEndian(h[15..], (ushort)d.Strokes.Count);
        ms.Write(h);
        Span<byte> n = stackalloc byte[2];
        foreach (var s in d.Strokes)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(n, (ushort)s.Count);
            ms.Write(n);
            foreach (var x in s.X) ms.WriteByte(checked((byte)x));
            foreach (var y in s.Y) ms.WriteByte(checked((byte)y));
        }
        return ms.ToArray();
    }

    static void Ensure(ref byte[] a, int size)
    {
        if (a.Length < size) Array.Resize(ref a, Math.Max(size, a.Length * 2));
    }
}
