using QuickDraw.Drawings;

namespace QuickDraw.Shards;

/// <summary>What a conversion did.</summary>
public sealed record ConvertSummary(
    string OutputFolder,
    IReadOnlyList<string> Classes,
    long[] TrainPerClass,
    long[] EvalPerClass,
    SkipLog Skips,
    long InputBytes,
    long OutputBytes,
    TimeSpan Elapsed)
{
    public long TrainRecords => TrainPerClass.Sum();
    public long EvalRecords => EvalPerClass.Sum();
    public long Drawings => TrainRecords + EvalRecords;
    public double DrawingsPerSecond => Drawings / Math.Max(1e-9, Elapsed.TotalSeconds);
    public double InputMBPerSecond => InputBytes / 1e6 / Math.Max(1e-9, Elapsed.TotalSeconds);

    /// <summary>Classes that ran out of drawings before filling both splits.</summary>
    public IEnumerable<string> ShortClasses(ConvertOptions o) =>
        Classes.Where((_, i) => TrainPerClass[i] < o.TrainPerClass || EvalPerClass[i] < o.EvalPerClass);

    public override string ToString() =>
        $"{Drawings:N0} drawings ({TrainRecords:N0} training, {EvalRecords:N0} eval) of {Classes.Count} classes in {Elapsed.TotalSeconds:F1} s: " +
        $"{DrawingsPerSecond:N0} drawings/s, {InputMBPerSecond:F1} MB/s of input; {InputBytes / 1e6:F1} MB read, {OutputBytes / 1e6:F1} MB written; skipped: {Skips}";
}
