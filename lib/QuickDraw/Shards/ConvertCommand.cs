using System.Text.Json;
using QuickDraw.Common;
using QuickDraw.Drawings;
using Spectre.Console;

namespace QuickDraw.Shards;

/// <summary>
/// What convert.cs does, as one call: optionally generate doodles into the input folder first, then convert the
/// folder's class files into shards with a console view, print the summary and optionally write its figures as JSON.
/// </summary>
/// <param name="Input">Folder of class files; null with <see cref="Synthetic"/>: data/synthetic/easy (or hard).</param>
/// <param name="Output">Folder for the shards; null: data/shards/&lt;input folder name&gt;.</param>
/// <param name="Options">The split, shard count, seed, classes and reading options.</param>
public sealed record ConvertCommand(string? Input, string? Output, ConvertOptions Options)
{
    /// <summary>First write this many generated doodles per class into the input folder (0 = none).</summary>
    public int Synthetic { get; init; }

    /// <summary>With <see cref="Synthetic"/>: sloppy doodles of all 20 classes (<see cref="DoodleStyle.Hard"/>).</summary>
    public bool Hard { get; init; }

    /// <summary>Also write the summary's figures to this JSON file (benchmarks read it).</summary>
    public string? SummaryJson { get; init; }

    /// <summary>The input folder it reads.</summary>
    public string InputFolder => Path.GetFullPath(Input ?? (Synthetic > 0
        ? Path.Combine(RepoPaths.Data, "synthetic", Hard ? "hard" : "easy")
        : throw new CommandLineException("--input is required: a folder of <class>.ndjson or <class>.bin files (see --help)")));

    /// <summary>The output folder it writes.</summary>
    public string OutputFolder => Output != null ? Path.GetFullPath(Output)
        : Path.Combine(RepoPaths.Data, "shards", Path.GetFileName(Path.TrimEndingDirectorySeparator(InputFolder)));

    /// <summary>Runs it; returns the exit code. Bad options are a <see cref="CommandLineException"/>; bad input an
    /// <see cref="ActionableException"/> (both one line, never a stack trace, under <see cref="CommandLine.Run"/>).</summary>
    public int Run(CancellationToken cancel = default)
    {
        if (Hard && Synthetic == 0) throw new CommandLineException("--hard only applies with --synthetic N");
        if (Options.TrainPerClass + Options.EvalPerClass == 0) throw new CommandLineException("--train-per-class and --eval-per-class are both 0: nothing to convert");
        if (Options.Classes is { Count: 0 }) throw new CommandLineException("--classes needs at least one class name");
        string input = InputFolder, output = OutputFolder;
        if (Synthetic > 0) Generate(input);
        else if (!Directory.Exists(input)) throw new CommandLineException($"--input: no such folder '{input}'");
        try { ShardConverter.ClassFiles(input, Options.Classes); } // no class files, a missing class: say so before starting
        catch (Exception e) when (e is ArgumentException or DirectoryNotFoundException or InvalidOperationException && e is not CommandLineException)
        {
            throw new CommandLineException(e.Message); // the options' fault
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]converting[/] {input} → {output}");
        if (BuildInfo.IsDebug(typeof(ShardConverter).Assembly))
            AnsiConsole.MarkupLine("  [grey]a Debug build runs about 5× slower: dotnet run -c Release scripts/convert.cs -- ...[/]");
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);
        ConvertSummary summary;
        try { summary = ConsoleConversion.Run(input, output, Options, cancel); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException && e is not CommandLineException)
        {
            throw new CommandLineException(e.Message); // the converter's own checks: .ndjson and .bin of one class
        }
        cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false) - jit;
        ConsoleConversion.PrintSummary(summary, Options);
        if (SummaryJson != null) WriteJson(SummaryJson, summary, cpu, jit);
        return 0;
    }

    void Generate(string input)
    {
        var names = Options.Classes ?? (Hard ? SyntheticDoodles.AllClasses : SyntheticDoodles.BaseClasses);
        var unknown = names.Except(SyntheticDoodles.AllClasses).ToList();
        if (unknown.Count > 0) throw new CommandLineException($"--classes: no synthetic doodles of {string.Join(", ", unknown)}; known: {string.Join(", ", SyntheticDoodles.AllClasses)}");
        AnsiConsole.MarkupLineInterpolated($"[bold]generating[/] {Synthetic:N0} {(Hard ? "hard" : "easy")} doodles × {names.Count} classes → {input}");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var files = SyntheticDoodles.WriteNdjson(input, Synthetic, Options.Seed, Hard ? DoodleStyle.Hard : DoodleStyle.Easy, names);
        AnsiConsole.MarkupLineInterpolated($"  {files.Sum(f => new FileInfo(f).Length) / 1e6:N1} MB in {started.Elapsed.TotalSeconds:N1} s");
    }

    // The figures of the summary table, for benchmarks and other scripts (no reflection: file-based apps are trimmed).
    void WriteJson(string path, ConvertSummary s, TimeSpan cpu, TimeSpan jit)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("output", s.OutputFolder);
        w.WriteNumber("classes", s.Classes.Count);
        w.WriteNumber("train_records", s.TrainRecords);
        w.WriteNumber("eval_records", s.EvalRecords);
        w.WriteNumber("skipped", s.Skips.Total);
        w.WriteStartObject("skipped_by_reason");
        foreach (var (reason, count) in s.Skips.Counts) w.WriteNumber(reason.ToString(), count);
        w.WriteEndObject();
        w.WriteNumber("input_bytes", s.InputBytes);
        w.WriteNumber("output_bytes", s.OutputBytes);
        w.WriteNumber("seconds", s.Elapsed.TotalSeconds);
        w.WriteNumber("cpu_seconds", cpu.TotalSeconds); // all threads, the console view's included
        w.WriteNumber("jit_seconds", jit.TotalSeconds); // compiling methods on first use, all threads
        w.WriteNumber("drawings_per_second", s.DrawingsPerSecond);
        w.WriteNumber("input_mb_per_second", s.InputMBPerSecond);
        w.WriteNumber("workers", Options.Workers > 0 ? Options.Workers : Environment.ProcessorCount);
        w.WriteEndObject();
    }
}
