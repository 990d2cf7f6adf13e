using QuickDraw.Drawings;
using QuickDraw.Shards;

namespace QuickDraw.Tests.Training;

/// <summary>Shards of 4 generated classes (60 training + 20 eval drawings each), made once per test class.</summary>
public sealed class SyntheticShards : IDisposable
{
    readonly TempDir dir = new();
    public string Folder { get; }

    public SyntheticShards()
    {
        var input = Path.Combine(dir.Path, "ndjson");
        SyntheticDoodles.WriteNdjson(input, 80, seed: 11, classes: ["circle", "line", "square", "zigzag"]);
        Folder = Path.Combine(dir.Path, "shards");
        ShardConverter.Convert(input, Folder, new ConvertOptions(TrainPerClass: 60, EvalPerClass: 20, Shards: 2, Seed: 1));
    }

    public void Dispose() => dir.Dispose();
}
