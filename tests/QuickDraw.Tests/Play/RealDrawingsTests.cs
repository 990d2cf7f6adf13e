using QuickDraw.Drawings;
using QuickDraw.Ink;
using Xunit.Abstractions;

namespace QuickDraw.Tests.Play;

/// <summary>
/// The simplification on real Quick, Draw! drawings (../shared/quickdraw; skipped when absent): simplified drawings
/// put on a canvas come back as they were, and raw drawings come out as the dataset's own simplified twins.
/// </summary>
[Collection(PlayCollection.Name)]
public class RealDrawingsTests(PlayModel play, ITestOutputHelper output)
{
    static bool Same(Drawing a, Drawing b) => a.Strokes.Count == b.Strokes.Count
        && a.Strokes.Zip(b.Strokes).All(p => p.First.X.SequenceEqual(p.Second.X) && p.First.Y.SequenceEqual(p.Second.Y));

    // Hausdorff distance between two drawings, stroke by stroke (strokes matched in order): the farthest any point
    // of one lies from the polyline of the other.
    static double Distance(Drawing a, Drawing b) => a.Strokes.Zip(b.Strokes).Max(p => Math.Max(OneWay(p.First, p.Second), OneWay(p.Second, p.First)));

    static double OneWay(Stroke a, Stroke b) => Enumerable.Range(0, a.Count).Max(i => b.Count == 1
        ? Math.Sqrt(Math.Pow(a.X[i] - b.X[0], 2) + Math.Pow(a.Y[i] - b.Y[0], 2))
        : Enumerable.Range(1, b.Count - 1).Min(j => ToSegment(a.X[i], a.Y[i], b.X[j - 1], b.Y[j - 1], b.X[j], b.Y[j])));

    static double ToSegment(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
        double t = l2 == 0 ? 0 : Math.Clamp(((px - ax) * dx + (py - ay) * dy) / l2, 0, 1);
        return Math.Sqrt(Math.Pow(ax + t * dx - px, 2) + Math.Pow(ay + t * dy - py, 2));
    }

    static Drawing Aligned(Drawing d)
    {
        float mx = d.Strokes.Min(s => s.X.Min()), my = d.Strokes.Min(s => s.Y.Min());
        return d with { Strokes = [.. d.Strokes.Select(s => new Stroke([.. s.X.Select(x => x - mx)], [.. s.Y.Select(y => y - my)]))] };
    }

    static double Quantile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

    // How often two lists of drawings get the same answers: the same top-1; the same top-5 in the same order; the same
    // classes, in order, among those given at least 1 % (below that the order is decided by noise).
    (int Top1, int Top5, int Above1Percent) SameAnswers(IReadOnlyList<Drawing> a, IReadOnlyList<Drawing> b, out List<string> differences)
    {
        var pa = play.Predictor.Predict(a, 5);
        var pb = play.Predictor.Predict(b, 5);
        differences = [];
        int top1 = 0, top5 = 0, above = 0;
        for (int i = 0; i < a.Count; i++)
        {
            if (pa[i][0].Class == pb[i][0].Class) top1++;
            if (pa[i].Select(g => g.Class).SequenceEqual(pb[i].Select(g => g.Class))) top5++;
            if (pa[i].Where(g => g.Probability >= 0.01).Select(g => g.Class).SequenceEqual(pb[i].Where(g => g.Probability >= 0.01).Select(g => g.Class))) above++;
            else differences.Add($"{a[i].Word} {a[i].KeyId}: {string.Join(' ', pa[i].Select(g => $"{g.Class}:{g.Probability:0.000}"))} vs " +
                                 string.Join(' ', pb[i].Select(g => $"{g.Class}:{g.Probability:0.000}")));
        }
        return (top1, top5, above);
    }

