using QuickDraw.Training;

namespace QuickDraw.Tests.Training;

public class TrainingEtaTests
{
    [Fact]
    public void TheFirstReportIsTheWarmUpAndThePaceAfterItGivesTheEta()
    {
        var eta = new TrainingEta(totalSteps: 1000);
        Assert.Null(eta.Observe(25, 9.0));                 // the first 25 steps paid for start-up: not a pace
        Assert.Equal(950 * 0.2, eta.Observe(50, 14.0)!.Value, 9);  // 25 steps in 5 s after the warm-up
        Assert.Equal(0.2, eta.SecondsPerStep!.Value, 9);
        Assert.Equal(900 * 0.3, eta.Observe(100, 31.5)!.Value, 9);  // 75 steps in 22.5 s since the anchor (an evaluation, a loaded machine)
        Assert.Equal(0, eta.Observe(1000, 300.0));
    }

    [Fact]
    public void ATimeCapEndsTheEstimateWhenItComesFirst()
    {
        Assert.Equal(50, TrainingEta.SecondsLeft(10, 10, 20, 20, totalSteps: 1000, maxSeconds: 70)!.Value, 9);
        Assert.Equal(980, TrainingEta.SecondsLeft(10, 10, 20, 20, totalSteps: 1000, maxSeconds: 5000)!.Value, 9);
        Assert.Equal(0, TrainingEta.SecondsLeft(10, 10, 20, 90, totalSteps: 1000, maxSeconds: 70)!.Value, 9);
        Assert.Null(TrainingEta.SecondsLeft(10, 10, 10, 12, totalSteps: 1000, maxSeconds: 0));
    }

    [Fact]
    public void AResumedRunAnchorsAgain()
    {
        var eta = new TrainingEta(totalSteps: 100);
        eta.Observe(10, 5);
        eta.Observe(20, 10);
        Assert.Null(eta.Observe(5, 1));                    // a report before the anchor: a new start (resume)
        Assert.Equal(85 * 1.0, eta.Observe(15, 11)!.Value, 9);
    }

    [Theory]
    [InlineData(0.4, "0 s")]
    [InlineData(42, "42 s")]
    [InlineData(185, "3 min 05 s")]
    [InlineData(7620, "2 h 07 min")]
    public void DurationsReadAsPeopleSayThem(double seconds, string text) => Assert.Equal(text, TrainingEta.Format(seconds));
}
