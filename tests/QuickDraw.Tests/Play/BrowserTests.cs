using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using QuickDraw.Drawings;
using QuickDraw.Experiments;
using Xunit.Abstractions;

namespace QuickDraw.Tests.Play;

/// <summary>
/// The game in a real browser: Debian's chromium, driven by Playwright (its driver ships in the NuGet package; no
/// browser download). A player draws with the mouse; the page's guesses must be the API's for the strokes it
/// captured, they must update during a stroke, and a drawing whose target beats the threshold wins the round.
/// Set PLAY_SCREENSHOT=file.png to keep a screenshot of the won round.
/// </summary>
[Collection(PlayCollection.Name)]
public class BrowserTests(PlayModel play, ITestOutputHelper output)
{
    const double Scale = 1.5, Offset = 60; // doodle (0–255) → canvas pixels (60–443 of 500)

    static async Task<(IPlaywright, IBrowser)> Launch()
    {
        var chromium = HeadlessChromium.Find() ?? throw new InvalidOperationException("chromium is not installed: run bash scripts/setup.sh (it installs Debian's chromium)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium, Headless = true, Timeout = 120_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    async Task<IPage> Open(IBrowser browser)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 720 } });
        page.SetDefaultTimeout(180_000); // a loaded 2-core machine (the whole suite in parallel) answers guesses slowly; a broken page never does
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(play.Server.Url.ToString());
        await page.WaitForSelectorAsync("body[data-ready='1']");
        Assert.Empty(errors);
        return page;
    }

    static async Task<string> Target(IPage page)
    {
        var prompt = (await page.TextContentAsync("#prompt"))!;
        Assert.StartsWith("Draw: ", prompt);
        return prompt["Draw: ".Length..];
    }

    // The doodle in canvas pixels, on whole pixels, without repeated points (the page skips a move to the same spot).
    static Drawing OnCanvas(Drawing d) => d with
    {
        Strokes = [.. d.Strokes.Select(s =>
        {
            var points = s.X.Zip(s.Y, (x, y) => (X: (float)Math.Round(x * Scale + Offset), Y: (float)Math.Round(y * Scale + Offset))).ToList();
            var unique = points.Where((p, i) => i == 0 || p != points[i - 1]).ToList();
            return new Stroke([.. unique.Select(p => p.X)], [.. unique.Select(p => p.Y)]);
        })],
    };

    async Task<JsonElement> Api(Drawing canvas, string target)
    {
        using var r = await play.Http.PostAsync("api/guess", new StringContent(GuessApiTests.Body(canvas, target), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>());
    }

    static double TargetProbability(JsonElement json) => json.GetProperty("target").GetProperty("probability").GetDouble();

    // Mouse moves through every point; `beforeUp` runs with the button still down at the end of the first stroke.
    static async Task Draw(IPage page, Drawing canvas, Func<Task>? beforeUp = null)
    {
        var box = (await page.Locator("#canvas").BoundingBoxAsync())!;
        double left = box.X + 2, top = box.Y + 2; // inside the 2-px border
        for (int s = 0; s < canvas.Strokes.Count; s++)
        {
            var st = canvas.Strokes[s];
            await page.Mouse.MoveAsync((float)(left + st.X[0]), (float)(top + st.Y[0]));
            await page.Mouse.DownAsync();
            for (int i = 1; i < st.Count; i++) await page.Mouse.MoveAsync((float)(left + st.X[i]), (float)(top + st.Y[i]));
            if (s == 0 && beforeUp != null) await beforeUp();
            await page.Mouse.UpAsync();
        }
    }

    [Fact]
    public async Task ThePagesGuessesAreTheApisForTheStrokesDrawn()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Open(browser);
        var target = await Target(page);

        // A drawing of another class, which the model (asked by the API, stroke by stroke) does not take for the
        // target: the round stays open while it is drawn.
        var rng = new Random(21);
        Drawing? chosen = null;
        foreach (var cls in new[] { "spiral", "star", "house", "zigzag", "cross" }.Where(c => c != target))
        {
            var d = OnCanvas(SyntheticDoodles.Generate(cls, rng));
            bool safe = true;
            for (int k = 1; k <= d.Strokes.Count && safe; k++)
                safe = TargetProbability(await Api(d with { Strokes = d.Strokes.Take(k).ToList() }, target)) < play.Server.Threshold.Value / 3;
            if (safe) { chosen = d; break; }
        }
        Assert.NotNull(chosen);
        int points = chosen.PointCount;

        await Draw(page, chosen, beforeUp: async () =>
        {
            // Live: guesses arrive while the first stroke is still being drawn (the button is down).
            await page.WaitForFunctionAsync("() => +document.getElementById('guesses').dataset.points > 0");
        });
        await page.WaitForFunctionAsync($"() => document.getElementById('guesses').dataset.points === '{points}'");

        // The page captured exactly the strokes drawn (canvas pixels), and shows the API's answer for them.
        // (The canvas's 500 drawing pixels span its CSS width: 500 px at this window size.)
        Assert.Equal(500, await page.EvaluateAsync<int>("() => document.getElementById('canvas').clientWidth"));
        var captured = await page.EvaluateAsync<float[][][]>("() => window.quickdraw.strokes().map(s => [s[0], s[1]])");
        Assert.Equal(chosen.Strokes.Count, captured.Length);
        for (int s = 0; s < captured.Length; s++)
        {
            Assert.Equal(chosen.Strokes[s].X, captured[s][0]);
            Assert.Equal(chosen.Strokes[s].Y, captured[s][1]);
        }
        var pageStrokes = chosen with { Strokes = [.. captured.Select(c => new Stroke(c[0], c[1]))] };
        var api = await Api(pageStrokes, target);
        var expected = api.GetProperty("guesses").EnumerateArray().Select(g => (g.GetProperty("class").GetString(), g.GetProperty("probability").GetDouble())).ToList();
        var shown = await page.EvaluateAsync<JsonElement>("() => [...document.querySelectorAll('#guesses li')].map(li => [li.dataset.class, +li.dataset.probability])");
        var onPage = shown.EnumerateArray().Select(g => (g[0].GetString(), g[1].GetDouble())).ToList();
        output.WriteLine($"target {target}, drew {chosen.Word} ({points} points): page {string.Join(' ', onPage.Select(g => $"{g.Item1}:{g.Item2:0.000}"))}");
        Assert.Equal(expected, onPage);
        Assert.Equal("0 / 0", await page.TextContentAsync("#score"));

        // Undo takes the last stroke away and asks again; clear empties the board.
        await page.ClickAsync("#undo");
        int fewer = points - chosen.Strokes[^1].Count;
        if (fewer >= 2) await page.WaitForFunctionAsync($"() => document.getElementById('guesses').dataset.points === '{fewer}'");
        await page.ClickAsync("#clear");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.quickdraw.strokes().length"));
    }

    [Fact]
    public async Task TheGameAcceptsADrawingWhoseTargetBeatsTheThreshold()
    {
        // For every class, a doodle the model gives more than the threshold (found through the API).
        var winners = new Dictionary<string, Drawing>();
        var rng = new Random(5);
        foreach (var cls in play.Server.Guesser.Classes)
            for (int i = 0; i < 20 && !winners.ContainsKey(cls); i++)
            {
                var d = OnCanvas(SyntheticDoodles.Generate(cls, rng));
                if (TargetProbability(await Api(d, cls)) > play.Server.Threshold.Value) winners[cls] = d;
            }

        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Open(browser);
        var target = await Target(page);
        Assert.True(winners.ContainsKey(target), $"no generated {target} beats the threshold {play.Server.Threshold.Value:0.000}");
        await Draw(page, winners[target]);

        await page.WaitForSelectorAsync("body[data-won='1']");
        Assert.Equal("1 / 1", await page.TextContentAsync("#score"));
        var message = (await page.TextContentAsync("#message"))!;
        output.WriteLine($"target {target}: {message}");
        Assert.Contains(target, message);
        Assert.Equal("win", await page.GetAttributeAsync("#message", "class"));
        if (Environment.GetEnvironmentVariable("PLAY_SCREENSHOT") is { Length: > 0 } png)
            await page.ScreenshotAsync(new() { Path = png });

        // The next round comes by itself, with another prompt; skip ends it as played, not won.
        await page.WaitForFunctionAsync("() => document.getElementById('message').textContent === ''");
        Assert.NotEqual(target, await Target(page));
        await page.ClickAsync("#skip");
        await page.WaitForFunctionAsync("() => document.getElementById('score').textContent === '1 / 2'");
    }

    [Fact]
    public async Task ReplayDrawsAnEvalDrawingStrokeByStrokeWithChangingGuesses()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Open(browser);
        await page.ClickAsync("#mode-replay");
        int index = Enumerable.Range(0, play.Server.Eval.Count).First(i => play.Server.Eval[i].Strokes.Count is >= 2 and <= 4 && play.Server.Eval[i].Strokes[0].Count >= 2);
        await page.SelectOptionAsync("#eval-list", index.ToString());
        await page.ClickAsync("#replay");
        int strokes = play.Server.Eval[index].Strokes.Count;
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#steps li').length === {strokes}", null, new() { Timeout = 90_000 });
        var steps = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#steps li')].map(li => li.textContent)");
        output.WriteLine(string.Join('\n', steps));
        Assert.StartsWith("after stroke 1:", steps[0]);
        Assert.Contains(play.Server.Eval[index].Word, (await page.TextContentAsync("#prompt"))!);
        // The guesses shown at the end are the whole drawing's.
        var whole = play.Predictor.Predict([play.Server.Eval[index]], 5)[0];
        var shown = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#guesses li')].map(li => li.dataset.class)");
        Assert.Equal(whole.Select(w => w.Class), shown);
    }
}
