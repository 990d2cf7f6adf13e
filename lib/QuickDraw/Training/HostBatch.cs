using QuickDraw.Shards;
using TorchSharp;
using static TorchSharp.torch;

namespace QuickDraw.Training;

/// <summary>A padded batch on the host: ink (B, T, 3) zero-padded past each length, lengths (B), labels (B).</summary>
public sealed class HostBatch
{
    public required float[] Ink { get; init; }
    public required long[] Lengths { get; init; }
    public required long[] Labels { get; init; }
    public int Size => Lengths.Length;
    public int MaxLength { get; init; }

    /// <summary>Steps the LSTM would run if it ignored lengths (B × T) vs. the real ones (Σ lengths).</summary>
    public long PaddedSteps => (long)Size * MaxLength;
    public long RealSteps => Lengths.Sum();

    public static HostBatch Pad(IReadOnlyList<InkRecord> records)
    {
        int T = Math.Max(1, records.Max(r => r.Points));
        var ink = new float[records.Count * T * 3];
        var lengths = new long[records.Count];
        var labels = new long[records.Count];
        for (int b = 0; b < records.Count; b++)
        {
            var r = records[b];
            r.Ink.AsSpan(0, r.Points * 3).CopyTo(ink.AsSpan(b * T * 3));
            lengths[b] = r.Points;
            labels[b] = r.ClassIndex;
        }
        return new HostBatch { Ink = ink, Lengths = lengths, Labels = labels, MaxLength = T };
    }

    /// <summary>The batch cut into <paramref name="parts"/> (at most one per drawing), drawings dealt by length so that
    /// the parts are alike in size and work: the longest to part 0, the next to part 1, …; each part keeps the batch's
    /// order and is padded to its own longest drawing. One part is the batch itself.</summary>
    public IReadOnlyList<HostBatch> Deal(int parts)
    {
        parts = Math.Clamp(parts, 1, Size);
        if (parts == 1) return [this];
        var byLength = Enumerable.Range(0, Size).OrderByDescending(b => Lengths[b]).ThenBy(b => b).ToArray();
        return Enumerable.Range(0, parts).Select(part =>
        {
            var rows = byLength.Where((_, i) => i % parts == part).Order().ToArray();
            int T = (int)rows.Max(b => Lengths[b]);
            var ink = new float[rows.Length * T * 3];
            for (int r = 0; r < rows.Length; r++) Array.Copy(Ink, (long)rows[r] * MaxLength * 3, ink, (long)r * T * 3, Lengths[rows[r]] * 3);
            return new HostBatch { Ink = ink, Lengths = [.. rows.Select(b => Lengths[b])], Labels = [.. rows.Select(b => Labels[b])], MaxLength = T };
        }).ToList();
    }

    /// <summary>Tensors for the model: ink on <paramref name="device"/>, lengths on the CPU (packing wants them there),
    /// labels on <paramref name="device"/>.</summary>
    public (Tensor Ink, Tensor Lengths, Tensor Labels) ToTensors(Device device)
    {
        var ink = tensor(Ink, [Size, MaxLength, 3]);
        var labels = tensor(Labels);
        if (device.type != DeviceType.CPU) { ink = ink.to(device); labels = labels.to(device); }
        return (ink, tensor(Lengths), labels);
    }
}
