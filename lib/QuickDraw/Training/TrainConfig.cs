namespace QuickDraw.Training;

/// <summary>
/// How to train. Defaults are the tutorial's (train_model.py) where it has one; the comment says where not.
/// Saved in every run's config.json.
/// </summary>
public sealed record TrainConfig
{
    /// <summary>Adam learning rate (tutorial: 1e-4). With batch 64+, 1e-3 trains far faster.</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Linear learning-rate scaling for large batches (e.g. on a GPU): when &gt; 0, Adam uses
    /// LearningRate × BatchSize / LearningRateReferenceBatch, so a rate tuned at batch 64 carries to 512.
    /// 0 (the default) uses LearningRate as given.</summary>
    public int LearningRateReferenceBatch { get; init; } = 0;

    /// <summary>The learning rate Adam actually uses (see <see cref="LearningRateReferenceBatch"/>).</summary>
    public double EffectiveLearningRate => LearningRateReferenceBatch > 0 ? LearningRate * BatchSize / LearningRateReferenceBatch : LearningRate;

    /// <summary>Steps of linear learning-rate warm-up from 0 to the peak rate (0 = none, the tutorial's). See
    /// <see cref="LearningRateSchedule"/>; a few percent of <see cref="Steps"/> is typical.</summary>
    public long WarmupSteps { get; init; } = 0;

    /// <summary>How the rate falls after the warm-up, over the rest of <see cref="Steps"/>: "constant" (the tutorial's),
    /// "cosine" or "linear" (with a warm-up: a one-cycle schedule). The budget in steps sets the curve, so a
    /// <see cref="MaxSeconds"/> cap that stops a run early stops it before the rate has fallen.</summary>
    public string Decay { get; init; } = "constant";

    /// <summary>The rate a decay ends at, as a fraction of the peak (0–1; default 0.05). Unused when constant.</summary>
    public double FinalLearningRateFraction { get; init; } = 0.05;

    /// <summary>Drawings per step (tutorial: 8).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Optimizer steps (tutorial: 100,000).</summary>
    public long Steps { get; init; } = 100_000;

    /// <summary>Stop after this many seconds of training even if Steps is not reached (0 = no limit).</summary>
    public double MaxSeconds { get; init; } = 0;

    /// <summary>Gradients are clipped to this global L2 norm (tutorial: 9.0; 0 disables).</summary>
    public double GradientClippingNorm { get; init; } = 9.0;

    /// <summary>Seeds weights, data order and dropout: the same seed on the same device gives the same run.</summary>
    public int Seed { get; init; } = 0;

    /// <summary>Evaluate on the FULL eval set every this many steps (and at the end). The tutorial scored ~100 batches.</summary>
    public long EvalEverySteps { get; init; } = 1000;

    /// <summary>Evaluate on at most this many eval drawings (0 = all of them, the default).</summary>
    public int MaxEvalExamples { get; init; } = 0;

    /// <summary>Batch size for evaluation (no gradients: larger is faster).</summary>
    public int EvalBatchSize { get; init; } = 256;

    /// <summary>Write a checkpoint every this many steps (and at the end, and on Ctrl-C).</summary>
    public long CheckpointEverySteps { get; init; } = 1000;

    /// <summary>...and at least this often, in seconds (0 = only by steps).</summary>
    public double CheckpointEverySeconds { get; init; } = 600;

    /// <summary>Log loss/accuracy/examples-per-second every this many steps.</summary>
    public long LogEverySteps { get; init; } = 100;

    /// <summary>Records held in the shuffle buffer (more = better mixing; ~1 KB each).</summary>
    public int ShuffleBuffer { get; init; } = 100_000;

    /// <summary>Batch drawings of similar length together (less padding). The tutorial does not.</summary>
    public bool BucketByLength { get; init; } = false;

    /// <summary>With <see cref="BucketByLength"/>: train the first this many steps on plain (random-length) batches, then
    /// bucket. Bucketing from the first step delays the take-off by 100–300 steps (benchmarks/training/RESULTS.md §2).</summary>
    public long BucketAfterSteps { get; init; } = 0;

    /// <summary>"auto" (CUDA when available, else CPU), "cpu", "cuda" or "cuda:N".</summary>
    public string Device { get; init; } = "auto";

    /// <summary>CPU threads for torch (0 = torch's default: one per core).</summary>
    public int Threads { get; init; } = 0;

    public void Validate()
    {
        if (LearningRate <= 0) throw new ArgumentException("LearningRate must be > 0");
        if (LearningRateReferenceBatch < 0) throw new ArgumentException("LearningRateReferenceBatch must be ≥ 0 (0 = no scaling)");
        if (WarmupSteps < 0) throw new ArgumentException($"WarmupSteps must be ≥ 0 (0 = no warm-up), not {WarmupSteps}");
        if (!LearningRateSchedule.Decays.Contains(Decay)) throw new ArgumentException($"Decay must be one of {string.Join(", ", LearningRateSchedule.Decays)}, not '{Decay}'");
        if (!(FinalLearningRateFraction >= 0 && FinalLearningRateFraction <= 1)) throw new ArgumentException($"FinalLearningRateFraction must be between 0 and 1, not {FinalLearningRateFraction}");
        if (BucketAfterSteps < 0) throw new ArgumentException($"BucketAfterSteps must be ≥ 0, not {BucketAfterSteps}");
        if (BatchSize < 1) throw new ArgumentException("BatchSize must be ≥ 1");
        if (Steps < 0) throw new ArgumentException("Steps must be ≥ 0");
        if (EvalEverySteps < 1 || CheckpointEverySteps < 1 || LogEverySteps < 1) throw new ArgumentException("EvalEverySteps, CheckpointEverySteps and LogEverySteps must be ≥ 1");
        if (ShuffleBuffer < 1) throw new ArgumentException("ShuffleBuffer must be ≥ 1");
    }
}
