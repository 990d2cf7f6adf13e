namespace QuickDraw.TfRecord;

/// <summary>
/// A TFRecord file that cannot be read past some record: a checksum mismatch, an impossible length, or a file
/// that ends in the middle of a record. The message names the file and the byte offset of the bad record's start.
/// </summary>
public sealed class TfRecordCorruptException : IOException
{
    /// <summary>The file (or stream name) being read.</summary>
    public string File { get; }

    /// <summary>Byte offset of the start of the bad record's frame.</summary>
    public long Offset { get; }

    /// <summary>What is wrong, e.g. "data CRC mismatch".</summary>
    public string Reason { get; }

    public TfRecordCorruptException(string file, long offset, string reason)
        : base($"{file}: corrupt record at byte {offset}: {reason}")
    {
        File = file;
        Offset = offset;
        Reason = reason;
    }
}
