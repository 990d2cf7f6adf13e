using static TorchSharp.torch;

namespace QuickDraw.Model;

/// <summary>
/// Inference for the length of a <c>using</c> block: the module in eval mode (no dropout) with gradients off;
/// disposing turns gradients back on and restores the module's training flag, whatever it was.
/// <code>using (EvalMode.Of(model)) { var logits = model.call(ink, lengths); }</code>
/// </summary>
public sealed class EvalMode : IDisposable
{
    readonly nn.Module module;
    readonly bool wasTraining;
    readonly IDisposable noGrad;

    EvalMode(nn.Module module)
    {
        this.module = module;
        wasTraining = module.training;
        module.eval();
        noGrad = no_grad();
    }

    /// <summary>Puts <paramref name="module"/> in eval mode with gradients off until the result is disposed.</summary>
    public static EvalMode Of(nn.Module module) => new(module);

    public void Dispose()
    {
        noGrad.Dispose();
        module.train(wasTraining);
    }
}
