namespace QuickDraw.Drawings;

/// <summary>One pen stroke: x and y coordinates (and, in raw data, milliseconds since the first point).</summary>
public sealed record Stroke(float[] X, float[] Y, float[]? T = null)
{
    public int Count => X.Length;
}
