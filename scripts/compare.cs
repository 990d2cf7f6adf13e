#:project ../lib/QuickDraw/QuickDraw.csproj
// Compare any set of run folders (across sweeps and dates) in one self-contained HTML report.
// Usage: dotnet run scripts/compare.cs -- --help
using QuickDraw.Common;
using QuickDraw.Experiments;

var cli = new CommandLine("dotnet run scripts/compare.cs -- --runs DIR[,DIR...] [options]",
        "Reads run folders (config.json, metrics.csv, summary.json) and writes one self-contained HTML report (plotly.js\n" +
        "embedded: it opens offline): eval accuracy vs step and vs wall time, loss curves, final accuracy vs parameters\n" +
        "and vs examples/s, and a leaderboard, also as Markdown. --png renders the main chart in headless Chromium.")
    .Many("runs", "run folders, sweep folders or experiments/ (every run below), comma-separated", "DIR,..")
    .Option("out", "folder for report.html, leaderboard.md, report.png (default: the one folder given, else experiments/compare)", null, "DIR")
    .Option("title", "report title (default: the folders' names)", null, "TEXT")
    .Flag("png", "also write report.png, the main chart, for READMEs (needs chromium: scripts/setup.sh installs it)")
    .Example("dotnet run scripts/compare.cs -- --runs experiments/real15-sizes --png")
    .Example("dotnet run scripts/compare.cs -- --runs experiments/real15-sizes,experiments/runs/quick --out experiments/compare");

return cli.Run(args, (a, cancel) =>
{
    var folders = a.List("runs");
    if (folders.Length == 0) throw new CommandLineException("--runs is required (see --help)");
    try
    {
        var runs = RunComparison.Load(folders);
        var out_ = a.Get("out") ?? (folders.Length == 1 && !File.Exists(Path.Combine(folders[0], "config.json")) ? folders[0] : Path.Combine(RepoPaths.Experiments, "compare"));
        var title = a.Get("title") ?? string.Join(" + ", folders.Select(f => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(f)))));
        ConsoleSweep.PrintLeaderboard(Leaderboard.Rows(runs));
        var files = ComparisonReport.Write(runs, out_, title, a.Has("png"), Console.WriteLine);
        Console.WriteLine($"report: {files.Html}\nleaderboard: {files.Markdown}" + (files.Png != null ? $"\nchart: {files.Png}" : ""));
        return 0;
    }
    catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or System.Text.Json.JsonException or FormatException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
});
