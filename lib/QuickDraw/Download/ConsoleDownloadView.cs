using Spectre.Console;

namespace QuickDraw.Download;

/// <summary>Shows <see cref="FileProgress"/> reports as Spectre.Console bars: one per active file plus a total;
/// notices and failures print above the bars. Thread-safe (transfers report from many threads).</summary>
/// <example><code>
/// await AnsiConsole.Progress().Columns(ConsoleDownloadView.Columns(plan.Unit)).StartAsync(async ctx =>
///     await downloader.DownloadAsync(plan, new ConsoleDownloadView(ctx, plan.ProgressTotal)));
/// </code></example>
public sealed class ConsoleDownloadView : IProgress<FileProgress>
{
    readonly ProgressContext context;
    readonly ProgressTask? total;
    readonly Dictionary<string, (ProgressTask? Bar, long Done)> files = new();
    readonly object gate = new();

    /// <param name="context">The live progress display to draw into.</param>
    /// <param name="totalUnits">The total bar's end (<see cref="DownloadPlan.ProgressTotal"/>); null: no total bar.</param>
    public ConsoleDownloadView(ProgressContext context, long? totalUnits)
    {
        this.context = context;
        if (totalUnits is long t) total = context.AddTask("[bold]total[/]", maxValue: Math.Max(t, 1));
    }

    /// <summary>Files skipped because they were already complete.</summary>
    public int Skipped { get; private set; }

    /// <summary>Columns that suit the unit: sizes and speed for bytes, percentages for drawings.</summary>
    public static ProgressColumn[] Columns(ProgressUnit unit) => unit == ProgressUnit.Bytes
        ? [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(),
           new TransferSpeedColumn(), new RemainingTimeColumn()]
        : [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
           new RemainingTimeColumn()];

    public void Report(FileProgress p)
    {
        lock (gate)
        {
            files.TryGetValue(p.Name, out var file);
            if (file.Bar is null && p.Stage is FileStage.Started or FileStage.Advanced or FileStage.Notice)
                file.Bar = context.AddTask(Markup.Escape(p.Name), maxValue: Math.Max(p.Total ?? 1, 1));
            if (p.Total is long t && file.Bar is { } bar0) { bar0.MaxValue = Math.Max(t, 1); bar0.IsIndeterminate = false; }
            else if (file.Bar is { } bar1 && p.Total is null) bar1.IsIndeterminate = true;

            total?.Increment(p.Done - file.Done);
            file.Done = p.Done;
            file.Bar?.Value = p.Done;

            switch (p.Stage)
            {
                case FileStage.Notice:
                    AnsiConsole.MarkupLineInterpolated($"[yellow]{p.Name}[/]: {p.Message}");
                    break;
                case FileStage.Skipped:
                    Skipped++;
                    break;
                case FileStage.Completed:
                    if (file.Bar is { } done) { done.Value = done.MaxValue; done.StopTask(); }
                    break;
                case FileStage.Failed:
                    AnsiConsole.MarkupLineInterpolated($"[red]{p.Name} failed[/]: {p.Message}");
                    file.Bar?.StopTask();
                    break;
            }
            files[p.Name] = file;
        }
    }
}
