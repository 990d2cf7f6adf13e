using QuickDraw.Drawings;
using QuickDraw.Ink;

namespace QuickDraw.Tests.Drawings;

public class DrawingReaderTests
{
    const string Good = """{"word":"cat","recognized":true,"drawing":[[[0,10],[0,10]]]}""";
    const string Unrecognized = """{"word":"cat","recognized":false,"drawing":[[[0,10],[0,10]]]}""";

    [Fact]
    public void BadLinesAreCountedByReasonWithFileAndLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("cat.ndjson", string.Join("\n",
            Good,
            "{oops",
            """{"word":"","drawing":[[[0,1],[0,1]]]}""",
            """{"word":"cat","drawing":[]}""",
            """{"word":"cat","drawing":[[[0,1,2],[0,1]]]}""",
            """{"word":"cat","drawing":[[[0],[0]]]}""",
            "{\"word\":\"cat\",\"drawing\":[[[" + string.Join(",", Enumerable.Range(0, 600)) + "]]]}",
            Good,
            """{"word":"cat","drawing":[[[0,1"""));
        var skips = new SkipLog();
        var drawings = DrawingReader.Read(path, new ReadOptions(MaxLineBytes: 1000), skips).ToList();

        Assert.Equal(2, drawings.Count);
        Assert.Equal(7, skips.Total);
        foreach (var reason in new[] { SkipReason.InvalidJson, SkipReason.MissingWord, SkipReason.EmptyDrawing, SkipReason.StrokeLengthMismatch,
                                       SkipReason.TooFewPoints, SkipReason.LineTooLong, SkipReason.TruncatedLine })
            Assert.Equal(1, skips[reason]);
        var messages = skips.Examples.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("cat.ndjson:2: invalid JSON"));
        Assert.Contains("cat.ndjson:5: stroke with x/y length mismatch (stroke 0 has 3 x and 2 y)", messages);
        Assert.Contains(messages, m => m.StartsWith("cat.ndjson:7: line too long"));
        Assert.Contains(messages, m => m.StartsWith("cat.ndjson:9: truncated last line"));
        Assert.Equal("1 invalid JSON, 1 missing or empty word, 1 empty drawing, 1 stroke with x/y length mismatch, 1 fewer than 2 points, 1 truncated last line, 1 line too long", skips.ToString());
    }

    [Fact]
    public void UnrecognizedAreKeptByDefaultAndDroppedOnRequest()
    {
        using var dir = new TempDir();
        var path = dir.Write("cat.ndjson", $"{Good}\n{Unrecognized}\n");
        Assert.Equal(2, DrawingReader.Read(path).Count());
        var skips = new SkipLog();
        Assert.Single(DrawingReader.Read(path, new ReadOptions(DropUnrecognized: true), skips));
        Assert.Equal(1, skips[SkipReason.NotRecognized]);
    }

    [Fact]
    public void BinaryFilesRoundTripAndTruncationIsReported()
    {
        using var dir = new TempDir();
        var rng = new Random(1);
        var drawings = Enumerable.Range(0, 5).Select(_ => SyntheticDoodles.Generate("house", rng)).ToList();
        var bytes = drawings.SelectMany((d, i) => BinaryDrawingFormat.Encode(d, keyId: (ulong)i + 42)).ToArray();
        var path = dir.File("house.bin");
        File.WriteAllBytes(path, bytes[..^3]); // cut into the last record
        var skips = new SkipLog();
        var read = DrawingReader.Read(path, skips: skips).ToList();

        Assert.Equal(4, read.Count);
        Assert.Equal("house", read[0].Word);
        Assert.Equal("43", read[1].KeyId);
        for (int i = 0; i < 4; i++) Assert.Equal(InkConverter.ToInk(drawings[i]), InkConverter.ToInk(read[i]));
        Assert.Equal(1, skips[SkipReason.CorruptBinary]);
        Assert.StartsWith("house.bin:5: corrupt binary record", skips.Examples[0].ToString());
    }

    [Fact]
    public void ParseLineThrowsWithTheReason()
    {
        var e = Assert.Throws<FormatException>(() => DrawingReader.ParseLine("""{"word":"cat","drawing":[[[1,2],[3]]]}"""));
        Assert.Contains("x/y length mismatch", e.Message);
    }
}
