using System.Text;
using QuickDraw.Drawings;

namespace QuickDraw.Tests.Drawings;

public class NdjsonDrawingParserTests
{
    static (SkipReason? Reason, string Detail, NdjsonDrawingParser Parser) Parse(string line)
    {
        var p = new NdjsonDrawingParser();
        var r = p.Parse(Encoding.UTF8.GetBytes(line), out var detail);
        return (r, detail, p);
    }

    [Fact]
    public void ParsesSimplifiedDrawingAndMetadata()
    {
        var (r, _, p) = Parse("""{"word":"cat","countrycode":"VE","timestamp":"2017-03-02 23:25:10.07453 UTC","recognized":true,"key_id":"5201136883597312","drawing":[[[1,2,3],[4,5,6]],[[7],[8]]]}""");
        Assert.Null(r);
        var d = p.ToDrawing();
        Assert.Equal("cat", d.Word);
        Assert.Equal("5201136883597312", d.KeyId);
        Assert.Equal("VE", d.CountryCode);
        Assert.True(d.Recognized);
        Assert.Equal(2, d.Strokes.Count);
        Assert.Equal(new float[] { 4, 5, 6 }, d.Strokes[0].Y);
        Assert.Equal(new float[] { 7 }, d.Strokes[1].X);
    }

    [Fact]
    public void ParsesRawDrawingWithTimesAndFloatCoordinates()
    {
        var (r, _, p) = Parse("""{"word":"dog","recognized":false,"drawing":[[[1.5,2.25],[3.125,4],[0,17]]]}""");
        Assert.Null(r);
        Assert.False(p.Recognized);
        Assert.Equal(new float[] { 1.5f, 2.25f }, p.ToDrawing().Strokes[0].X);
        Assert.Equal(new float[] { 3.125f, 4 }, p.ToDrawing().Strokes[0].Y);
    }

    [Theory]
    [InlineData("""{"word":"cat","drawing":[[[1,2],[3,4]]""", SkipReason.InvalidJson, "")]
    [InlineData("""not json""", SkipReason.InvalidJson, "")]
    [InlineData("""[1,2]""", SkipReason.InvalidJson, "not a JSON object")]
    [InlineData("""{"word":"cat","drawing":[[[1,"a"],[3,4]]]}""", SkipReason.InvalidJson, "non-number")]
    [InlineData("""{"drawing":[[[1,2],[3,4]]]}""", SkipReason.MissingWord, "")]
    [InlineData("""{"word":"","drawing":[[[1,2],[3,4]]]}""", SkipReason.MissingWord, "")]
    [InlineData("""{"word":"cat"}""", SkipReason.EmptyDrawing, "")]
    [InlineData("""{"word":"cat","drawing":[]}""", SkipReason.EmptyDrawing, "")]
    [InlineData("""{"word":"cat","drawing":[[[],[]]]}""", SkipReason.EmptyDrawing, "")]
    [InlineData("""{"word":"cat","drawing":[[[1,2,3],[3,4]]]}""", SkipReason.StrokeLengthMismatch, "stroke 0 has 3 x and 2 y")]
    [InlineData("""{"word":"cat","drawing":[[[1,2]]]}""", SkipReason.StrokeLengthMismatch, "x but no y")]
    [InlineData("""{"word":"cat","drawing":[[[1],[3]]]}""", SkipReason.TooFewPoints, "")]
    public void BadLinesGiveReasonAndDetail(string line, SkipReason expected, string detailContains)
    {
        var (r, detail, _) = Parse(line);
        Assert.Equal(expected, r);
        Assert.Contains(detailContains, detail);
    }

    [Fact]
    public void UnknownFieldsAndEmptyStrokesAreIgnored()
    {
        var (r, _, p) = Parse("""{"extra":{"a":[1,{"b":2}]},"word":"cat","drawing":[[[],[]],[[1,2],[3,4]]]}""");
        Assert.Null(r);
        Assert.Equal(1, p.Buffer.StrokeCount);
    }
}
