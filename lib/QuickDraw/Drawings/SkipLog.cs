using System.Collections.Concurrent;

namespace QuickDraw.Drawings;

/// <summary>Counts skipped drawings by reason and keeps the first few, located, for the user. Thread-safe.</summary>
public sealed class SkipLog(int keepExamples = 20)
{
    readonly long[] counts = new long[Enum.GetValues<SkipReason>().Length];
    readonly ConcurrentQueue<SkippedDrawing> examples = new();

    /// <summary>Called for every skip (e.g. to print it as it happens).</summary>
    public event Action<SkippedDrawing>? Skipped;

    public void Add(SkippedDrawing s)
    {
        Interlocked.Increment(ref counts[(int)s.Reason]);
        if (examples.Count < keepExamples) examples.Enqueue(s);
        Skipped?.Invoke(s);
    }

    public long this[SkipReason reason] => Interlocked.Read(ref counts[(int)reason]);
    public long Total => counts.Sum();
    public IReadOnlyList<SkippedDrawing> Examples => examples.ToArray();

    /// <summary>Non-zero counts, by reason.</summary>
    public IReadOnlyDictionary<SkipReason, long> Counts =>
        Enum.GetValues<SkipReason>().Where(r => this[r] > 0).ToDictionary(r => r, r => this[r]);

    public override string ToString() => Total == 0 ? "none skipped"
        : string.Join(", ", Counts.Select(kv => $"{kv.Value} {SkippedDrawing.Describe(kv.Key)}"));
}
