using QuickDraw.Common;
using QuickDraw.Drawings;
using QuickDraw.Shards;
using QuickDraw.Training;

namespace QuickDraw.Experiments;

/// <summary>The data a run trains on, and the data policy (<see cref="Choose"/>) that the main job and a sweep's
/// <c>"data": "auto"</c> share. Every kind ends as a folder of TFRecord shards; the generated and real kinds are
/// converted once into <c>data/shards/</c> and reused by later runs and sweeps.</summary>
public abstract record TrainingData
{
    /// <summary>One line for people: what the data is.</summary>
    public abstract string Describe();

    /// <summary>The shards folder, generating and converting first when it is not there yet.</summary>
    public abstract string Prepare(SweepPaths paths, Action<string>? say = null);

    /// <summary>An existing folder of shards (relative to the repository root).</summary>
    public sealed record Shards(string Folder) : TrainingData
    {
        public override string Describe() => $"shards in {Folder}";
        public override string Prepare(SweepPaths paths, Action<string>? say = null)
        {
            var folder = Path.GetFullPath(Folder, paths.Root);
            ShardLayout.ReadClasses(folder); // a clear error when the folder holds no converted data
            return folder;
        }
    }

    /// <summary>Generated doodles: <paramref name="PerClass"/> drawings of each class, the last
    /// <paramref name="EvalPerClass"/> of them for eval.</summary>
    /// <param name="ClassSet">"all", "base", or the class names joined by '+'.</param>
    /// <param name="Classes">The class names that set stands for.</param>
    /// <param name="PerClass">Drawings generated per class (training + eval).</param>
    /// <param name="EvalPerClass">Of those, the drawings kept for eval.</param>
    /// <param name="Style">"easy" or "hard" (see <see cref="DoodleStyle"/>).</param>
    /// <param name="Seed">Seeds the generator.</param>
    public sealed record Synthetic(string ClassSet, IReadOnlyList<string> Classes, int PerClass, int EvalPerClass, string Style, int Seed) : TrainingData
    {
        public override string Describe() => $"generated doodles: {Classes.Count} classes ({ClassSet}), {PerClass - EvalPerClass} training + {EvalPerClass} eval each, style {Style}, seed {Seed}";

        public override string Prepare(SweepPaths paths, Action<string>? say = null)
        {
            var key = $"synthetic-{ClassSet}-{Style}-{PerClass}-{EvalPerClass}-s{Seed}";
            var shards = Path.Combine(paths.Data, "shards", key);
            if (Converted(shards, Classes)) return shards;
            var ndjson = Path.Combine(paths.Data, "synthetic", key);
            say?.Invoke($"generating {Describe()} → {shards}");
            var style = Style == "hard" ? DoodleStyle.Hard : DoodleStyle.Easy;
            SyntheticDoodles.WriteNdjson(ndjson, PerClass, Seed, style, Classes);
            ShardConverter.Convert(ndjson, shards, new ConvertOptions(TrainPerClass: PerClass - EvalPerClass, EvalPerClass: EvalPerClass, Shards: 4, Seed: Seed));
            return shards;
        }
    }

    /// <summary>A folder of the shared real sample (../shared/quickdraw/<paramref name="Sample"/>), converted
    /// with <paramref name="TrainPerClass"/> training and <paramref name="EvalPerClass"/> eval drawings per class.</summary>
    public sealed record Real(string Sample, int TrainPerClass, int EvalPerClass) : TrainingData
    {
        public override string Describe() => $"the real Quick, Draw! sample '{Sample}', {TrainPerClass} training + {EvalPerClass} eval drawings per class";

        public override string Prepare(SweepPaths paths, Action<string>? say = null)
        {
            var input = paths.SharedSample is { } s ? Path.Combine(s, Sample) : null;
            if (input == null || !Directory.Exists(input))
                throw new SweepSpecException($"data: no real sample '{Sample}' (looked in {paths.SharedSample ?? "../shared/quickdraw, which is absent"}): " +
                    "set QUICKDRAW_SAMPLE, or use generated data: \"data\": {\"synthetic\": {\"classes\": \"all\", \"style\": \"hard\"}}");
            var classes = ShardConverter.ClassFiles(input).Select(DrawingFile.ClassNameOf).ToList();
            var shards = Path.Combine(paths.Data, "shards", $"real-{Sample}-{TrainPerClass}-{EvalPerClass}");
            if (Converted(shards, classes)) return shards;
            say?.Invoke($"converting {Describe()} → {shards}");
            ShardConverter.Convert(input, shards, new ConvertOptions(TrainPerClass: TrainPerClass, EvalPerClass: EvalPerClass, Shards: 4, Seed: 0));
            return shards;
        }
    }

