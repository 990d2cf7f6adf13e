using QuickDraw.Common;
using QuickDraw.Model;
using QuickDraw.Shards;
using QuickDraw.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace QuickDraw.Tests.Training;

// Serial: torch's RNG (dropout masks) and thread count are process-wide; a test training in parallel would change
// this class's runs, which are compared for exact equality.
[CollectionDefinition(nameof(TrainerTests), DisableParallelization = true)]
public sealed class TrainerTestsCollection;

[Collection(nameof(TrainerTests))]
public class TrainerTests(SyntheticShards data) : IClassFixture<SyntheticShards>
{
    static readonly ModelConfig Tiny = new() { NumConv = [8, 8], ConvLen = [5, 3], NumLayers = 1, NumNodes = 16, Dropout = 0.2 };

    RunConfig Config(long steps, long evalEvery = 10, double lr = 3e-3, int threads = 1, int microBatches = 2, int batchSize = 16) => new(Tiny,
        new TrainConfig { Steps = steps, BatchSize = batchSize, LearningRate = lr, EvalEverySteps = evalEvery, LogEverySteps = 5, CheckpointEverySteps = 1000, ShuffleBuffer = 64, Seed = 4, Threads = threads, MicroBatches = microBatches },
        data.Folder, ShardLayout.ReadClasses(data.Folder));

    static void AssertSameWeights(RnnClassifier a, RnnClassifier b, string what)
    {
        var pa = a.parameters().ToList();
        var pb = b.parameters().ToList();
        for (int i = 0; i < pa.Count; i++) Assert.True(pa[i].eq(pb[i]).all().item<bool>(), $"parameter {i} differs {what}");
    }

    [Fact]
    public void TheWeightsAreTheSameBitsOnOneThreadAsOnTwo()
    {
        // Two parts of 16 per batch: on 1 thread they run one after another, on 2 at once, each on a thread of its own.
        // 97 units: weights of 37,636 elements (over libtorch's 32,768-element grain, so Adam's and the gradient sums'
        // element-wise ops would split across 2 threads, at an odd place) and odd shapes everywhere.
        using var dir = new TempDir();
        RunConfig Wide(int threads) => Config(steps: 12, threads: threads, batchSize: 32) is var c ? c with { Model = c.Model with { NumNodes = 97 } } : null!;
        var one = new RunFolder(dir.File("one"));
        var two = new RunFolder(dir.File("two"));
        try
        {
            Trainer.Run(one, Wide(threads: 1));
            Trainer.Run(two, Wide(threads: 2));
            var (a, _) = Trainer.Load(two);
            Assert.Equal(2, Trainer.Concurrency(a, CPU, parts: 2));   // torch still has the run's 2 threads: the parts ran at once
        }
        finally { torch.set_num_threads(1); }
        var (x, _) = Trainer.Load(one);
        var (y, _) = Trainer.Load(two);
        Assert.Contains(y.parameters(), p => p.numel() > 32_768);
        AssertSameWeights(x, y, "between 1 and 2 threads");
        Assert.Equal(one.ReadMetrics().Select(r => (r.Step, r.Split, r.Loss, r.Top1)), two.ReadMetrics().Select(r => (r.Step, r.Split, r.Loss, r.Top1)));
        Assert.Equal(2, two.ReadConfig().Train.MicroBatches);
    }

    [Fact]
    public void ThePartsGradientsSumToTheWholeBatchs()
    {
        // Without dropout the parts compute the whole batch's mean loss and its gradient, only summed in pieces.
        var model = Tiny with { Dropout = 0, NumClasses = 4 };
        var batch = ShardData.Batches(ShardData.Shards(data.Folder, "training"), 50).First();   // 50: parts of 17, 17 and 16
        var results = new List<(float Loss, List<Tensor> Gradients)>();
        foreach (int parts in new[] { 1, 3 })
        {
            torch.manual_seed(11);
            var net = new RnnClassifier(model);
            net.train();
            var optimizer = optim.Adam(net.parameters(), lr: 0);   // lr 0: the step leaves the weights alone
            using var lossSum = zeros(1);
            using var correctSum = zeros(1);
            Trainer.Step(net, optimizer, batch, CPU, new TrainConfig { MicroBatches = parts, GradientClippingNorm = 0 }, 1, lossSum, correctSum);
            Assert.Equal(parts, new TrainConfig { MicroBatches = parts }.PartsOf(batch.Size, batchNorm: false));
            results.Add((lossSum.item<float>(), net.parameters().Select(p => p.grad!.clone()).ToList()));
        }
        Assert.Equal(results[0].Loss, results[1].Loss, 1e-4f);
        for (int i = 0; i < results[0].Gradients.Count; i++)
        {
            var (whole, summed) = (results[0].Gradients[i], results[1].Gradients[i]);
            double scale = whole.abs().max().item<float>();
            Assert.True(scale > 0, $"parameter {i} has no gradient");
            Assert.True((whole - summed).abs().max().item<float>() <= 1e-5 * Math.Max(1, scale), $"parameter {i}: the parts' gradients do not sum to the batch's");
        }
    }

