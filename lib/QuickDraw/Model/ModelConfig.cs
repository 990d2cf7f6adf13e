using QuickDraw.Common;

namespace QuickDraw.Model;

/// <summary>
/// The classifier's shape. Defaults are the tutorial's (train_model.py flags). Saved in every run folder's
/// config.json, so a run can be rebuilt from its folder alone. Each [Setting] property is a row of the settings
/// table (QuickDraw.Configuration.Settings): its option, sweep key and config.json name derive from its name.
/// </summary>
public sealed record ModelConfig
{
    /// <summary>Filters of each 1-D convolution, in order (tutorial: 48, 64, 96). 1–4 layers of 16–256 are sane.</summary>
    [Setting("filters of each 1-D convolution, in order", ValueName = "A,B,..", Min = 1, Max = 4096, Sweepable = true)]
    public int[] NumConv { get; init; } = [48, 64, 96];

    /// <summary>Kernel length of each convolution, same count as NumConv (tutorial: 5, 5, 3). Odd values, 3–9.</summary>
    [Setting("kernel length of each convolution (odd: 'same' padding), one per --num-conv entry", ValueName = "A,B,..", Min = 1, Max = 99, Sweepable = true)]
    public int[] ConvLen { get; init; } = [5, 5, 3];

    /// <summary>Stacked bidirectional LSTM layers (tutorial: 3). 1–4.</summary>
    [Setting("stacked bidirectional LSTM layers", Min = 1, Max = 16, Sweepable = true)]
    public int NumLayers { get; init; } = 3;

    /// <summary>LSTM units per direction per layer (tutorial: 128). 32–512.</summary>
    [Setting("LSTM units per direction per layer", Min = 1, Max = 4096, Sweepable = true)]
    public int NumNodes { get; init; } = 128;

    /// <summary>Dropout rate before every convolution after the first and on each LSTM layer's output
    /// (tutorial: 0.3). 0 disables; 0–0.5 is sane.</summary>
    [Setting("dropout rate before each conv after the first and on each LSTM layer's output (0 = off)", ValueName = "P", Min = 0, Max = 1, MaxExclusive = true, Sweepable = true, RunNamePrefix = "drop")]
    public double Dropout { get; init; } = 0.3;

    /// <summary>Batch normalisation before each convolution (tutorial: false).</summary>
    [Setting("batch normalisation before each convolution", Sweepable = true)]
    public bool BatchNorm { get; init; } = false;

    /// <summary>Pool the LSTM outputs by their mean over each drawing's real steps instead of their sum (tutorial:
    /// sum). The sum grows with a drawing's length, so the dense layer sees features whose scale is the length; the
    /// mean keeps every drawing's features on one scale. Not in the tutorial: a knob for studying length effects.</summary>
    [Setting("pool the LSTM outputs by their mean over each drawing's steps, not the tutorial's sum", Sweepable = true)]
    public bool MeanOverTime { get; init; } = false;

    /// <summary>How the bidirectional LSTM respects lengths; every choice computes the same function with the same
    /// weights (to float precision) and reads and writes the same weight files. "dense" (<see cref="ExactBiLstm"/>):
    /// unidirectional layers on padded tensors, each drawing reversed in place for the backward direction — the
    /// fast path on CPU. "packed" (<see cref="PackedBiLstm"/>): one torch LSTM over packed sequences — cuDNN's fast
    /// path on CUDA, several times slower on CPU. "auto" (default): dense on CPU, packed on CUDA.</summary>
    [Setting("how the BiLSTM respects lengths (same function, same weights): auto (dense on CPU, packed on CUDA), dense or packed", ValueName = "KIND", Choices = ["auto", "dense", "packed"])]
    public string Recurrence { get; init; } = "auto";

    /// <summary>The recurrent path a model on <paramref name="device"/> runs: "packed" or "dense" (<see cref="Recurrence"/>;
    /// "auto" is packed on CUDA, dense on the CPU or when no device is given).</summary>
    public string RecurrenceOn(TorchSharp.torch.Device? device) =>
        Recurrence == "packed" || (Recurrence == "auto" && device?.type == TorchSharp.DeviceType.CUDA) ? "packed" : "dense";

    /// <summary>Output classes (the data decides: 345 for all of Quick, Draw!).</summary>
    public int NumClasses { get; init; } = 345;

    /// <summary>Throws with a readable message when the configuration cannot build a model: each setting out of its
    /// range (<see cref="SettingRules"/>), and what no single setting's range says.</summary>
    public void Validate()
    {
        SettingRules.Check(this);
        if (NumConv.Length != ConvLen.Length)
            throw new ArgumentException($"{SettingNames.Option(nameof(NumConv))} has {NumConv.Length} entries but {SettingNames.Option(nameof(ConvLen))} has {ConvLen.Length}: give one kernel length per convolution");
        if (ConvLen.Any(k => k % 2 == 0))
            throw new ArgumentException($"every {SettingNames.Option(nameof(ConvLen))} ({SettingNames.Key(nameof(ConvLen))}) entry must be odd ('same' padding), not {string.Join(',', ConvLen)}");
        if (NumClasses is < 2 or > 1_000_000) throw new ArgumentException("NumClasses must be 2 to 1,000,000 (the classes file decides)");
    }

    /// <summary>A short label such as "conv48-64-96_k5-5-3_lstm3x128".</summary>
    public string Label => $"conv{string.Join('-', NumConv)}_k{string.Join('-', ConvLen)}_lstm{NumLayers}x{NumNodes}{(BatchNorm ? "_bn" : "")}{(MeanOverTime ? "_mean" : "")}";
}
