#:project ../lib/QuickDraw.Play/QuickDraw.Play.csproj
// Play: draw in the browser and watch a trained run guess, as in the Quick, Draw! game.
// Usage: dotnet run scripts/play.cs -- --help
using QuickDraw.Common;
using QuickDraw.Play;

var cli = new CommandLine("dotnet run scripts/play.cs -- --run NAME|latest [--port 5000] [--threshold P]",
        "Serves the game on http://127.0.0.1:PORT/ from a trained run's model and classes: a prompt \"Draw: <class>\",\n" +
        "20 seconds, live guesses while you draw; a round is won when the target's probability beats the threshold.\n" +
        "A replay mode draws eval drawings stroke by stroke while the guesses change. JSON API: POST /api/guess.\n" +
        "Works offline; stop it with Ctrl-C.")
    .Option("run", "run folder, a name under experiments/runs/, or latest (the newest run with a model.bin)", null, "NAME")
    .Option("port", "TCP port on 127.0.0.1 (0: any free port)", "5000", "N")
    .Option("threshold", "success threshold on the target's probability, 0–1 (default: derived from the run's eval set)", null, "P")
    .Option("eval", "eval drawings read for the threshold and the replay list", "1000", "N")
    .Example("dotnet run scripts/play.cs -- --run latest")
    .Example("dotnet run scripts/play.cs -- --run experiments/runs/main-real15-20261201-120000 --port 8080 --threshold 0.6");

return cli.Run(args, (a, cancel) =>
{
    int port = a.Int("port");
    if (port is < 0 or > 65535) throw new CommandLineException($"--port must be 0–65535, not {port}");
    double? threshold = a.Get("threshold") != null ? a.Double("threshold") : null;
    if (threshold is < 0 or >= 1) throw new CommandLineException($"--threshold must be in [0, 1), not {threshold}");
    int eval = a.Int("eval");
    if (eval < 0) throw new CommandLineException("--eval must be ≥ 0");
    string folder;
    try { folder = RunLocator.Resolve(a.Require("run")); }
    catch (FileNotFoundException e) { Console.Error.WriteLine($"error: {e.Message}"); return 1; }

    PlayServer server;
    try { server = PlayServer.StartAsync(new PlayOptions(folder, port, threshold, eval), Console.Out, cancel).GetAwaiter().GetResult(); }
    catch (IOException e) when (e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
    {
        Console.Error.WriteLine($"error: port {port} is taken ({e.Message}); give another with --port N (0: any free one)");
        return 1;
    }
    Console.WriteLine($"run {server.RunName}: {server.Guesser.Classes.Count} classes; {server.Threshold.Explanation}");
    Console.WriteLine($"serving {server.Url}  (Ctrl-C stops)");
    try { server.WaitAsync(cancel).GetAwaiter().GetResult(); }
    catch (OperationCanceledException) { }
    server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    Console.WriteLine("stopped.");
    return 0;
});
