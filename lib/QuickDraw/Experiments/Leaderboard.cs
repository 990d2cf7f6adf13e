using System.Globalization;
using System.Net;
using System.Text;

namespace QuickDraw.Experiments;

/// <summary>Runs ranked by their final eval top-1 accuracy (the model each run ends with), as Markdown or HTML.</summary>
public static class Leaderboard
{
    /// <summary>The column headings of <see cref="Cells"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["#", "run", "top-1", "top-3", "MAP@3", "eval loss", "best top-1 (step)", "parameters", "steps", "minutes", "examples/s"];
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static IReadOnlyList<LeaderboardRow> Rows(IReadOnlyList<RunSeries> runs) => runs
        .OrderByDescending(r => double.IsNaN(r.FinalTop1) ? -1 : r.FinalTop1).ThenBy(r => r.Name, StringComparer.Ordinal)
        .Select((r, i) =>
        {
            var last = r.Eval.Count > 0 ? r.Eval[^1] : default;
            var best = r.Best;
            return new LeaderboardRow(i + 1, r.Name, r.FinalTop1, r.Eval.Count > 0 ? last.Top3 : double.NaN, r.Eval.Count > 0 ? last.Map3 : double.NaN,
                r.Eval.Count > 0 ? last.Loss : double.NaN, best?.Top1 ?? double.NaN, best?.Step ?? 0, r.Parameters, r.Steps, r.Seconds / 60,
                r.ExamplesPerSecond, r.Completed);
        }).ToList();

    /// <summary>The cells of a row, formatted for people (percentages, thousands separators).</summary>
    public static string[] Cells(LeaderboardRow r) =>
    [
        r.Rank.ToString(C), r.Run + (r.Completed ? "" : " (unfinished)"), Percent(r.Top1), Percent(r.Top3), Number(r.Map3, "0.000"),
        Number(r.EvalLoss, "0.000"), double.IsNaN(r.BestTop1) ? "–" : $"{Percent(r.BestTop1)} ({r.BestStep.ToString("N0", C)})",
        r.Parameters > 0 ? r.Parameters.ToString("N0", C) : "–", r.Steps.ToString("N0", C), Number(r.Minutes, "0.0"), Number(r.ExamplesPerSecond, "N0"),
    ];

    public static string Markdown(IReadOnlyList<LeaderboardRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| " + string.Join(" | ", Columns) + " |");
        sb.AppendLine("|" + string.Concat(Columns.Select((_, i) => i is 1 ? ":---|" : "---:|")));
        foreach (var r in rows) sb.AppendLine("| " + string.Join(" | ", Cells(r).Select(c => c.Replace("|", "\\|"))) + " |");
        return sb.ToString();
    }

    public static string Html(IReadOnlyList<LeaderboardRow> rows)
    {
        var sb = new StringBuilder("<table class=\"leaderboard\">\n<thead><tr>");
        foreach (var h in Columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in rows)
        {
            sb.Append("<tr>");
            foreach (var c in Cells(r)) sb.Append("<td>").Append(WebUtility.HtmlEncode(c)).Append("</td>");
            sb.Append("</tr>\n");
        }
        return sb.Append("</tbody>\n</table>").ToString();
    }

    static string Percent(double v) => double.IsNaN(v) ? "–" : v.ToString("P1", C);
    static string Number(double v, string format) => double.IsNaN(v) ? "–" : v.ToString(format, C);
}
