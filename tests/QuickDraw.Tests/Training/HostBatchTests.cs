using QuickDraw.Shards;
using QuickDraw.Training;

namespace QuickDraw.Tests.Training;

/// <summary>A batch cut into parts for the trainer's concurrent passes (TrainConfig.MicroBatches).</summary>
public class HostBatchTests
{
    static HostBatch Batch(params int[] lengths) => HostBatch.Pad(lengths.Select((n, i) =>
        new InkRecord([.. Enumerable.Range(0, n * 3).Select(k => (float)(100 * i + k))], n, ClassIndex: i)).ToList());

    [Fact]
    public void PartsAreDealtByLengthAndPaddedToTheirOwnLongest()
    {
        var batch = Batch(3, 9, 1, 7, 5, 2, 8);
        var parts = batch.Deal(2);
        Assert.Equal(2, parts.Count);
        // By length: 9 8 7 5 3 2 1 → part 0 gets 9 7 3 1, part 1 gets 8 5 2; each keeps the batch's order.
        Assert.Equal([3L, 9, 1, 7], parts[0].Lengths);
        Assert.Equal([5L, 2, 8], parts[1].Lengths);
        Assert.Equal([9, 8], parts.Select(p => p.MaxLength));
        Assert.Equal(batch.Labels.Order(), parts.SelectMany(p => p.Labels).Order());   // every drawing once
        foreach (var part in parts)
            for (int r = 0; r < part.Size; r++)
            {
                long label = part.Labels[r];
                var row = part.Ink.AsSpan(r * part.MaxLength * 3, part.MaxLength * 3);
                var original = batch.Ink.AsSpan((int)label * batch.MaxLength * 3, (int)part.Lengths[r] * 3);
                Assert.True(row[..original.Length].SequenceEqual(original), $"drawing {label}'s points");
                Assert.All(row[original.Length..].ToArray(), v => Assert.Equal(0f, v));           // zero padding
            }
    }

    [Fact]
    public void APartHasAtLeastSixteenDrawingsAndBatchNormNeverCutsTheBatch()
    {
        var two = new TrainConfig { MicroBatches = 2 };
        Assert.Equal([1, 1, 1, 2, 2, 2], new[] { 1, 8, 31, 32, 64, 512 }.Select(b => two.PartsOf(b, batchNorm: false)));
        Assert.Equal(3, new TrainConfig { MicroBatches = 4 }.PartsOf(50, batchNorm: false));
        Assert.Equal(1, new TrainConfig { MicroBatches = 4 }.PartsOf(512, batchNorm: true));
    }

    [Fact]
    public void OnePartIsTheBatchAndThereAreNeverMorePartsThanDrawings()
    {
        var batch = Batch(4, 2, 6);
        Assert.Same(batch, Assert.Single(batch.Deal(1)));
        Assert.Equal(3, batch.Deal(8).Count);
        Assert.All(batch.Deal(8), p => Assert.Equal(1, p.Size));
    }
}
