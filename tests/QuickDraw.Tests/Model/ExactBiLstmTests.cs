using QuickDraw.Model;
using QuickDraw.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace QuickDraw.Tests.Model;

/// <summary>The dense recurrent path against the packed one (the torch LSTM over packed sequences we trained
/// with before): same weights → same logits and gradients; weight files and checkpoints move between them.</summary>
public class ExactBiLstmTests
{
    static ModelConfig Config(int layers, bool batchNorm, string recurrence) =>
        new() { NumConv = [8, 12], ConvLen = [5, 3], NumLayers = layers, NumNodes = 16, NumClasses = 5, Dropout = 0, BatchNorm = batchNorm, Recurrence = recurrence };

    // A batch whose lengths differ a lot (1 to T), with junk past each end: neither path may read it.
    static (Tensor Ink, Tensor Lengths, Tensor Labels) Batch(int seed)
    {
        var g = new Generator((ulong)seed);
        var lengths = tensor(new long[] { 31, 1, 17, 31, 5, 24 });
        var ink = randn(6, 31, 3, generator: g);
        var labels = tensor(new long[] { 0, 1, 2, 3, 4, 0 });
        return (ink, lengths, labels);
    }

    static RnnClassifier Copy(RnnClassifier from, string recurrence)
    {
        var to = new RnnClassifier(from.Config with { Recurrence = recurrence });
        var buffer = new MemoryStream();
        from.save(buffer);                                   // (closes the stream)
        to.load(new MemoryStream(buffer.ToArray()));
        return to;
    }

    static float MaxRelative(Tensor a, Tensor b) => ((a - b).abs().max() / b.abs().max().clamp_min(1)).item<float>();

