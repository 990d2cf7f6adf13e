namespace QuickDraw.Training;

/// <summary>A fuller look at a trained model on a set of shards: the headline metrics plus per-class accuracy,
/// the confusion matrix and the pairs it confuses most.</summary>
public sealed record EvaluationReport(EvalMetrics Metrics, string[] Classes, long[,] Confusion)
{
    /// <summary>Accuracy of each class (NaN when the set has none of it).</summary>
    public double[] PerClassAccuracy => Enumerable.Range(0, Classes.Length).Select(c =>
    {
        long total = 0;
        for (int p = 0; p < Classes.Length; p++) total += Confusion[c, p];
        return total == 0 ? double.NaN : (double)Confusion[c, c] / total;
    }).ToArray();

    /// <summary>(true, predicted, count) of the most frequent mistakes, largest first.</summary>
    public IReadOnlyList<(string True, string Predicted, long Count)> MostConfused(int top = 10)
    {
        var pairs = new List<(string, string, long)>();
        for (int t = 0; t < Classes.Length; t++)
            for (int p = 0; p < Classes.Length; p++)
                if (t != p && Confusion[t, p] > 0) pairs.Add((Classes[t], Classes[p], Confusion[t, p]));
        return pairs.OrderByDescending(x => x.Item3).ThenBy(x => x.Item1, StringComparer.Ordinal).Take(top).ToList();
    }

    /// <summary>The confusion matrix as CSV: rows = true class, columns = predicted class.</summary>
    public string ConfusionCsv()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("true\\predicted,").AppendJoin(',', Classes.Select(Quote)).Append('\n');
        for (int t = 0; t < Classes.Length; t++)
        {
            sb.Append(Quote(Classes[t]));
            for (int p = 0; p < Classes.Length; p++) sb.Append(',').Append(Confusion[t, p]);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
