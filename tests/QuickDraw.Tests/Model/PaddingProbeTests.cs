using QuickDraw.Drawings;
using QuickDraw.Ink;
using QuickDraw.Model;
using TorchSharp;

namespace QuickDraw.Tests.Model;

public class PaddingProbeTests
{
    [Fact]
    public void Padding_changes_nothing_with_true_lengths_and_more_and_more_without()
    {
        torch.manual_seed(3);
        using var model = new RnnClassifier(new ModelConfig { NumConv = [8, 8], ConvLen = [3, 3], NumLayers = 1, NumNodes = 8, NumClasses = 5 });
        var ink = InkConverter.ToInk(SyntheticDoodles.Generate("house", new Random(2)));

        var effects = PaddingProbe.Run(model, ink, [0, 10, 40]);

        Assert.Equal([0, 10, 40], effects.Select(e => e.Padding));
        Assert.All(effects, e => Assert.True(e.ChangeWithLengths < 1e-5, $"padding {e.Padding} moved the logits by {e.ChangeWithLengths}"));
        Assert.Equal(0, effects[0].ChangeIgnoringLengths, 6);
        Assert.True(effects[1].ChangeIgnoringLengths > 1e-4 && effects[2].ChangeIgnoringLengths > effects[1].ChangeIgnoringLengths);
        Assert.True(model.training);                                           // left as it was found
    }
}
