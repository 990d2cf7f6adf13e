using QuickDraw.Drawings;
using QuickDraw.Ink;
using QuickDraw.Training;

namespace QuickDraw.Play;

/// <summary>The first eval drawings of a run's data (its eval shards), back as strokes (<see cref="InkStrokes"/>),
/// for the threshold and the replay mode. Empty when the run's data folder is gone.</summary>
public static class EvalDrawings
{
    /// <summary>At most <paramref name="max"/> drawings in shard order, each with its class as <see cref="Drawing.Word"/>.</summary>
    public static IReadOnlyList<Drawing> Read(RunConfig config, int max)
    {
        if (!Directory.Exists(config.Data)) return [];
        string[] files;
        try { files = ShardData.Shards(config.Data, "eval"); }
        catch (FileNotFoundException) { return []; }
        return ShardData.ReadAll(files).Where(r => r.Points >= 1 && r.ClassIndex < config.Classes.Length).Take(max)
            .Select(r => InkStrokes.ToDrawing(r.Ink, r.Points, config.Classes[r.ClassIndex])).ToList();
    }
}
