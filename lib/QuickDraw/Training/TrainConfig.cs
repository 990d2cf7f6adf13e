using QuickDraw.Common;

namespace QuickDraw.Training;

/// <summary>
/// How to train. Defaults are the tutorial's (train_model.py) where it has one; the comment says where not.
/// Saved in every run's config.json. Each [Setting] property is a row of the settings table
/// (QuickDraw.Configuration.Settings): its option, sweep key and config.json name derive from its name.
/// </summary>
public sealed record TrainConfig
{
    /// <summary>Adam learning rate (tutorial: 1e-4). With batch 64+, 1e-3 trains far faster.</summary>
    [Setting("Adam's (peak) learning rate", ValueName = "X", Min = 0, MinExclusive = true, Max = 1, Sweepable = true, RunNamePrefix = "lr", Alias = "lr")]
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Linear learning-rate scaling for large batches (e.g. on a GPU): when &gt; 0, Adam uses
    /// LearningRate × BatchSize / LearningRateReferenceBatch, so a rate tuned at batch 64 carries to 512.
    /// 0 (the default) uses LearningRate as given.</summary>
    [Setting("scale the learning rate linearly by batch size / this (0 = no scaling)", Min = 0, Max = 16_384, Formerly = "lr-reference-batch")]
    public int LearningRateReferenceBatch { get; init; } = 0;

    /// <summary>The learning rate Adam actually uses (see <see cref="LearningRateReferenceBatch"/>).</summary>
    public double EffectiveLearningRate => LearningRateReferenceBatch > 0 ? LearningRate * BatchSize / LearningRateReferenceBatch : LearningRate;

    /// <summary>Steps of linear learning-rate warm-up from 0 to the peak rate (0 = none, the tutorial's). See
    /// <see cref="LearningRateSchedule"/>; a few percent of <see cref="Steps"/> is typical.</summary>
    [Setting("linear learning-rate warm-up from 0 over the first N steps (0 = none)", Min = 0, Sweepable = true, RunNamePrefix = "warm")]
    public long WarmupSteps { get; init; } = 0;

    /// <summary>How the rate falls after the warm-up, over the rest of <see cref="Steps"/>: "constant" (the tutorial's),
    /// "cosine" or "linear" (with a warm-up: a one-cycle schedule). The budget in steps sets the curve, so a
    /// <see cref="MaxSeconds"/> cap that stops a run early stops it before the rate has fallen.</summary>
    [Setting("learning-rate decay over the rest of the steps", ValueName = "KIND", Choices = ["constant", "cosine", "linear"], Sweepable = true, RunNamePrefix = "decay-")]
    public string Decay { get; init; } = "constant";

    /// <summary>The rate a decay ends at, as a fraction of the peak (0–1; default 0.05). Unused when constant.</summary>
    [Setting("where a decay ends, as a fraction of the peak learning rate", ValueName = "F", Min = 0, Max = 1, Sweepable = true, RunNamePrefix = "final", Formerly = "final-lr-fraction")]
    public double FinalLearningRateFraction { get; init; } = 0.05;

    /// <summary>Drawings per step (tutorial: 8).</summary>
    [Setting("drawings per step", Min = 1, Max = MaxBatchSize, Sweepable = true, RunNamePrefix = "b")]
    public int BatchSize { get; init; } = 8;

    /// <summary>Optimizer steps (tutorial: 100,000).</summary>
    [Setting("optimizer steps: the budget", Min = 0, Budget = true)]
    public long Steps { get; init; } = 100_000;

    /// <summary>Stop after this many seconds of training even if Steps is not reached (0 = no limit).</summary>
    [Setting("stop after this many seconds of training even if the steps are not done (0 = no limit; the result then depends on the machine)", ValueName = "S", Min = 0, Budget = true, Formerly = "max-minutes,minutes")]
    public double MaxSeconds { get; init; } = 0;

    /// <summary>Gradients are clipped to this global L2 norm (tutorial: 9.0; 0 disables).</summary>
    [Setting("clip gradients to this global L2 norm (0 = off)", ValueName = "X", Min = 0, Alias = "clip")]
    public double GradientClippingNorm { get; init; } = 9.0;

    /// <summary>Seeds weights, data order and dropout: the same seed on the same device gives the same run.</summary>
    [Setting("seeds weights, data order and dropout", Sweepable = true, RunNamePrefix = "seed")]
    public int Seed { get; init; } = 0;

    /// <summary>Evaluate on the FULL eval set every this many steps (and at the end). The tutorial scored ~100 batches.</summary>
    [Setting("evaluate on the full eval set every N steps (and at the end)", Min = 1, Formerly = "eval-every")]
    public long EvalEverySteps { get; init; } = 1000;

    /// <summary>Evaluate on at most this many eval drawings (0 = all of them, the default).</summary>
    [Setting("evaluate on at most N eval drawings (0 = all)", Min = 0, Formerly = "max-eval")]
    public int MaxEvalExamples { get; init; } = 0;

    /// <summary>Batch size for evaluation (no gradients: larger is faster).</summary>
    [Setting("drawings per evaluation batch", Min = 1, Max = MaxBatchSize)]
    public int EvalBatchSize { get; init; } = 256;

