using QuickDraw.Model;
using QuickDraw.Shards;

namespace QuickDraw.Training;

/// <summary>
/// Two tiny runs that differ only in learning rate, trained on a folder of shards: something to compare where no
/// real runs exist yet (a fresh clone, CI). A few seconds each on a CPU at ~50 steps.
/// </summary>
public static class DemoRuns
{
    /// <summary>The learning rates compared, one run each (named demo-lr-0.001, ...).</summary>
    public static IReadOnlyList<double> LearningRates { get; } = [1e-3, 1e-2];

    /// <summary>Trains the runs into <c>&lt;runsFolder&gt;/demo-lr-…</c> and returns their folders.</summary>
    public static IReadOnlyList<RunFolder> Train(string runsFolder, string shardFolder, int steps, int seed = 0)
    {
        var classes = ShardLayout.ReadClasses(shardFolder);
        var model = new ModelConfig { NumConv = [16, 32], ConvLen = [5, 3], NumLayers = 1, NumNodes = 32 };
        var runs = new List<RunFolder>();
        foreach (var lr in LearningRates)
        {
            var run = new RunFolder(Path.Combine(runsFolder, "demo-lr-" + lr.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var train = new TrainConfig
            {
                Steps = steps, BatchSize = 16, LearningRate = lr, Seed = seed, EvalEverySteps = Math.Max(1, steps / 4),
                LogEverySteps = Math.Max(1, steps / 20), CheckpointEverySteps = Math.Max(1, steps), CheckpointEverySeconds = 0,
                MaxEvalExamples = 300, ShuffleBuffer = 2_000,
            };
            Trainer.Run(run, new RunConfig(model, train, Path.GetFullPath(shardFolder), classes));
            runs.Add(run);
        }
        return runs;
    }
}
