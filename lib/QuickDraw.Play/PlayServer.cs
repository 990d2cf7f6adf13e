using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuickDraw.Drawings;
using QuickDraw.Training;

namespace QuickDraw.Play;

/// <summary>
/// The game's server on 127.0.0.1: one page (embedded, no CDN) and a JSON API over one run's model.
/// <list type="bullet">
/// <item><c>GET /</c>, <c>/play.js</c>, <c>/play.css</c>: the page.</item>
/// <item><c>GET /api/info</c>: the run, its classes, the success threshold and how it was chosen.</item>
/// <item><c>POST /api/guess</c>: <see cref="GuessRequest"/> → <see cref="GuessResult"/>; bad input → 400 and a message.</item>
/// <item><c>GET /api/eval</c>, <c>GET /api/eval/{i}</c>: eval drawings for the replay, with the guesses after each stroke.</item>
/// </list>
/// </summary>
public sealed class PlayServer : IAsyncDisposable
{
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    readonly WebApplication app;

    PlayServer(WebApplication app, Guesser guesser, GameThreshold threshold, string runName, IReadOnlyList<Drawing> eval)
    {
        this.app = app;
        Guesser = guesser;
        Threshold = threshold;
        RunName = runName;
        Eval = eval;
    }

    /// <summary>Where the page is served, e.g. http://127.0.0.1:5000/.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");
    public Guesser Guesser { get; }
    public GameThreshold Threshold { get; }
    public string RunName { get; }
    /// <summary>The eval drawings the replay offers (and the default threshold came from).</summary>
    public IReadOnlyList<Drawing> Eval { get; }

    /// <summary>Loads the run's model, derives the threshold (unless given), and starts listening.
    /// <paramref name="log"/> gets a line per start-up stage.</summary>
    public static async Task<PlayServer> StartAsync(PlayOptions options, TextWriter? log = null, CancellationToken cancel = default)
    {
        var run = new RunFolder(options.RunFolder);
        log?.WriteLine($"loading {run.Path} ...");
        var predictor = Predictor.FromRun(run.Path);
        var config = run.ReadConfig();
        var eval = EvalDrawings.Read(config, options.EvalDrawings);
        GameThreshold threshold;
        if (options.Threshold is { } given) threshold = GameThreshold.Given(given);
        else
        {
            log?.WriteLine($"deriving the success threshold from {eval.Count:N0} eval drawings ...");
            threshold = GameThreshold.FromEval(predictor, eval);
        }
        var guesser = new Guesser(predictor);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = 16 * GuessRequest.MaxBodyBytes; // larger bodies are drained and refused with a message below
        });
        var app = builder.Build();
        var server = new PlayServer(app, guesser, threshold, run.Name, eval);
        server.Map(app, config);
        await app.StartAsync(cancel);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    void Map(WebApplication web, RunConfig config)
    {
        foreach (var (path, file, type) in new[] { ("/", "index.html", "text/html; charset=utf-8"), ("/play.js", "play.js", "text/javascript; charset=utf-8"), ("/play.css", "play.css", "text/css; charset=utf-8") })
        {
            var bytes = Asset(file);
            web.MapGet(path, () => Results.Bytes(bytes, type));
        }

        web.MapGet("/api/info", () => Results.Json(new
        {
            run = RunName,
            model = config.Model.Label,
            classes = Guesser.Classes,
            threshold = Threshold.Value,
            thresholdExplanation = Threshold.Explanation,
            evalDrawings = Eval.Count,
            top = Guesser.Top,
            limits = new { bodyBytes = GuessRequest.MaxBodyBytes, points = GuessRequest.MaxPoints, strokes = GuessRequest.MaxStrokes },
        }, Json));

        web.MapPost("/api/guess", async (HttpContext context) =>
        {
            var body = await ReadBody(context.Request, GuessRequest.MaxBodyBytes, context.RequestAborted);
            if (body == null) return Error($"request body over the limit of {GuessRequest.MaxBodyBytes:N0} bytes");
            try { return Results.Json(Guesser.Guess(GuessRequest.Parse(body)), Json); }
            catch (BadGuessRequestException e) { return Error(e.Message); }
        });

        web.MapGet("/api/eval", () => Results.Json(Eval.Select((d, i) => new { index = i, @class = d.Word, strokes = d.Strokes.Count }), Json));

        web.MapGet("/api/eval/{index:int}", (int index) =>
        {
            if (index < 0 || index >= Eval.Count) return Results.Json(new { error = $"no eval drawing {index}: there are {Eval.Count}" }, Json, statusCode: 404);
            var d = Eval[index];
            // The guesses once each stroke is finished: the "accuracy while drawing" analysis, one drawing at a time.
            var steps = Enumerable.Range(1, d.Strokes.Count)
                .Where(k => d.Strokes.Take(k).Sum(s => s.Count) >= 2)
                .Select(k => new { strokes = k, result = Guesser.Guess(d with { Strokes = d.Strokes.Take(k).ToList() }, d.Word) });
            return Results.Json(new { index, @class = d.Word, strokes = d.Strokes.Select(s => new[] { s.X, s.Y }), steps }, Json);
        });
    }

    static IResult Error(string message) => Results.Json(new { error = message }, Json, statusCode: StatusCodes.Status400BadRequest);

    // The body, or null when it is longer than limit (then the rest is read and dropped, so the client gets the
    // answer rather than a reset connection; Kestrel's own limit bounds that).
    static async Task<byte[]?> ReadBody(HttpRequest request, int limit, CancellationToken cancel)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        bool over = request.ContentLength > limit;
        int n;
        while ((n = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            if (over) continue;
            if (buffer.Length + n > limit) { over = true; continue; }
            buffer.Write(chunk, 0, n);
        }
        return over ? null : buffer.ToArray();
    }

    static byte[] Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"the page's {name} is not embedded in QuickDraw.Play");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Runs until <paramref name="cancel"/> fires (Ctrl-C in play.cs).</summary>
    public Task WaitAsync(CancellationToken cancel) => app.WaitForShutdownAsync(cancel);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
