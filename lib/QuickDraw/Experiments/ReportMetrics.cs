using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>A run's metrics.csv, column by column (null where the file has no value, e.g. a train row's top-3).</summary>
public sealed record ReportMetrics(long[] Step, double?[] Seconds, string[] Split, double?[] Loss, double?[] Top1, double?[] Top3, double?[] Map3, double?[] ExamplesPerSec)
{
    public static ReportMetrics From(IReadOnlyList<MetricsRow> rows) => new(
        rows.Select(r => r.Step).ToArray(), Col(rows, r => r.Seconds), rows.Select(r => r.Split).ToArray(), Col(rows, r => r.Loss),
        Col(rows, r => r.Top1), Col(rows, r => r.Top3), Col(rows, r => r.Map3), Col(rows, r => r.ExamplesPerSecond));

    /// <summary>Back to metrics rows (null → NaN), as <see cref="RunFolder.ReadMetrics"/> returns them.</summary>
    public IReadOnlyList<MetricsRow> Rows() => Step.Select((s, i) => new MetricsRow(s, V(Seconds[i]), Split[i], V(Loss[i]), V(Top1[i]), V(Top3[i]), V(Map3[i]), V(ExamplesPerSec[i]))).ToList();

    static double?[] Col(IReadOnlyList<MetricsRow> rows, Func<MetricsRow, double> f) => rows.Select(r => f(r) is var v && double.IsNaN(v) ? (double?)null : v).ToArray();
    static double V(double? v) => v ?? double.NaN;
}