    [Fact]
    public void RunsMadeBeforeMicroBatchesReadAsWholeBatches()
    {
        using var dir = new TempDir();
        var run = new RunFolder(dir.File("run"));
        run.WriteConfig(Config(steps: 5, microBatches: 3));
        Assert.Equal(3, run.ReadConfig().Train.MicroBatches);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(run.ConfigFile))!;
        Assert.True(json["train"]!.AsObject().Remove("microBatches"));
        File.WriteAllText(run.ConfigFile, json.ToJsonString());
        Assert.Equal(1, run.ReadConfig().Train.MicroBatches);
    }

    [Fact]
    public void LossFallsWithinAFewDozenStepsAndTheRunFolderDescribesItself()
    {
        using var dir = new TempDir();
        var run = new RunFolder(dir.File("run"));
        var summary = Trainer.Run(run, Config(steps: 40, evalEvery: 20));

        var train = run.ReadMetrics().Where(r => r.Split == "train").ToList();
        Assert.Equal(8, train.Count);
        Assert.True(train[^1].Loss < 0.8 * train[0].Loss, $"loss {train[0].Loss:F3} → {train[^1].Loss:F3}");
        var evals = run.ReadMetrics().Where(r => r.Split == "eval").Select(r => r.Step).ToList();
        Assert.Equal([20L, 40L], evals);
        Assert.Equal(80, summary.Final!.Examples);                  // the FULL eval set: 4 classes × 20
        Assert.True(summary.Completed);
        Assert.Equal(40, summary.Steps);

        var config = run.ReadConfig();
        Assert.Equal(4, config.Model.NumClasses);
        Assert.Equal([8, 8], config.Model.NumConv);
        Assert.Equal(["circle", "line", "square", "zigzag"], File.ReadAllLines(run.ClassesFile));
        Assert.True(File.Exists(run.ModelFile) && File.Exists(run.CheckpointFile));
    }

    [Fact]
    public void ResumingAfterAnInterruptionReachesTheSameWeights()
    {
        using var dir = new TempDir();
        var straight = new RunFolder(dir.File("straight"));
        Trainer.Run(straight, Config(steps: 20, batchSize: 32));   // 32: each batch in 2 parts

        var interrupted = new RunFolder(dir.File("interrupted"));
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress<TrainingProgress>(p => { if (p.Step == 10 && p.Eval == null && p.Message == null) cancel.Cancel(); });
        var first = Trainer.Run(interrupted, Config(steps: 20, batchSize: 32), progress: progress, cancel: cancel.Token);
        Assert.False(first.Completed);
        Assert.Equal(10, first.Steps);
        Assert.Throws<ActionableException>(() => Trainer.Run(interrupted, Config(steps: 20, batchSize: 32)));   // no silent overwrite
        var resumed = Trainer.Run(interrupted, Config(steps: 20, batchSize: 32), resume: true);
        Assert.True(resumed.Completed);

        var (a, _) = Trainer.Load(straight);
        var (b, _) = Trainer.Load(interrupted);
        AssertSameWeights(a, b, "after resuming");
        Assert.Equal(straight.ReadMetrics().Select(r => (r.Step, r.Split, r.Loss)), interrupted.ReadMetrics().Select(r => (r.Step, r.Split, r.Loss)));
    }

    [Fact]
    public void AWarmUpAndCosineScheduleIsAppliedAndAResumedRunFollowsIt()
    {
        using var dir = new TempDir();
        RunConfig Scheduled() { var c = Config(steps: 20); return c with { Train = c.Train with { WarmupSteps = 8, Decay = "cosine", FinalLearningRateFraction = 0 } }; }
        var constant = new RunFolder(dir.File("constant"));
        Trainer.Run(constant, Config(steps: 20));
        var straight = new RunFolder(dir.File("straight"));
        Trainer.Run(straight, Scheduled());
        Assert.Equal("cosine", straight.ReadConfig().Train.Decay);          // saved in config.json
        Assert.Equal(8, straight.ReadConfig().Train.WarmupSteps);

        var interrupted = new RunFolder(dir.File("interrupted"));
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress<TrainingProgress>(p => { if (p.Step == 10 && p.Eval == null && p.Message == null) cancel.Cancel(); });
        Trainer.Run(interrupted, Scheduled(), progress: progress, cancel: cancel.Token);
        Trainer.Run(interrupted, Scheduled(), resume: true);

        var (c, _) = Trainer.Load(constant);
        var (a, _) = Trainer.Load(straight);
        var (b, _) = Trainer.Load(interrupted);
        var pc = c.parameters().ToList();
        var pa = a.parameters().ToList();
        var pb = b.parameters().ToList();
        for (int i = 0; i < pa.Count; i++) Assert.True(pa[i].eq(pb[i]).all().item<bool>(), $"parameter {i} differs after resuming");
        Assert.False(pa.Zip(pc).All(p => p.First.eq(p.Second).all().item<bool>()), "the schedule changed nothing: it was not applied");
    }

    [Fact]
    public void ACheckpointRoundTripGivesIdenticalLogits()
    {
        using var dir = new TempDir();
        var run = new RunFolder(dir.File("run"));
        Trainer.Run(run, Config(steps: 5));
        var (model, _) = Trainer.Load(run);
        var (again, _) = Trainer.Load(run);
        var batch = ShardData.Batches(ShardData.Shards(data.Folder, "eval"), 16).First();
        var (ink, lengths, _) = batch.ToTensors(CPU);
        using var d = no_grad();
        Assert.True(model.call(ink, lengths).eq(again.call(ink, lengths)).all().item<bool>());
        Assert.True(model.call(ink, lengths).abs().sum().item<float>() > 0);
    }
}
