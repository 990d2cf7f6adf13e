using System.Text.RegularExpressions;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace QuickDraw.Model;

/// <summary>
/// The stacked BiLSTM on dense, right-padded tensors, exact for every length without packing:
/// a forward LSTM over right-padded input computes every real step exactly (the padding only follows them), and
/// the backward direction is the same forward LSTM run over each drawing with its real points reversed in place
/// (a gather by length; the padding stays behind them), its outputs reversed back the same way.
/// Per layer l:  x → [LSTM_l→(x), reverse(LSTM_l←(reverse(x)))] (B, T, 2H) → dropout → layer l+1.
/// It gives the packed result (<see cref="PackedBiLstm"/>) to float precision on the dense kernel, which is
/// several times faster than the packed one on CPU; bucketing by length then removes most of the padding it runs.
/// </summary>
public sealed class ExactBiLstm : BiLstm
{
    // One unidirectional single-layer LSTM per layer and direction, in the order of a bidirectional torch LSTM's
    // parameters (layer 0 forward, layer 0 backward, layer 1 forward, …): parameters() has the same order and
    // shapes as PackedBiLstm's, so an optimizer's state (kept by position) carries over between the two.
    readonly ModuleList<LSTM> directions = new();
    readonly Dropout dropout;
    readonly int layers;
    readonly double dropoutRate;

    public ExactBiLstm(long inputSize, long hiddenSize, int layers, double dropout) : base(nameof(ExactBiLstm))
    {
        this.layers = layers;
        dropoutRate = dropout;
        for (int l = 0; l < layers; l++)
        {
            long input = l == 0 ? inputSize : 2 * hiddenSize;
            directions.Add(nn.LSTM(input, hiddenSize, 1, batchFirst: true));   // forward in time
            directions.Add(nn.LSTM(input, hiddenSize, 1, batchFirst: true));   // backward in time (on reversed drawings)
        }
        this.dropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    public override string Path => "dense";

    /// <param name="x">(B, T, C), any values past each length (they never reach a real step).</param>
    /// <param name="lengths">(B) int64 on the CPU, each ≥ 1.</param>
    /// <returns>(B, T, 2H), zeros past each length.</returns>
    public override Tensor forward(Tensor x, Tensor lengths)
    {
        long B = x.shape[0], T = x.shape[1];
        var (reversal, mask) = Reversal(lengths, T, x.device);      // (B·T) rows, (B, T, 1)
        for (int l = 0; l < layers; l++)
        {
            if (l > 0 && dropoutRate > 0) x = dropout.call(x);      // between layers, as torch's LSTM does
            var (ahead, _, _) = directions[2 * l].call(x);                       // (B, T, H)
            var (back, _, _) = directions[2 * l + 1].call(Reverse(x, reversal)); // (B, T, H), time reversed
            x = cat([ahead, Reverse(back, reversal)], 2);                         // (B, T, 2H)
        }
        return x * mask;
    }

    // Row b·T + t of a (B·T, C) view ← row b·T + (len_b − 1 − t) for t < len_b, itself past the end: a permutation
    // that is its own inverse, so one index reverses and restores.
    static (Tensor Rows, Tensor Mask) Reversal(Tensor lengths, long T, Device device)
    {
        var steps = arange(T, dtype: ScalarType.Int64).unsqueeze(0);   // (1, T)
        var len = lengths.to(ScalarType.Int64).unsqueeze(1);            // (B, 1)
        var real = steps < len;                                          // (B, T)
        var within = where(real, len - 1 - steps, steps);               // (B, T)
        var rows = (within + arange(lengths.shape[0], dtype: ScalarType.Int64).unsqueeze(1) * T).reshape(-1);
        return (rows.to(device), real.unsqueeze(2).to(ScalarType.Float32).to(device));
    }

    static Tensor Reverse(Tensor x, Tensor rows)
    {
        long B = x.shape[0], T = x.shape[1], C = x.shape[2];
        return x.reshape(B * T, C).index_select(0, rows).view(B, T, C);
    }

    static readonly Regex DirectionParameter = new(@"^directions\.(\d+)\.(\w+)_l0$");   // e.g. directions.3.weight_hh_l0

    public override string LstmParameterName(string name)
    {
        var m = DirectionParameter.Match(name);   // → weight_hh_l1_reverse
        if (!m.Success) return name;
        int i = int.Parse(m.Groups[1].Value);
        return $"{m.Groups[2].Value}_l{i / 2}{(i % 2 == 1 ? "_reverse" : "")}";
    }
}
