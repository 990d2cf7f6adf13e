namespace QuickDraw.Training;

/// <summary>One run's line on a leaderboard, read from its folder (summary.json when the run finished, else metrics.csv).</summary>
/// <param name="Run">The run folder's name.</param>
/// <param name="Model">The model's label (conv48-64-96_k5-5-3_lstm3x128).</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="Minutes">Training time.</param>
/// <param name="BestTop1">Best eval top-1 seen (NaN when it was never evaluated).</param>
/// <param name="BestStep">The step of that evaluation.</param>
/// <param name="FinalTop1">Top-1 of the last evaluation.</param>
/// <param name="FinalMap3">MAP@3 of the last evaluation.</param>
/// <param name="Parameters">Trainable parameters (0 until the run has a summary).</param>
/// <param name="DrawingsPerSecond">Training throughput (NaN until the run has a summary).</param>
/// <param name="Completed">Whether it reached its step budget (false while running or after Ctrl-C).</param>
public sealed record LeaderboardRow(string Run, string Model, long Steps, double Minutes, double BestTop1, long BestStep,
    double FinalTop1, double FinalMap3, long Parameters, double DrawingsPerSecond, bool Completed);

/// <summary>
/// Finds run folders and ranks them. Reads only the files a run leaves (config.json, metrics.csv, summary.json),
/// so it works on runs from any machine. (A fuller comparison library may replace this; notebooks call only these two.)
/// </summary>
public static class Leaderboard
{
    /// <summary>Run folders (holding config.json and metrics.csv) in <paramref name="folder"/> and one level below
    /// (a sweep's folder of runs), sorted by path.</summary>
    public static IReadOnlyList<RunFolder> FindRuns(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        static bool IsRun(string d) => File.Exists(Path.Combine(d, "config.json")) && File.Exists(Path.Combine(d, "metrics.csv"));
        var level1 = Directory.GetDirectories(folder);
        var runs = level1.Where(IsRun).Concat(level1.Where(d => !IsRun(d)).SelectMany(Directory.GetDirectories).Where(IsRun));
        return runs.Order(StringComparer.Ordinal).Select(d => new RunFolder(d)).ToList();
    }

    /// <summary>The runs' rows, best eval top-1 first (never-evaluated runs last).</summary>
    public static IReadOnlyList<LeaderboardRow> Rank(IEnumerable<RunFolder> runs) =>
        runs.Select(Row).OrderByDescending(r => double.IsNaN(r.BestTop1) ? -1 : r.BestTop1).ThenBy(r => r.Run, StringComparer.Ordinal).ToList();

    static LeaderboardRow Row(RunFolder run)
    {
        var config = run.ReadConfig();
        var metrics = run.ReadMetrics();
        var evals = metrics.Where(m => m.Split == "eval").ToList();
        var best = evals.OrderByDescending(m => m.Top1).ThenBy(m => m.Step).Select(m => (MetricsRow?)m).FirstOrDefault();
        var last = evals.Count > 0 ? evals[^1] : (MetricsRow?)null;
        var summary = File.Exists(run.SummaryFile) ? run.ReadSummary() : null;
        long steps = summary?.Steps ?? (metrics.Count > 0 ? metrics.Max(m => m.Step) : 0);
        double seconds = summary?.Seconds ?? (metrics.Count > 0 ? metrics.Max(m => m.Seconds) : 0);
        return new LeaderboardRow(run.Name, config.Model.Label, steps, seconds / 60, best?.Top1 ?? double.NaN, best?.Step ?? 0,
            last?.Top1 ?? double.NaN, last?.Map3 ?? double.NaN, summary?.Parameters ?? 0, summary?.ExamplesPerSecond ?? double.NaN,
            summary?.Completed ?? false);
    }
}
