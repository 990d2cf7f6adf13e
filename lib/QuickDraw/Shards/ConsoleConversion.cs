using QuickDraw.Common;
using QuickDraw.Drawings;
using Spectre.Console;

namespace QuickDraw.Shards;

/// <summary>Runs the shard converter with a console view: a live progress bar on a terminal (plain lines when output
/// is redirected), then a summary table: drawings per split, skips by reason with located examples, MB, speed.</summary>
public static class ConsoleConversion
{
    public static ConvertSummary Run(string inputFolder, string outputFolder, ConvertOptions options, CancellationToken cancel = default)
    {
        // Progress is the further along of two fractions: records written of the target (files long enough)
        // and bytes read of the input (files that run out first).
        long totalBytes = ShardConverter.ClassFiles(inputFolder, options.Classes).Sum(f => new FileInfo(f).Length);
        double Fraction(ConvertProgress p) =>
            Math.Min(1, Math.Max(p.Target > 0 ? (double)p.Written / p.Target : 1, totalBytes > 0 ? (double)p.BytesRead / totalBytes : 1));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ignored = ShardConverter.IgnoredFiles(inputFolder);
        if (ignored.Length > 0)
            AnsiConsole.MarkupLineInterpolated($"  [yellow]ignored {ignored.Length} file(s) that are not class files (.ndjson, .ndjson.gz, .bin):[/] {string.Join(", ", ignored.Take(5))}{(ignored.Length > 5 ? ", ..." : "")}");
        Action<string> notice = m => AnsiConsole.MarkupLineInterpolated($"  [yellow]{m}[/]");
        string Line(ConvertProgress p) =>
            $"{p.Written:N0} drawings{(p.Skipped > 0 ? $" ({p.Skipped:N0} skipped)" : "")}, {p.BytesRead / 1e6:N0} MB, " +
            $"{p.BytesRead / 1e6 / Math.Max(1e-9, clock.Elapsed.TotalSeconds):N0} MB/s";

        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            double lastShown = 0;
            return ShardConverter.Convert(inputFolder, outputFolder, options, new SynchronousProgress<ConvertProgress>(p =>
            {
                if (clock.Elapsed.TotalSeconds - lastShown < 5) return; // a line every 5 s at most in logs
                lastShown = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"  {Fraction(p),4:P0}  {Line(p)}");
            }), cancel, notice);
        }

        ConvertSummary summary = null!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                     new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("converting", maxValue: 1000);
                summary = ShardConverter.Convert(inputFolder, outputFolder, options, new SynchronousProgress<ConvertProgress>(p =>
                {
                    task.Value = 1000 * Fraction(p);
                    task.Description = Markup.Escape(Line(p));
                }), cancel, notice);
                task.Value = task.MaxValue;
            });
        return summary;
    }

    /// <summary>Prints what a conversion did: drawings per split, skips by reason (with the first few, located),
    /// classes that ran short, MB read and written, seconds and speed.</summary>
    public static void PrintSummary(ConvertSummary s, ConvertOptions options, int examples = 5)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        t.AddRow("classes", $"{s.Classes.Count:N0}");
        t.AddRow("training drawings", $"{s.TrainRecords:N0}");
        t.AddRow("eval drawings", $"{s.EvalRecords:N0}");
        t.AddRow("skipped", $"{s.Skips.Total:N0}");
        foreach (var (reason, count) in s.Skips.Counts)
            t.AddRow(Markup.Escape($"  {SkippedDrawing.Describe(reason)}"), $"{count:N0}");
        t.AddRow("read", Size(s.InputBytes));
        t.AddRow("written", Size(s.OutputBytes));
        t.AddRow("seconds", $"{s.Elapsed.TotalSeconds:N2}");
        t.AddRow("drawings/s", $"{s.DrawingsPerSecond:N0}");
        t.AddRow("MB/s (input)", $"{s.InputMBPerSecond:N1}");
        AnsiConsole.Write(t);

        foreach (var skip in s.Skips.Examples.Take(examples))
            AnsiConsole.MarkupLineInterpolated($"  [yellow]skipped[/] {skip}");
        if (s.Skips.Total > examples) AnsiConsole.MarkupLineInterpolated($"  [grey]... {s.Skips.Total - Math.Min(examples, s.Skips.Examples.Count):N0} more skipped[/]");
        var shortClasses = s.ShortClasses(options).ToList();
        if (shortClasses.Count > 0)
            AnsiConsole.MarkupLineInterpolated($"  [yellow]{shortClasses.Count} class(es) ran out of drawings before {options.TrainPerClass:N0} + {options.EvalPerClass:N0}:[/] {string.Join(", ", shortClasses.Take(10))}{(shortClasses.Count > 10 ? ", ..." : "")}");
        AnsiConsole.MarkupLineInterpolated($"  [bold]shards[/] {s.OutputFolder}");
    }

    static string Size(long bytes) => bytes >= 1e6 ? $"{bytes / 1e6:N1} MB" : $"{bytes / 1e3:N1} kB";
}
