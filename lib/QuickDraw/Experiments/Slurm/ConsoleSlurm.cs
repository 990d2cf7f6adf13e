using Spectre.Console;

namespace QuickDraw.Experiments.Slurm;

/// <summary>The console view of a cluster sweep: what a submission sends (or, dry, would send) and each run's state.</summary>
public static class ConsoleSlurm
{
    /// <summary>The submission: the batch script on a dry run, else the job id and <paramref name="statusCommand"/>
    /// (how to follow it); the runs left out and why; the warning.</summary>
    public static void PrintSubmission(SlurmSubmission s, bool dryRun, string statusCommand)
    {
        if (s.Warning != null) Console.Error.WriteLine($"warning: {s.Warning}");
        foreach (var (run, why) in s.Skipped) AnsiConsole.MarkupLineInterpolated($"  [dim]skipped {run}: {why}[/]");
        if (s.Tasks.Count == 0)
        {
            AnsiConsole.MarkupLine("nothing to submit: every run is done or queued already (see --status).");
            return;
        }
        if (dryRun)
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]batch script[/] (dry run: not written, not submitted; it would go to {s.Script}):");
            Console.WriteLine(s.ScriptText);
            return;
        }
        AnsiConsole.MarkupLineInterpolated($"[bold]submitted[/] job {s.JobId}: {s.Tasks.Count} array tasks ({BatchScript.ArraySpec(s.Tasks.Select(t => t.Index))}), script {s.Script}");
        AnsiConsole.MarkupLineInterpolated($"follow it: {statusCommand}");
    }

    /// <summary>One row per run: state, array task, detail and log.</summary>
    public static void PrintStatus(IReadOnlyList<SlurmRunStatus> rows)
    {
        var t = new Table().Border(TableBorder.Simple).AddColumns("#", "run", "state", "task", "detail", "log");
        foreach (var r in rows)
        {
            var state = r.State switch
            {
                SlurmRunState.Done => "[green]done[/]", SlurmRunState.Running => "[blue]running[/]", SlurmRunState.Pending => "[yellow]pending[/]",
                SlurmRunState.Failed => "[red]failed[/]", SlurmRunState.Stopped => "[yellow]stopped[/]", _ => "not submitted",
            };
            t.AddRow((r.Index + 1).ToString(), Markup.Escape(r.Run), state, Markup.Escape(r.Task ?? ""), Markup.Escape(r.Detail), Markup.Escape(r.Log == null ? "" : Path.GetRelativePath(Environment.CurrentDirectory, r.Log)));
        }
        AnsiConsole.Write(t);
        var counts = rows.GroupBy(r => r.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Name(g.Key)}");
        AnsiConsole.MarkupLineInterpolated($"{rows.Count} runs: {string.Join(", ", counts)}");
        if (rows.Any(r => r.State is SlurmRunState.Failed or SlurmRunState.Stopped or SlurmRunState.NotSubmitted))
            AnsiConsole.MarkupLine("submit again (--launcher slurm) to run what is not done: finished runs are skipped, stopped ones resume from their checkpoints.");
    }

    /// <summary>A state as the table writes it.</summary>
    public static string Name(SlurmRunState s) => s == SlurmRunState.NotSubmitted ? "not submitted" : s.ToString().ToLowerInvariant();
}
