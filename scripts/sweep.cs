#:project ../lib/QuickDraw/QuickDraw.csproj
// Run a sweep of training runs from a spec in experiments/sweeps/, into experiments/<sweep>/<run>/.
// Usage: dotnet run scripts/sweep.cs -- --help
using QuickDraw.Common;
using QuickDraw.Experiments;

var cli = new CommandLine("dotnet run scripts/sweep.cs -- --spec FILE [options]",
        "Runs every configuration of a sweep spec (a grid and/or list over num_conv, conv_len, num_layers, num_nodes,\n" +
        "learning_rate, warmup_steps, decay, final_lr_fraction, batch_size, dropout, batch_norm, mean_over_time, seed) through the trainer, one after another, each into\n" +
        "experiments/<sweep>/<run>/ (config.json, metrics.csv, summary.json, model.bin). Resumable: finished runs are\n" +
        "skipped and an interrupted one continues from its checkpoint, so rerunning the same command finishes a sweep.\n" +
        "At the end: the leaderboard, and experiments/<sweep>/report.html + leaderboard.md. Spec format: experiments/README.md.")
    .Option("spec", "the sweep spec: a JSON file, or a name in experiments/sweeps/", null, "FILE")
    .Flag("dry-run", "check the spec and list the runs and their state; train nothing")
    .Flag("png", "also render report.png (the main chart) in headless Chromium")
    .Flag("no-report", "skip report.html and leaderboard.md")
    .Example("dotnet run scripts/sweep.cs -- --spec experiments/sweeps/smoke.json --dry-run")
    .Example("dotnet run scripts/sweep.cs -- --spec real15-sizes --png");

return cli.Run(args, (a, cancel) =>
{
    var path = a.Require("spec");
    if (!File.Exists(path) && !path.Contains('/') && !path.EndsWith(".json")) path = Path.Combine(RepoPaths.Experiments, "sweeps", path + ".json");
    try
    {
        var spec = SweepSpec.Load(path);
        var runner = new SweepRunner(SweepPaths.Repo);
        var plan = runner.Plan(spec);
        ConsoleSweep.PrintPlan(spec, runner.SweepFolder(spec), plan);
        if (a.Has("dry-run")) return 0;

        var results = ConsoleSweep.Run(runner, spec, cancel);
        var folders = plan.Select(p => p.Folder.Path).Where(f => File.Exists(Path.Combine(f, "config.json"))).ToList();
        if (folders.Count == 0) return 1;
        var runs = RunComparison.Load(folders);
        ConsoleSweep.PrintLeaderboard(Leaderboard.Rows(runs));
        if (!a.Has("no-report"))
        {
            var files = ComparisonReport.Write(runs, runner.SweepFolder(spec), spec.Name, a.Has("png"), Console.WriteLine);
            Console.WriteLine($"report: {files.Html}\nleaderboard: {files.Markdown}" + (files.Png != null ? $"\nchart: {files.Png}" : ""));
        }
        bool stopped = results.Any(r => r.Outcome == RunOutcome.Stopped) || results.Count < plan.Count;
        Console.WriteLine(stopped ? "sweep stopped: run the same command again to resume it." : $"sweep done: {results.Count(r => r.Outcome != RunOutcome.Skipped)} trained, {results.Count(r => r.Outcome == RunOutcome.Skipped)} already done.");
        return stopped ? 130 : 0;
    }
    catch (SweepSpecException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }
    catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
});
