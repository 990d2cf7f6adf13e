using QuickDraw.Experiments;
using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Tests.Experiments;

/// <summary>What notebooks 05 and 06 use: finding run folders under a folder, ranking them, and their charts.</summary>
public class RunFoldersTests
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
    public void Runs_are_found_below_a_folder_and_ranked_by_final_eval_top1()
    {
        using var dir = new TempDir();
        Run(dir.File("a"), [0.2, 0.4, 0.3], finished: true);
        Run(Path.Combine(dir.Path, "sweep", "b"), [0.5], finished: false);
        Run(dir.File("c"), [], finished: false);
        Directory.CreateDirectory(dir.File("not-a-run"));

        var runs = RunComparison.Find(dir.Path);
        var board = Leaderboard.Rows(runs);

        Assert.Equal(["a", "c", "b"], runs.Select(r => r.Name));
        Assert.Equal(["b", "a", "c"], board.Select(r => r.Run));
        var a = board[1];
        Assert.Equal((2, 0.4, 20L, 0.3, 30L, 2.0, 1234L, true), (a.Rank, a.BestTop1, a.BestStep, a.Top1, a.Steps, a.Minutes, a.Parameters, a.Completed));
        Assert.True(double.IsNaN(board[2].BestTop1));
        Assert.Equal("conv8_k3_lstm3x128", runs[0].Config.Model.Label);
    }

    [Fact]
    public void A_missing_or_empty_folder_has_no_runs()
    {
        using var dir = new TempDir();
        Assert.Empty(RunComparison.Find(dir.File("missing")));
        Directory.CreateDirectory(dir.File("empty"));
        Assert.Empty(RunComparison.Find(dir.File("empty")));
    }

    [Fact]
    public void Curves_draw_one_line_per_run_and_bars_one_per_row()
    {
        using var dir = new TempDir();
        Run(dir.File("a"), [0.2, 0.4], true);
        Run(dir.File("b"), [0.1, 0.2, 0.3], true);
        var runs = RunComparison.Find(dir.Path);

        Assert.Equal(5, QuickDraw.Display.Show.Chart(ComparisonCharts.Curves(runs, "top1", "eval")).Items);
        Assert.Equal(2, QuickDraw.Display.Show.Chart(ComparisonCharts.Curves(runs, "loss", "train")).Items);
        Assert.Equal(2, QuickDraw.Display.Show.Chart(ComparisonCharts.BestTop1(Leaderboard.Rows(runs))).Items);
        Assert.Throws<ArgumentException>(() => ComparisonCharts.Curves(runs, "accuracy"));
        Assert.Throws<ArgumentException>(() => ComparisonCharts.Curves(runs, "top1", "test"));
    }
}
