using QuickDraw.Experiments;

namespace QuickDraw.Tests.Experiments;

/// <summary>A 2 × 2 sweep of tiny models (10 steps on 4 generated classes), run once for the tests that read it.</summary>
public sealed class SmallSweep : IDisposable
{
    readonly TempDir dir = new();

    public static string Spec(string extraBase = "") => $$"""
        {
          "data": { "synthetic": { "classes": ["circle", "line", "square", "zigzag"], "per_class": 40, "eval_per_class": 10, "style": "easy", "seed": 3 } },
          "budget": { "steps": 10 },
          "base": { "conv_len": [3], "num_layers": 1, "learning_rate": 0.003, "batch_size": 8, "dropout": 0,
                    "eval_every_steps": 5, "log_every_steps": 5, "checkpoint_every_steps": 1000, "shuffle_buffer": 64, "threads": 1, "seed": 1 {{extraBase}} },
          "grid": { "num_conv": [[4], [8]], "num_nodes": [4, 8] }
        }
        """;

    public SweepPaths Paths { get; }
    public SweepSpec Sweep { get; }
    public SweepRunner Runner { get; }
    public IReadOnlyList<SweepRunResult> FirstRun { get; }
    public string Folder => Runner.SweepFolder(Sweep);

    public SmallSweep()
    {
        Paths = new SweepPaths(dir.Path, dir.File("experiments"), dir.File("data"), null);
        Sweep = SweepSpec.Parse(Spec(), "small.json", "small");
        Runner = new SweepRunner(Paths);
        FirstRun = Runner.Run(Sweep);
    }

    /// <summary>A fresh folder for tests that need their own sweep (sharing the generated data).</summary>
    public SweepPaths Elsewhere(string name) => Paths with { Experiments = dir.File(name) };

    public void Dispose() => dir.Dispose();
}

// Serial: torch's RNG and thread count are process-wide, and these tests compare runs for exact equality.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SmallSweepCollection : ICollectionFixture<SmallSweep>
{
    public const string Name = "small sweep";
}
