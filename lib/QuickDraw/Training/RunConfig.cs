using QuickDraw.Model;

namespace QuickDraw.Training;

/// <summary>What a run folder's config.json holds: everything needed to rebuild the run.</summary>
public sealed record RunConfig(ModelConfig Model, TrainConfig Train, string Data, string[] Classes)
{
    /// <summary>The preset its settings started from (QuickDraw.Configuration.Presets); null for runs made before
    /// presets, and for settings built in code.</summary>
    public string? Preset { get; init; }
    public string? Created { get; init; }
    public string? Machine { get; init; }
}
