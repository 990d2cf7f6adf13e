using QuickDraw.Drawings;
using QuickDraw.Model;
using QuickDraw.Play;
using QuickDraw.Shards;
using QuickDraw.Training;

namespace QuickDraw.Tests.Play;

/// <summary>The game's tests share one run and one server (trained and started once, in about a minute).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PlayCollection : ICollectionFixture<PlayModel>
{
    public const string Name = "Play";
}

/// <summary>
/// A real run folder, trained here on generated doodles (the 10 easy classes; a 1×64 LSTM, 200 steps at batch 64,
/// lr 2e-3: well above chance, enough for confident guesses), and the game's server on an ephemeral port of 127.0.0.1.
/// </summary>
public sealed class PlayModel : IAsyncLifetime
{
    readonly TempDir dir = new();

    public string RunFolder => Path.Combine(dir.Path, "runs", "play");
    public PlayServer Server { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public Predictor Predictor { get; private set; } = null!;
    public RunSummary Summary { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ndjson = Path.Combine(dir.Path, "ndjson");
        SyntheticDoodles.WriteNdjson(ndjson, 330, seed: 5);
        var shards = Path.Combine(dir.Path, "shards");
        var converted = ShardConverter.Convert(ndjson, shards, new ConvertOptions(TrainPerClass: 300, EvalPerClass: 30, Shards: 2, Seed: 1));
        var model = new ModelConfig { NumLayers = 1, NumNodes = 64 };
        var train = new TrainConfig
        {
            Steps = 200, BatchSize = 64, LearningRate = 2e-3, EvalEverySteps = 200, LogEverySteps = 100,
            CheckpointEverySteps = 200, CheckpointEverySeconds = 0, ShuffleBuffer = 3_000, Device = "cpu", Seed = 3,
        };
        Summary = Trainer.Run(new RunFolder(RunFolder), new RunConfig(model, train, shards, [.. converted.Classes]));
        Predictor = Predictor.FromRun(RunFolder);
        Server = await PlayServer.StartAsync(new PlayOptions(RunFolder, Port: 0));
        Http = new HttpClient { BaseAddress = Server.Url, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Server != null) await Server.DisposeAsync();
        dir.Dispose();
    }
}
