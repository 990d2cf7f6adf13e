using QuickDraw.Drawings;
using QuickDraw.Ink;

namespace QuickDraw.Tests.Ink;

public class RealSampleTests
{
    [RealSampleFact]
    public void TutorialCatParsesToItsKnownShape()
    {
        var first = DrawingReader.Read(Path.Combine(RealSample.Folder!, "simplified", "cat.ndjson")).First();
        Assert.Equal("cat", first.Word);
        var ink = InkConverter.ToInk(first);
        Assert.Equal((first.PointCount - 1) * 3, ink.Length);
        Assert.All(Enumerable.Range(0, ink.Length / 3), i => Assert.InRange(ink[i * 3 + 2], 0f, 1f));
        Assert.Equal(1f, ink[^1]); // the last point ends a stroke
    }

    [RealSampleFact]
    public void EverySimplifiedAndRawDrawingReadsCleanly()
    {
        var skips = new SkipLog();
        int simplified = Directory.GetFiles(Path.Combine(RealSample.Folder!, "simplified"), "*.ndjson").Sum(f => DrawingReader.Read(f, skips: skips).Count());
        int raw = Directory.GetFiles(Path.Combine(RealSample.Folder!, "raw"), "*.ndjson").Sum(f => DrawingReader.Read(f, skips: skips).Count());
        Assert.True(simplified >= 6000, $"{simplified} simplified drawings");
        Assert.True(raw >= 1000, $"{raw} raw drawings");
        Assert.True(skips.Total <= 5, skips.ToString()); // real data is clean (single-point drawings aside)
    }

    [RealSampleFact]
    public void RawAndSimplifiedTwinsShareKeyIds()
    {
        var rawFile = Directory.GetFiles(Path.Combine(RealSample.Folder!, "raw"), "*.ndjson").First();
        var simplifiedFile = Path.Combine(RealSample.Folder!, "simplified", Path.GetFileName(rawFile));
        var raw = DrawingReader.Read(rawFile).Take(5).Select(d => d.KeyId).ToList();
        var simple = DrawingReader.Read(simplifiedFile).Take(5).Select(d => d.KeyId).ToList();
        Assert.Equal(simple, raw);
    }
}
