using System.Runtime.CompilerServices;
using System.Buffers.Binary;

namespace QuickDraw.TfRecord;

/// <summary>
/// Writes records in TFRecord framing: <c>u64 length | u32 masked CRC of those 8 bytes | data | u32 masked CRC of
/// data</c>, little-endian. Not thread-safe.
/// </summary>
public sealed class TfRecordWriter : IDisposable
{
    /// <summary>Bytes of framing around each record: 8 length + 4 length CRC + 4 data CRC.</summary>
    public const int FrameOverhead = 16;

    readonly Stream stream;
    readonly bool leaveOpen;
    bool disposed;

    /// <summary>Writes to <paramref name="stream"/>; disposes it on <see cref="Dispose"/> unless
    /// <paramref name="leaveOpen"/>.</summary>
    public TfRecordWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite) throw new ArgumentException("The stream must be writable.", nameof(stream));
        this.stream = stream;
        this.leaveOpen = leaveOpen;
    }

    /// <summary>Creates (or overwrites) the file at <paramref name="path"/>, buffered.</summary>
    public static TfRecordWriter Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16));

    /// <summary>Total bytes written so far, framing included.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Records written so far.</summary>
    public long RecordsWritten { get; private set; }

    /// <summary>Appends one record (which may be empty).</summary>
    public void Write(ReadOnlySpan<byte> record)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Span<byte> header = stackalloc byte[HeaderLength];
        Span<byte> footer = stackalloc byte[FooterLength];
        Frame(record, header, footer);
        stream.Write(header);
        stream.Write(record);
        stream.Write(footer);
        BytesWritten += FrameOverhead + record.Length;
        RecordsWritten++;
    }

    internal const int HeaderLength = 12, FooterLength = 4;

    /// <summary>Frames a record in place: <paramref name="framed"/> holds the header's 12 bytes, the record, then
    /// 4 bytes for the footer, which are filled in. Lets worker threads do the checksums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void FrameInPlace(Span<byte> framed)
    {
        int length = framed.Length - FrameOverhead;
        Frame(framed.Slice(HeaderLength, length), framed[..HeaderLength], framed[(HeaderLength + length)..]);
    }

    /// <summary>Appends a record framed by <see cref="FrameInPlace"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void WriteFramed(ReadOnlySpan<byte> framed)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        stream.Write(framed);
        BytesWritten += framed.Length;
        RecordsWritten++;
    }

    static void Frame(ReadOnlySpan<byte> record, Span<byte> header, Span<byte> footer)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)record.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.ComputeMasked(header[..8]));
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.ComputeMasked(record));
    }

    /// <summary>Flushes buffered bytes to the underlying stream.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        stream.Flush();
    }

    /// <summary>Flushes, then disposes the stream unless it was opened with leaveOpen.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        stream.Flush();
        if (!leaveOpen) stream.Dispose();
    }
}
