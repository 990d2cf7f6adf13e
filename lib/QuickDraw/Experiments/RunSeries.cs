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
