namespace QuickDraw.Drawings;

/// <summary>How hard the generated doodles are to tell apart.</summary>
/// <param name="Jitter">Per-point noise, as a fraction of the drawing's size (0.02 tidy .. 0.08 sloppy).</param>
/// <param name="MaxRotationDegrees">Random rotation of the whole drawing, ± this many degrees.</param>
/// <param name="ScribbleProbability">Chance of one extra random stroke (a stray mark).</param>
public sealed record DoodleStyle(double Jitter = 0.025, double MaxRotationDegrees = 15, double ScribbleProbability = 0.0)
{
    /// <summary>Tidy shapes: the 10 base classes are easy (≥ 90% in minutes of CPU training).</summary>
    public static DoodleStyle Easy { get; } = new();
    /// <summary>Sloppy, rotated shapes with stray marks: with the confusable classes, configurations differ.</summary>
    public static DoodleStyle Hard { get; } = new(Jitter: 0.07, MaxRotationDegrees: 40, ScribbleProbability: 0.3);
}
