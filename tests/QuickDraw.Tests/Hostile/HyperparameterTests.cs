using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Tests.Hostile;

/// <summary>Hyperparameters from the command line: NaN, infinity and absurd sizes are errors saying which option.</summary>
public class HyperparameterTests
{
    [Theory]
    [InlineData(double.NaN, "--learning-rate (learning_rate) must be a finite number > 0 and ≤ 1, not NaN")]
    [InlineData(double.PositiveInfinity, "--learning-rate (learning_rate) must be a finite number > 0 and ≤ 1, not Infinity")]
    [InlineData(0.0, "--learning-rate (learning_rate) must be a finite number > 0 and ≤ 1, not 0")]
    [InlineData(5.0, "--learning-rate (learning_rate) must be a finite number > 0 and ≤ 1, not 5")]
    public void TheLearningRateMustBeFiniteAndInRange(double lr, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => new TrainConfig { LearningRate = lr }.Validate()).Message);

    [Fact]
    public void OtherSettingsAreCheckedLikewise()
    {
        string Error(TrainConfig c) => Assert.Throws<ArgumentException>(c.Validate).Message;
        Assert.Equal("--batch-size (batch_size) must be 1 to 16,384, not 100,000,000", Error(new TrainConfig { BatchSize = 100_000_000 }));
        Assert.Equal("--gradient-clipping-norm (gradient_clipping_norm) must be a finite number ≥ 0, not NaN", Error(new TrainConfig { GradientClippingNorm = double.NaN }));
        Assert.Equal("--max-seconds (max_seconds) must be a finite number ≥ 0, not -Infinity", Error(new TrainConfig { MaxSeconds = double.NegativeInfinity }));
        Assert.Equal("--shuffle-buffer (shuffle_buffer) must be 1 to 10,000,000, not 2,000,000,000", Error(new TrainConfig { ShuffleBuffer = 2_000_000_000 }));
        new TrainConfig().Validate();

        string Model(ModelConfig m) => Assert.Throws<ArgumentException>(m.Validate).Message;
        Assert.Equal("--dropout (dropout) must be a finite number ≥ 0 and < 1, not NaN", Model(new ModelConfig { Dropout = double.NaN }));
        Assert.Equal("--num-nodes (num_nodes) must be 1 to 4,096, not 1,000,000", Model(new ModelConfig { NumNodes = 1_000_000 }));
        new ModelConfig().Validate();
    }
}
