using TorchSharp;

namespace QuickDraw.Tests;

public class TorchSmokeTests
{
    [Fact]
    public void NativeLibraryLoadsAndComputes()
    {
        using var a = torch.ones(2, 3);
        Assert.Equal(6f, a.sum().item<float>());
    }
}
