namespace QuickDraw.Model;

/// <summary>
/// The classifier's shape. Defaults are the tutorial's (train_model.py flags). Saved in every run folder's
/// config.json, so a run can be rebuilt from its folder alone.
/// </summary>
public sealed record ModelConfig
{
    /// <summary>Filters of each 1-D convolution, in order (tutorial: 48, 64, 96). 1–4 layers of 16–256 are sane.</summary>
    public int[] NumConv { get; init; } = [48, 64, 96];

    /// <summary>Kernel length of each convolution, same count as NumConv (tutorial: 5, 5, 3). Odd values, 3–9.</summary>
    public int[] ConvLen { get; init; } = [5, 5, 3];

    /// <summary>Stacked bidirectional LSTM layers (tutorial: 3). 1–4.</summary>
    public int NumLayers { get; init; } = 3;

    /// <summary>LSTM units per direction per layer (tutorial: 128). 32–512.</summary>
    public int NumNodes { get; init; } = 128;

    /// <summary>Dropout rate before every convolution after the first and on each LSTM layer's output
    /// (tutorial: 0.3). 0 disables; 0–0.5 is sane.</summary>
    public double Dropout { get; init; } = 0.3;

    /// <summary>Batch normalisation before each convolution (tutorial: false).</summary>
    public bool BatchNorm { get; init; } = false;

    /// <summary>Pool the LSTM outputs by their mean over each drawing's real steps instead of their sum (tutorial:
    /// sum). The sum grows with a drawing's length, so the dense layer sees features whose scale is the length; the
    /// mean keeps every drawing's features on one scale. Not in the tutorial: a knob for studying length effects.</summary>
    public bool MeanOverTime { get; init; } = false;

    /// <summary>How the bidirectional LSTM respects lengths; every choice computes the same function with the same
    /// weights (to float precision) and reads and writes the same weight files. "dense" (<see cref="ExactBiLstm"/>):
    /// unidirectional layers on padded tensors, each drawing reversed in place for the backward direction — the
    /// fast path on CPU. "packed" (<see cref="PackedBiLstm"/>): one torch LSTM over packed sequences — cuDNN's fast
    /// path on CUDA, several times slower on CPU. "auto" (default): dense on CPU, packed on CUDA.</summary>
    public string Recurrence { get; init; } = "auto";

    /// <summary>Output classes (the data decides: 345 for all of Quick, Draw!).</summary>
    public int NumClasses { get; init; } = 345;

    /// <summary>Throws with a readable message when the configuration cannot build a model.</summary>
    public void Validate()
    {
        if (NumConv.Length != ConvLen.Length)
            throw new ArgumentException($"NumConv has {NumConv.Length} entries but ConvLen has {ConvLen.Length}: give one kernel length per convolution");
        if (NumConv.Any(f => f < 1)) throw new ArgumentException("every NumConv entry must be ≥ 1");
        if (ConvLen.Any(k => k < 1 || k % 2 == 0)) throw new ArgumentException("every ConvLen entry must be odd and ≥ 1 ('same' padding)");
        if (NumLayers < 1) throw new ArgumentException("NumLayers must be ≥ 1");
        if (NumNodes < 1) throw new ArgumentException("NumNodes must be ≥ 1");
        if (Dropout is < 0 or >= 1) throw new ArgumentException("Dropout must be in [0, 1)");
        if (Recurrence is not ("auto" or "dense" or "packed")) throw new ArgumentException($"Recurrence '{Recurrence}' is unknown: use auto, dense or packed");
        if (NumClasses < 2) throw new ArgumentException("NumClasses must be ≥ 2");
    }

    /// <summary>A short label such as "conv48-64-96_k5-5-3_lstm3x128".</summary>
    public string Label => $"conv{string.Join('-', NumConv)}_k{string.Join('-', ConvLen)}_lstm{NumLayers}x{NumNodes}{(BatchNorm ? "_bn" : "")}{(MeanOverTime ? "_mean" : "")}";
}
