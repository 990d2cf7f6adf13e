using QuickDraw.Drawings;
using QuickDraw.Ink;

namespace QuickDraw.Tests.Play;

/// <summary>The simplification, step by step, on strokes small enough to work out by hand.</summary>
public class StrokeSimplifierTests
{
    static Stroke S(params (float X, float Y)[] points) => new([.. points.Select(p => p.X)], [.. points.Select(p => p.Y)]);

    static void AssertStroke(Stroke s, float[] x, float[] y)
    {
        Assert.Equal(x, s.X);
        Assert.Equal(y, s.Y);
    }

    [Fact]
    public void AlignsToTheTopLeftAndScalesTheLargerSideTo255()
    {
        // An L in screen pixels, offset by (30, 40): 100 wide, 40 tall → ×2.55, both axes (uniform):
        // (30,40) (30,80) (130,80) → (0,0) (0,102) (255,102). The corner is 102 pixels along the stroke, so the
        // 1-pixel resampling lands on it exactly and RDP keeps it (it lies 80 px off the chord).
        var d = StrokeSimplifier.Simplify([S((30, 40), (30, 80), (130, 80))]);
        Assert.Single(d.Strokes);
        AssertStroke(d.Strokes[0], [0, 0, 255], [0, 102, 102]);
    }

    [Fact]
    public void ScalesUniformlyByTheLargerSide()
    {
        // A tall rectangle's side: 40 wide, 100 tall → ×2.55; x spans 0..102, not 0..255.
        var d = StrokeSimplifier.Simplify([S((500, 1000), (540, 1000), (540, 1100))]);
        AssertStroke(d.Strokes[0], [0, 102, 102], [0, 0, 255]);
    }

    [Fact]
    public void AlignsAllStrokesTogether()
    {
        // Two strokes: the minimum is over the whole drawing (x from the first, y from the second stroke).
        // Box: x 10..60, y 5..29 → ×5.1 (by the larger side, 50): stroke 1 (10,21)-(60,21) → (0,81.6)-(255,81.6);
        // stroke 2 (20,5)-(20,29) → (51,0)-(51,122.4); rounded.
        var d = StrokeSimplifier.Simplify([S((10, 21), (60, 21)), S((20, 5), (20, 29))]);
        Assert.Equal(2, d.Strokes.Count);
        AssertStroke(d.Strokes[0], [0, 255], [82, 82]);
        AssertStroke(d.Strokes[1], [51, 51], [0, 122]);
    }

    [Fact]
    public void DropsWigglesWithinTwoPixelsAndKeepsLargerOnes()
    {
        // Scaled ×2.55 (100 px wide): a bump of 0.5 px becomes 1.275 < ε = 2 and goes; one of 1 px becomes 2.55 and stays.
        var small = StrokeSimplifier.Simplify([S((0, 0), (50, 0.5f), (100, 0))]);
        AssertStroke(small.Strokes[0], [0, 255], [0, 0]);
        var large = StrokeSimplifier.Simplify([S((0, 0), (50, 1), (100, 0))]);
        Assert.Equal(3, large.Strokes[0].Count);
        AssertStroke(large.Strokes[0], [0, 128, 255], [0, 3, 0]);
    }

    [Fact]
    public void ResamplingPutsAPointEveryPixelAlongTheStroke()
    {
        // 3.5 px along x then 2 px down: points at arc length 0, 1, 2, 3, then 4 (0.5 into the second segment), 5, and the end.
        var (x, y) = StrokeSimplifier.Resample([0, 3.5, 3.5], [0, 0, 2], 1.0);
        Assert.Equal([0, 1, 2, 3, 3.5, 3.5, 3.5], x);
        Assert.Equal([0, 0, 0, 0, 0.5, 1.5, 2], y);
        // Repeated points add nothing; a stroke shorter than a pixel keeps both ends.
        var (rx, ry) = StrokeSimplifier.Resample([5, 5, 5.4], [1, 1, 1], 1.0);
        Assert.Equal([5, 5.4], rx);
        Assert.Equal([1, 1], ry);
    }

