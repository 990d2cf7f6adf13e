namespace QuickDraw.Experiments;

/// <summary>One varied setting: its key and the values the grid takes.</summary>
public sealed record SweepAxis(string Key, IReadOnlyList<object> Values);
