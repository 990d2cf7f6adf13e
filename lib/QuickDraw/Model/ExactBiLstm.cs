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
/// Per layer l:  x → [LSTM_l→(x), reverse(LSTM_l←(reverse(x)))] (T, B, 2H) → dropout → layer l+1.
/// It gives the packed result (<see cref="PackedBiLstm"/>) to float precision on the dense kernel, which is
/// several times faster than the packed one on CPU. The padding it would still run is cut down two ways: the
/// drawings are sorted by length and the time axis cut into a few chunks, each run only for the drawings still
/// drawing (<see cref="TimeChunks"/>); and bucketing by length (TrainConfig.BucketByLength) removes the rest.
/// </summary>
public sealed class ExactBiLstm : BiLstm
{
    // One unidirectional single-layer LSTM per layer and direction, in the order of a bidirectional torch LSTM's
    // parameters (layer 0 forward, layer 0 backward, layer 1 forward, …): parameters() has the same order and
    // shapes as PackedBiLstm's, so an optimizer's state (kept by position) carries over between the two.
    readonly ModuleList<LSTM> directions = new();
    readonly HostMaskDropout dropout;
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
        this.dropout = new HostMaskDropout(dropout);   // 4× cheaper on CPU than torch's, whose mask is drawn serially here
        RegisterComponents();
    }

    public override string Path => "dense";

    /// <summary>The most chunks the time axis is cut into (<see cref="TimeChunks.Plan"/>); 1 = plain dense.</summary>
    public int MaxChunks { get; set; } = TimeChunks.MaxChunks;

    /// <summary>A chunk's fixed cost in row-steps, for planning (<see cref="TimeChunks.CallCost"/>).</summary>
    public long ChunkCallCost { get; set; } = TimeChunks.CallCost;

    /// <param name="x">(B, T, C), any values past each length (they never reach a real step).</param>
    /// <param name="lengths">(B) int64 on the CPU, each ≥ 1.</param>
    /// <returns>(B, T, 2H), zeros past each length.</returns>
    public override Tensor forward(Tensor x, Tensor lengths)
    {
        long B = x.shape[0], T = x.shape[1];
        // Longest first, so that the drawings still running at any step are the first rows (TimeChunks).
        var byLength = lengths.data<long>().ToArray().Select((len, b) => (len, b)).OrderByDescending(p => p.len).ThenBy(p => p.b).ToArray();
        var sorted = byLength.Select(p => p.len).ToArray();
        var chunks = TimeChunks.Plan(sorted, MaxChunks, ChunkCallCost);
        long Tmax = sorted[0];
        var unsorted = new long[B];
        for (int i = 0; i < B; i++) unsorted[byLength[i].b] = i;
        var order = tensor(byLength.Select(p => (long)p.b).ToArray()).to(x.device);
        var reversal = Reversal(sorted, Tmax, x.device);                   // (Tmax·B) rows
        // Time-major inside: a chunk is then a slice of whole steps, and the batch-first torch LSTM gets a transposed
        // view that it transposes back for free.
        x = x.narrow(1, 0, Tmax).transpose(0, 1).index_select(1, order);   // (Tmax, B, C), longest first
        for (int l = 0; l < layers; l++)
        {
            if (l > 0 && dropoutRate > 0) x = dropout.call(x);             // between layers, as torch's LSTM does
            var ahead = Run(directions[2 * l], x, chunks);                                             // (Tmax, B, H)
            var behind = Reverse(Run(directions[2 * l + 1], Reverse(x, reversal), chunks), reversal); // (Tmax, B, H)
            x = cat([ahead, behind], 2);                                                               // (Tmax, B, 2H)
        }
        x = x.transpose(0, 1).index_select(0, tensor(unsorted).to(x.device)); // (B, Tmax, 2H), the batch's order
        var mask = (arange(Tmax).unsqueeze(0) < lengths.unsqueeze(1)).unsqueeze(2).to(x.dtype).to(x.device);
        x = x * mask;                                                       // zeros past each end
        return Tmax == T ? x : nn.functional.pad(x, [0, 0, 0, T - Tmax]);
    }

    // x (T, B, C) → (T, B, H), junk past each end: the LSTM over the chunks in turn, each starting from the state the
    // previous one left its rows in.
    static Tensor Run(LSTM lstm, Tensor x, IReadOnlyList<TimeChunks.Chunk> chunks)
    {
        if (chunks.Count == 1) return lstm.call(x.transpose(0, 1)).Item1.transpose(0, 1);
        long B = x.shape[1];
        var pieces = x.split(chunks.Select(c => c.End - c.Start).ToArray(), 0);
        var outputs = new List<Tensor>();
        (Tensor H, Tensor C)? state = null;
        for (int k = 0; k < chunks.Count; k++)
        {
            var c = chunks[k];
            var input = c.Rows == B ? pieces[k] : pieces[k].narrow(1, 0, c.Rows);            // (steps, rows, C)
            var (y, h, cell) = lstm.call(input.transpose(0, 1), state is { } s ? (s.H.narrow(1, 0, c.Rows), s.C.narrow(1, 0, c.Rows)) : null);
            state = (h, cell);
            y = y.transpose(0, 1);                                                           // (steps, rows, H)
            outputs.Add(c.Rows == B ? y : nn.functional.pad(y, [0, 0, 0, B - c.Rows]));
        }
        return cat(outputs, 0);
    }

    // Row t·B + b of a (T·B, C) view ← row (len_b − 1 − t)·B + b for t < len_b, itself past the end: a permutation
    // that is its own inverse, so one index reverses and restores.
    static Tensor Reversal(long[] lengths, long T, Device device)
    {
        long B = lengths.Length;
        var rows = new long[B * T];
        for (long t = 0; t < T; t++)
            for (int b = 0; b < B; b++)
                rows[t * B + b] = (t < lengths[b] ? lengths[b] - 1 - t : t) * B + b;
        return tensor(rows).to(device);
    }

    // (A custom autograd function whose backward is the same gather instead of index_select's scatter-add measured
    // no faster: 400 vs 397 ms per batch-64 forward + backward, paired.)
    static Tensor Reverse(Tensor x, Tensor rows)
    {
        long T = x.shape[0], B = x.shape[1], C = x.shape[2];
        return x.reshape(T * B, C).index_select(0, rows).view(T, B, C);
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
