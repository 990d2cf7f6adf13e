using QuickDraw.Training;

namespace QuickDraw.Tests.Training;

public class TrainConfigTests
{
    [Fact]
    public void LearningRateScalesLinearlyWithBatchOnlyWhenAsked()
    {
        Assert.Equal(1e-3, new TrainConfig { LearningRate = 1e-3, BatchSize = 512 }.EffectiveLearningRate, 15);
        Assert.Equal(8e-3, new TrainConfig { LearningRate = 1e-3, BatchSize = 512, LearningRateReferenceBatch = 64 }.EffectiveLearningRate, 15);
        Assert.Throws<ArgumentException>(() => new TrainConfig { LearningRateReferenceBatch = -1 }.Validate());
    }
}
