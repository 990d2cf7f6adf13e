using QuickDraw.Drawings;

namespace QuickDraw.Shards;

/// <summary>How a folder of class files becomes TFRecord shards. Defaults are the tutorial's.</summary>
/// <param name="TrainPerClass">The first K usable drawings of each class go to training (tutorial: 10,000).</param>
/// <param name="EvalPerClass">The next M go to eval (tutorial: 1,000).</param>
/// <param name="Shards">Files per split (tutorial: 10); each record goes to a seeded-random one.</param>
/// <param name="Seed">Seeds the class reading order and the shard choice: same seed → byte-identical files.</param>
/// <param name="Read">Reader options: drop recognized = false (off, as in the tutorial), line length limit.</param>
/// <param name="Workers">Parsing threads (0 → one per core).</param>
/// <param name="Classes">Only these classes (file names without extension); null → every file in the folder.</param>
public sealed record ConvertOptions(
    int TrainPerClass = 10_000,
    int EvalPerClass = 1_000,
    int Shards = 10,
    int Seed = 0,
    ReadOptions? Read = null,
    int Workers = 0,
    IReadOnlyList<string>? Classes = null)
{
    public ReadOptions ReadOrDefault => Read ?? new ReadOptions();
}

/// <summary>Progress of a conversion, reported after each chunk.</summary>
public readonly record struct ConvertProgress(long Written, long Target, long BytesRead, long Skipped);

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
