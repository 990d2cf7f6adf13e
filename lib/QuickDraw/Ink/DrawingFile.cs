using System.Runtime.CompilerServices;

namespace QuickDraw.Ink;

/// <summary>Input formats of the dataset.</summary>
public enum DrawingFormat { Ndjson, Binary }

/// <summary>
/// Frames a class file (ndjson or .bin) into raw per-drawing items without parsing them, so parsing can run
/// on other threads. Framing problems (a line too long, a truncated .bin record) come back as skip reasons.
/// </summary>
public sealed class DrawingFile : IDisposable
{
    readonly LineReader? lines;
    readonly Stream? binary;
    byte[] record = new byte[4096];
    long index;

    public DrawingFile(string path, int maxLineBytes = 4 << 20)
    {
        Path = path;
        Name = System.IO.Path.GetFileName(path);
        Format = FormatOf(path);
        // LineReader buffers ndjson itself (a second buffer would only copy every byte once more); .bin is read
        // in small pieces, through the stream's buffer.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read,
            Format == DrawingFormat.Ndjson ? 0 : 1 << 16, FileOptions.SequentialScan);
        Length = stream.Length;
        if (Format == DrawingFormat.Ndjson) lines = new LineReader(stream, maxLineBytes);
        else binary = stream;
    }

    public string Path { get; }
    public string Name { get; }
    public DrawingFormat Format { get; }
    public long Length { get; }
    public long BytesRead => disposedBytes ?? lines?.BytesRead ?? binary!.Position;
    long? disposedBytes;

    /// <summary>The class name a file stands for: its name without extension ("The Eiffel Tower").</summary>
    public static string ClassNameOf(string path) => System.IO.Path.GetFileNameWithoutExtension(path);

    public static DrawingFormat FormatOf(string path) =>
        System.IO.Path.GetExtension(path).Equals(".bin", StringComparison.OrdinalIgnoreCase) ? DrawingFormat.Binary : DrawingFormat.Ndjson;

    /// <summary>The next item: its bytes (valid until the next call), its 1-based line (ndjson) or record
    /// (.bin) number, and a framing problem if any. False at the end of the file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out ReadOnlySpan<byte> bytes, out long number, out SkipReason? problem, out bool unterminated)
    {
        problem = null;
        unterminated = false;
        if (lines != null)
        {
            if (!lines.Next(out bytes, out var kind)) { number = lines.LineNumber; return false; }
            number = lines.LineNumber;
            if (kind == LineKind.TooLong) problem = SkipReason.LineTooLong;
            unterminated = kind == LineKind.Unterminated;
            return true;
        }
        int n = BinaryDrawingFormat.ReadRecord(binary!, ref record);
        number = ++index;
        if (n == 0) { bytes = default; number--; return false; }
        if (n < 0) { bytes = default; problem = SkipReason.CorruptBinary; binary!.Seek(0, SeekOrigin.End); return true; }
        bytes = record.AsSpan(0, n);
        return true;
    }

    public void Dispose()
    {
        disposedBytes ??= BytesRead;
        lines?.Dispose();
        binary?.Dispose();
    }
}
