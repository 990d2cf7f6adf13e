using QuickDraw.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace QuickDraw.Tests.Model;

public class RnnClassifierTests
{
    static readonly ModelConfig Small = new() { NumConv = [8, 12], ConvLen = [5, 3], NumLayers = 2, NumNodes = 16, NumClasses = 5, Dropout = 0.3 };

    static Tensor RandomInk(int B, int T, int seed)
    {
        var g = new Generator((ulong)seed);
        return randn(B, T, 3, generator: g);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LogitsOfADrawingDoNotDependOnWhatItIsBatchedWith(bool meanOverTime)
    {
        torch.manual_seed(1);
        using var model = new RnnClassifier(Small with { BatchNorm = true, MeanOverTime = meanOverTime });
        model.eval();
        using var d = no_grad();
        var alone = RandomInk(1, 7, 2);
        var aloneLogits = model.call(alone, tensor(new long[] { 7 }));

        // Batched with much longer drawings: padded to 60 steps with zeros (and junk would not matter either).
        var batch = zeros(3, 60, 3);
        batch[0] = RandomInk(1, 60, 3)[0];
        batch[1, TensorIndex.Slice(0, 7)] = alone[0];
        batch[2] = RandomInk(1, 60, 4)[0];
        var batchLogits = model.call(batch, tensor(new long[] { 60, 7, 60 }));

        var diff = (batchLogits[1] - aloneLogits[0]).abs().max().item<float>();
        Assert.True(diff < 1e-5, $"logits differ by {diff}");
    }

    [Fact]
    public void TutorialCudnnStyleUnpackedBackwardPassWouldDiffer()
    {
        // The control for the test above: a bidirectional LSTM run plainly over the padding changes the answer,
        // so the invariance really comes from respecting lengths (packing, or ExactBiLstm's in-place reversal).
        torch.manual_seed(1);
        using var lstm = nn.LSTM(3, 8, 1, batchFirst: true, bidirectional: true);
        using var d = no_grad();
        var x = RandomInk(1, 5, 5);
        var padded = cat([x, zeros(1, 20, 3)], 1);
        var (a, _, _) = lstm.call(x);
        var (b, _, _) = lstm.call(padded);
        Assert.True((a.sum(1) - b[.., ..5].sum(1)).abs().max().item<float>() > 1e-3);
    }

    [Fact]
    public void ShapesAndParameterCountMatchTheTutorialGraph()
    {
        using var model = new RnnClassifier(new ModelConfig { NumClasses = 345 });
        using var d = no_grad();
        model.eval();
        var logits = model.call(zeros(4, 33, 3), tensor(new long[] { 33, 10, 1, 20 }));
        Assert.Equal(new long[] { 4, 345 }, logits.shape);
        // conv: 3·48·5+48, 48·64·5+64, 64·96·3+96; LSTM layer l (per direction): 4·128·(in+128) + 8·128;
        // in = 96, then 256, 256; dense 256·345 + 345.
        long conv = (3 * 48 * 5 + 48) + (48 * 64 * 5 + 64) + (64 * 96 * 3 + 96);
        long lstm = 2 * ((4 * 128 * (96 + 128) + 8 * 128) + 2 * (4 * 128 * (256 + 128) + 8 * 128));
        long dense = 256 * 345 + 345;
        Assert.Equal(conv + lstm + dense, model.ParameterCount);
        Assert.Equal(model.ParameterCount, model.Summary().Sum(r => r.Parameters));
        Assert.Equal("conv48-64-96_k5-5-3_lstm3x128", model.Config.Label);
        Assert.Equal("conv48-64-96_k5-5-3_lstm3x128_bn_mean", (model.Config with { BatchNorm = true, MeanOverTime = true }).Label);
    }

    [Fact]
    public void ATinyBatchOverfitsToFullAccuracy()
    {
        torch.manual_seed(3);
        using var model = new RnnClassifier(Small with { Dropout = 0 });
        var x = RandomInk(10, 12, 6);
        var lengths = tensor(new long[] { 12, 9, 5, 12, 3, 7, 12, 11, 4, 6 });
        var labels = tensor(new long[] { 0, 1, 2, 3, 4, 0, 1, 2, 3, 4 });
        var opt = optim.Adam(model.parameters(), lr: 1e-2);
        for (int i = 0; i < 150; i++)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.call(x, lengths), labels);
            opt.zero_grad(); loss.backward(); opt.step();
        }
        model.eval();
        using var d = no_grad();
        Assert.Equal(1.0, model.call(x, lengths).argmax(1).eq(labels).to_type(ScalarType.Float32).mean().item<float>());
    }

    [Fact]
    public void BadConfigsAreClearErrors()
    {
        Assert.Contains("one kernel length per convolution", Assert.Throws<ArgumentException>(() => new ModelConfig { NumConv = [8], ConvLen = [3, 3] }.Validate()).Message);
        Assert.Contains("odd", Assert.Throws<ArgumentException>(() => new ModelConfig { ConvLen = [4, 5, 3] }.Validate()).Message);
    }
}
