#:project ../lib/QuickDraw/QuickDraw.csproj
// The main job, end to end: data → ink → shards → training → evaluation → summary.
// Usage: bash scripts/main.sh [options]   (or: dotnet run scripts/main.cs -- --help)
using QuickDraw.Common;
using QuickDraw.Model;
using QuickDraw.Shards;
using QuickDraw.Training;
using Spectre.Console;

var m = new ModelConfig { NumLayers = 1, NumNodes = 64 };      // the main job's model: see the README (why not 3×128)
var cli = new CommandLine("bash scripts/main.sh [options]",
        "Runs the whole journey: picks data (downloaded Quick, Draw! files, else the shared real sample, else generated\n" +
        "doodles), converts it to TFRecord shards, trains a fixed number of steps on CPU (or CUDA), evaluates on the full\n" +
        "eval set, and prints a summary. The budget is in steps, so the result is the same on any machine; only the time\n" +
        "differs (an ETA shows after the first steps). The model is the tutorial's with one 64-unit BiLSTM layer instead\n" +
        "of three of 128 (4× the speed on a CPU, within 3 points per step); the tutorial's own: --num-layers 3 --num-nodes 128.\n" +
        "Everything lands in data/ and experiments/runs/.")
    .Option("data", "auto | synthetic | real | a folder of class files (.ndjson/.bin)", "auto", "WHICH")
    .Option("steps", "training steps: the budget", "1200", "N")
    .Option("minutes", "stop earlier after this many minutes of training (0 = no cap; the result then depends on the machine)", "0", "M")
    .Option("batch-size", "drawings per step", "64", "N")
    .Option("lr", "Adam's peak learning rate (the tutorial's 1e-4 at batch 8 is far slower)", "0.004", "X")
    .Option("warmup-steps", "linear learning-rate warm-up over the first N steps (auto: a twelfth of --steps, 100 of 1,200)", "auto", "N")
    .Option("decay", "learning-rate decay over the rest of --steps: " + string.Join(", ", LearningRateSchedule.Decays), "cosine", "KIND")
    .Option("num-layers", "bidirectional LSTM layers (tutorial: 3)", m.NumLayers.ToString(), "N")
    .Option("num-nodes", "LSTM units per direction (tutorial: 128)", m.NumNodes.ToString(), "N")
    .Option("eval-every", "evaluate on the full eval set every N steps", "200", "N")
    .Option("threads", "torch CPU threads (0 = one per core)", "0", "N")
    .Option("device", "auto, cpu, cuda", "auto", "D")
    .Option("run", "run name under experiments/runs/", "main-<data>-<time>", "NAME")
    .Option("seed", "seed for data, weights and order", "0", "N")
    .Flag("bucket", "after 300 plain steps, batch drawings of similar length together: fewer seconds per step, the same " +
                    "take-off (experiments/real15-recipe)")
    .Example("bash scripts/main.sh")
    .Example("bash scripts/main.sh --data synthetic --steps 600")
    .Example("bash scripts/main.sh --num-layers 3 --num-nodes 128      # the tutorial's model");

return cli.Run(args, (a, cancel) =>
{
    var model = m with { NumLayers = a.Int("num-layers"), NumNodes = a.Int("num-nodes") };
    var config = new TrainConfig
    {
        Steps = a.Long("steps"), MaxSeconds = a.Double("minutes") * 60, BatchSize = a.Int("batch-size"), LearningRate = a.Double("lr"),
        WarmupSteps = a.Get("warmup-steps") == "auto" ? a.Long("steps") / 12 : a.Long("warmup-steps"), Decay = a.Get("decay")!,
        EvalEverySteps = a.Long("eval-every"), LogEverySteps = 25, CheckpointEverySteps = 500, ShuffleBuffer = 20_000,
        Device = a.Get("device")!, Seed = a.Int("seed"), BucketByLength = a.Has("bucket"), BucketAfterSteps = a.Has("bucket") ? 300 : 0, Threads = a.Int("threads"),
    };
    try { model.Validate(); config.Validate(); } // before any data is made: --lr NaN, --batch-size 100000000
    catch (ArgumentException e) { throw new CommandLineException(e.Message); }
    var paths = QuickDraw.Experiments.SweepPaths.Repo;
    var (label, data) = QuickDraw.Experiments.SweepData.ForMainJob(a.Get("data")!, a.Int("seed"), paths);
    AnsiConsole.Write(new Rule($"[bold]1. ink → shards[/] ({Markup.Escape(label)})").LeftJustified());
    AnsiConsole.MarkupLineInterpolated($"[bold]data[/]: {data.Describe()}");
    string shards;
    try { shards = data.Prepare(paths, line => AnsiConsole.MarkupLineInterpolated($"  {line}")); }
    catch (QuickDraw.Experiments.SweepSpecException e) { throw new CommandLineException(e.Message); }
    AnsiConsole.MarkupLineInterpolated($"  shards: {shards}");

    AnsiConsole.Write(new Rule("[bold]2. train[/]").LeftJustified());
    var name = a.Get("run") is { } n && !n.StartsWith("main-<") ? n : $"main-{label}-{DateTime.Now:yyyyMMdd-HHmmss}";
    var run = new RunFolder(Path.Combine(RepoPaths.Runs, name));
    var classes = ShardLayout.ReadClasses(shards);
    var summary = ConsoleTraining.Run(run, new RunConfig(model, config, shards, classes.ToArray()), cancel: cancel);

    AnsiConsole.Write(new Rule("[bold]3. evaluate[/]").LeftJustified());
    var (net, runConfig) = Trainer.Load(run, DeviceChoice.Resolve(config.Device));
    var device = DeviceChoice.Resolve(config.Device);
    var report = Analysis.EvaluateWithConfusion(net, runConfig.Classes, ShardData.Shards(shards, "eval"), device);
    File.WriteAllText(Path.Combine(run.Path, "confusion.csv"), report.ConfusionCsv());
    var perClass = new Table().Border(TableBorder.Simple).AddColumns("class", "accuracy");
    foreach (var (cls, acc) in runConfig.Classes.Zip(report.PerClassAccuracy).OrderBy(x => x.Second)) perClass.AddRow(Markup.Escape(cls), $"{acc:P1}");
    AnsiConsole.Write(perClass);
    foreach (var (t, p, c) in report.MostConfused(5)) AnsiConsole.MarkupLineInterpolated($"  most confused: {t} → {p} ({c})");
    var partial = Analysis.AccuracyByStrokeFraction(net, ShardData.Shards(shards, "eval"), device);
    AnsiConsole.MarkupLine("  while drawing: " + string.Join(", ", partial.Select(p => $"{p.Fraction:P0} of strokes → {p.Top1:P1}")));
    ConsoleTraining.PrintSummary(summary, run);
    return summary.Completed ? 0 : 130;
});

