using System.Runtime.CompilerServices;

namespace QuickDraw.Drawings;

/// <summary>
/// Turns one framed item of either format into a <see cref="DrawingBuffer"/>, applying the reader's rules
/// (drop unrecognized, truncated last line, the point cap). One per thread: it reuses its buffers.
/// </summary>
public sealed class DrawingParser(bool dropUnrecognized = false, bool readMetadata = false, int maxPoints = ReadOptions.DefaultMaxPoints)
{
    readonly NdjsonDrawingParser json = new() { ReadMetadata = readMetadata };
    readonly DrawingBuffer binaryBuffer = new();

    public DrawingBuffer Buffer { get; private set; } = new();
    public bool Recognized { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SkipReason? Parse(DrawingFormat format, ReadOnlySpan<byte> item, bool unterminated, out string detail)
    {
        SkipReason? problem;
        if (format == DrawingFormat.Ndjson)
        {
            problem = json.Parse(item, out detail);
            Buffer = json.Buffer;
            Recognized = json.Recognized;
            // A last line with no newline that does not parse is a cut-off write, not a bad drawing.
            if (unterminated && problem == SkipReason.InvalidJson) { problem = SkipReason.TruncatedLine; detail = $"{item.Length} bytes, no newline"; }
        }
        else
        {
            problem = BinaryDrawingFormat.Parse(item, binaryBuffer, out var recognized, out detail);
            Buffer = binaryBuffer;
            Recognized = recognized;
        }
        if (problem == null && Buffer.PointCount > maxPoints) { detail = $"{Buffer.PointCount:N0} points, over the cap of {maxPoints:N0}"; return SkipReason.TooManyPoints; }
        if (problem == null && dropUnrecognized && !Recognized) { detail = ""; return SkipReason.NotRecognized; }
        return problem;
    }

    /// <summary>The ndjson parser (for metadata after a successful parse).</summary>
    internal NdjsonDrawingParser Json => json;
}
