#:project ../lib/QuickDraw/QuickDraw.csproj
// Train the tutorial's classifier on a folder of shards into experiments/runs/<name>/.
// Usage: dotnet run scripts/train.cs -- --help
using QuickDraw.Common;
using QuickDraw.Model;
using QuickDraw.Shards;
using QuickDraw.Training;

var m = new ModelConfig();
var t = new TrainConfig();
var cli = new CommandLine("dotnet run scripts/train.cs -- [options]",
        "Trains the conv → bidirectional LSTM → sum → dense classifier (defaults: the tutorial's) on TFRecord shards,\n" +
        "into a self-describing run folder (config.json, metrics.csv, summary.json, model.bin, checkpoint.bin).\n" +
        "Ctrl-C writes a checkpoint and exits; --resume continues exactly where it stopped.")
    .Option("data", "folder of training/eval shards and training.tfrecord.classes", "data/shards/synthetic", "DIR")
    .Option("run", "run name (under experiments/runs/) or a folder path", null, "NAME")
    .Flag("resume", "continue the run in --run from its checkpoint (its own config.json is used)")
    .Option("num-conv", "filters of each conv layer", string.Join(',', m.NumConv), "A,B,..")
    .Option("conv-len", "kernel length of each conv layer", string.Join(',', m.ConvLen), "A,B,..")
    .Option("num-layers", "bidirectional LSTM layers", m.NumLayers.ToString(), "N")
    .Option("num-nodes", "LSTM units per direction", m.NumNodes.ToString(), "N")
    .Option("dropout", "dropout rate", m.Dropout.ToString(System.Globalization.CultureInfo.InvariantCulture), "P")
    .Flag("batch-norm", "batch normalisation before each conv")
    .Flag("mean-over-time", "pool the LSTM outputs by their mean over each drawing's steps, not the tutorial's sum")
    .Option("steps", "optimizer steps", t.Steps.ToString(), "N")
    .Option("max-minutes", "stop after this many minutes of training (0 = no limit)", "0", "M")
    .Option("batch-size", "drawings per step", t.BatchSize.ToString(), "N")
    .Option("lr", "Adam learning rate", t.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "X")
    .Option("warmup-steps", "linear learning-rate warm-up from 0 over the first N steps (0 = none)", t.WarmupSteps.ToString(), "N")
    .Option("decay", "learning-rate decay over the rest of --steps: " + string.Join(", ", LearningRateSchedule.Decays), t.Decay, "KIND")
    .Option("final-lr-fraction", "where a decay ends, as a fraction of --lr", t.FinalLearningRateFraction.ToString(System.Globalization.CultureInfo.InvariantCulture), "F")
    .Option("lr-reference-batch", "scale --lr linearly by batch-size / this (0 = no scaling)", "0", "N")
    .Option("clip", "gradient clipping global norm (0 = off)", t.GradientClippingNorm.ToString(System.Globalization.CultureInfo.InvariantCulture), "X")
    .Option("seed", "seed for weights, data order and dropout", t.Seed.ToString(), "N")
    .Option("eval-every", "evaluate on the full eval set every N steps", t.EvalEverySteps.ToString(), "N")
    .Option("max-eval", "evaluate on at most N drawings (0 = all)", "0", "N")
    .Option("checkpoint-every", "checkpoint every N steps", t.CheckpointEverySteps.ToString(), "N")
    .Option("checkpoint-seconds", "...and at least every S seconds", t.CheckpointEverySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "S")
    .Option("log-every", "log training loss every N steps", t.LogEverySteps.ToString(), "N")
    .Option("shuffle-buffer", "records in the shuffle buffer", t.ShuffleBuffer.ToString(), "N")
    .Flag("bucket", "batch drawings of similar length together (less padding)")
    .Option("bucket-after", "with --bucket: plain batches for the first N steps, then bucketed", t.BucketAfterSteps.ToString(), "N")
    .Option("device", "auto, cpu, cuda or cuda:N", t.Device, "D")
    .Option("threads", "torch CPU threads (0 = one per core)", "0", "N")
    .Example("dotnet run scripts/train.cs -- --data data/shards/synthetic --run quick --steps 2000 --batch-size 64 --lr 1e-3")
    .Example("dotnet run scripts/train.cs -- --run quick --resume");

return cli.Run(args, (a, cancel) =>
{
    var name = a.Get("run") ?? $"{DateTime.Now:yyyyMMdd-HHmmss}";
    var run = new RunFolder(name.Contains('/') ? name : Path.Combine(RepoPaths.Runs, name));
    var data = Path.GetFullPath(a.Require("data"));
    var model = new ModelConfig
    {
        NumConv = a.Ints("num-conv"), ConvLen = a.Ints("conv-len"), NumLayers = a.Int("num-layers"),
        NumNodes = a.Int("num-nodes"), Dropout = a.Double("dropout"), BatchNorm = a.Has("batch-norm"), MeanOverTime = a.Has("mean-over-time"),
    };
    var train = new TrainConfig
    {
        Steps = a.Long("steps"), MaxSeconds = a.Double("max-minutes") * 60, BatchSize = a.Int("batch-size"),
        LearningRate = a.Double("lr"), LearningRateReferenceBatch = a.Int("lr-reference-batch"),
        WarmupSteps = a.Long("warmup-steps"), Decay = a.Get("decay")!, FinalLearningRateFraction = a.Double("final-lr-fraction"), GradientClippingNorm = a.Double("clip"), Seed = a.Int("seed"),
        EvalEverySteps = a.Long("eval-every"), MaxEvalExamples = a.Int("max-eval"), CheckpointEverySteps = a.Long("checkpoint-every"),
        CheckpointEverySeconds = a.Double("checkpoint-seconds"), LogEverySteps = a.Long("log-every"),
        ShuffleBuffer = a.Int("shuffle-buffer"), BucketByLength = a.Has("bucket"), BucketAfterSteps = a.Long("bucket-after"), Device = a.Get("device")!, Threads = a.Int("threads"),
    };
    try
    {
        if (a.Has("resume") && !run.HasCheckpoint) throw new InvalidOperationException($"no checkpoint in {run.Path} to resume: start it without --resume");
        model.Validate();
        train.Validate();
        var config = new RunConfig(model, train, data, a.Has("resume") ? [] : ShardLayout.ReadClasses(data));
        var summary = ConsoleTraining.Run(run, config, a.Has("resume"), cancel);
        ConsoleTraining.PrintSummary(summary, run);
        return summary.Completed ? 0 : 130;
    }
    catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidOperationException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
});
