using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using QuickDraw.Drawings;
using QuickDraw.Ink;
using QuickDraw.Play;
using Xunit.Abstractions;

namespace QuickDraw.Tests.Play;

/// <summary>The game's JSON API over real HTTP on 127.0.0.1, served from a real run folder.</summary>
[Collection(PlayCollection.Name)]
public class GuessApiTests(PlayModel play, ITestOutputHelper output)
{
    // A generated doodle as a canvas would give it: ×1.7 and shifted, with float coordinates and times.
    internal static Drawing OnCanvas(Drawing d, double scale = 1.7, double dx = 41.25, double dy = 17.5) =>
        d with { Strokes = [.. d.Strokes.Select(s => new Stroke([.. s.X.Select(x => (float)(x * scale + dx))], [.. s.Y.Select(y => (float)(y * scale + dy))]))] };

    internal static string Body(Drawing d, string? target = null, bool times = true)
    {
        var sb = new StringBuilder("{\"strokes\":[");
        int t = 0;
        for (int s = 0; s < d.Strokes.Count; s++)
        {
            var st = d.Strokes[s];
            if (s > 0) sb.Append(',');
            sb.Append("[[").AppendJoin(',', st.X.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append("],[")
              .AppendJoin(',', st.Y.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append(']');
            if (times) sb.Append(",[").AppendJoin(',', st.X.Select(_ => (t += 16).ToString(CultureInfo.InvariantCulture))).Append(']');
            sb.Append(']');
        }
        sb.Append(']');
        if (target != null) sb.Append(",\"target\":\"").Append(target).Append('"');
        return sb.Append('}').ToString();
    }

    async Task<(HttpStatusCode Status, JsonElement Json)> Post(string body)
    {
        using var response = await play.Http.PostAsync("api/guess", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return (response.StatusCode, doc.RootElement.Clone());
    }

    static List<(string Class, double P)> Guesses(JsonElement json) =>
        [.. json.GetProperty("guesses").EnumerateArray().Select(g => (g.GetProperty("class").GetString()!, g.GetProperty("probability").GetDouble()))];

    [Fact]
    public async Task AGuessIsTheTopFiveOfThePredictorOnTheSimplifiedDrawing()
    {
        var rng = new Random(7);
        foreach (var cls in new[] { "circle", "star", "house" })
        {
            var canvas = OnCanvas(SyntheticDoodles.Generate(cls, rng));
            var (status, json) = await Post(Body(canvas, target: cls));
            Assert.Equal(HttpStatusCode.OK, status);

            // The simplified drawing it reports is the simplifier's, and the guesses are predict.cs's on it.
            var simplified = StrokeSimplifier.Simplify(canvas.Strokes);
            var strokes = json.GetProperty("simplified").EnumerateArray().ToList();
            Assert.Equal(simplified.Strokes.Count, strokes.Count);
            for (int s = 0; s < strokes.Count; s++)
            {
                Assert.Equal(simplified.Strokes[s].X, strokes[s][0].EnumerateArray().Select(v => v.GetSingle()));
                Assert.Equal(simplified.Strokes[s].Y, strokes[s][1].EnumerateArray().Select(v => v.GetSingle()));
            }
            var expected = play.Predictor.Predict([simplified], 5)[0];
            var got = Guesses(json);
            Assert.Equal(expected.Select(e => e.Class), got.Select(g => g.Class));
            for (int i = 0; i < 5; i++) Assert.Equal(expected[i].Probability, got[i].P, 5);
            Assert.True(got.Zip(got.Skip(1)).All(p => p.First.P >= p.Second.P), "guesses are sorted");
            var target = json.GetProperty("target");
            Assert.Equal(cls, target.GetProperty("class").GetString());
            output.WriteLine($"{cls}: top {got[0].Class} {got[0].P:P1}; target {target.GetProperty("probability").GetDouble():P1}");
            Assert.Equal(cls, got[0].Class); // the doodles are easy and the model is trained: it sees them
        }
    }

    [Fact]
    public async Task TimesAreOptional()
    {
        var d = OnCanvas(SyntheticDoodles.Generate("square", new Random(3)));
        var with = Guesses((await Post(Body(d, times: true))).Json);
        var without = Guesses((await Post(Body(d, times: false))).Json);
        Assert.Equal(with, without);
    }

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "malformed JSON", "{\"strokes\": [[[1,2],[3,4]]", "malformed JSON" },
        { "not an object", "[1,2,3]", "JSON object" },
        { "no strokes field", "{\"lines\": []}", "missing \"strokes\"" },
        { "no strokes", "{\"strokes\": []}", "no strokes" },
        { "one point", "{\"strokes\": [[[10],[20]]]}", "one point" },
        { "a dot", "{\"strokes\": [[[10,10,10],[20,20,20]]]}", "single dot" },
        { "mismatched x/y", "{\"strokes\": [[[1,2,3],[4,5]]]}", "3 x but 2 y" },
        { "mismatched t", "{\"strokes\": [[[1,2,3],[4,5,6],[0,16]]]}", "3 points but 2 times" },
        { "NaN", "{\"strokes\": [[[1,NaN],[4,5]]]}", "malformed JSON" },
        { "NaN as a string", "{\"strokes\": [[[1,\"NaN\"],[4,5]]]}", "not a number" },
        { "huge number", "{\"strokes\": [[[1,1e300],[4,5]]]}", "within" },
        { "infinite number", "{\"strokes\": [[[1,1e999],[4,5]]]}", "" },
        { "a stroke that is not [x, y]", "{\"strokes\": [[1,2]]}", "stroke 0" },
        { "empty stroke", "{\"strokes\": [[[],[]], [[1,2],[3,4]]]}", "no points" },
        { "unknown target", "{\"strokes\": [[[1,2],[3,4]]], \"target\": \"unicorn\"}", "unknown target" },
        { "target not a string", "{\"strokes\": [[[1,2],[3,4]]], \"target\": 3}", "target" },
        { "too deep", new string('[', 100) + new string(']', 100), "malformed JSON" },
        { "empty body", "", "malformed JSON" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInputIsA400WithAMessage(string what, string body, string message)
    {
        var (status, json) = await Post(body);
        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: HTTP {(int)status}");
        var error = json.GetProperty("error").GetString()!;
        output.WriteLine($"{what}: {error}");
        Assert.Contains(message, error);
        Assert.DoesNotContain("\n", error);
        await StillServes();
    }

    [Fact]
    public async Task AHundredThousandPointsAreRefused()
    {
        var xs = string.Join(',', Enumerable.Range(0, 100_000).Select(i => (i % 500).ToString(CultureInfo.InvariantCulture)));
        var body = $"{{\"strokes\": [[[{xs}],[{xs}]]]}}";
        Assert.True(body.Length < GuessRequest.MaxBodyBytes, "under the size limit: the point limit must catch it");
        var (status, json) = await Post(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("limit is 20,000", json.GetProperty("error").GetString());
        await StillServes();
    }

    [Fact]
    public async Task AScribbleThatWouldResampleToMillionsOfPointsIsRefused()
    {
        // 20,000 points (the limit) zigzagging across the whole box: 20,000 × 255 px of ink, 5 million points resampled.
        var xs = string.Join(',', Enumerable.Range(0, 20_000).Select(i => i % 2 == 0 ? "0" : "500"));
        var ys = string.Join(',', Enumerable.Range(0, 20_000).Select(i => (i / 40).ToString(CultureInfo.InvariantCulture)));
        var (status, json) = await Post($"{{\"strokes\": [[[{xs}],[{ys}]]]}}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("too much ink", json.GetProperty("error").GetString());
        await StillServes();
    }

    [Fact]
    public async Task ABodyOverTheSizeLimitIsRefused()
    {
        var body = "{\"strokes\": [[[" + string.Join(',', Enumerable.Repeat("1.000000", 150_000)) + "],[1]]]}";
        Assert.True(body.Length > GuessRequest.MaxBodyBytes);
        var (status, json) = await Post(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("over the limit", json.GetProperty("error").GetString());
        await StillServes();
    }

    async Task StillServes()
    {
        var (status, json) = await Post("{\"strokes\": [[[0,100],[0,100]]]}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, json.GetProperty("guesses").GetArrayLength());
    }

    [Fact]
    public async Task ParallelRequestsGetTheAnswersOfSerialOnes()
    {
        // One model, many requests at once: each answer equals the one the same drawing gets alone.
        var rng = new Random(11);
        var drawings = SyntheticDoodles.BaseClasses.Select(c => Body(OnCanvas(SyntheticDoodles.Generate(c, rng)))).ToList();
        var serial = new List<string>();
        foreach (var b in drawings) serial.Add(Guesses((await Post(b)).Json).Aggregate("", (a, g) => a + $"{g.Class}:{g.P:R};"));
        var parallel = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            var (status, json) = await Post(drawings[i % drawings.Count]);
            Assert.Equal(HttpStatusCode.OK, status);
            return (i, Guesses(json).Aggregate("", (a, g) => a + $"{g.Class}:{g.P:R};"));
        })));
        foreach (var (i, answer) in parallel) Assert.Equal(serial[i % drawings.Count], answer);
    }

    [Fact]
    public async Task InfoNamesTheRunItsClassesAndTheThreshold()
    {
        using var doc = JsonDocument.Parse(await play.Http.GetStringAsync("api/info"));
        var info = doc.RootElement;
        Assert.Equal("play", info.GetProperty("run").GetString());
        Assert.Equal(SyntheticDoodles.BaseClasses.Order(), info.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        var threshold = info.GetProperty("threshold").GetDouble();
        output.WriteLine($"threshold {threshold:0.000}: {info.GetProperty("thresholdExplanation").GetString()}");
        Assert.InRange(threshold, 0.05, 0.9999);
        Assert.Contains("eval drawings", info.GetProperty("thresholdExplanation").GetString());
        Assert.Equal(300, info.GetProperty("evalDrawings").GetInt32()); // 10 classes × 30

        // The threshold is the 25th percentile of the correct class's probability over the correct eval drawings.
        var results = play.Predictor.Predict(play.Server.Eval, 1);
        var correct = play.Server.Eval.Select((d, i) => (d, r: results[i][0])).Where(x => x.r.Class == x.d.Word).Select(x => x.r.Probability).ToList();
        Assert.True(correct.Count > 200, $"{correct.Count} of 300 eval drawings correct");
        double above = correct.Count(p => p > threshold) / (double)correct.Count;
        Assert.True(above >= 0.70, $"{above:P1} of the correct eval drawings beat the threshold");
        if (threshold < GameThreshold.MaxDefault) Assert.True(above <= 0.76, $"{above:P1} beat it: not the 25th percentile");
    }

    [Fact]
    public async Task ThePageAndItsAssetsAreServedWithNothingFromElsewhere()
    {
        foreach (var (path, type) in new[] { ("", "text/html"), ("play.js", "text/javascript"), ("play.css", "text/css") })
        {
            using var response = await play.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith(type, response.Content.Headers.ContentType!.ToString());
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", text); // offline: no CDN, no other host
            Assert.DoesNotContain("@import", text);
        }
        var page = await play.Http.GetStringAsync("");
        Assert.Contains("<canvas id=\"canvas\"", page);
    }

    [Fact]
    public async Task AnEvalDrawingReplaysWithTheGuessesAfterEachStroke()
    {
        using var list = JsonDocument.Parse(await play.Http.GetStringAsync("api/eval"));
        Assert.Equal(300, list.RootElement.GetArrayLength());
        int index = list.RootElement.EnumerateArray().First(e => e.GetProperty("strokes").GetInt32() >= 2).GetProperty("index").GetInt32();
        using var doc = JsonDocument.Parse(await play.Http.GetStringAsync($"api/eval/{index}"));
        var replay = doc.RootElement;
        var d = play.Server.Eval[index];
        Assert.Equal(d.Word, replay.GetProperty("class").GetString());
        var steps = replay.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(d.Strokes.Count, steps.Last().GetProperty("strokes").GetInt32());
        // The last step is the whole drawing: the predictor's answer on it.
        var whole = play.Predictor.Predict([d], 5)[0];
        Assert.Equal(whole.Select(w => w.Class), Guesses(steps.Last().GetProperty("result")).Select(g => g.Class));
        Assert.Equal(HttpStatusCode.NotFound, (await play.Http.GetAsync("api/eval/100000")).StatusCode);
    }
}
