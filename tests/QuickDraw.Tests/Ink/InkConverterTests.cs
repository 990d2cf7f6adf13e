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
}
