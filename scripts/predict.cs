#:project ../lib/QuickDraw/QuickDraw.csproj
// Predict the top-k classes of drawings with a trained run.
// Usage: dotnet run scripts/predict.cs -- --help
using QuickDraw.Common;
using QuickDraw.Drawings;
using QuickDraw.Training;

var cli = new CommandLine("dotnet run scripts/predict.cs -- --run DIR (--input FILE | --json '{...}') [options]",
        "Prints the k most likely classes, with probabilities, for each drawing of an ndjson (or .bin) file, or for\n" +
        "one drawing's JSON (a line of the dataset, or just {\"word\":\"?\",\"drawing\":[[[x...],[y...]],...]}).")
    .Option("run", "run folder (or a name under experiments/runs/)", null, "DIR")
    .Option("input", "ndjson or .bin file of drawings", null, "FILE")
    .Option("json", "one drawing's JSON", null, "JSON")
    .Option("top", "classes to show per drawing", "3", "K")
    .Option("max", "at most N drawings from --input", "20", "N")
    .Option("device", "auto, cpu, cuda", "cpu", "D")
    .Example("dotnet run scripts/predict.cs -- --run experiments/runs/quick --input data/synthetic/easy/star.ndjson --max 5");

return cli.Run(args, (a, cancel) =>
{
    var name = a.Require("run");
    var folder = Directory.Exists(name) ? name : Path.Combine(RepoPaths.Runs, name);
    List<Drawing> drawings;
    if (a.Get("json") is { } json)
    {
        try { drawings = [DrawingReader.ParseLine(json)]; }
        catch (FormatException e) { throw new CommandLineException($"--json: {e.Message}"); }
    }
    else if (a.Get("input") is { } input)
    {
        if (!File.Exists(input)) throw new CommandLineException($"--input: no such file '{input}'");
        var skips = new SkipLog();
        drawings = DrawingReader.Read(input, skips: skips).Take(a.Int("max")).ToList();
        foreach (var s in skips.Examples) Console.Error.WriteLine($"skipped {s}");
    }
    else throw new CommandLineException("give --input FILE or --json '{...}'");

    try
    {
        var predictor = Predictor.FromRun(folder, DeviceChoice.Resolve(a.Get("device")!));
        var results = predictor.Predict(drawings, a.Int("top"));
        for (int i = 0; i < drawings.Count; i++)
            Console.WriteLine($"{drawings[i].Word,-16} → " + string.Join("  ", results[i].Select(r => $"{r.Class} {r.Probability:P1}")));
        return 0;
    }
    catch (Exception e) when (e is FileNotFoundException or ArgumentException && e is not CommandLineException) // bad option value: exit 2 via cli.Run
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
});
