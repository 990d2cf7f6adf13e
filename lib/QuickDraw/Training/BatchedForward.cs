using QuickDraw.Model;
using QuickDraw.Shards;
using static TorchSharp.torch;

namespace QuickDraw.Training;

/// <summary>
/// The forward pass over many drawings, written once for evaluation, analysis and prediction: padded host batches
/// (<see cref="HostBatch"/>) become tensors on the device and go through the model, in <see cref="EvalMode"/>, one
/// dispose scope per batch.
/// </summary>
public static class BatchedForward
{
    /// <summary>Runs <paramref name="model"/> on each batch. <paramref name="onBatch"/> sees the host batch, its logits
    /// (B, C) and labels (B) on <paramref name="device"/>, inside the batch's dispose scope: copy out what you keep.</summary>
    public static void Run(RnnClassifier model, IEnumerable<HostBatch> batches, Device device, Action<HostBatch, Tensor, Tensor> onBatch)
    {
        using var _ = EvalMode.Of(model);
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            var (ink, lengths, labels) = batch.ToTensors(device);
            onBatch(batch, model.call(ink, lengths), labels);
        }
    }

    /// <summary>The records in order, <paramref name="batchSize"/> at a time (the last batch may be smaller), each batch
    /// zero-padded to its longest drawing.</summary>
    public static IEnumerable<HostBatch> Batches(List<InkRecord> records, int batchSize)
    {
        for (int i = 0; i < records.Count; i += batchSize)
            yield return HostBatch.Pad(records.GetRange(i, Math.Min(batchSize, records.Count - i)));
    }
}
