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

    /// <summary>The largest batch accepted (training and evaluation): 16,384 drawings of up to the 10,000-point cap
    /// are ~2 GB of padded ink already; a GPU batch of 4,096 is large.</summary>
    public const int MaxBatchSize = 16_384;

    /// <summary>The largest shuffle buffer accepted: ~1 KB per record, so 10 million is ~10 GB of memory.</summary>
    public const int MaxShuffleBuffer = 10_000_000;

    /// <summary>Throws an <see cref="ArgumentException"/> saying which setting (and script option) is out of range;
    /// every real-valued setting must be a finite number (NaN and infinity are errors, not silent NaN training).</summary>
    public void Validate()
    {
        Real(LearningRate, "LearningRate (--lr)", 0, 1, minOpen: true);
        if (LearningRateReferenceBatch < 0) throw new ArgumentException("LearningRateReferenceBatch must be ≥ 0 (0 = no scaling)");
        if (WarmupSteps < 0) throw new ArgumentException($"WarmupSteps must be ≥ 0 (0 = no warm-up), not {WarmupSteps}");
        if (!LearningRateSchedule.Decays.Contains(Decay)) throw new ArgumentException($"Decay must be one of {string.Join(", ", LearningRateSchedule.Decays)}, not '{Decay}'");
        if (!(FinalLearningRateFraction >= 0 && FinalLearningRateFraction <= 1)) throw new ArgumentException($"FinalLearningRateFraction must be between 0 and 1, not {FinalLearningRateFraction}");
        if (BucketAfterSteps < 0) throw new ArgumentException($"BucketAfterSteps must be ≥ 0, not {BucketAfterSteps}");
        if (BatchSize is < 1 or > MaxBatchSize) throw new ArgumentException($"BatchSize (--batch-size) must be 1 to {MaxBatchSize:N0}, not {BatchSize:N0}");
        if (EvalBatchSize is < 1 or > MaxBatchSize) throw new ArgumentException($"EvalBatchSize must be 1 to {MaxBatchSize:N0}, not {EvalBatchSize:N0}");
        if (Steps < 0) throw new ArgumentException("Steps must be ≥ 0");
        Real(MaxSeconds, "MaxSeconds (--max-minutes × 60)", 0, double.MaxValue);
        Real(GradientClippingNorm, "GradientClippingNorm (--clip)", 0, double.MaxValue);
        Real(CheckpointEverySeconds, "CheckpointEverySeconds (--checkpoint-seconds)", 0, double.MaxValue);
        if (EvalEverySteps < 1 || CheckpointEverySteps < 1 || LogEverySteps < 1) throw new ArgumentException("EvalEverySteps, CheckpointEverySteps and LogEverySteps must be ≥ 1");
        if (MaxEvalExamples < 0) throw new ArgumentException("MaxEvalExamples (--max-eval) must be ≥ 0 (0 = all)");
        if (ShuffleBuffer is < 1 or > MaxShuffleBuffer) throw new ArgumentException($"ShuffleBuffer (--shuffle-buffer) must be 1 to {MaxShuffleBuffer:N0}, not {ShuffleBuffer:N0}");
        if (Threads < 0) throw new ArgumentException("Threads (--threads) must be ≥ 0 (0 = one per core)");
    }

    // A finite number in [min, max] (or (min, max] when minOpen).
    static void Real(double v, string name, double min, double max, bool minOpen = false)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (!double.IsFinite(v) || v < min || (minOpen && v == min) || v > max)
            throw new ArgumentException($"{name} must be a finite number {(minOpen ? ">" : "≥")} {min.ToString(inv)}{(max < double.MaxValue ? $" and ≤ {max.ToString(inv)}" : "")}, not {v.ToString(inv)}");
    }
}
