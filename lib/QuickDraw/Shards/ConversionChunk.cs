using System.Runtime.CompilerServices;
using QuickDraw.Drawings;
using QuickDraw.Ink;
using QuickDraw.TfRecord;

namespace QuickDraw.Shards;

// A batch of framed items travelling from the reader to a worker (parse → ink → framed Example bytes) and back to
// the writer. Reused from a pool, so the steady state allocates nothing per drawing.
sealed class ConversionChunk
{
    public const int Capacity = 2048;
    public int Count;
    public readonly int[] Class = new int[Capacity];
    public readonly long[] Number = new long[Capacity];
    public readonly SkipReason?[] Result = new SkipReason?[Capacity];
    public readonly string[] Detail = new string[Capacity];
    public readonly int[] OutOffset = new int[Capacity], OutLength = new int[Capacity];
    public byte[] Output = new byte[1 << 20];
    readonly bool[] unterminated = new bool[Capacity];
    readonly DrawingFormat[] format = new DrawingFormat[Capacity];
    readonly int[] inOffset = new int[Capacity], inLength = new int[Capacity];
    byte[] input = new byte[1 << 20];
    int inputUsed;
    float[] ink = new float[3 * 1024];

    public void Reset() { Count = 0; inputUsed = 0; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int cls, long number, SkipReason? problem, bool unterminatedLine, DrawingFormat fmt, ReadOnlySpan<byte> bytes)
    {
        int i = Count++;
        Class[i] = cls; Number[i] = number; Result[i] = problem; unterminated[i] = unterminatedLine; format[i] = fmt;
        if (inputUsed + bytes.Length > input.Length) Array.Resize(ref input, Math.Max(input.Length * 2, inputUsed + bytes.Length));
        bytes.CopyTo(input.AsSpan(inputUsed));
        inOffset[i] = inputUsed; inLength[i] = bytes.Length;
        inputUsed += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ConversionChunk Process(DrawingParser parser)
    {
        int outUsed = 0;
        for (int i = 0; i < Count; i++)
        {
            Detail[i] = "";
            OutLength[i] = 0;
            if (Result[i] != null) continue; // framing problem, found by the reader
            Result[i] = parser.Parse(format[i], input.AsSpan(inOffset[i], inLength[i]), unterminated[i], out Detail[i]);
            if (Result[i] != null) continue;
            var buffer = parser.Buffer;
            int floats = (buffer.PointCount - 1) * 3;
            if (ink.Length < floats) ink = new float[Math.Max(floats, ink.Length * 2)];
            if (!InkConverter.TryWrite(buffer, ink, out _))
            {
                Result[i] = SkipReason.NonFiniteCoordinate;
                Detail[i] = "the drawing's extent overflows float32";
                continue;
            }
            // The framed record (TFRecord header, Example, footer), checksummed here rather than by the writer.
            int max = InkExample.MaxEncodedLength(floats) + TfRecordWriter.FrameOverhead;
            if (outUsed + max > Output.Length) Array.Resize(ref Output, Math.Max(Output.Length * 2, outUsed + max));
            int n = InkExample.Encode(ink.AsSpan(0, floats), Class[i], Output.AsSpan(outUsed + TfRecordWriter.HeaderLength));
            TfRecordWriter.FrameInPlace(Output.AsSpan(outUsed, n + TfRecordWriter.FrameOverhead));
            OutOffset[i] = outUsed; OutLength[i] = n + TfRecordWriter.FrameOverhead;
            outUsed += OutLength[i];
        }
        return this;
    }
}
