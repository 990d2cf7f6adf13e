using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>One run folder's record, as read from its files: config.json, metrics.csv and (once it has
/// stopped or finished) summary.json.</summary>
public sealed record RunSeries(string Name, RunFolder Folder, RunConfig Config, RunSummary? Summary, IReadOnlyList<MetricsRow> Metrics)
{
    public IReadOnlyList<MetricsRow> Eval { get; } = Metrics.Where(r => r.Split == "eval").ToList();
    public IReadOnlyList<MetricsRow> Train { get; } = Metrics.Where(r => r.Split == "train").ToList();

    /// <summary>The last evaluation's top-1 accuracy (NaN before the first).</summary>
    public double FinalTop1 => Eval.Count > 0 ? Eval[^1].Top1 : double.NaN;

    /// <summary>The best evaluation (by top-1; the earliest of equals), or null before the first.</summary>
    public MetricsRow? Best => Eval.Count == 0 ? null : Eval.OrderByDescending(r => r.Top1).ThenBy(r => r.Step).First();

    /// <summary>Training throughput: the summary's, else the mean of the logged windows.</summary>
    public double ExamplesPerSecond => Summary?.ExamplesPerSecond ?? (Train.Count > 0 ? Train.Average(r => r.ExamplesPerSecond) : double.NaN);

    public long Steps => Summary?.Steps ?? (Metrics.Count > 0 ? Metrics[^1].Step : 0);
    public double Seconds => Summary?.Seconds ?? (Metrics.Count > 0 ? Metrics[^1].Seconds : 0);
    /// <summary>Trainable parameters (from the summary; 0 while a run has none).</summary>
    public long Parameters => Summary?.Parameters ?? 0;
    public bool Completed => Summary?.Completed ?? false;
}

/// <summary>Loads run folders for comparison; plots and tables read only what this returns.</summary>
public static class RunComparison
{
    /// <summary>
    /// The runs in <paramref name="folders"/>: each a run folder (it has config.json) or a folder holding run
    /// folders at any depth (a sweep, or experiments/ for every run). Runs are ordered as found (folders in
    /// name order) and named by their folder, or by <c>parent/folder</c> where two share a name.
    /// </summary>
    public static IReadOnlyList<RunSeries> Load(IEnumerable<string> folders)
    {
        var found = new List<string>();
        foreach (var f in folders)
        {
            var full = Path.GetFullPath(f);
            if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"no such folder: {f}");
            var runs = RunFolders(full).ToList();
            if (runs.Count == 0) throw new FileNotFoundException($"no run folders (folders with config.json) in {f}");
            found.AddRange(runs.Where(r => !found.Contains(r)));
        }
        var names = found.Select(Path.GetFileName).ToList();
        return found.Select(path =>
        {
            var run = new RunFolder(path);
            var name = names.Count(n => n == run.Name) > 1 ? $"{Path.GetFileName(Path.GetDirectoryName(path))}/{run.Name}" : run.Name;
            var summary = File.Exists(run.SummaryFile) ? run.ReadSummary() : null;
            return new RunSeries(name, run, run.ReadConfig(), summary, run.ReadMetrics());
        }).ToList();
    }

    /// <summary>The runs under <paramref name="folder"/>, found as <see cref="Load"/> finds them, or none where the
    /// folder is missing or holds no run folders yet (a fresh clone).</summary>
    public static IReadOnlyList<RunSeries> Find(string folder) =>
        Directory.Exists(folder) && RunFolders(Path.GetFullPath(folder)).Any() ? Load([folder]) : [];

    static IEnumerable<string> RunFolders(string folder)
    {
        if (File.Exists(Path.Combine(folder, "config.json"))) return [folder];
        return Directory.GetDirectories(folder).Order(StringComparer.Ordinal).SelectMany(RunFolders);
    }
}
