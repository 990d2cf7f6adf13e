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
