using Spectre.Console;
using QuickDraw.Common;
using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>The console view of a sweep: its plan, a progress bar for the whole sweep and one for the
/// current run on a terminal (plain lines when output is redirected), and the leaderboard.</summary>
public static class ConsoleSweep
{
    /// <summary>The runs, their folders' states and the settings each varies (what --dry-run shows).</summary>
    public static void PrintPlan(SweepSpec spec, string sweepFolder, IReadOnlyList<PlannedRun> plan)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]sweep[/] {spec.Name}: {plan.Count} runs → {sweepFolder}");
        if (spec.Description.Length > 0) AnsiConsole.MarkupLineInterpolated($"  {spec.Description}");
        AnsiConsole.MarkupLineInterpolated($"  data: {spec.Data.Describe()}");
        AnsiConsole.MarkupLineInterpolated($"  budget per run: {spec.Budget}");
        var t = new Table().Border(TableBorder.Simple).AddColumns("#", "run", "varied", "lr", "batch", "state");
        for (int i = 0; i < plan.Count; i++)
        {
            var p = plan[i];
            var varied = string.Join(", ", p.Run.Varied.Select(kv => $"{kv.Key}={Configuration.Setting.Format(kv.Value)}"));
            var state = p.State switch { RunState.Done => "[green]done[/]", RunState.Resume => "[yellow]resume[/]", _ => "new" };
            t.AddRow((i + 1).ToString(), Markup.Escape(p.Run.Name), Markup.Escape(varied), p.Run.Train.LearningRate.ToString("G3"), p.Run.Train.BatchSize.ToString(), state);
        }
        AnsiConsole.Write(t);
    }

    /// <summary>Runs the sweep with a live view; returns the runner's results.</summary>
    public static IReadOnlyList<SweepRunResult> Run(SweepRunner runner, SweepSpec spec, CancellationToken cancel = default)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return runner.Run(spec, new SynchronousProgress<SweepProgress>(p => { if (Line(p) is { } line) AnsiConsole.MarkupLine(line); }), cancel);

        IReadOnlyList<SweepRunResult> results = [];
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var sweep = ctx.AddTask("sweep", maxValue: 1000);
                var run = ctx.AddTask("run", maxValue: 1000);
                results = runner.Run(spec, new SynchronousProgress<SweepProgress>(p =>
                {
                    sweep.Value = 1000 * p.Fraction;
                    sweep.Description = Markup.Escape($"sweep: run {p.Index + 1}/{p.Count}");
                    run.Value = 1000 * (p.Fraction * p.Count - p.Index);
                    if (p.Training is { Eval: null, Message: null } t)
                        run.Description = Markup.Escape($"{p.Run}: step {t.Step:N0}  loss {t.Loss:F3}  acc {t.Top1:P1}  {t.ExamplesPerSecond:N0} ex/s");
                    else if (Line(p) is { } line) AnsiConsole.MarkupLine(line);
                }), cancel);
                sweep.Value = sweep.MaxValue;
            });
        return results;
    }

    /// <summary>The leaderboard as a console table (as Markdown when output is redirected: logs stay readable at any width).</summary>
    public static void PrintLeaderboard(IReadOnlyList<LeaderboardRow> rows)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive) { Console.Write(Leaderboard.Markdown(rows)); return; }
        var t = new Table().Border(TableBorder.Rounded).AddColumns("#", "run", "top-1", "top-3", "MAP@3", "eval loss", "best top-1 (step)", "parameters", "steps", "minutes", "examples/s");
        foreach (var r in rows) t.AddRow(Leaderboard.Cells(r).Select(Markup.Escape).ToArray());
        AnsiConsole.Write(t);
    }

    // A line for evaluations and messages; null for training logs (the progress bar shows them).
    static string? Line(SweepProgress p)
    {
        var where = Markup.Escape($"[{p.Index + 1}/{p.Count}] {p.Run}");
        if (p.Training is { Eval: { } e } t) return $"  {where}  step {t.Step,7:N0}  [green]eval[/] top-1 {e.Top1:P1}  loss {e.Loss:F3}  [dim](sweep {p.Fraction:P0})[/]";
        if (p.Training?.Message is { } m) return $"  {where}  [dim]{Markup.Escape(m)}[/]";
        if (p.Message is { } msg) return p.Run.Length == 0 ? $"  {Markup.Escape(msg)}" : $"  {where}  {Markup.Escape(msg)}";
        return null;
    }
}
