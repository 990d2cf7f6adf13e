using System.Diagnostics;
using QuickDraw.Common;
using QuickDraw.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace QuickDraw.Training;

/// <summary>
/// Trains an <see cref="RnnClassifier"/> on a folder of shards into a <see cref="RunFolder"/>: Adam, gradient
/// clipping by global norm, full-set evaluation, atomic checkpoints, and exact resume (weights, optimizer,
/// step and data position; dropout is seeded per step and part), so an interrupted run ends with the same weights as
/// an uninterrupted one. The trainer alone owns memory scopes: one per step.
/// </summary>
public static class Trainer
{
    /// <summary>Starts a run (or resumes it when <paramref name="resume"/> and the folder has a checkpoint;
    /// the folder's own config.json is used then, with <paramref name="config"/>'s thread count).</summary>
    public static RunSummary Run(RunFolder run, RunConfig config, bool resume = false,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default)
    {
        // One training per run folder: a second one would interleave metrics.csv and overwrite config.json.
        using var held = OutputLock.Acquire(run.LockFile, $"the run folder {run.Path}",
            notice => progress?.Report(new TrainingProgress(0, 0, 0, double.NaN, double.NaN, 0) { Message = notice }));
        if (resume && run.HasCheckpoint) // the folder's own settings; only the thread count may change (speed; with whole batches also float rounding)
            config = run.ReadConfig() is var saved ? saved with { Train = saved.Train with { Threads = config.Train.Threads } } : config;
        else if (run.HasCheckpoint)
            throw new ActionableException("the folder already holds a run", run.Path, "pass --resume to continue it, or choose another run name", exitCode: 2);
        var model = config.Model with { NumClasses = config.Classes.Length };
        try
        {
            config.Train.Validate();
            model.Validate();
        }
        catch (ArgumentException e) // settings from a config.json edited by hand, a --threads on resume, a one-class data set
        {
            throw new ActionableException(e.Message, run.Path, "fix the setting (every setting's range: docs/settings.md)", exitCode: 2, inner: e);
        }
        config = config with { Model = model, Created = config.Created ?? DateTimeOffset.UtcNow.ToString("u"), Machine = config.Machine ?? MachineDescription() };
        var t = config.Train;
        if (t.Threads > 0) torch.set_num_threads(t.Threads);
        var device = DeviceChoice.Resolve(t.Device);
        var trainFiles = ShardData.Shards(config.Data, "training");
        var evalFiles = ShardData.Shards(config.Data, "eval");
        run.WriteConfig(config);

        torch.manual_seed(t.Seed);
        using var net = new RnnClassifier(model, device);
        net.to(device);
        var optimizer = optim.Adam(net.parameters(), lr: t.EffectiveLearningRate);
        var position = new Checkpoint.Position(0, 0, 0);
        if (resume && run.HasCheckpoint)
        {
            position = Checkpoint.Load(run.CheckpointFile, net, optimizer);
            if (run.TruncateMetrics(position.Step) is { } torn)
                progress?.Report(new TrainingProgress(position.Step, t.Steps, position.Seconds, double.NaN, double.NaN, 0) { Message = torn });
            progress?.Report(new TrainingProgress(position.Step, t.Steps, position.Seconds, double.NaN, double.NaN, 0) { Message = $"resumed at step {position.Step:N0}" });
        }
        else if (File.Exists(run.MetricsFile)) File.Delete(run.MetricsFile);

        using var stream = new TrainingStream(trainFiles, t.BatchSize, t.Seed, t.ShuffleBuffer, t.BucketByLength, skipBatches: position.Step, bucketAfterBatches: t.BucketAfterSteps);
        var clock = Stopwatch.StartNew();
        double Seconds() => position.Seconds + clock.Elapsed.TotalSeconds;
        long step = position.Step, examples = position.Examples;
        EvalMetrics? last = null;
        double lastCheckpoint = Seconds();
        var window = new WindowStats(Seconds(), examples);
        using var lossSum = zeros(1, device: device);     // accumulated on the device: no per-step host sync
        using var correctSum = zeros(1, device: device);

        void SaveCheckpoint(string why)
        {
            Checkpoint.Save(run.CheckpointFile, net, optimizer, new Checkpoint.Position(step, Seconds(), examples));
            Checkpoint.SaveWeights(run.ModelFile, net);
            lastCheckpoint = Seconds();
            progress?.Report(new TrainingProgress(step, t.Steps, Seconds(), double.NaN, double.NaN, 0) { Message = $"checkpoint at step {step:N0} ({why})" });
        }

        void EvaluateNow()
        {
            last = Evaluator.Evaluate(net, evalFiles, device, t.EvalBatchSize, t.MaxEvalExamples, dataFolder: config.Data);
            run.AppendMetrics([new MetricsRow(step, Seconds(), "eval", last.Loss, last.Top1, last.Top3, last.Map3, 0)]);
            progress?.Report(new TrainingProgress(step, t.Steps, Seconds(), last.Loss, last.Top1, 0) { Eval = last });
        }

        bool stopped = false;
        bool scheduled = t.WarmupSteps > 0 || t.Decay != "constant"; // else Adam keeps the rate it was made with
        net.train();
        while (step < t.Steps && !(t.MaxSeconds > 0 && Seconds() >= t.MaxSeconds))
        {
            if (cancel.IsCancellationRequested) { stopped = true; break; }
            var batch = stream.Next();
            BatchCheck.Check(batch, model.NumClasses, config.Data);
            step++;
            if (scheduled) foreach (var group in optimizer.ParamGroups) group.LearningRate = LearningRateSchedule.At(t, step);
            Step(net, optimizer, batch, device, t, step, lossSum, correctSum);
            examples += batch.Size;

            if (step % t.LogEverySteps == 0 || step == t.Steps)
            {
                var row = window.Close(step, Seconds(), examples, lossSum.item<float>(), correctSum.item<float>());
                lossSum.zero_(); correctSum.zero_();
                run.AppendMetrics([row]);
                progress?.Report(new TrainingProgress(step, t.Steps, row.Seconds, row.Loss, row.Top1, row.ExamplesPerSecond));
            }
            if (step % t.EvalEverySteps == 0) EvaluateNow();
            if (step % t.CheckpointEverySteps == 0 || (t.CheckpointEverySeconds > 0 && Seconds() - lastCheckpoint >= t.CheckpointEverySeconds))
                SaveCheckpoint("scheduled");
        }
        if (!stopped && (last == null || step % t.EvalEverySteps != 0)) EvaluateNow();
        SaveCheckpoint(stopped ? "stopped" : "end");

        // Best and final come from metrics.csv, so they include evaluations made before a resume.
        var evals = run.ReadMetrics().Where(r => r.Split == "eval").ToList();
        var bestRow = evals.OrderByDescending(r => r.Top1).ThenBy(r => r.Step).FirstOrDefault();
        long evalExamples = last?.Examples ?? 0;
        var summary = new RunSummary
        {
            Steps = step,
            Seconds = Seconds(),
            Examples = examples,
            ExamplesPerSecond = (examples - position.Examples) / Math.Max(1e-9, clock.Elapsed.TotalSeconds),
            Parameters = net.ParameterCount,
            Device = device.ToString(),
            Final = stopped ? null : last,
            Best = evals.Count == 0 ? null : new EvalMetrics(evalExamples, bestRow.Loss, bestRow.Top1, bestRow.Top3, bestRow.Map3),
            BestStep = evals.Count == 0 ? 0 : bestRow.Step,
            Completed = !stopped,
            Label = model.Label,
        };
        run.WriteSummary(summary);
        return summary;
    }

