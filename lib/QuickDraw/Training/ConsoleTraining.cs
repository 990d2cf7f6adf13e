using Spectre.Console;

namespace QuickDraw.Training;

/// <summary>Runs the trainer with a console view: a live progress bar (loss, accuracy, examples/s) on a
/// terminal, plain log lines when output is redirected (CI, files). Used by the scripts and the main job.</summary>
public static class ConsoleTraining
{
    public static RunSummary Run(RunFolder run, RunConfig config, bool resume = false, CancellationToken cancel = default)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]run[/] {run.Path}");
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return Trainer.Run(run, config, resume, new Reporter(p => AnsiConsole.MarkupLine(Line(p))), cancel);

        RunSummary summary = null!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training", maxValue: Math.Max(1, config.Train.Steps));
                summary = Trainer.Run(run, config, resume, new Reporter(p =>
                {
                    task.Value = p.Step;
                    if (p.Eval != null || p.Message != null) AnsiConsole.MarkupLine(Line(p));
                    else task.Description = Markup.Escape($"step {p.Step:N0}  loss {p.Loss:F3}  acc {p.Top1:P1}  {p.ExamplesPerSecond:N0} ex/s");
                }), cancel);
                task.Value = task.MaxValue;
            });
        return summary;
    }

    static string Line(TrainingProgress p) =>
        p.Message != null ? Markup.Escape($"  step {p.Step,8:N0}  {p.Message}")
        : p.Eval != null ? $"  step {p.Step,8:N0}  [green]eval[/]  " + Markup.Escape(p.Eval.ToString())
        : Markup.Escape($"  step {p.Step,8:N0}  train loss {p.Loss:F4}  acc {p.Top1:P1}  {p.ExamplesPerSecond:N0} ex/s  ({p.Seconds:F0} s)");

    /// <summary>Prints a run's summary as a small table.</summary>
    public static void PrintSummary(RunSummary s, RunFolder run)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumns("", "");
        t.AddRow("model", Markup.Escape($"{s.Label} ({s.Parameters:N0} parameters)"));
        t.AddRow("steps", $"{s.Steps:N0} in {s.Seconds:F0} s on {s.Device} ({s.ExamplesPerSecond:N0} examples/s)");
        if (s.Final != null) t.AddRow("final eval", Markup.Escape(s.Final.ToString()));
        if (s.Best != null) t.AddRow("best eval", Markup.Escape($"top-1 {s.Best.Top1:P2} at step {s.BestStep:N0}"));
        t.AddRow("folder", Markup.Escape(run.Path));
        AnsiConsole.Write(t);
    }

    // Reports synchronously on the trainer's thread (Progress<T> would post to the thread pool).
    sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
