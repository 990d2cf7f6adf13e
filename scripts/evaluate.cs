#:project ../lib/QuickDraw/QuickDraw.csproj
// Evaluate a trained run on any set of shards: top-1, top-3, MAP@3, per-class accuracy, confusion matrix,
// most-confused pairs, and accuracy while the drawing is being drawn.
// Usage: dotnet run scripts/evaluate.cs -- --help
using QuickDraw.Common;
using QuickDraw.Training;
using Spectre.Console;

var cli = new CommandLine("dotnet run scripts/evaluate.cs -- --run DIR [options]",
        "Scores a run's model.bin on every drawing of a split (default: the run's own eval shards), writes\n" +
        "confusion.csv and per_class.csv into --out (default: the run folder), and prints the most confused pairs.")
    .Option("run", "run folder (or a name under experiments/runs/)", null, "DIR")
    .Option("data", "shards folder (default: the run's own data)", null, "DIR")
    .Option("split", "eval or training", "eval", "NAME")
    .Option("max", "score at most N drawings (0 = all)", "0", "N")
    .Option("out", "folder for confusion.csv and per_class.csv (default: the run folder)", null, "DIR")
    .Option("device", "auto, cpu, cuda", "auto", "D")
    .Flag("by-strokes", "also report accuracy on the first 25/50/75/100% of each drawing's strokes")
    .Example("dotnet run scripts/evaluate.cs -- --run experiments/runs/quick --by-strokes");

return cli.Run(args, (a, cancel) =>
{
    var name = a.Require("run");
    var run = new RunFolder(Directory.Exists(name) ? name : Path.Combine(RepoPaths.Runs, name));
    var device = DeviceChoice.Resolve(a.Get("device")!);
    try
    {
        var (model, config) = Trainer.Load(run, device);
        var files = ShardData.Shards(a.Get("data") ?? config.Data, a.Get("split")!);
        var report = Analysis.EvaluateWithConfusion(model, config.Classes, files, device, maxExamples: a.Int("max"));
        AnsiConsole.MarkupLineInterpolated($"[bold]{run.Name}[/] on {files.Length} {a.Get("split")} shard(s): {report.Metrics}");

        var outDir = a.Get("out") ?? run.Path;
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "confusion.csv"), report.ConfusionCsv());
        File.WriteAllLines(Path.Combine(outDir, "per_class.csv"),
            config.Classes.Zip(report.PerClassAccuracy, (c, acc) => $"\"{c}\",{acc:0.####}").Prepend("class,top1"));

        var worst = new Table().Border(TableBorder.Simple).AddColumns("class", "top-1");
        foreach (var (c, acc) in config.Classes.Zip(report.PerClassAccuracy).OrderBy(x => x.Second).Take(15)) worst.AddRow(Markup.Escape(c), $"{acc:P1}");
        AnsiConsole.Write(worst.Title("hardest classes"));
        var pairs = new Table().Border(TableBorder.Simple).AddColumns("true", "predicted as", "count");
        foreach (var (t, p, n) in report.MostConfused(10)) pairs.AddRow(Markup.Escape(t), Markup.Escape(p), n.ToString());
        AnsiConsole.Write(pairs.Title("most confused pairs"));
        if (a.Has("by-strokes"))
            foreach (var (f, acc) in Analysis.AccuracyByStrokeFraction(model, files, device, maxExamples: a.Int("max")))
                AnsiConsole.MarkupLineInterpolated($"  first {f:P0} of strokes → top-1 {acc:P1}");
        AnsiConsole.MarkupLineInterpolated($"wrote confusion.csv and per_class.csv to {outDir}");
        return 0;
    }
    catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidOperationException or ArgumentException
                               && e is not CommandLineException) // a bad option value: exit 2 via cli.Run
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
});