    /// <summary>One optimizer step, exactly as <see cref="Run"/> takes it (the training benchmark times this): the batch
    /// cut into parts (<see cref="Parts"/>, <see cref="HostBatch.Deal"/>), each part's forward, cross-entropy and
    /// backward pass with its own seeded dropout, on threads of their own when the CPU has threads for them
    /// (<see cref="Concurrency"/>), their gradients summed in part order into the whole batch's, then clipping, Adam,
    /// and the batch's loss and correct count added to device-side sums (no host sync). With the batch in parts every
    /// op runs on 1 torch thread, so the weights after a step are the same bits on 1 thread as on 2 or more.</summary>
    public static void Step(RnnClassifier net, TorchSharp.Modules.OptimizerHelper optimizer, HostBatch batch, Device device, TrainConfig t,
        long step, Tensor lossSum, Tensor correctSum)
    {
        using var scope = NewDisposeScope();
        long stepSeed = unchecked(t.Seed * 1_000_003L + step);       // dropout masks depend only on (seed, step, part)
        var parts = batch.Deal(Parts(net.Config, t, device, batch.Size));
        optimizer.zero_grad();
        if (parts.Count == 1)
        {
            var (loss, correct) = Forward(net, parts[0], batch.Size, device, stepSeed);
            loss.backward();
            Finish(loss, correct);
            return;
        }
        var parameters = net.parameters().ToArray();
        var results = new (Tensor Loss, Tensor Correct, IList<Tensor> Gradients)?[parts.Count];
        void Part(int k)
        {
            using var partScope = NewDisposeScope();
            var (loss, correct) = Forward(net, parts[k], batch.Size, device, PartSeed(stepSeed, k));
            var gradients = torch.autograd.grad([loss], parameters);
            loss = loss.detach();
            partScope.Detach(loss, correct);                         // out of every scope: the step's scope takes them below
            partScope.Detach(gradients);
            results[k] = (loss, correct, gradients);
        }
        int workers = Concurrency(net, device, parts.Count);
        int mainThreads = torch.get_num_threads();
        try
        {
            torch.set_num_threads(1);                                 // each part, and the step after them, on 1 thread
            if (workers == 1)
                for (int k = 0; k < parts.Count; k++) Part(k);
            else
                Parallel.For(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, k =>
                {
                    torch.set_num_threads(1);                         // this thread's (OpenMP's count is per calling thread)
                    Part(k);
                });
            using (no_grad())
                for (int i = 0; i < parameters.Length; i++)
                {
                    var sum = results[0]!.Value.Gradients[i];
                    for (int k = 1; k < parts.Count; k++) sum = sum + results[k]!.Value.Gradients[i];
                    parameters[i].grad = sum;
                }
            var lossTotal = results[0]!.Value.Loss; var correctTotal = results[0]!.Value.Correct;
            for (int k = 1; k < parts.Count; k++) { lossTotal = lossTotal + results[k]!.Value.Loss; correctTotal = correctTotal + results[k]!.Value.Correct; }
            Finish(lossTotal, correctTotal);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)   // a part's own error, not Parallel.For's wrapper
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        finally
        {
            torch.set_num_threads(mainThreads);
            foreach (var r in results)
                if (r is { } done) { scope.Attach(done.Loss, done.Correct); scope.Attach(done.Gradients); }
        }

        void Finish(Tensor loss, Tensor correct)
        {
            if (t.GradientClippingNorm > 0) nn.utils.clip_grad_norm_(net.parameters(), t.GradientClippingNorm);
            optimizer.step();
            using (no_grad())
            {
                lossSum.add_(loss.detach() * batch.Size);
                correctSum.add_(correct);
            }
        }
    }

