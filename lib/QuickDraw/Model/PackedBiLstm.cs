using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace QuickDraw.Model;

/// <summary>
/// The stacked BiLSTM as one torch LSTM over packed sequences (pack → LSTM → unpack). Exact for every length;
/// on CUDA cuDNN runs it fast, on CPU the packed kernel is several times slower than <see cref="ExactBiLstm"/>.
/// Dropout between layers (torch's own; none with one layer, where torch would only warn that it does nothing).
/// </summary>
public sealed class PackedBiLstm : BiLstm
{
    readonly LSTM lstm;

    public PackedBiLstm(long inputSize, long hiddenSize, int layers, double dropout) : base(nameof(PackedBiLstm))
    {
        lstm = nn.LSTM(inputSize, hiddenSize, layers, batchFirst: true, dropout: layers > 1 ? dropout : 0, bidirectional: true);
        RegisterComponents();
    }

    public override string Path => "packed";

    /// <param name="x">(B, T, C).</param>
    /// <param name="lengths">(B) int64 on the CPU, each ≥ 1.</param>
    /// <returns>(B, T, 2H), zeros past each length.</returns>
    public override Tensor forward(Tensor x, Tensor lengths)
    {
        var packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first: true, enforce_sorted: false);
        var (packedOut, _, _) = lstm.call(packed);
        var (outputs, _) = nn.utils.rnn.pad_packed_sequence(packedOut, batch_first: true, total_length: x.shape[1]);
        return outputs;
    }

    const string Prefix = "lstm.";
    public override string LstmParameterName(string name) => name.StartsWith(Prefix) ? name[Prefix.Length..] : name;
}
