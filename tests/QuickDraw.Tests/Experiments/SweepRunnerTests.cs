using QuickDraw.Common;
using QuickDraw.Experiments;
using QuickDraw.Training;

namespace QuickDraw.Tests.Experiments;

[Collection(SmallSweepCollection.Name)]
public class SweepRunnerTests(SmallSweep sweep)
{
    static readonly string[] Names = ["conv4_k3_lstm1x4", "conv4_k3_lstm1x8", "conv8_k3_lstm1x4", "conv8_k3_lstm1x8"];

    [Fact]
    public void EveryRunGetsAStandardRunFolderUnderTheSweep()
    {
        Assert.Equal(Names, sweep.FirstRun.Select(r => r.Plan.Run.Name));
        Assert.All(sweep.FirstRun, r => Assert.Equal(RunOutcome.Trained, r.Outcome));
        Assert.Equal(Names, Directory.GetDirectories(sweep.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(SmallSweep.Spec(), File.ReadAllText(Path.Combine(sweep.Folder, SweepRunner.SpecCopy)));
        foreach (var result in sweep.FirstRun)
        {
            var run = result.Plan.Folder;
            Assert.True(run.IsComplete);
            Assert.True(File.Exists(run.ModelFile) && File.Exists(run.CheckpointFile));
            var config = run.ReadConfig();
            Assert.Equal(result.Plan.Run.Model.NumConv, config.Model.NumConv);
            Assert.Equal(result.Plan.Run.Model.NumNodes, config.Model.NumNodes);
            Assert.Equal(["circle", "line", "square", "zigzag"], config.Classes);
            Assert.Equal(10, run.ReadSummary().Steps);
            Assert.Equal([5L, 10L], run.ReadMetrics().Where(m => m.Split == "eval").Select(m => m.Step));
            Assert.Equal(40, run.ReadSummary().Final!.Examples); // the full eval set: 4 classes × 10
        }
        Assert.True(File.Exists(Path.Combine(sweep.Paths.Data, "shards", "synthetic-circle+line+square+zigzag-easy-40-10-s3", "training.tfrecord.classes")));
    }

    [Fact]
    public void ARerunSkipsFinishedRunsAndLeavesTheirFilesAlone()
    {
        var files = sweep.FirstRun.SelectMany(r => new[] { r.Plan.Folder.MetricsFile, r.Plan.Folder.SummaryFile, r.Plan.Folder.ModelFile, r.Plan.Folder.CheckpointFile })
            .ToDictionary(f => f, f => (File.GetLastWriteTimeUtc(f), File.ReadAllBytes(f)));

        Assert.All(sweep.Runner.Plan(sweep.Sweep), p => Assert.Equal(RunState.Done, p.State));
        var again = sweep.Runner.Run(sweep.Sweep);

        Assert.All(again, r => Assert.Equal(RunOutcome.Skipped, r.Outcome));
        Assert.Equal(sweep.FirstRun.Select(r => r.Summary.Final!.Top1), again.Select(r => r.Summary.Final!.Top1));
        foreach (var (file, (time, bytes)) in files)
        {
            Assert.Equal(time, File.GetLastWriteTimeUtc(file));
            Assert.Equal(bytes, File.ReadAllBytes(file));
        }
    }

    [Fact]
    public void AnInterruptedSweepResumesItsRunAndMatchesAnUninterruptedOne()
    {
        var paths = sweep.Elsewhere("interrupted");
        var runner = new SweepRunner(paths);
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress<SweepProgress>(p => { if (p.Index == 1 && p.Training is { Step: 5, Eval: null, Message: null }) cancel.Cancel(); });

        var first = runner.Run(sweep.Sweep, progress, cancel.Token);
        Assert.Equal([RunOutcome.Trained, RunOutcome.Stopped], first.Select(r => r.Outcome));
        Assert.Equal([RunState.Done, RunState.Resume, RunState.New, RunState.New], runner.Plan(sweep.Sweep).Select(p => p.State));

        var second = runner.Run(sweep.Sweep);
        Assert.Equal([RunOutcome.Skipped, RunOutcome.Resumed, RunOutcome.Trained, RunOutcome.Trained], second.Select(r => r.Outcome));
        var resumed = new RunFolder(Path.Combine(runner.SweepFolder(sweep.Sweep), Names[1]));
        var straight = sweep.FirstRun[1].Plan.Folder;
        Assert.Equal(straight.ReadMetrics().Where(m => m.Split == "eval").Select(m => m.Top1), resumed.ReadMetrics().Where(m => m.Split == "eval").Select(m => m.Top1));
        Assert.Equal(straight.ReadMetrics().Select(m => (m.Step, m.Split)), resumed.ReadMetrics().Select(m => (m.Step, m.Split)));
    }

    [Fact]
    public void ASpecChangedUnderAFinishedRunIsAnErrorBeforeAnythingRuns()
    {
        var changed = SweepSpec.Parse(SmallSweep.Spec(", \"gradient_clipping_norm\": 1.5"), "small.json", "small");
        var e = Assert.Throws<SweepSpecException>(() => sweep.Runner.Run(changed));
        Assert.Contains("holds a run with other settings than the spec's (gradientClippingNorm: 9 in the folder, 1.5 in the spec)", e.Message);
        Assert.All(sweep.FirstRun, r => Assert.Equal(10, r.Plan.Folder.ReadSummary().Steps));
    }

    [Fact]
    public void ProgressCoversTheWholeSweep()
    {
        var reports = new List<SweepProgress>();
        sweep.Runner.Run(sweep.Sweep, new SynchronousProgress<SweepProgress>(reports.Add));
        Assert.Equal([0.25, 0.5, 0.75, 1.0], reports.Select(r => r.Fraction));
        Assert.All(reports, r => Assert.Equal(4, r.Count));
    }
}