    /// <summary>The parts a batch of <paramref name="size"/> drawings is cut into (<see cref="TrainConfig.MicroBatches"/>,
    /// <see cref="TrainConfig.PartsOf"/>) on the CPU with the dense recurrence; elsewhere parts could only run one
    /// after another (the packed recurrence's dropout draws from torch's shared generator), so whole batches.</summary>
    public static int Parts(ModelConfig model, TrainConfig t, Device device, int size) =>
        OwnGenerators(model, device) ? t.PartsOf(size, model.BatchNorm) : 1;

    // A part's forward pass and its share of the batch's mean loss (its cross-entropy sum / the batch's size), with the
    // part's dropout masks drawn from a generator seeded for it: on the CPU with the dense recurrence, one of the
    // part's own (every mask is a HostMaskDropout's; torch's default generator is shared by all threads, in whatever
    // order they reach it), else torch's default one, seeded here (torch's own dropout draws from it).
    static (Tensor Loss, Tensor Correct) Forward(RnnClassifier net, HostBatch part, int batchSize, Device device, long seed)
    {
        var (ink, lengths, labels) = part.ToTensors(device);
        bool own = OwnGenerators(net.Config, device);
        using var generator = own ? new Generator(unchecked((ulong)seed)) : null;
        if (!own) torch.manual_seed(seed);
        using var draws = generator is null ? null : HostMaskDropout.Drawing(generator);
        var logits = net.call(ink, lengths);
        var loss = nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum) / batchSize;
        using (no_grad())
            return (loss, logits.argmax(1).eq(labels).sum().to_type(ScalarType.Float32));
    }

    // Dense recurrence on the CPU: every mask is a HostMaskDropout's, drawn from the part's own generator.
    static bool OwnGenerators(ModelConfig model, Device device) =>
        device.type == DeviceType.CPU && model.RecurrenceOn(device) == "dense";

    static long PartSeed(long stepSeed, int part) => unchecked(stepSeed + part * 0x2545F4914F6CDD1DL);

    /// <summary>How many of a step's parts run at once (each on 1 torch thread): one per torch thread of the calling
    /// thread, up to the parts; 1 for whole batches, on other devices and with the packed recurrence.</summary>
    public static int Concurrency(RnnClassifier net, Device device, int parts) =>
        OwnGenerators(net.Config, device) ? Math.Max(1, Math.Min(parts, torch.get_num_threads())) : 1;

    /// <summary>Loads a trained model (weights of model.bin) from a run folder, on <paramref name="device"/>.</summary>
    public static (RnnClassifier Model, RunConfig Config) Load(RunFolder run, Device? device = null)
    {
        if (!File.Exists(run.ModelFile)) throw new FileNotFoundException($"no model.bin in {run.Path}: train first, or check the path", run.ModelFile);
        var config = run.ReadConfig();
        var model = new RnnClassifier(config.Model, device ?? CPU);
        Checkpoint.LoadWeights(run.ModelFile, model, run.HasCheckpoint);
        model.to(device ?? CPU);
        model.eval();
        return (model, config);
    }

    static string MachineDescription() =>
        $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, TorchSharp {typeof(torch).Assembly.GetName().Version}";

    // Running averages between two log lines.
    sealed class WindowStats(double seconds, long examples)
    {
        public MetricsRow Close(long step, double now, long examplesNow, double lossSum, double correct)
        {
            long n = examplesNow - examples;
            var row = new MetricsRow(step, now, "train", lossSum / Math.Max(1, n), correct / Math.Max(1, n), double.NaN, double.NaN, n / Math.Max(1e-9, now - seconds));
            seconds = now; examples = examplesNow;
            return row;
        }
    }
}
