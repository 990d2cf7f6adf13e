using QuickDraw.Model;
using static TorchSharp.torch;

namespace QuickDraw.Training;

/// <summary>Scores a model on every drawing of a set of shards.</summary>
public static class Evaluator
{
    /// <summary>Loss, top-1, top-3 and MAP@3 over the files (all records unless <paramref name="maxExamples"/> &gt; 0).
    /// <paramref name="onBatch"/>, when given, sees each batch's logits (B, C) and labels (B) on the CPU.
    /// Each batch is checked first (<see cref="BatchCheck"/>: class indices within the model's classes, the point cap);
    /// <paramref name="dataFolder"/> names the data in that error (default: the first file's folder).</summary>
    public static EvalMetrics Evaluate(RnnClassifier model, IReadOnlyList<string> files, Device device, int batchSize = 256,
        int maxExamples = 0, Action<Tensor, Tensor>? onBatch = null, string? dataFolder = null)
    {
        dataFolder ??= files.Count > 0 ? Path.GetDirectoryName(Path.GetFullPath(files[0]))! : "";
        var acc = new MetricsAccumulator();
        var checkedBatches = ShardData.Batches(files, batchSize, maxExamples).Select(batch =>
        {
            BatchCheck.Check(batch, model.Config.NumClasses, dataFolder);
            return batch;
        });
        BatchedForward.Run(model, checkedBatches, device, (_, logits, labels) =>
        {
            var loss = nn.functional.cross_entropy(logits, labels).item<float>();
            acc.Add(logits, labels, loss);
            onBatch?.Invoke(logits.cpu(), labels.cpu());
        });
        return acc.Result;
    }
}
