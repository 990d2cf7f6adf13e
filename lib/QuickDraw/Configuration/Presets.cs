using QuickDraw.Common;
using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Configuration;

/// <summary>
/// The named presets, the one place they are written. Each starts from the tutorial's defaults (the records' own)
/// and says what it changes.
/// </summary>
public static class Presets
{
    /// <summary>The tutorial's train_model.py: 3×128 BiLSTM, batch 8, Adam at a constant 1e-4, 100,000 steps.</summary>
    public static Preset Tutorial { get; } = new("tutorial",
        "the tutorial's train_model.py defaults: conv 48-64-96 (k 5-5-3), 3×128 BiLSTM, batch 8, Adam 1e-4 constant, 100,000 steps",
        RunSettings.Defaults);

    /// <summary>The main job (scripts/main.sh): a 1×64 BiLSTM (4× the tutorial model's speed on a CPU, within 3 points
    /// per step), batch 64, a 100-step warm-up to 4e-3 and a cosine decay over a 1,200-step budget
    /// (experiments/real15-recipe).</summary>
    public static Preset Main { get; } = new("main",
        "the main job's: the tutorial's conv layers with a 1×64 BiLSTM, batch 64, warm-up 100 steps to lr 4e-3 then cosine, 1,200 steps",
        new(new ModelConfig { NumLayers = 1, NumNodes = 64 },
            new TrainConfig
            {
                Steps = 1200, BatchSize = 64, LearningRate = 0.004, WarmupSteps = 100, Decay = "cosine",
                EvalEverySteps = 200, LogEverySteps = 25, CheckpointEverySteps = 500, ShuffleBuffer = 20_000, BucketAfterSteps = 300,
            }))
    {
        Rules = [new(nameof(TrainConfig.WarmupSteps), "steps / 12", s => s.Train.Steps / 12)],
    };

    /// <summary>Notebook 05's: the tutorial's model for a few hundred steps at batch 32, a minute or two on a CPU.</summary>
    public static Preset Notebook { get; } = new("notebook",
        "notebook 05's: the tutorial's model, 300 steps at batch 32 and lr 2e-3 (a minute or two on a CPU)",
        new(new ModelConfig(),
            new TrainConfig
            {
                Steps = 300, BatchSize = 32, LearningRate = 2e-3, EvalEverySteps = 100, LogEverySteps = 5,
                CheckpointEverySteps = 300, ShuffleBuffer = 20_000,
            }))
    {
        Rules =
        [
            new(nameof(TrainConfig.LogEverySteps), "steps / 60, at least 1", s => Math.Max(1, s.Train.Steps / 60)),
            new(nameof(TrainConfig.CheckpointEverySteps), "steps (at the end)", s => Math.Max(1, s.Train.Steps)),
        ],
    };

    /// <summary>Tiny and fast: the machinery end to end in seconds (tests, smoke sweeps).</summary>
    public static Preset Smoke { get; } = new("smoke",
        "seconds end to end: one conv of 8 filters, a 1×8 BiLSTM, 30 steps at batch 16, 1 thread",
        new(new ModelConfig { NumConv = [8], ConvLen = [3], NumLayers = 1, NumNodes = 8, Dropout = 0.1 },
            new TrainConfig
            {
                Steps = 30, BatchSize = 16, LearningRate = 0.003, EvalEverySteps = 10, LogEverySteps = 5,
                CheckpointEverySteps = 1000, ShuffleBuffer = 256, Threads = 1,
            }));

    /// <summary>Notebook 06's demo runs (QuickDraw.Experiments.DemoRuns), for 60 steps: a small model, batch 16, 300 eval drawings.</summary>
    public static Preset Demo { get; } = new("demo",
        "notebook 06's demo runs: conv 16-32 (k 5-3), a 1×32 BiLSTM, batch 16, 60 steps, 300 eval drawings",
        new(new ModelConfig { NumConv = [16, 32], ConvLen = [5, 3], NumLayers = 1, NumNodes = 32 },
            new TrainConfig
            {
                Steps = 60, BatchSize = 16, LearningRate = 1e-3, EvalEverySteps = 15, LogEverySteps = 3,
                CheckpointEverySteps = 60, CheckpointEverySeconds = 0, MaxEvalExamples = 300, ShuffleBuffer = 2_000,
            }))
    {
        Rules =
        [
            new(nameof(TrainConfig.EvalEverySteps), "steps / 4, at least 1", s => Math.Max(1, s.Train.Steps / 4)),
            new(nameof(TrainConfig.LogEverySteps), "steps / 20, at least 1", s => Math.Max(1, s.Train.Steps / 20)),
            new(nameof(TrainConfig.CheckpointEverySteps), "steps (at the end)", s => Math.Max(1, s.Train.Steps)),
        ],
    };

    /// <summary>Every preset, the tutorial's first.</summary>
    public static IReadOnlyList<Preset> All { get; } = [Tutorial, Main, Notebook, Smoke, Demo];

    /// <summary>The preset named <paramref name="name"/>, or null.</summary>
    public static Preset? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>Their names, for messages: "tutorial, main, notebook, smoke, demo".</summary>
    public static string Names => string.Join(", ", All.Select(p => p.Name));

    /// <summary>The preset named <paramref name="name"/>; an unknown name is an <see cref="ActionableException"/> that lists them.</summary>
    public static Preset Get(string name) => Find(name)
        ?? throw new ActionableException($"no preset '{name}'", "preset", $"use one of {Names} (docs/settings.md)", exitCode: 2);
}
