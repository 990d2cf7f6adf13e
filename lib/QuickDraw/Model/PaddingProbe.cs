using static TorchSharp.torch;

namespace QuickDraw.Model;

/// <summary>
/// The padding experiment: in a batch, short drawings are padded with zeros up to the longest one. A model that
/// respects lengths gives a drawing the same logits whatever it is batched with; one that reads the padding as
/// ink (the sum over time counts the padded outputs, the backward LSTM starts in the zeros) drifts further the
/// more padding there is — the tutorial's cudnn path does this for its backward direction.
/// </summary>
public static class PaddingProbe
{
    /// <summary>Runs one drawing (flattened [N, 3] ink) alone and with each amount of padding, in eval mode.</summary>
    public static IReadOnlyList<PaddingEffect> Run(RnnClassifier model, float[] ink, IReadOnlyList<int> paddings)
    {
        if (ink.Length < 3 || ink.Length % 3 != 0) throw new ArgumentException("ink must be a flattened [N, 3] array with N ≥ 1", nameof(ink));
        int n = ink.Length / 3;
        using var _ = EvalMode.Of(model);
        using var scope = NewDisposeScope();
        var alone = Logits(model, ink, n, n);
        return paddings.Select(p =>
        {
            var padded = new float[(n + p) * 3];
            ink.CopyTo(padded, 0);
            double withLengths = (Logits(model, padded, n + p, n) - alone).abs().max().item<float>();
            double ignoring = (Logits(model, padded, n + p, n + p) - alone).abs().max().item<float>();
            return new PaddingEffect(p, withLengths, ignoring);
        }).ToList();
    }

    static Tensor Logits(RnnClassifier model, float[] ink, int steps, int length) =>
        model.call(tensor(ink, [1, steps, 3]), tensor(new long[] { length }));
}