    [Fact]
    public void ResamplingMovesACornerOffTheGridToTheNearestPixelStep()
    {
        // Already in 0..255 (scale 1): down 100.5 px, then right. The resampled points near the corner are (0,100)
        // and (0.5,100.5); RDP keeps the farther from the chord (0.5,100.5), which rounds (half to even) to (0,100).
        var d = StrokeSimplifier.Simplify([S((0, 0), (0, 100.5f), (255, 100.5f))]);
        AssertStroke(d.Strokes[0], [0, 0, 255], [0, 100, 100]);
    }

    [Fact]
    public void RdpKeepsThePointFarthestFromTheLineAndRecursesGreedily()
    {
        // A W on y = 0 with both peaks 2.5 off the line: the first peak (index 1; ties keep the first) is kept. The
        // new line (1,2.5)–(4,0) passes within 5/√15.25 = 1.28 of points 2 and 3, so they go.
        var keep = StrokeSimplifier.RamerDouglasPeucker([0, 1, 2, 3, 4], [0, 2.5, 0, 2.5, 0], 2.0);
        Assert.Equal([0, 1, 4], keep);
        // Peaks of 1.9 are all within ε.
        var flat = StrokeSimplifier.RamerDouglasPeucker([0, 1, 2, 3, 4], [0, 1.9, 0, 1.9, 0], 2.0);
        Assert.Equal([0, 4], flat);
        // Distance to the line, not the segment: (6,1) lies past the end of (0,0)–(4,0) but only 1 off its line.
        Assert.Equal([0, 2], StrokeSimplifier.RamerDouglasPeucker([0, 6, 4], [0, 1, 0], 2.0));
    }

    [Fact]
    public void DegenerateDrawingsStayAtTheOrigin()
    {
        // All points in one place: nothing to scale; the stroke collapses to one point.
        var dot = StrokeSimplifier.Simplify([S((7, 7), (7, 7), (7, 7))]);
        AssertStroke(dot.Strokes[0], [0], [0]);
        var single = StrokeSimplifier.Simplify([S((3, 4)), S((13, 4))]);
        AssertStroke(single.Strokes[0], [0], [0]);
        AssertStroke(single.Strokes[1], [255], [0]);
    }

    [Fact]
    public void BadStrokesAreRefusedWithAReason()
    {
        Assert.Contains("at least one stroke", Assert.Throws<ArgumentException>(() => StrokeSimplifier.Simplify([])).Message);
        Assert.Contains("2 x but 1 y", Assert.Throws<ArgumentException>(() => StrokeSimplifier.Simplify([new Stroke([1, 2], [1])])).Message);
        Assert.Contains("no points", Assert.Throws<ArgumentException>(() => StrokeSimplifier.Simplify([new Stroke([], [])])).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => StrokeSimplifier.Simplify([new Stroke([1, float.NaN], [1, 2])])).Message);
    }

    [Fact]
    public void AHundredThousandPointStrokeSimplifiesWithoutRecursion()
    {
        // A spiral of 100,000 points: RDP is iterative, so no stack overflow; the result is a few hundred points.
        var x = new float[100_000];
        var y = new float[100_000];
        for (int i = 0; i < x.Length; i++) { double a = i * 0.001; x[i] = (float)(a * Math.Cos(a)); y[i] = (float)(a * Math.Sin(a)); }
        var d = StrokeSimplifier.Simplify([new Stroke(x, y)]);
        Assert.InRange(d.Strokes[0].Count, 50, 2000);
        Assert.All(d.Strokes[0].X, v => Assert.InRange(v, 0, 255));
    }

    [Fact]
    public void InkLengthIsTheStrokesLengthInThe255Box()
    {
        // The L above: 40 + 100 px of stroke, ×2.55 → 357; a second stroke adds its own length, not the jump to it.
        Assert.Equal(357, StrokeSimplifier.InkLength([S((30, 40), (30, 80), (130, 80))]), 9);
        Assert.Equal(357 + 25.5, StrokeSimplifier.InkLength([S((30, 40), (30, 80), (130, 80)), S((50, 50), (60, 50))]), 9);
    }

    [Fact]
    public void TheResultMakesTheTutorialsInk()
    {
        var d = StrokeSimplifier.Simplify([S((30, 40), (30, 80), (130, 80))]);
        var ink = InkConverter.ToInk(d);
        // Points (0,0) (0,102) (255,102), box 255 × 102: rows (0, 1, 0) then (1, 0, 1).
        Assert.Equal([0f, 1f, 0f, 1f, 0f, 1f], ink);
    }
}
