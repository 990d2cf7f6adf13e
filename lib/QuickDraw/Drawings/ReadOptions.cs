namespace QuickDraw.Drawings;

/// <summary>Reading options shared by the reader and the shard converter.</summary>
/// <param name="DropUnrecognized">Skip drawings with recognized = false (the tutorial keeps them).</param>
/// <param name="MaxLineBytes">Lines longer than this are skipped unread.</param>
/// <param name="MaxPoints">Drawings with more points are skipped (<see cref="SkipReason.TooManyPoints"/>): the cap
/// bounds a training step's time and memory. The longest real drawing of the shared sample has 875 points.</param>
public sealed record ReadOptions(bool DropUnrecognized = false, int MaxLineBytes = 4 << 20, int MaxPoints = ReadOptions.DefaultMaxPoints)
{
    /// <summary>The default point cap per drawing.</summary>
    public const int DefaultMaxPoints = 10_000;
}
