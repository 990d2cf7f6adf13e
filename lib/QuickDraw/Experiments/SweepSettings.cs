using System.Globalization;
using System.Text.Json;
using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>The JSON type a sweep setting takes.</summary>
public enum SettingKind { Int, Long, Double, Bool, Text, IntList }

/// <summary>
/// One setting a sweep spec can fix (in <c>base</c>) or vary (in <c>grid</c> and <c>runs</c>, when
/// <see cref="Sweepable"/>): its JSON key (the tutorial's flag name), its type, the run-name part it adds
/// when varied (empty for the model's shape, which <see cref="ModelConfig.Label"/> always names), and the
/// field of <see cref="ModelConfig"/> or <see cref="TrainConfig"/> it sets.
/// </summary>
public sealed record SweepSetting(string Key, SettingKind Kind, bool Sweepable, string NamePrefix,
    Func<ModelConfig, TrainConfig, object, (ModelConfig, TrainConfig)> Apply)
{
    /// <summary>Every setting, model ones first. Keys of <c>base</c> may be any; of <c>grid</c>/<c>runs</c>, the sweepable ones.</summary>
    public static IReadOnlyList<SweepSetting> All { get; } =
    [
        new("num_conv", SettingKind.IntList, true, "", (m, t, v) => (m with { NumConv = (int[])v }, t)),
        new("conv_len", SettingKind.IntList, true, "", (m, t, v) => (m with { ConvLen = (int[])v }, t)),
        new("num_layers", SettingKind.Int, true, "", (m, t, v) => (m with { NumLayers = (int)v }, t)),
        new("num_nodes", SettingKind.Int, true, "", (m, t, v) => (m with { NumNodes = (int)v }, t)),
        new("dropout", SettingKind.Double, true, "drop", (m, t, v) => (m with { Dropout = (double)v }, t)),
        new("batch_norm", SettingKind.Bool, true, "", (m, t, v) => (m with { BatchNorm = (bool)v }, t)),
        new("mean_over_time", SettingKind.Bool, true, "", (m, t, v) => (m with { MeanOverTime = (bool)v }, t)),
        new("learning_rate", SettingKind.Double, true, "lr", (m, t, v) => (m, t with { LearningRate = (double)v })),
        new("warmup_steps", SettingKind.Long, true, "warm", (m, t, v) => (m, t with { WarmupSteps = (long)v })),
        new("decay", SettingKind.Text, true, "decay-", (m, t, v) => (m, t with { Decay = (string)v })),
        new("final_lr_fraction", SettingKind.Double, true, "final", (m, t, v) => (m, t with { FinalLearningRateFraction = (double)v })),
        new("lr_reference_batch", SettingKind.Int, false, "", (m, t, v) => (m, t with { LearningRateReferenceBatch = (int)v })),
        new("batch_size", SettingKind.Int, true, "b", (m, t, v) => (m, t with { BatchSize = (int)v })),
        new("seed", SettingKind.Int, true, "seed", (m, t, v) => (m, t with { Seed = (int)v })),
        new("clip", SettingKind.Double, false, "", (m, t, v) => (m, t with { GradientClippingNorm = (double)v })),
        new("eval_every", SettingKind.Long, false, "", (m, t, v) => (m, t with { EvalEverySteps = (long)v })),
        new("max_eval", SettingKind.Int, false, "", (m, t, v) => (m, t with { MaxEvalExamples = (int)v })),
        new("eval_batch_size", SettingKind.Int, false, "", (m, t, v) => (m, t with { EvalBatchSize = (int)v })),
        new("log_every", SettingKind.Long, false, "", (m, t, v) => (m, t with { LogEverySteps = (long)v })),
        new("checkpoint_every", SettingKind.Long, false, "", (m, t, v) => (m, t with { CheckpointEverySteps = (long)v })),
        new("checkpoint_seconds", SettingKind.Double, false, "", (m, t, v) => (m, t with { CheckpointEverySeconds = (double)v })),
        new("shuffle_buffer", SettingKind.Int, false, "", (m, t, v) => (m, t with { ShuffleBuffer = (int)v })),
        new("bucket", SettingKind.Bool, false, "", (m, t, v) => (m, t with { BucketByLength = (bool)v })),
        new("bucket_after", SettingKind.Long, false, "", (m, t, v) => (m, t with { BucketAfterSteps = (long)v })),
        new("device", SettingKind.Text, false, "", (m, t, v) => (m, t with { Device = (string)v })),
        new("threads", SettingKind.Int, false, "", (m, t, v) => (m, t with { Threads = (int)v })),
    ];

    /// <summary>The setting named <paramref name="key"/>, or null.</summary>
    public static SweepSetting? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    public static string KnownKeys(bool sweepableOnly) => string.Join(", ", All.Where(s => s.Sweepable || !sweepableOnly).Select(s => s.Key));

    /// <summary>Reads a JSON value of this setting's type, or explains (with <paramref name="where"/>) what was expected.</summary>
    public object Read(JsonElement e, string where) => Read(Kind, e, where);

    /// <summary>Reads a JSON value of <paramref name="kind"/>, or explains (with <paramref name="where"/>) what was expected.</summary>
    public static object Read(SettingKind kind, JsonElement e, string where) => kind switch
    {
        SettingKind.Int => ReadInt(e, where),
        SettingKind.Long => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var l) ? l : throw Wrong(e, where, "an integer"),
        SettingKind.Double => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : throw Wrong(e, where, "a number"),
        SettingKind.Bool => e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : throw Wrong(e, where, "true or false"),
        SettingKind.Text => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Wrong(e, where, "a string"),
        SettingKind.IntList => e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select((x, i) => ReadInt(x, $"{where}[{i}]")).ToArray()
            : throw Wrong(e, where, "a list of integers such as [48, 64]"),
        _ => throw new InvalidOperationException(kind.ToString()),
    };

    /// <summary>The value as it appears in a run name: 32-48, 0.002, true.</summary>
    public static string Format(object value) => value switch
    {
        int[] a => string.Join('-', a.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        double d => d.ToString("G", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Value equality that treats int lists by content.</summary>
    public static bool Same(object a, object b) => a is int[] x && b is int[] y ? x.SequenceEqual(y) : a.Equals(b);

    static int ReadInt(JsonElement e, string where) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var i) ? i : throw Wrong(e, where, "an integer");

    static SweepSpecException Wrong(JsonElement e, string where, string what) =>
        new($"{where} must be {what}, not {e.GetRawText()}");
}

/// <summary>A sweep spec that cannot run: the message names the file, the place in it and what is wrong.</summary>
public sealed class SweepSpecException(string message) : Exception(message);
