using QuickDraw.Drawings;
using QuickDraw.Ink;
using QuickDraw.Shards;
using QuickDraw.TfRecord;

namespace QuickDraw.Tests.Shards;

public class ShardConverterTests
{
    static ConvertSummary Convert(string input, string output, int seed = 0, int train = 30, int eval = 10, int shards = 3) =>
        ShardConverter.Convert(input, output, new ConvertOptions(TrainPerClass: train, EvalPerClass: eval, Shards: shards, Seed: seed));

    static byte[][] Files(string folder) =>
        Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();

    [Fact]
    public void SameSeedGivesIdenticalBytesAndOtherSeedAnotherOrder()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        SyntheticDoodles.WriteNdjson(input, 50, seed: 1, classes: ["circle", "star", "wave"]);
        Convert(input, dir.File("a"), seed: 5);
        Convert(input, dir.File("b"), seed: 5);
        Convert(input, dir.File("c"), seed: 6);
        Assert.Equal(Files(dir.File("a")), Files(dir.File("b")));
        Assert.NotEqual(Files(dir.File("a")), Files(dir.File("c")));
        // Another seed reorders the same records.
        var a = ShardDataRecords(dir.File("a")).Select(Key).Order().ToList();
        var c = ShardDataRecords(dir.File("c")).Select(Key).Order().ToList();
        Assert.Equal(a, c);
    }

    [Fact]
    public void SplitsFirstKThenNextMPerClassWithSortedClassesAndTutorialNames()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        SyntheticDoodles.WriteNdjson(input, 45, seed: 2, classes: ["zigzag", "circle", "house"]);
        var summary = Convert(input, dir.File("out"), train: 30, eval: 10, shards: 3);

        Assert.Equal(["circle", "house", "zigzag"], ShardLayout.ReadClasses(dir.File("out")));
        Assert.Equal(new long[] { 30, 30, 30 }, summary.TrainPerClass);
        Assert.Equal(new long[] { 10, 10, 10 }, summary.EvalPerClass);
        Assert.True(File.Exists(Path.Combine(dir.File("out"), "training.tfrecord-00002-of-00003")));
        Assert.True(File.Exists(Path.Combine(dir.File("out"), "eval.tfrecord-00000-of-00003")));

        // Training holds exactly the first 30 drawings of each file, eval the next 10, with the tutorial's ink.
        var zigzags = DrawingReader.Read(Path.Combine(input, "zigzag.ndjson")).Select(InkConverter.ToInk).ToList();
        var train = ShardLayout.Shards(dir.File("out"), ShardLayout.TrainPrefix).SelectMany(Read).Where(r => r.ClassIndex == 2).Select(r => r.Ink).ToList();
        var eval = ShardLayout.Shards(dir.File("out"), ShardLayout.EvalPrefix).SelectMany(Read).Where(r => r.ClassIndex == 2).Select(r => r.Ink).ToList();
        Assert.Equal(zigzags.Take(30).Select(Hash).Order(), train.Select(Hash).Order());
        Assert.Equal(zigzags.Skip(30).Take(10).Select(Hash).Order(), eval.Select(Hash).Order());
    }

    [Fact]
    public void ShardsMixClasses()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        SyntheticDoodles.WriteNdjson(input, 40, seed: 3, classes: ["circle", "star", "wave", "line"]);
        Convert(input, dir.File("out"), train: 40, eval: 0, shards: 2);
        var first = Read(ShardLayout.Shards(dir.File("out"), ShardLayout.TrainPrefix)[0]).Take(12).Select(r => r.ClassIndex).Distinct().Count();
        Assert.True(first >= 3, "the first records of a shard come from several classes (round-robin reading)");
    }

    [Fact]
    public void BadLinesAreSkippedCountedAndDoNotShiftTheSplit()
    {
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "in");
        SyntheticDoodles.WriteNdjson(input, 12, seed: 4, classes: ["circle"]);
        var lines = File.ReadAllLines(Path.Combine(input, "circle.ndjson")).ToList();
        lines.Insert(3, "{broken");
        lines.Insert(5, """{"word":"circle","drawing":[[[1,2],[1]]]}""");
        File.WriteAllText(Path.Combine(input, "circle.ndjson"), string.Join("\n", lines) + "\n");

        var summary = Convert(input, dir.File("out"), train: 8, eval: 4, shards: 1);
        Assert.Equal(8, summary.TrainRecords);
        Assert.Equal(4, summary.EvalRecords);
        Assert.Equal(1, summary.Skips[SkipReason.InvalidJson]);
        Assert.Equal(1, summary.Skips[SkipReason.StrokeLengthMismatch]);
        Assert.Contains(summary.Skips.Examples, e => e.ToString().StartsWith("circle.ndjson:4: invalid JSON"));
    }

    [Fact]
    public void ShortClassesAreReportedAndBinaryInputWorks()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(Path.Combine(dir.Path, "in")).FullName;
        var rng = new Random(5);
        File.WriteAllBytes(Path.Combine(input, "star.bin"), Enumerable.Range(0, 6).SelectMany(_ => BinaryDrawingFormat.Encode(SyntheticDoodles.Generate("star", rng))).ToArray());
        var options = new ConvertOptions(TrainPerClass: 5, EvalPerClass: 5, Shards: 1);
        var summary = ShardConverter.Convert(input, dir.File("out"), options);
        Assert.Equal(5, summary.TrainRecords);
        Assert.Equal(1, summary.EvalRecords);
        Assert.Equal(["star"], summary.ShortClasses(options));
    }

    [Fact]
    public void MissingInputIsAClearError()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<ArgumentException>(() => ShardConverter.Convert(dir.Path, dir.File("out")));
        Assert.Contains("no .ndjson or .bin class files", e.Message);
    }

    static IEnumerable<InkRecord> Read(string file)
    {
        using var r = TfRecordReader.Open(file);
        while (r.TryRead(out var bytes)) yield return InkExample.Decode(bytes.Span);
    }

    static IEnumerable<InkRecord> ShardDataRecords(string folder) =>
        ShardLayout.Shards(folder, ShardLayout.TrainPrefix).Concat(ShardLayout.Shards(folder, ShardLayout.EvalPrefix)).SelectMany(Read);

    static string Key(InkRecord r) => r.ClassIndex + ":" + Hash(r.Ink);
    static string Hash(float[] ink) => System.Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ink.AsSpan())));
}
