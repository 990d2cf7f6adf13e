#:project ../lib/QuickDraw/QuickDraw.csproj
// The main job, end to end: data → ink → shards → training → evaluation → summary.
// Usage: bash scripts/main.sh [options]   (or: dotnet run scripts/main.cs -- --help)
using QuickDraw.Common;
using QuickDraw.Ink;
using QuickDraw.Model;
using QuickDraw.Records;
using QuickDraw.Training;
using Spectre.Console;

var cli = new CommandLine("bash scripts/main.sh [options]",
        "Runs the whole journey: picks data (downloaded Quick, Draw! files, else the shared real sample, else generated\n" +
        "doodles), converts it to TFRecord shards, trains the tutorial's model for a few minutes on CPU (or CUDA),\n" +
        "evaluates it on the full eval set, and prints a summary. Everything lands in data/ and experiments/runs/.")
    .Option("data", "auto | synthetic | real | a folder of class files (.ndjson/.bin)", "auto", "WHICH")
    .Option("minutes", "training budget in minutes", "3", "M")
    .Option("steps", "training steps (the budget usually ends it first)", "100000", "N")
    .Option("batch-size", "drawings per step", "64", "N")
    .Option("lr", "Adam learning rate (the tutorial's 1e-4 at batch 8 is far slower)", "0.002", "X")
    .Option("eval-every", "evaluate on the full eval set every N steps", "200", "N")
    .Option("device", "auto, cpu, cuda", "auto", "D")
    .Option("run", "run name under experiments/runs/", "main-<data>-<time>", "NAME")
    .Option("seed", "seed for data, weights and order", "0", "N")
    .Flag("bucket", "batch drawings of similar length together: 1.4× the examples/s, but learning takes off later; " +
                    "over 3 minutes a wash (benchmarks/training/RESULTS.md)")
    .Example("bash scripts/main.sh")
    .Example("bash scripts/main.sh --data synthetic --minutes 2");

return cli.Run(args, (a, cancel) =>
{
    var model = new ModelConfig();
    var config = new TrainConfig
    {
        Steps = a.Long("steps"), MaxSeconds = a.Double("minutes") * 60, BatchSize = a.Int("batch-size"), LearningRate = a.Double("lr"),
        EvalEverySteps = a.Long("eval-every"), LogEverySteps = 25, CheckpointEverySteps = 500, ShuffleBuffer = 20_000,
        Device = a.Get("device")!, Seed = a.Int("seed"), BucketByLength = a.Has("bucket"),
    };
    try { config.Validate(); } // before any data is made: --lr NaN, --batch-size 100000000
    catch (ArgumentException e) { throw new CommandLineException(e.Message); }
    var (label, classFolder, train, eval) = PickData(a.Get("data")!, a.Int("seed"));
    var shards = Path.Combine(RepoPaths.Data, "shards", label);
    AnsiConsole.Write(new Rule($"[bold]1. ink → shards[/] ({Markup.Escape(label)})").LeftJustified());
    var convert = ShardConverter.Convert(classFolder, shards, new ConvertOptions(TrainPerClass: train, EvalPerClass: eval, Shards: 4, Seed: a.Int("seed")));
    AnsiConsole.MarkupLineInterpolated($"  {convert}");
    foreach (var s in convert.Skips.Examples.Take(3)) AnsiConsole.MarkupLineInterpolated($"  [yellow]skipped[/] {s}");

    AnsiConsole.Write(new Rule("[bold]2. train[/]").LeftJustified());
    var name = a.Get("run") is { } n && !n.StartsWith("main-<") ? n : $"main-{label}-{DateTime.Now:yyyyMMdd-HHmmss}";
    var run = new RunFolder(Path.Combine(RepoPaths.Runs, name));
    var summary = ConsoleTraining.Run(run, new RunConfig(model, config, shards, convert.Classes.ToArray()), cancel: cancel);

    AnsiConsole.Write(new Rule("[bold]3. evaluate[/]").LeftJustified());
    var (net, runConfig) = Trainer.Load(run, DeviceChoice.Resolve(config.Device));
    var device = DeviceChoice.Resolve(config.Device);
    var report = Analysis.Evaluate(net, runConfig.Classes, ShardData.Shards(shards, "eval"), device);
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

// auto: downloaded files (data/quickdraw/simplified), else the shared real sample (classes15), else generated doodles.
static (string Label, string Folder, int Train, int Eval) PickData(string which, int seed)
{
    var downloaded = Path.Combine(RepoPaths.Data, "quickdraw", "simplified");
    var shared = RepoPaths.SharedQuickDraw is { } s ? Path.Combine(s, "classes15") : null;
    if (which == "auto")
        which = Directory.Exists(downloaded) && Directory.EnumerateFiles(downloaded, "*.ndjson").Any() ? downloaded
              : shared != null && Directory.Exists(shared) ? "real" : "synthetic";
    switch (which)
    {
        case "synthetic":
        {
            var folder = Path.Combine(RepoPaths.Data, "synthetic", "easy");
            AnsiConsole.MarkupLineInterpolated($"[bold]data[/]: {SyntheticDoodles.BaseClasses.Count} classes of generated doodles → {folder}");
            SyntheticDoodles.WriteNdjson(folder, 1500, seed);
            return ("synthetic", folder, 1200, 300);
        }
        case "real":
            if (shared == null || !Directory.Exists(shared))
                throw new CommandLineException("no real sample at ../shared/quickdraw/classes15: download data (dotnet run scripts/download.cs -- --help) or use --data synthetic");
            AnsiConsole.MarkupLineInterpolated($"[bold]data[/]: the real Quick, Draw! sample, 15 classes × 400 drawings ({shared})");
            return ("real15", shared, 300, 100);
        default:
            if (!Directory.Exists(which)) throw new CommandLineException($"--data: no such folder '{which}' (auto, synthetic, real or a folder)");
            AnsiConsole.MarkupLineInterpolated($"[bold]data[/]: class files in {which} (tutorial split: 10,000 / 1,000 per class)");
            return (Path.GetFileName(Path.TrimEndingDirectorySeparator(which)), which, 10_000, 1_000);
    }
}
