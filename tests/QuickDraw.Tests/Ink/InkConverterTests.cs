using QuickDraw.Drawings;
using QuickDraw.Ink;

namespace QuickDraw.Tests.Ink;

public class InkConverterTests
{
    static Drawing D(params (float[] X, float[] Y)[] strokes) => new("t", strokes.Select(s => new Stroke(s.X, s.Y)).ToArray());

    [Fact]
    public void HandWorkedDrawingWithOnePointStroke()
    {
        // Points (0,0) (10,0) (10,20)* | (20,20)*  — * = end of stroke. Box 20 × 20.
        // Normalised: (0,0) (.5,0) (.5,1) (1,1); deltas after dropping row 0: (.5,0,0) (0,1,1) (.5,0,1).
        var ink = InkConverter.ToInk(D(([0, 10, 10], [0, 0, 20]), ([20], [20])));
        Assert.Equal(new float[] { 0.5f, 0, 0, 0, 1, 1, 0.5f, 0, 1 }, ink);
    }

    [Fact]
    public void ZeroWidthDrawingUsesScaleOne()
    {
        // x range 0 → scale 1, so x stays at (5 - 5) / 1 = 0; y 0..20 → 0, .5, 1.
        var ink = InkConverter.ToInk(D(([5, 5, 5], [0, 10, 20])));
        Assert.Equal(new float[] { 0, 0.5f, 0, 0, 0.5f, 1 }, ink);
    }

    [Fact]
    public void SinglePointDrawingIsRejected()
    {
        Assert.Throws<ArgumentException>(() => InkConverter.ToInk(D(([3], [4]))));
    }

    [Fact]
    public void ArithmeticIsFloat32LikeNumpy()
    {
        // x = 0, 1, 3 over a range of 3: numpy float32 computes (1 - 0) / 3 then 3/3 - 1/3 in float32.
        var ink = InkConverter.ToInk(D(([0, 1, 3], [0, 0, 0])));
        float a = 1f / 3f, b = 3f / 3f;
        Assert.Equal(BitConverter.SingleToInt32Bits(a), BitConverter.SingleToInt32Bits(ink[0]));
        Assert.Equal(BitConverter.SingleToInt32Bits(b - a), BitConverter.SingleToInt32Bits(ink[3]));
    }

    [Fact]
    public void FirstStrokeOfOnePointLosesItsFlagWithTheDroppedRow()
    {
        // Stroke 1 is the single point (0,0), flagged — but row 0 is dropped, so only stroke 2's end shows.
        var ink = InkConverter.ToInk(D(([0], [0]), ([2, 4], [2, 4])));
        Assert.Equal(new float[] { 0.5f, 0.5f, 0, 0.5f, 0.5f, 1 }, ink);
    }

    [Fact]
    public void VectorisedWriteMatchesAPlainScalarScanBitForBit()
    {
        // Short and long drawings (vector widths and tails), integer and fractional coordinates, and the values
        // where comparison order could matter (-0 next to +0, infinities), against the plain scalar algorithm.
        var rng = new Random(11);
        float[] special = [0f, -0f, 255f, 1e-3f, float.PositiveInfinity, float.NegativeInfinity];
        for (int t = 0; t < 3000; t++)
        {
            int points = 2 + rng.Next(t % 3 == 0 ? 8 : 300);
            float Value() => rng.Next(10) switch { 0 => special[rng.Next(t % 5 == 0 ? special.Length : 3)], < 5 => rng.Next(256), _ => (float)(rng.NextDouble() * 1000 - 500) };
            var strokes = new List<(float[], float[])>();
            for (int left = points; left > 0;)
            {
                int k = Math.Min(left, 1 + rng.Next(40));
                strokes.Add((Enumerable.Range(0, k).Select(_ => Value()).ToArray(), Enumerable.Range(0, k).Select(_ => Value()).ToArray()));
                left -= k;
            }
            var drawing = D([.. strokes]);
            var expected = ScalarInk(drawing).Select(BitConverter.SingleToInt32Bits);
            Assert.Equal(expected, InkConverter.ToInk(drawing).Select(BitConverter.SingleToInt32Bits));
        }
    }

    // The tutorial's steps written plainly: sequential min/max, scalar division, deltas, flags.
    static float[] ScalarInk(Drawing d)
    {
        var x = d.Strokes.SelectMany(s => s.X).ToArray();
        var y = d.Strokes.SelectMany(s => s.Y).ToArray();
        var ends = new HashSet<int>();
        int at = 0;
        foreach (var s in d.Strokes) { at += s.X.Length; ends.Add(at - 1); }
        float Min(float[] v) { float m = v[0]; foreach (var e in v) if (e < m) m = e; return m; }
        float Max(float[] v) { float m = v[0]; foreach (var e in v) if (e > m) m = e; return m; }
        float sx = Max(x) - Min(x), sy = Max(y) - Min(y);
        if (sx == 0) sx = 1;
        if (sy == 0) sy = 1;
        float minX = Min(x), minY = Min(y);
        var ink = new List<float>();
        for (int i = 1; i < x.Length; i++)
            ink.AddRange([(x[i] - minX) / sx - (x[i - 1] - minX) / sx, (y[i] - minY) / sy - (y[i - 1] - minY) / sy, ends.Contains(i) ? 1 : 0]);
        return [.. ink];
    }
}
