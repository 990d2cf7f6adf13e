namespace QuickDraw.Configuration;

/// <summary>A named set of every setting's value, chosen by <c>--preset</c> (train.cs, main.cs), a sweep spec's
/// <c>"preset"</c> or a notebook's <c>preset</c> parameter, and recorded in each run's config.json.</summary>
public sealed record Preset(string Name, string Description, RunSettings Settings);
