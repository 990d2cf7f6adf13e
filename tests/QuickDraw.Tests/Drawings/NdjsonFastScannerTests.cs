using System.Text;
using QuickDraw.Drawings;

namespace QuickDraw.Tests.Drawings;

/// <summary>The parser's fast scanner must give exactly what the Utf8JsonReader path gives, on every line:
/// the same reason and detail, word, flags, metadata and points (bit for bit).</summary>
public class NdjsonFastScannerTests
{
    static string Outcome(NdjsonDrawingParser p, SkipReason? reason, string detail)
    {
        var b = p.Buffer;
        string Floats(ReadOnlySpan<float> v) => string.Join(",", v.ToArray().Select(f => BitConverter.SingleToInt32Bits(f)));
        var head = $"{reason}|{detail}|{p.Word}|{p.Recognized}|{p.KeyId}|{p.CountryCode}|{p.Timestamp}";
        // After a skip the buffer holds a partial drawing (y of points not reached is stale): only usable ones compare.
        return reason != null ? head : $"{head}|{Floats(b.X)}|{Floats(b.Y)}|{string.Join(",", b.StrokeEnds.ToArray())}";
    }

    static void AssertSameAsStrict(byte[] line, bool readMetadata = true)
    {
        var fast = new NdjsonDrawingParser { ReadMetadata = readMetadata };
        var strict = new NdjsonDrawingParser { ReadMetadata = readMetadata };
        var a = Outcome(fast, fast.Parse(line, out var d1), d1);
        var b = Outcome(strict, strict.ParseStrict(line, out var d2), d2);
        if (a != b) Assert.Fail($"line: {Encoding.UTF8.GetString(line)}\nfast:   {a}\nstrict: {b}");
    }

    [Theory]
    [InlineData("""{"word":"cat","recognized":true,"key_id":"5201136883597312","drawing":[[[1,2,3],[4,5,6]],[[7],[8]]]}""")]
    [InlineData(""" { "word" : "cat" , "drawing" : [ [ [ 1 , 2 ] , [ 3 , 4 ] ] ] } """)]
    [InlineData("""{"word":"cat","drawing":[[[-0,0,-7],[01,2,3]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[-0,0,-7],[1,2,3]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[999999999,1000000000,2147483647,2147483648,-2147483649],[1,2,3,4,5]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[16777217,33554435,123456789012345678901234567890],[1.0,2.5,-0.0]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[44.05242,33.507999420166016,0.1],[1e2,2,3]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[1,2],[3,4],[0,17,1e3]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[1,2],[3,4],[0,17.5]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[1,2],[3,4]]],"drawing":[[[5,6],[7,8]]],"word":"dog"}""")]
    [InlineData("""{"word":"c\u0061t","drawing":[[[1,2],[3,4]]]}""")]
    [InlineData("""{"w\u006frd":"cat","drawing":[[[1,2],[3,4]]]}""")]
    [InlineData("""{"word":"crème brûlée","drawing":[[[1,2],[3,4]]]}""")]
    [InlineData("""{"word":null,"drawing":[[[1,2],[3,4]]]}""")]
    [InlineData("""{"word":"cat","recognized":"false","drawing":[[[1,2],[3,4]]]}""")]
    [InlineData("""{"word":"cat","recognized":null,"drawing":[[[1,2],[3,4]]]}""")]
    [InlineData("""{"word":"cat","key_id":5201136883597312,"timestamp":null,"countrycode":true,"drawing":[[[1,2],[3,4]]]}""")]
    [InlineData("""{"word":"cat","extra":{"a":[1]},"drawing":[[[1,2],[3,4]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[1,2],[3,4]]],}""")]
    [InlineData("""{"word":"cat","drawing":[[[1,2],[3,4]]]} x""")]
    [InlineData("""{"word":"cat","drawing":[[[1,2],[3,4]],[]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[],[]],[[1,2],[3,4]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[1,2],[3]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[1,2]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[1.],[2]]]}""")]
    [InlineData("""{"word":"cat","drawing":[[[1],[2]]]}""")]
    [InlineData("""{"word":"","drawing":[[[1,2],[3,4]]]}""")]
    [InlineData("""{}""")]
    [InlineData("""{"word":"cat"}""")]
    [InlineData("""{"word":"cat","drawing":[[[1,2],[3,4]]]""")]
    [InlineData("\uFEFF{\"word\":\"cat\",\"drawing\":[[[1,2],[3,4]]]}")]
    [InlineData("{\"word\":\"c\tt\",\"drawing\":[[[1,2],[3,4]]]}")]
    public void EdgeCasesMatchTheStrictPath(string line)
    {
        AssertSameAsStrict(Encoding.UTF8.GetBytes(line), readMetadata: true);
        AssertSameAsStrict(Encoding.UTF8.GetBytes(line), readMetadata: false);
    }

    [Fact]
    public void InvalidUtf8IsInvalidJsonNotAnException()
    {
        byte[] line = [.. "{\"word\":\""u8, 0xff, 0xfe, .. "\",\"drawing\":[[[1,2],[3,4]]]}"u8];
        var p = new NdjsonDrawingParser();
        Assert.Equal(SkipReason.InvalidJson, p.Parse(line, out var detail));
        Assert.Contains("UTF-8", detail);
        AssertSameAsStrict(line);
    }

    [Fact]
    public void SeededMutationsOfRealisticLinesMatchTheStrictPath()
    {
        var rng = new Random(7);
        var lines = SyntheticDoodles.AllClasses.Take(6)
            .Select((c, i) => SyntheticDoodles.ToJson(SyntheticDoodles.Generate(c, rng), 5_000_000_000_000_000L + i, 1_490_000_000 + i))
            .Append("""{"word":"dog","recognized":false,"drawing":[[[1.5,2.25,-3],[3.125,4,5e-1]],[[0,1],[2,3],[10,20]]]}""")
            .Select(Encoding.UTF8.GetBytes).ToList();
        var alphabet = "[]{},:\"-.0123456789eE \\tfnul\u00e9"u8.ToArray();
        for (int i = 0; i < 20_000; i++)
        {
            var line = lines[rng.Next(lines.Count)].ToList();
            for (int edits = 1 + rng.Next(3); edits > 0 && line.Count > 0; edits--)
            {
                int at = rng.Next(line.Count);
                switch (rng.Next(7))
                {
                    case 0: line.RemoveAt(at); break;
                    case 1: line.Insert(at, alphabet[rng.Next(alphabet.Length)]); break;
                    case 2 or 3 or 4: line[at] = alphabet[rng.Next(alphabet.Length)]; break;
                    default: line.RemoveRange(at, line.Count - at); break;
                }
            }
            AssertSameAsStrict([.. line], readMetadata: i % 2 == 0);
        }
    }

    [RealSampleFact]
    public void EveryLineOfTheRealSampleMatchesTheStrictPath()
    {
        int n = 0;
        foreach (var file in Directory.EnumerateFiles(RealSample.Folder!, "*.ndjson", SearchOption.AllDirectories))
            foreach (var line in File.ReadLines(file))
            {
                AssertSameAsStrict(Encoding.UTF8.GetBytes(line), readMetadata: n++ % 2 == 0);
            }
        Assert.True(n > 10_000);
    }
}
