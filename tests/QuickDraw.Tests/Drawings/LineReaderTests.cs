using System.Text;
using QuickDraw.Drawings;

namespace QuickDraw.Tests.Drawings;

public class LineReaderTests
{
    static List<(string Text, LineKind Kind, long Number)> Lines(string text, int max = 100, int bufferHint = 0)
    {
        using var r = new LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), max);
        var result = new List<(string, LineKind, long)>();
        while (r.Next(out var line, out var kind)) result.Add((Encoding.UTF8.GetString(line), kind, r.LineNumber));
        return result;
    }

    [Fact]
    public void SplitsLinesStripsCrAndFlagsUnterminatedLast()
    {
        var lines = Lines("a\r\nbb\n\nccc");
        Assert.Equal([("a", LineKind.Complete, 1L), ("bb", LineKind.Complete, 2L), ("", LineKind.Complete, 3L), ("ccc", LineKind.Unterminated, 4L)], lines);
    }

    [Fact]
    public void TooLongLinesAreSkippedWithoutLosingTheNext()
    {
        var longLine = new string('x', 1000);
        var lines = Lines($"ok\n{longLine}\nafter\n{longLine}", max: 50);
        Assert.Equal([("ok", LineKind.Complete, 1L), ("", LineKind.TooLong, 2L), ("after", LineKind.Complete, 3L), ("", LineKind.TooLong, 4L)], lines);
    }

    [Fact]
    public void LinesLongerThanTheInitialBufferAreWhole()
    {
        var big = new string('y', 200_000);
        var lines = Lines($"{big}\nz\n", max: 1 << 20);
        Assert.Equal(200_000, lines[0].Text.Length);
        Assert.Equal("z", lines[1].Text);
    }
}
