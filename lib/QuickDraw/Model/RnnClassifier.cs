using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace QuickDraw.Model;

/// <summary>
/// The tutorial's classifier, top to bottom:
/// ink (B, T, 3) → [batch norm?, dropout (after the first)] conv1d ×L (same padding, no activation)
///   → stacked bidirectional LSTM, length-exact (<see cref="BiLstm"/>) → outputs summed over each drawing's real steps
///   (or averaged: <see cref="ModelConfig.MeanOverTime"/>, not the tutorial's)
///   → linear → logits (B, classes).
/// Lengths are respected everywhere: conv outputs are zeroed past each drawing's end (so the next conv reads
/// the zeros it would read alone), and BOTH LSTM directions see only real points — the tutorial's cudnn path runs
/// the backward direction over the padding. A drawing's logits do not depend on what it is batched with.
/// </summary>
public sealed class RnnClassifier : Module<Tensor, Tensor, Tensor>
{
    readonly ModuleList<BatchNorm1d> norms = new();
    readonly ModuleList<Conv1d> convs = new();
    readonly HostMaskDropout dropout;
    readonly BiLstm lstm;
    readonly Linear output;

    public ModelConfig Config { get; }

    /// <param name="config">The shape.</param>
    /// <param name="device">Where the model will run: picks the recurrent path when <see cref="ModelConfig.Recurrence"/>
    /// is "auto" (dense on CPU or when not given, packed on CUDA).</param>
    public RnnClassifier(ModelConfig config, Device? device = null) : base(nameof(RnnClassifier))
    {
        config.Validate();
        Config = config;
        int channels = 3;
        for (int i = 0; i < config.NumConv.Length; i++)
        {
            if (config.BatchNorm) norms.Add(nn.BatchNorm1d(channels));
            convs.Add(nn.Conv1d(channels, config.NumConv[i], config.ConvLen[i], padding: config.ConvLen[i] / 2));
            channels = config.NumConv[i];
        }
        dropout = new HostMaskDropout(config.Dropout);   // torch's CPU dropout draws its mask serially here (HostMaskDropout)
        // Dropout between layers in the stack; the extra dropout on the last layer's output below makes it
        // "dropout on every layer's output", as the tutorial's DropoutWrapper does.
        bool packed = config.RecurrenceOn(device) == "packed";
        lstm = packed ? new PackedBiLstm(channels, config.NumNodes, config.NumLayers, config.Dropout)
                      : new ExactBiLstm(channels, config.NumNodes, config.NumLayers, config.Dropout);
        output = nn.Linear(2 * config.NumNodes, config.NumClasses);
        RegisterComponents();
    }

    /// <param name="ink">(B, T, 3) padded with zeros past each length.</param>
    /// <param name="lengths">(B) int64, on the CPU: points of each drawing (≥ 1).</param>
    /// <returns>Logits (B, classes).</returns>
    public override Tensor forward(Tensor ink, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        long T = ink.shape[1];
        var mask = StepMask(lengths, T, ink.device);                // (B, 1, T): 1 at real steps
        var x = ink.transpose(1, 2) * mask;                          // (B, 3, T)
        for (int i = 0; i < convs.Count; i++)
        {
            if (Config.BatchNorm) x = norms[i].call(x) * mask;       // (its training statistics do include padding)
            if (i > 0 && Config.Dropout > 0) x = dropout.call(x);
            x = convs[i].call(x) * mask;                             // (B, C_i, T), zero past each end
        }
        x = x.transpose(1, 2);                                       // (B, T, C)
        var outputs = lstm.call(x, lengths);                         // (B, T, 2H), zeros past ends
        if (Config.Dropout > 0) outputs = dropout.call(outputs);
        var pooled = outputs.sum(1);                                 // (B, 2H)
        if (Config.MeanOverTime) pooled = pooled / lengths.to(pooled.device).unsqueeze(1).to_type(pooled.dtype);
        return output.call(pooled).MoveToOuterDisposeScope();        // (B, classes)
    }

    static Tensor StepMask(Tensor lengths, long T, Device device)
    {
        var steps = arange(T, device: device).unsqueeze(0);         // (1, T)
        return (steps < lengths.to(device).unsqueeze(1)).unsqueeze(1).to_type(ScalarType.Float32);
    }

    /// <summary>The recurrent path this model runs: "dense" or "packed".</summary>
    public string Recurrence => lstm.Path;

    /// <summary>Parameters and buffers under the names of the single torch LSTM for the recurrent stack
    /// (lstm.weight_ih_l0, lstm.weight_ih_l0_reverse, …), whichever path runs: save and load go through this, so
    /// weight files and checkpoints move between the dense and packed paths and runs trained before load.</summary>
    public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
    {
        destination ??= new Dictionary<string, Tensor>();
        const string Lstm = "lstm.";
        foreach (var (name, tensor) in base.state_dict())
        {
            var canonical = name.StartsWith(Lstm) ? Lstm + lstm.LstmParameterName(name[Lstm.Length..]) : name;
            destination.TryAdd(string.IsNullOrEmpty(prefix) ? canonical : $"{prefix}.{canonical}", tensor);
        }
        return destination;
    }

    /// <summary>Trainable parameters.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>One row per layer: name, output shape, parameters.</summary>
    public IReadOnlyList<(string Layer, string Output, long Parameters)> Summary()
    {
        var rows = new List<(string, string, long)>();
        long Count(Module m) => m.parameters().Sum(p => p.numel());
        rows.Add(("input", "(B, T, 3)", 0));
        for (int i = 0; i < convs.Count; i++)
        {
            if (Config.BatchNorm) rows.Add(($"batchnorm{i}", $"(B, {(i == 0 ? 3 : Config.NumConv[i - 1])}, T)", Count(norms[i])));
            if (i > 0 && Config.Dropout > 0) rows.Add(($"dropout{i} p={Config.Dropout}", $"(B, {Config.NumConv[i - 1]}, T)", 0));
            rows.Add(($"conv{i} k={Config.ConvLen[i]}", $"(B, {Config.NumConv[i]}, T)", Count(convs[i])));
        }
        rows.Add(($"bilstm {Config.NumLayers}×{Config.NumNodes} ({lstm.Path})", $"(B, T, {2 * Config.NumNodes})", Count(lstm)));
        rows.Add(($"{(Config.MeanOverTime ? "mean" : "sum")} over valid steps", $"(B, {2 * Config.NumNodes})", 0));
        rows.Add(("linear → logits", $"(B, {Config.NumClasses})", Count(output)));
        return rows;
    }
}
