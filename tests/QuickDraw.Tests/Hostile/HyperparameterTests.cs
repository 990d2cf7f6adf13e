using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Tests.Hostile;

/// <summary>Hyperparameters from the command line: NaN, infinity and absurd sizes are errors saying which option.</summary>
public class HyperparameterTests
{
    [Theory]
    [InlineData(double.NaN, "LearningRate (--lr) must be a finite number > 0 and ≤ 1, not NaN")]
    [InlineData(double.PositiveInfinity, "LearningRate (--lr) must be a finite number > 0 and ≤ 1, not Infinity")]
    [InlineData(0.0, "LearningRate (--lr) must be a finite number > 0 and ≤ 1, not 0")]
    [InlineData(5.0, "LearningRate (--lr) must be a finite number > 0 and ≤ 1, not 5")]
    public void TheLearningRateMustBeFiniteAndInRange(double lr, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => new TrainConfig { LearningRate = lr }.Validate()).Message);

    [Fact]
    public void OtherSettingsAreCheckedLikewise()
    {
        string Error(TrainConfig c) => Assert.Throws<ArgumentException>(c.Validate).Message;
        Assert.Equal("BatchSize (--batch-size) must be 1 to 16,384, not 100,000,000", Error(new TrainConfig { BatchSize = 100_000_000 }));
        Assert.Equal("GradientClippingNorm (--clip) must be a finite number ≥ 0, not NaN", Error(new TrainConfig { GradientClippingNorm = double.NaN }));
        Assert.Equal("MaxSeconds (--max-minutes × 60) must be a finite number ≥ 0, not -Infinity", Error(new TrainConfig { MaxSeconds = double.NegativeInfinity }));
        Assert.Equal("ShuffleBuffer (--shuffle-buffer) must be 1 to 10,000,000, not 2,000,000,000", Error(new TrainConfig { ShuffleBuffer = 2_000_000_000 }));
        new TrainConfig().Validate();

        string Model(ModelConfig m) => Assert.Throws<ArgumentException>(m.Validate).Message;
        Assert.Equal("Dropout (--dropout) must be a finite number in [0, 1), not NaN", Model(new ModelConfig { Dropout = double.NaN }));
        Assert.Equal("NumNodes (--num-nodes) must be 1 to 4,096", Model(new ModelConfig { NumNodes = 1_000_000 }));
        new ModelConfig().Validate();
    }
}