    [RealSampleFact]
    public void SimplifiedDrawingsOnACanvasComeBackAsTheyWere()
    {
        // The first 3 drawings of each of the 344 categories, drawn on a 500-px canvas as a player would see them:
        // ×1.6 (a non-integer scale, so points fall between pixels), shifted, then simplified again.
        var originals = Directory.GetFiles(Path.Combine(RealSample.Folder!, "simplified"), "*.ndjson").Order()
            .SelectMany(f => DrawingReader.Read(f).Take(3)).ToList();
        var back = originals.Select((d, i) => StrokeSimplifier.Simplify(GuessApiTests.OnCanvas(d, 1.6, 20.5 + i % 7, 33.25 + i % 5).Strokes, d.Word) with { KeyId = d.KeyId }).ToList();
        var again = originals.Select(d => StrokeSimplifier.Simplify(d.Strokes, d.Word)).ToList();
        int n = originals.Count;

        // (1) Where on the canvas and at what size does not matter: the same as simplifying the original in place.
        int sameAsInPlace = back.Zip(again).Count(p => Same(p.First, p.Second));
        double worstInPlace = back.Zip(again).Max(p => Distance(p.First, p.Second));
        // (2) Against the original: simplifying again moves corners by a pixel or so (the 1-pixel resampling rarely
        // lands on a corner, and RDP then keeps a neighbour of it), so few are identical, all are close.
        int identical = originals.Zip(back).Count(p => Same(Aligned(p.First), p.Second));
        var distances = originals.Zip(back).Select(p => Distance(Aligned(p.First), p.Second)).Order().ToList();
        var (top1, top5, above) = SameAnswers(originals, back, out var differ);
        output.WriteLine($"{n} drawings: {sameAsInPlace} identical to the original simplified in place (farthest {worstInPlace:0.00} px); " +
                         $"{identical} identical to the original; distance to it median {Quantile(distances, 0.5):0.00} px, 99th pct {Quantile(distances, 0.99):0.00}, max {distances[^1]:0.00}; " +
                         $"Predictor, original vs back: same top-1 {top1}/{n}, same top-5 in order {top5}/{n}, same classes ≥ 1 % in order {above}/{n}");
        foreach (var d in differ.Take(10)) output.WriteLine("  " + d);

        Assert.All(back, d => Assert.All(d.Strokes, s => Assert.All(s.X.Concat(s.Y), v => Assert.InRange(v, 0, 255))));
        Assert.All(originals.Zip(back), p => Assert.Equal(p.First.Strokes.Count, p.Second.Strokes.Count)); // strokes are never merged or lost
        Assert.True(sameAsInPlace >= n * 0.95, $"only {sameAsInPlace} of {n} unmoved by the canvas");
        Assert.True(worstInPlace <= 2.5, $"the canvas moved a drawing by {worstInPlace:0.00} px");
        Assert.True(Quantile(distances, 0.5) <= 2.5 && Quantile(distances, 0.99) <= 6, "drawings stay within a few pixels of themselves");
        Assert.True(top1 >= n * 0.9, $"same top-1 on only {top1} of {n}:\n{string.Join('\n', differ.Take(10))}");
        Assert.True(above >= n * 0.85, $"same confident classes on only {above} of {n}:\n{string.Join('\n', differ.Take(10))}");
    }

    [RealSampleFact]
    public void RawDrawingsSimplifyToTheDatasetsOwnTwins()
    {
        // The raw sample's drawings share key_ids with the first drawings of the simplified files.
        var pairs = new List<(Drawing Raw, Drawing Simplified)>();
        foreach (var raw in Directory.GetFiles(Path.Combine(RealSample.Folder!, "raw"), "*.ndjson").Order())
        {
            var twinFile = Path.Combine(RealSample.Folder!, "simplified", Path.GetFileName(raw));
            if (!File.Exists(twinFile)) continue;
            var twins = DrawingReader.Read(twinFile).ToDictionary(d => d.KeyId!);
            pairs.AddRange(DrawingReader.Read(raw).Where(d => twins.ContainsKey(d.KeyId!)).Select(d => (d, twins[d.KeyId!])));
        }
        var ours = pairs.Select(p => StrokeSimplifier.Simplify(p.Raw.Strokes, p.Raw.Word) with { KeyId = p.Raw.KeyId }).ToList();
        var theirs = pairs.Select(p => p.Simplified).ToList();
        int exact = ours.Zip(theirs).Count(p => Same(p.First, p.Second));
        double pointDiff = ours.Zip(theirs).Average(p => Math.Abs(p.First.PointCount - p.Second.PointCount) / (double)p.Second.PointCount);
        var distances = ours.Zip(theirs).Select(p => Distance(p.First, p.Second)).Order().ToList();
        var (top1, top5, above) = SameAnswers(theirs, ours, out var differ);
        output.WriteLine($"{pairs.Count} raw drawings: {exact} simplify to exactly their twin (distance 99th pct {Quantile(distances, 0.99):0.00} px, max {distances[^1]:0.00}); " +
                         $"point counts differ by {pointDiff:P2} on average; Predictor, twin vs ours: same top-1 {top1}, same top-5 in order {top5}, same classes ≥ 1 % {above} of {pairs.Count}");
        foreach (var d in differ.Take(10)) output.WriteLine("  " + d);

        Assert.True(pairs.Count >= 500, $"{pairs.Count} twins");
        Assert.True(exact >= pairs.Count * 0.80, $"only {exact} of {pairs.Count} identical to their twin");
        Assert.True(pointDiff < 0.01);
        Assert.True(top5 >= pairs.Count * 0.90, $"same top-5 on only {top5} of {pairs.Count}");
        Assert.True(top1 >= pairs.Count * 0.95, $"same top-1 on only {top1} of {pairs.Count}");
    }
}