    [Theory]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(3, false)]
    [InlineData(3, true)]
    public void DenseGivesThePackedLogitsAndGradientsWithTheSameWeights(int layers, bool batchNorm)
    {
        torch.manual_seed(7);
        using var packed = new RnnClassifier(Config(layers, batchNorm, "packed"));
        using var dense = Copy(packed, "dense");
        Assert.Equal("packed", packed.Recurrence);
        Assert.Equal("dense", dense.Recurrence);
        var (ink, lengths, labels) = Batch(8);
        Assert.True(TimeChunks.Plan([31, 31, 24, 17, 5, 1]).Count > 1);   // the batch exercises the chunked path

        var grads = new List<Dictionary<string, Tensor>>();
        var logits = new List<Tensor>();
        foreach (var model in new[] { packed, dense })
        {
            model.train();                                   // batch norm with batch statistics; dropout is 0
            var y = model.call(ink, lengths);
            nn.functional.cross_entropy(y, labels).backward();
            logits.Add(y.detach());
            grads.Add(model.state_dict().Where(kv => kv.Value.requires_grad).ToDictionary(kv => kv.Key, kv => kv.Value.grad!));
        }
        float dLogits = (logits[0] - logits[1]).abs().max().item<float>();
        Assert.True(dLogits < 1e-5, $"logits differ by {dLogits}");
        Assert.Equal(grads[0].Keys.Order(), grads[1].Keys.Order());
        Assert.Contains("lstm.weight_hh_l0_reverse", grads[1].Keys);
        foreach (var (name, g) in grads[0])
        {
            Assert.True(g.abs().max().item<float>() > 0, $"{name}: no gradient reached it");
            float d = MaxRelative(grads[1][name], g);
            Assert.True(d < 1e-5, $"{name}: gradients differ by {d} (relative to max(1, max |g|))");
        }
    }

    [Fact]
    public void ManyChunksGiveThePackedLogitsAndGradientsToo()
    {
        // 48 drawings of lengths spread over 1–60, shuffled: the plan cuts the time axis several times (time-major
        // chunks, state carried across each cut for the rows still drawing).
        long[] lengths = Enumerable.Range(0, 48).Select(i => (long)(i * 37 % 60 + 1)).ToArray();
        Assert.True(TimeChunks.Plan(lengths.OrderDescending().ToArray()).Count >= 6);
        torch.manual_seed(11);
        using var packed = new RnnClassifier(Config(2, false, "packed"));
        using var dense = Copy(packed, "dense");
        var ink = randn(lengths.Length, 60, 3, generator: new Generator(12));
        var labels = tensor(lengths.Select(l => l % 5).ToArray());
        var grads = new List<Dictionary<string, Tensor>>();
        var logits = new List<Tensor>();
        foreach (var model in new[] { packed, dense })
        {
            model.train();
            var y = model.call(ink, tensor(lengths));
            nn.functional.cross_entropy(y, labels).backward();
            logits.Add(y.detach());
            grads.Add(model.state_dict().Where(kv => kv.Value.requires_grad).ToDictionary(kv => kv.Key, kv => kv.Value.grad!));
        }
        float dLogits = (logits[0] - logits[1]).abs().max().item<float>();
        Assert.True(dLogits < 1e-5, $"logits differ by {dLogits}");
        foreach (var (name, g) in grads[0])
        {
            float d = MaxRelative(grads[1][name], g);
            Assert.True(d < 1e-5, $"{name}: gradients differ by {d} (relative to max(1, max |g|))");
        }
    }

    [Fact]
    public void WeightsOfTheOldPackedLayoutLoadIntoTheDenseModelAndBack()
    {
        torch.manual_seed(3);
        using var packed = new RnnClassifier(Config(2, false, "packed"));
        var file = Path.Combine(Path.GetTempPath(), $"qd-old-layout-{Guid.NewGuid():N}.bin");
        try
        {
            packed.save(file);                                // the layout of every model.bin written before
            using var dense = new RnnClassifier(packed.Config with { Recurrence = "dense" });
            dense.load(file);
            using var again = Copy(dense, "packed");          // and the dense model writes the same layout
            var (ink, lengths, _) = Batch(4);
            packed.eval(); dense.eval(); again.eval();
            using var _ = no_grad();
            var y = packed.call(ink, lengths);
            Assert.True((dense.call(ink, lengths) - y).abs().max().item<float>() < 1e-5);
            Assert.True((again.call(ink, lengths) - y).abs().max().item<float>() == 0);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void ACheckpointOfThePackedModelResumesOnTheDensePathWithItsAdamState()
    {
        torch.manual_seed(5);
        var (ink, lengths, labels) = Batch(9);
        void Train(RnnClassifier m, TorchSharp.Modules.OptimizerHelper opt, int steps)
        {
            for (int i = 0; i < steps; i++)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                nn.functional.cross_entropy(m.call(ink, lengths), labels).backward();
                opt.step();
            }
        }
        using var packed = new RnnClassifier(Config(2, true, "packed"));
        var packedOpt = optim.Adam(packed.parameters(), lr: 1e-2);
        Train(packed, packedOpt, 3);
        var file = Path.Combine(Path.GetTempPath(), $"qd-ckpt-{Guid.NewGuid():N}.bin");
        try
        {
            Checkpoint.Save(file, packed, packedOpt, new Checkpoint.Position(3, 1, 18));
            using var dense = new RnnClassifier(packed.Config with { Recurrence = "dense" });
            var denseOpt = optim.Adam(dense.parameters(), lr: 1e-2);
            Assert.Equal(3, Checkpoint.Load(file, dense, denseOpt).Step);
            // Adam's moments are kept by parameter position: wrong positions would move the weights differently.
            Train(packed, packedOpt, 3);
            Train(dense, denseOpt, 3);
            var a = packed.state_dict();
            foreach (var (name, w) in dense.state_dict())
                Assert.True(MaxRelative(w, a[name]) < 1e-4, $"{name} differs after resuming");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void ChunksCoverEveryRealStepOfEveryDrawingOnce()
    {
        long[] lengths = [98, 90, 71, 60, 55, 54, 40, 33, 20, 12, 5, 1];
        var plan = TimeChunks.Plan(lengths);
        Assert.True(plan.Count > 1);
        Assert.Equal(0, plan[0].Start);
        Assert.Equal(98, plan[^1].End);
        for (int k = 0; k < plan.Count; k++)
        {
            if (k > 0) Assert.Equal(plan[k - 1].End, plan[k].Start);
            Assert.Equal(lengths.Count(l => l > plan[k].Start), plan[k].Rows);   // every drawing still drawing
        }
        Assert.True(plan.Sum(c => c.Rows * (c.End - c.Start)) < 0.8 * lengths.Length * 98);
        Assert.Single(TimeChunks.Plan([50, 50, 49, 48]));                     // bucketed: one dense call
    }

    [Fact]
    public void AutoPicksDenseOnCpuAndPackedOnCuda()
    {
        var config = Config(1, false, "auto");
        using var cpu = new RnnClassifier(config, CPU);
        using var unspecified = new RnnClassifier(config);
        Assert.Equal("dense", cpu.Recurrence);
        Assert.Equal("dense", unspecified.Recurrence);
        // Building on the CUDA device type does not need a GPU: the module is created on the CPU.
        using var cuda = new RnnClassifier(config, new Device(DeviceType.CUDA));
        Assert.Equal("packed", cuda.Recurrence);
        Assert.Contains("--recurrence (recurrence) must be one of auto, dense, packed, not 'fast'", Assert.Throws<ArgumentException>(() => (config with { Recurrence = "fast" }).Validate()).Message);
    }
}
