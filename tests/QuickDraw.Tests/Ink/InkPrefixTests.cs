using QuickDraw.Drawings;
using QuickDraw.Ink;
using QuickDraw.Training;

namespace QuickDraw.Tests.Ink;

public class InkPrefixTests
{
    [Fact]
    public void HalfOfTwoStrokesIsTheFirstStrokeRenormalised()
    {
        // Stroke 1: (0,0) (10,0) (10,10)*; stroke 2: (20,20) (40,40)*. Box of stroke 1 alone: 10 × 10.
        var full = InkConverter.ToInk(new Drawing("t", [new Stroke([0, 10, 10], [0, 0, 10]), new Stroke([20, 40], [20, 40])]));
        var firstOnly = InkConverter.ToInk(new Drawing("t", [new Stroke([0, 10, 10], [0, 0, 10])]));
        var prefix = InkPrefix.ByStrokeFraction(full, 0.5);
        Assert.Equal(firstOnly.Length, prefix.Length);
        for (int i = 0; i < prefix.Length; i++) Assert.Equal(firstOnly[i], prefix[i], 5);
        Assert.Same(full, InkPrefix.ByStrokeFraction(full, 1.0));
    }
}
