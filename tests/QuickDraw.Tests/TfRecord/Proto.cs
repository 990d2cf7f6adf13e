namespace QuickDraw.Tests.TfRecord;

/// <summary>Tiny builders for hand-made protobuf in tests.</summary>
internal static class Proto
{
    /// <summary>A length-delimited field: tag byte, varint length, content.</summary>
    public static byte[] Len(byte tag, byte[] content)
    {
        var bytes = new List<byte> { tag };
        for (uint length = (uint)content.Length; ; length >>= 7)
        {
            if (length < 0x80) { bytes.Add((byte)length); break; }
            bytes.Add((byte)(length | 0x80));
        }
        bytes.AddRange(content);
        return bytes.ToArray();
    }

    public static byte[] Entry(string key, byte[] feature) =>
        Len(0x0A, [.. Len(0x0A, System.Text.Encoding.UTF8.GetBytes(key)), .. Len(0x12, feature)]);

    public static byte[] Example(params byte[][] entries) => Len(0x0A, entries.SelectMany(e => e).ToArray());
}
