using QuickDraw.Configuration;
using QuickDraw.Shards;
using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>
/// Two tiny runs of the preset <see cref="Presets.Demo"/> that differ only in learning rate, trained on a folder of
/// shards: something to compare where no real runs exist yet (a fresh clone, CI). A few seconds each on a CPU at
/// ~50 steps.
/// </summary>
public static class DemoRuns
{
    /// <summary>The learning rates compared, one run each (named demo-lr-0.001, ...).</summary>
    public static IReadOnlyList<double> LearningRates { get; } = [1e-3, 1e-2];

    /// <summary>Trains the runs into <c>&lt;runsFolder&gt;/demo-lr-…</c> and returns their folders. The preset's
    /// evaluation, log and checkpoint intervals scale with <paramref name="steps"/> (a quarter, a twentieth, the end).</summary>
    public static IReadOnlyList<RunFolder> Train(string runsFolder, string shardFolder, int steps, int seed = 0)
    {
        var classes = ShardLayout.ReadClasses(shardFolder);
        var (model, preset) = Presets.Demo.Settings;
        var runs = new List<RunFolder>();
        foreach (var lr in LearningRates)
        {
            var run = new RunFolder(Path.Combine(runsFolder, "demo-lr-" + lr.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var train = preset with
            {
                Steps = steps, LearningRate = lr, Seed = seed, EvalEverySteps = Math.Max(1, steps / 4),
                LogEverySteps = Math.Max(1, steps / 20), CheckpointEverySteps = Math.Max(1, steps),
            };
            Trainer.Run(run, new RunConfig(model, train, Path.GetFullPath(shardFolder), classes) { Preset = Presets.Demo.Name });
            runs.Add(run);
        }
        return runs;
    }
}
