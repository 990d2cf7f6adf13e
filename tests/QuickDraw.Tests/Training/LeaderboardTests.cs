using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Tests.Training;

public class LeaderboardTests
{
    static RunFolder Run(string folder, double[] evalTop1, bool finished)
    {
        var run = new RunFolder(folder);
        run.WriteConfig(new RunConfig(new ModelConfig { NumConv = [8], ConvLen = [3] }, new TrainConfig(), "data", ["a", "b"]));
        run.AppendMetrics(evalTop1.Select((t, i) => new MetricsRow(10 * (i + 1), i, "eval", 1 - t, t, t, t, 0))
            .Prepend(new MetricsRow(5, 0.5, "train", 2, 0.1, double.NaN, double.NaN, 100)));
        if (finished) run.WriteSummary(new RunSummary { Steps = 10 * evalTop1.Length, Seconds = 120, Parameters = 1234, Completed = true });
        return run;
    }

    [Fact]
    public void Runs_are_found_one_level_down_and_ranked_by_best_eval_top1()
    {
        using var dir = new TempDir();
        Run(dir.File("a"), [0.2, 0.4, 0.3], finished: true);
        Run(Path.Combine(dir.Path, "sweep", "b"), [0.5], finished: false);
        Run(dir.File("c"), [], finished: false);
        Directory.CreateDirectory(dir.File("not-a-run"));

        var runs = Leaderboard.FindRuns(dir.Path);
        var board = Leaderboard.Rank(runs);

        Assert.Equal(["a", "c", "b"], runs.Select(r => r.Name));
        Assert.Equal(["b", "a", "c"], board.Select(r => r.Run));
        var a = board[1];
        Assert.Equal((0.4, 20L, 0.3, 30L, 2.0, 1234L, true), (a.BestTop1, a.BestStep, a.FinalTop1, a.Steps, a.Minutes, a.Parameters, a.Completed));
        Assert.True(double.IsNaN(board[2].BestTop1));
        Assert.Equal("conv8_k3_lstm3x128", a.Model);
    }

    [Fact]
    public void Curves_draw_one_line_per_run_from_metrics_csv()
    {
        using var dir = new TempDir();
        var runs = new[] { Run(dir.File("a"), [0.2, 0.4], true), Run(dir.File("b"), [0.1, 0.2, 0.3], true) };
        var chart = QuickDraw.Display.Show.Chart(RunCharts.Curves(runs, "top1", "eval"));
        Assert.Equal(5, chart.Items);
        Assert.Throws<ArgumentException>(() => RunCharts.Curves(runs, "accuracy"));
    }
}
