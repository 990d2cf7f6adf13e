namespace QuickDraw.Display;

/// <summary>One line of a <see cref="SvgLineChart"/>.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Color">Any CSS colour.</param>
/// <param name="Points">(x, y) in drawing order; NaN y values are skipped.</param>
public sealed record LineSeries(string Name, string Color, IReadOnlyList<(double X, double Y)> Points);