    /// <summary>A folder of class files (<c>.ndjson</c>/<c>.bin</c>, e.g. downloaded), converted into
    /// <c>data/shards/&lt;folder name&gt;</c>; converted again only when the files or the split changed since (a stamp of
    /// their names, sizes and times and the split sits beside the shards), so a sweep's runs and tasks reuse it.</summary>
    public sealed record ClassFiles(string Folder, int TrainPerClass, int EvalPerClass, int Seed) : TrainingData
    {
        public override string Describe() => $"class files in {Folder}, up to {TrainPerClass:N0} training + {EvalPerClass:N0} eval drawings per class";

        public override string Prepare(SweepPaths paths, Action<string>? say = null)
        {
            var input = Path.GetFullPath(Folder, paths.Root);
            var shards = Path.Combine(paths.Data, "shards", Path.GetFileName(Path.TrimEndingDirectorySeparator(input)));
            var files = ShardConverter.ClassFiles(input);
            var stamp = string.Join('\n', files.Order(StringComparer.Ordinal).Select(f => new FileInfo(f)).Select(f => $"{f.Name} {f.Length} {f.LastWriteTimeUtc.Ticks}")
                .Prepend($"split {TrainPerClass} {EvalPerClass} seed {Seed}")) + "\n";
            var stampFile = shards + ".source";
            if (Converted(shards, files.Select(DrawingFile.ClassNameOf).ToList()) && File.Exists(stampFile) && File.ReadAllText(stampFile) == stamp)
            {
                say?.Invoke($"{shards} is up to date with {input}");
                return shards;
            }
            say?.Invoke($"converting {Describe()} → {shards}");
            var summary = ShardConverter.Convert(input, shards, new ConvertOptions(TrainPerClass: TrainPerClass, EvalPerClass: EvalPerClass, Shards: 4, Seed: Seed));
            say?.Invoke(summary.ToString());
            foreach (var skip in summary.Skips.Examples.Take(3)) say?.Invoke($"skipped {skip}");
            RunFolder.WriteAtomically(stampFile, stamp);
            return shards;
        }
    }

    /// <summary>The data policy's choice (<see cref="Choose"/> with "auto"), made when the sweep runs: downloaded
    /// files, else the shared real sample, else generated doodles — the same data the main job trains on.</summary>
    public sealed record Auto(int Seed) : TrainingData
    {
        public override string Describe() => "auto: downloaded files in data/quickdraw/simplified, else the shared real sample classes15, else generated doodles";

        public override string Prepare(SweepPaths paths, Action<string>? say = null)
        {
            var (_, data) = Choose("auto", Seed, paths);
            say?.Invoke($"data auto → {data.Describe()}");
            return data.Prepare(paths, say);
        }
    }

    /// <summary>
    /// The main job's data for <c>--data WHICH</c>: "synthetic" (10 classes of generated easy doodles, 1,200 training +
    /// 300 eval each), "real" (the shared sample <c>classes15</c>, 300 + 100 per class), a folder of class files (the
    /// tutorial's split, 10,000 + 1,000), or "auto": downloaded files in <c>data/quickdraw/simplified</c>, else the real
    /// sample when present, else generated doodles. Returns a short label (names the run) and the data.
    /// </summary>
    /// <exception cref="SweepSpecException">"real" without the sample, or a folder that does not exist.</exception>
    public static (string Label, TrainingData Data) Choose(string which, int seed, SweepPaths paths)
    {
        var downloaded = Path.Combine(paths.Data, "quickdraw", "simplified");
        var shared = paths.SharedSample is { } s ? Path.Combine(s, "classes15") : null;
        if (which == "auto")
            which = Directory.Exists(downloaded) && Directory.EnumerateFiles(downloaded, "*.ndjson").Any() ? downloaded
                  : shared != null && Directory.Exists(shared) ? "real" : "synthetic";
        switch (which)
        {
            case "synthetic":
                return ("synthetic", new Synthetic("base", SyntheticDoodles.BaseClasses, 1500, 300, "easy", seed));
            case "real":
                if (shared == null || !Directory.Exists(shared))
                    throw new SweepSpecException("--data real: no real sample at ../shared/quickdraw/classes15: download data (dotnet run scripts/download.cs -- --help) or use --data synthetic");
                return ("real15", new Real("classes15", 300, 100));
            default:
                var folder = Path.GetFullPath(which);
                if (!Directory.Exists(folder)) throw new SweepSpecException($"--data: no such folder '{which}' (auto, synthetic, real or a folder of class files)");
                return (Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), new ClassFiles(folder, 10_000, 1_000, seed));
        }
    }

    // The converter writes the classes file last: its presence (with the right classes) means a finished conversion.
    static bool Converted(string shards, IReadOnlyList<string> classes)
    {
        var file = Path.Combine(shards, ShardLayout.ClassesFile);
        return File.Exists(file) && ShardLayout.ReadClasses(shards).Order(StringComparer.Ordinal).SequenceEqual(classes.Order(StringComparer.Ordinal));
    }
}
