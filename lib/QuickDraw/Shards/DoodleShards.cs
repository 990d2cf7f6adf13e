using QuickDraw.Drawings;

namespace QuickDraw.Shards;

/// <summary>
/// Shards of generated doodles (<see cref="SyntheticDoodles"/>): data for notebooks and demos that must run with no
/// download, e.g. in CI. Deterministic for a seed.
/// </summary>
public static class DoodleShards
{
    /// <summary>Writes <c>&lt;folder&gt;-doodles/&lt;class&gt;.ndjson</c> (beside the shards folder: a conversion
    /// replaces the whole shards folder) and converts it into shards in <paramref name="folder"/> (training and eval
    /// split, classes file).</summary>
    /// <param name="folder">Receives the shards.</param>
    /// <param name="trainPerClass">Training drawings per class.</param>
    /// <param name="evalPerClass">Eval drawings per class.</param>
    /// <param name="shards">Files per split.</param>
    /// <param name="seed">Seeds the doodles and the conversion.</param>
    /// <param name="classes">Which doodle classes (default: the 10 base ones).</param>
    public static ConvertSummary Write(string folder, int trainPerClass, int evalPerClass, int shards = 2, int seed = 0,
        IEnumerable<string>? classes = null)
    {
        var input = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + "-doodles";
        SyntheticDoodles.WriteNdjson(input, trainPerClass + evalPerClass, seed, classes: classes);
        return ShardConverter.Convert(input, folder, new ConvertOptions(TrainPerClass: trainPerClass, EvalPerClass: evalPerClass, Shards: shards, Seed: seed));
    }
}
