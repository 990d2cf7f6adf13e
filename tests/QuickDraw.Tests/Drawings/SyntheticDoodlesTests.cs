using QuickDraw.Drawings;

namespace QuickDraw.Tests.Drawings;

public class SyntheticDoodlesTests
{
    [Fact]
    public void SameSeedSameBytesOtherSeedOtherBytes()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        using var c = new TempDir();
        SyntheticDoodles.WriteNdjson(a.Path, 20, seed: 7);
        SyntheticDoodles.WriteNdjson(b.Path, 20, seed: 7);
        SyntheticDoodles.WriteNdjson(c.Path, 20, seed: 8);
        Assert.Equal(File.ReadAllBytes(a.File("star.ndjson")), File.ReadAllBytes(b.File("star.ndjson")));
        Assert.NotEqual(File.ReadAllBytes(a.File("star.ndjson")), File.ReadAllBytes(c.File("star.ndjson")));
    }

    [Fact]
    public void EveryClassIsValidSimplifiedData()
    {
        using var dir = new TempDir();
        var files = SyntheticDoodles.WriteNdjson(dir.Path, 30, seed: 1, style: DoodleStyle.Hard, classes: SyntheticDoodles.AllClasses);
        Assert.True(SyntheticDoodles.BaseClasses.Count >= 10);
        foreach (var f in files)
        {
            var skips = new SkipLog();
            var drawings = DrawingReader.Read(f, skips: skips).ToList();
            Assert.Equal(0, skips.Total);
            Assert.Equal(30, drawings.Count);
            foreach (var d in drawings)
            {
                Assert.Equal(Path.GetFileNameWithoutExtension(f), d.Word);
                var xs = d.Strokes.SelectMany(s => s.X).ToList();
                var ys = d.Strokes.SelectMany(s => s.Y).ToList();
                Assert.InRange(xs.Min(), 0, 10); Assert.InRange(ys.Min(), 0, 10);   // aligned top-left
                Assert.InRange(Math.Max(xs.Max(), ys.Max()), 245, 255);             // scaled to max 255 (RDP may drop the extreme point, as in real data)
                Assert.All(xs.Concat(ys), v => Assert.Equal(Math.Round(v), v));     // integers
            }
        }
        var houses = DrawingReader.Read(files.Single(f => f.EndsWith("house.ndjson"))).ToList();
        Assert.All(houses, h => Assert.True(h.Strokes.Count >= 2));                 // multi-stroke
    }

    [Fact]
    public void ClassesLookDifferent()
    {
        // Mean stroke count and mean points differ between classes: a crude check that shapes are distinct.
        var rng = new Random(3);
        var profile = SyntheticDoodles.BaseClasses.ToDictionary(c => c, c =>
        {
            var ds = Enumerable.Range(0, 40).Select(_ => SyntheticDoodles.Generate(c, rng)).ToList();
            return (Strokes: ds.Average(d => d.Strokes.Count), Points: ds.Average(d => d.PointCount));
        });
        Assert.True(profile["cross"].Strokes > 1.9 && profile["circle"].Strokes < 1.1);
        Assert.True(profile["spiral"].Points > 2 * profile["line"].Points);
    }
}
