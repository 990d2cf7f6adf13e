using QuickDraw.Training;

namespace QuickDraw.Tests.Training;

public class LearningRateScheduleTests
{
    static readonly TrainConfig Cosine = new() { LearningRate = 2e-3, Steps = 1100, WarmupSteps = 100, Decay = "cosine", FinalLearningRateFraction = 0.05 };

    [Fact]
    public void TheTutorialsDefaultIsAConstantRate()
    {
        var t = new TrainConfig();
        Assert.All(new long[] { 1, 2, 500, 100_000 }, s => Assert.Equal(1e-4, LearningRateSchedule.At(t, s)));
        Assert.Equal("constant 1e-4", LearningRateSchedule.Describe(t));
    }

    [Fact]
    public void WarmUpRisesLinearlyToThePeakThenCosineFallsToTheFloorAtTheLastStep()
    {
        Assert.Equal(2e-5, LearningRateSchedule.At(Cosine, 1), 12);
        Assert.Equal(1e-3, LearningRateSchedule.At(Cosine, 50), 12);
        Assert.Equal(2e-3, LearningRateSchedule.At(Cosine, 100), 12);
        Assert.Equal(2e-3 * (0.05 + 0.95 * 0.5), LearningRateSchedule.At(Cosine, 600), 12);   // half-way down the cosine
        Assert.Equal(1e-4, LearningRateSchedule.At(Cosine, 1100), 12);                       // the floor: 5 % of the peak
        Assert.Equal(1e-4, LearningRateSchedule.At(Cosine, 5000), 12);                       // beyond the budget (a resumed, extended run)
        var rates = Enumerable.Range(100, 1001).Select(s => LearningRateSchedule.At(Cosine, s)).ToList();
        Assert.True(rates.Zip(rates.Skip(1)).All(p => p.Second <= p.First), "the decay never rises");
    }

    [Fact]
    public void LinearDecayWithWarmUpIsAOneCycleAndScalesWithTheReferenceBatch()
    {
        var t = Cosine with { Decay = "linear", FinalLearningRateFraction = 0, BatchSize = 128, LearningRateReferenceBatch = 64 };
        Assert.Equal(4e-3, LearningRateSchedule.At(t, 100), 12);
        Assert.Equal(2e-3, LearningRateSchedule.At(t, 600), 12);
        Assert.Equal(0, LearningRateSchedule.At(t, 1100), 12);
        Assert.Equal("4e-3, warm-up 100 steps, linear decay to 0% over 1,100 steps", LearningRateSchedule.Describe(t));
    }

    [Fact]
    public void BadSettingsAreRejectedWithTheirName()
    {
        Assert.Contains("--decay (decay) must be one of constant, cosine, linear, not 'step'", Assert.Throws<ArgumentException>(() => (Cosine with { Decay = "step" }).Validate()).Message);
        Assert.Contains("--warmup-steps (warmup_steps) must be ≥ 0, not -1", Assert.Throws<ArgumentException>(() => (Cosine with { WarmupSteps = -1 }).Validate()).Message);
        Assert.Contains("--final-learning-rate-fraction (final_learning_rate_fraction) must be a finite number ≥ 0 and ≤ 1", Assert.Throws<ArgumentException>(() => (Cosine with { FinalLearningRateFraction = 1.5 }).Validate()).Message);
        Assert.Contains("--final-learning-rate-fraction (final_learning_rate_fraction) must be a finite number ≥ 0 and ≤ 1", Assert.Throws<ArgumentException>(() => (Cosine with { FinalLearningRateFraction = double.NaN }).Validate()).Message);
    }
}
