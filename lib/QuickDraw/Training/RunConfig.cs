using QuickDraw.Model;

namespace QuickDraw.Training;

/// <summary>What a run folder's config.json holds: everything needed to rebuild the run.</summary>
public sealed record RunConfig(ModelConfig Model, TrainConfig Train, string Data, string[] Classes)
{
    public string? Created { get; init; }
    public string? Machine { get; init; }
}
