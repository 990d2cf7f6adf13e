using QuickDraw.Training;
using static TorchSharp.torch;

namespace QuickDraw.Tests.Training;

public class MetricsTests
{
    [Fact]
    public void TopKAndMap3OnHandMadeLogits()
    {
        // Rows: true class ranked 1st, 2nd, 3rd, 4th.
        var logits = tensor(new float[,]
        {
            { 9, 1, 2, 3 },   // label 0 → rank 1
            { 9, 8, 2, 3 },   // label 1 → rank 2
            { 9, 8, 7, 3 },   // label 2 → rank 3
            { 9, 8, 7, 6 },   // label 3 → rank 4
        });
        var labels = tensor(new long[] { 0, 1, 2, 3 });
        var acc = new MetricsAccumulator();
        acc.Add(logits, labels, meanLoss: 2.0);
        var m = acc.Result;
        Assert.Equal(4, m.Examples);
        Assert.Equal(0.25, m.Top1, 12);
        Assert.Equal(0.75, m.Top3, 12);
        Assert.Equal((1 + 0.5 + 1.0 / 3) / 4, m.Map3, 12);
        Assert.Equal(2.0, m.Loss, 12);
    }

    [Fact]
    public void LossIsWeightedByBatchSize()
    {
        var acc = new MetricsAccumulator();
        acc.Add(tensor(new float[,] { { 1, 0 } }), tensor(new long[] { 0 }), 1.0);
        acc.Add(tensor(new float[,] { { 1, 0 }, { 1, 0 }, { 1, 0 } }), tensor(new long[] { 0, 0, 0 }), 3.0);
        Assert.Equal(2.5, acc.Result.Loss, 12);
    }
}
