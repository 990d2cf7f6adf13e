using QuickDraw.Model;
using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>One run of a sweep: its folder name and its full configuration (NumClasses is set from the
/// data when it runs). <paramref name="Varied"/> holds the values the grid or run list chose.</summary>
public sealed record SweepRun(string Name, ModelConfig Model, TrainConfig Train, IReadOnlyDictionary<string, object> Varied)
{
    /// <summary>The preset its settings started from (recorded in its config.json).</summary>
    public string Preset { get; init; } = Configuration.Presets.Tutorial.Name;
}
