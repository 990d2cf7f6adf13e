using QuickDraw.Experiments;
using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Tests.Experiments;

public class SweepSettingsTests
{
    [Fact]
    public void EveryTrainingSettingHasASweepKey()
    {
        // A TrainConfig property without a key could not be set from a spec: the two would drift apart. The budget
        // (Steps, MaxSeconds) comes from the spec's "budget"; EffectiveLearningRate is computed.
        var defaults = new TrainConfig();
        var set = new HashSet<string>();
        foreach (var setting in SweepSetting.All)
        {
            var (_, t) = setting.Apply(new ModelConfig(), defaults, Sample(setting.Kind));
            foreach (var p in typeof(TrainConfig).GetProperties().Where(p => p.CanWrite))
                if (!Equals(p.GetValue(t), p.GetValue(defaults))) set.Add(p.Name);
        }
        var all = typeof(TrainConfig).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Except(["Steps", "MaxSeconds"]);
        Assert.Empty(all.Except(set));
    }

    [Fact]
    public void TheScheduleKeysReachTheTrainConfig()
    {
        var spec = SweepSpec.Parse("""
            { "data": "data/shards/x", "budget": { "steps": 1000 },
              "base": { "warmup_steps": 50, "final_lr_fraction": 0.1 }, "grid": { "decay": ["constant", "cosine"] } }
            """, "x.json", "x");
        var runs = Sweep.Expand(spec);
        Assert.Equal(["constant", "cosine"], runs.Select(r => r.Train.Decay));
        Assert.All(runs, r => Assert.Equal(50, r.Train.WarmupSteps));
        Assert.All(runs, r => Assert.Equal(0.1, r.Train.FinalLearningRateFraction));
        Assert.EndsWith("_decay-cosine", runs[1].Name);
    }

    static object Sample(SettingKind kind) => kind switch
    {
        SettingKind.Int => 7,
        SettingKind.Long => 7L,
        SettingKind.Double => 0.5,
        SettingKind.Bool => true,
        SettingKind.Text => "not-a-default",
        SettingKind.IntList => new[] { 3 },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