    /// <summary>Write a checkpoint every this many steps (and at the end, and on Ctrl-C).</summary>
    [Setting("write a checkpoint every N steps (and at the end, and on Ctrl-C)", Min = 1, Formerly = "checkpoint-every")]
    public long CheckpointEverySteps { get; init; } = 1000;

    /// <summary>...and at least this often, in seconds (0 = only by steps).</summary>
    [Setting("...and at least every S seconds (0 = only by steps)", ValueName = "S", Min = 0, Formerly = "checkpoint-seconds")]
    public double CheckpointEverySeconds { get; init; } = 600;

    /// <summary>Log loss/accuracy/examples-per-second every this many steps.</summary>
    [Setting("log training loss, accuracy and speed every N steps", Min = 1, Formerly = "log-every")]
    public long LogEverySteps { get; init; } = 100;

    /// <summary>Records held in the shuffle buffer (more = better mixing; ~1 KB each).</summary>
    [Setting("records in the shuffle buffer (~1 KB each)", Min = 1, Max = MaxShuffleBuffer)]
    public int ShuffleBuffer { get; init; } = 100_000;

    /// <summary>Batch drawings of similar length together (less padding). The tutorial does not.</summary>
    [Setting("batch drawings of similar length together (less padding; the tutorial does not)", Formerly = "bucket")]
    public bool BucketByLength { get; init; } = false;

    /// <summary>With <see cref="BucketByLength"/>: train the first this many steps on plain (random-length) batches, then
    /// bucket. Bucketing from the first step delays the take-off by 100–300 steps (benchmarks/training/RESULTS.md §2).</summary>
    [Setting("with --bucket-by-length: plain batches for the first N steps, then bucketed", Min = 0, Formerly = "bucket-after")]
    public long BucketAfterSteps { get; init; } = 0;

    /// <summary>"auto" (CUDA when available, else CPU), "cpu", "cuda" or "cuda:N".</summary>
    [Setting("auto (CUDA when available), cpu, cuda or cuda:N", ValueName = "D")]
    public string Device { get; init; } = "auto";

    /// <summary>CPU threads for torch (0 = torch's default: one per core).</summary>
    [Setting("torch CPU threads (0 = one per core)", Min = 0, Max = 1024)]
    public int Threads { get; init; } = 0;

    /// <summary>Each batch is cut into this many parts (drawings dealt by length, so the parts are alike). Each part's
    /// forward and backward pass runs on 1 torch thread, the parts at once on threads of their own when there are
    /// threads for them, and their gradients are summed in part order: the whole batch's gradient (to float rounding),
    /// and the same bits however many threads run them, so a run ends with the same weights on 1 thread as on 2 or
    /// more. Why: at batch 64 the LSTM's matrix products keep one core busy but not two, so on 2 cores 2 parts train
    /// the tutorial model 1.1–1.35× faster than 2 threads sharing every product (a wash, 0.96–1.03×, for the main
    /// job's 1×64; benchmarks/training/RESULTS.md §3). More cores: raise it (4 parts for 4 cores). 1 = whole batches,
    /// as runs made before this setting trained (their config.json has no such entry and reads as 1). A part has at
    /// least <see cref="MinDrawingsPerPart"/> drawings (at batch 8 two parts of 4 ran 0.58–1.00× whole batches), so
    /// batch 8 is never cut and batch 16–31 is one part too. Only on the CPU with the dense recurrence (the packed
    /// one's dropout draws from torch's shared generator; on a GPU parts could only run one after another); with batch
    /// norm a batch is never cut (its statistics are the whole batch's).</summary>
    [Setting("cut each batch into N parts (of 16 drawings or more) whose passes run at once on separate CPU threads, gradients summed in order (the same weights on 1 thread as on 2 or more; CPU, dense recurrence; 1 = whole batches)", Min = 1, Max = 64)]
    public int MicroBatches { get; init; } = 2;

    /// <summary>The fewest drawings a part of a batch has (<see cref="MicroBatches"/>).</summary>
    public const int MinDrawingsPerPart = 16;

    /// <summary>The parts a batch of <paramref name="size"/> drawings is cut into (<see cref="MicroBatches"/>).</summary>
    public int PartsOf(int size, bool batchNorm) => batchNorm ? 1 : Math.Clamp(size / MinDrawingsPerPart, 1, MicroBatches);

    /// <summary>The largest batch accepted (training and evaluation): 16,384 drawings of up to the 10,000-point cap
    /// are ~2 GB of padded ink already; a GPU batch of 4,096 is large.</summary>
    public const int MaxBatchSize = 16_384;

    /// <summary>The largest shuffle buffer accepted: ~1 KB per record, so 10 million is ~10 GB of memory.</summary>
    public const int MaxShuffleBuffer = 10_000_000;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting (as an option and a sweep key), its range
    /// and the value: every real-valued setting must be a finite number (NaN and infinity are errors, not silent NaN
    /// training). The ranges are the [Setting] attributes' (<see cref="SettingRules"/>).</summary>
    public void Validate()
    {
        SettingRules.Check(this);
        if (!DeviceChoice.IsName(Device)) throw new ArgumentException($"{SettingNames.Option(nameof(Device))} ({SettingNames.Key(nameof(Device))}) must be auto, cpu, cuda or cuda:N, not '{Device}'");
    }
}
