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

    /// <summary>Trains the runs into <c>&lt;runsFolder&gt;/demo-lr-…</c> and returns their folders: the preset
    /// <see cref="Presets.Demo"/> with <paramref name="overrides"/> (as on train.cs's command line, e.g. <c>--steps 40</c>;
    /// its evaluation, log and checkpoint intervals follow the steps), at each of <see cref="LearningRates"/>.</summary>
    public static IReadOnlyList<RunFolder> Train(string runsFolder, string shardFolder, string overrides = "")
    {
        var classes = ShardLayout.ReadClasses(shardFolder);
        var (model, train) = SettingOptions.Apply(Presets.Demo, overrides);
        var runs = new List<RunFolder>();
        foreach (var lr in LearningRates)
        {
            var run = new RunFolder(Path.Combine(runsFolder, "demo-lr-" + lr.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Trainer.Run(run, new RunConfig(model, train with { LearningRate = lr }, Path.GetFullPath(shardFolder), classes) { Preset = Presets.Demo.Name });
            runs.Add(run);
        }
        return runs;
    }
}
