using QuickDraw.Training;

namespace QuickDraw.Tests.Training;

public class TrainingStreamTests(SyntheticShards data) : IClassFixture<SyntheticShards>
{
    List<HostBatch> Take(int n, bool bucket, long bucketAfter = 0, long skip = 0)
    {
        using var stream = new TrainingStream(ShardData.Shards(data.Folder, "training"), 8, seed: 3, shuffleBuffer: 64,
            bucketByLength: bucket, skipBatches: skip, bucketAfterBatches: bucketAfter);
        return Enumerable.Range(0, n).Select(_ => stream.Next()).ToList();
    }

    static bool Same(HostBatch a, HostBatch b) => a.Ink.SequenceEqual(b.Ink) && a.Lengths.SequenceEqual(b.Lengths) && a.Labels.SequenceEqual(b.Labels);

    static double Padding(IEnumerable<HostBatch> batches) => batches.Sum(b => (double)(b.PaddedSteps - b.RealSteps)) / batches.Sum(b => (double)b.PaddedSteps);

    [Fact]
    public void BucketingAfterAWarmUpStartsWithThePlainStreamThenPadsLess()
    {
        var plain = Take(120, bucket: false);
        var later = Take(120, bucket: true, bucketAfter: 40);
        Assert.All(Enumerable.Range(0, 40), i => Assert.True(Same(plain[i], later[i]), $"batch {i} differs from the plain stream's"));
        Assert.False(Same(plain[40], later[40]));
        double p = Padding(plain.Skip(40)), b = Padding(later.Skip(40));
        Assert.True(b < 0.5 * p, $"padding after the warm-up: {b:P0} bucketed vs {p:P0} plain");
        Assert.All(later.Skip(40), x => Assert.Equal(8, x.Size));
    }

    [Fact]
    public void TheSameSeedGivesTheSameBatchesAndSkippingResumesThem()
    {
        var a = Take(60, bucket: true, bucketAfter: 20);
        var b = Take(60, bucket: true, bucketAfter: 20);
        Assert.All(Enumerable.Range(0, 60), i => Assert.True(Same(a[i], b[i]), $"batch {i} differs"));
        var resumed = Take(30, bucket: true, bucketAfter: 20, skip: 30);      // a run resumed at step 30
        Assert.All(Enumerable.Range(0, 30), i => Assert.True(Same(a[30 + i], resumed[i]), $"resumed batch {i} differs"));
    }
}
