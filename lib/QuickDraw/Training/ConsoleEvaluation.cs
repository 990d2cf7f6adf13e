using QuickDraw.Common;
using Spectre.Console;

namespace QuickDraw.Training;

/// <summary>A trained run scored on a split of shards, with a console view and its files: the one evaluation report
/// of evaluate.cs and the main job.</summary>
public static class ConsoleEvaluation
{
    /// <summary>The files it writes (into the run folder unless told otherwise).</summary>
    public const string ConfusionFile = "confusion.csv", PerClassFile = "per_class.csv";

    /// <summary>
    /// Scores <paramref name="run"/>'s model.bin on every drawing of <paramref name="split"/> (at most
    /// <paramref name="maxExamples"/>; 0 = all) of <paramref name="data"/> (null: the run's own shards); writes
    /// confusion.csv and per_class.csv into <paramref name="outFolder"/> (null: the run folder); prints the metrics,
    /// the hardest classes, the most confused pairs and, when <paramref name="byStrokes"/>, the accuracy on the first
    /// 25/50/75/100 % of each drawing's strokes.
    /// </summary>
    public static EvaluationReport Run(RunFolder run, string? data = null, string split = "eval", int maxExamples = 0,
        string? outFolder = null, string device = "auto", bool byStrokes = false)
    {
        var chosen = DeviceChoice.Resolve(device);
        var (model, config) = Trainer.Load(run, chosen);
        using var _ = model;
        var files = ShardData.Shards(data ?? config.Data, split);
        var report = Analysis.EvaluateWithConfusion(model, config.Classes, files, chosen, maxExamples: maxExamples);
        AnsiConsole.MarkupLineInterpolated($"[bold]{run.Name}[/] on {files.Length} {split} shard(s): {report.Metrics}");

        var folder = outFolder ?? run.Path;
        Directory.CreateDirectory(folder);
        RunFolder.WriteAtomically(Path.Combine(folder, ConfusionFile), report.ConfusionCsv());
        RunFolder.WriteAtomically(Path.Combine(folder, PerClassFile), PerClassCsv(report));

        var worst = new Table().Border(TableBorder.Simple).AddColumns("class", "top-1");
        foreach (var (c, acc) in report.Classes.Zip(report.PerClassAccuracy).OrderBy(x => x.Second).Take(15)) worst.AddRow(Markup.Escape(c), $"{acc:P1}");
        AnsiConsole.Write(worst.Title("hardest classes"));
        var pairs = new Table().Border(TableBorder.Simple).AddColumns("true", "predicted as", "count");
        foreach (var (t, p, n) in report.MostConfused(10)) pairs.AddRow(Markup.Escape(t), Markup.Escape(p), n.ToString());
        AnsiConsole.Write(pairs.Title("most confused pairs"));
        if (byStrokes)
            AnsiConsole.MarkupLine(Markup.Escape("while drawing, top-1 on the first " + string.Join(", ",
                Analysis.AccuracyByStrokeFraction(model, files, chosen, maxExamples: maxExamples).Select(p => $"{p.Fraction:P0} of strokes → {p.Top1:P1}"))));
        AnsiConsole.MarkupLineInterpolated($"wrote {ConfusionFile} and {PerClassFile} to {folder}");
        return report;
    }

    /// <summary>per_class.csv: <c>class,top1</c>, a row per class in the classes file's order.</summary>
    public static string PerClassCsv(EvaluationReport report) =>
        string.Join('\n', report.Classes.Zip(report.PerClassAccuracy, (c, acc) => $"\"{c.Replace("\"", "\"\"")}\",{acc.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}").Prepend("class,top1")) + "\n";
}
