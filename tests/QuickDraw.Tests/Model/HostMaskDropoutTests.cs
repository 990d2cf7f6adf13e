using QuickDraw.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace QuickDraw.Tests.Model;

/// <summary>The host-drawn dropout mask: torch's dropout semantics (rate, scaling, identity in eval, gradient
/// through the mask) and torch's seeding (same manual_seed, same mask).</summary>
public class HostMaskDropoutTests
{
    [Fact]
    public void DropsTheRateAndScalesTheRestSoTheMeanStays()
    {
        using var dropout = new HostMaskDropout(0.3);
        dropout.train();
        torch.manual_seed(1);
        var y = dropout.call(ones(1000, 1001));                 // an odd count: the tail is filled too
        float scale = 65536f / 45875f;                           // keep = round(0.7 · 65536) / 65536
        var kept = y.gt(0);
        Assert.True((y.eq(0) | y.eq(scale)).all().item<bool>(), "every element is 0 or 1/keep");
        double keptFraction = kept.to_type(ScalarType.Float64).mean().item<double>();
        Assert.InRange(keptFraction, 0.7 - 0.003, 0.7 + 0.003);
        Assert.InRange(y.to_type(ScalarType.Float64).mean().item<double>(), 1 - 0.005, 1 + 0.005);
        // Neighbouring elements are independent (each 16-bit draw of a 64-bit number decides one).
        var pairs = (kept.view(-1).narrow(0, 0, 1_000_000).view(-1, 2).to_type(ScalarType.Float64).sum(1).eq(2)).to_type(ScalarType.Float64).mean().item<double>();
        Assert.InRange(pairs, 0.49 - 0.004, 0.49 + 0.004);
    }

    [Fact]
    public void TheMaskFollowsTorchsSeedAndTheGradientGoesThroughIt()
    {
        using var dropout = new HostMaskDropout(0.5);
        dropout.train();
        // (Own generators: tests in other classes draw from torch's default one in parallel.)
        var a = dropout.Mask([3, 5, 7], generator: new Generator(7));
        var again = new Generator(7);
        var b = dropout.Mask([3, 5, 7], generator: again);
        Assert.True(a.equal(b).all().item<bool>());
        Assert.False(dropout.Mask([3, 5, 7], generator: again).equal(b).all().item<bool>());   // the next draw differs
        var x = ones(3, 5, 7, requires_grad: true);
        var y = dropout.call(x);
        y.sum().backward();
        Assert.True(x.grad!.equal(y.detach()).all().item<bool>());                  // d(x·m)/dx = m
        dropout.eval();
        var z = randn(4, 4);
        Assert.True(dropout.call(z).equal(z).all().item<bool>());
    }

    [Fact]
    public void ARateOutsideZeroToOneIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new HostMaskDropout(1));
        Assert.Throws<ArgumentException>(() => new HostMaskDropout(-0.1));
    }
}
