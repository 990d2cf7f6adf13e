using static TorchSharp.torch;

namespace QuickDraw.Model;

/// <summary>
/// A stacked bidirectional LSTM that respects each sequence's length: (B, T, C) and lengths (B) in,
/// (B, T, 2H) out — forward and backward outputs concatenated, zeros past each length. Both directions see only
/// real points, so a drawing's outputs do not depend on what it is batched with. Two implementations compute the
/// same function with the same parameters: <see cref="ExactBiLstm"/> (dense tensors, the fast path on CPU) and
/// <see cref="PackedBiLstm"/> (one torch LSTM over packed sequences, cuDNN's fast path on CUDA).
/// </summary>
public abstract class BiLstm(string name) : nn.Module<Tensor, Tensor, Tensor>(name)
{
    /// <summary>"dense" or "packed" (<see cref="ModelConfig.Recurrence"/>).</summary>
    public abstract string Path { get; }

    /// <summary>The name a parameter of this module (its name relative to the module) has in a single
    /// bidirectional torch LSTM (weight_ih_l0, weight_hh_l0_reverse, …): the layout every weight file uses, so
    /// weights move between the two implementations and load from runs trained before either existed.</summary>
    public abstract string LstmParameterName(string name);

}
