using QuickDraw.Drawings;
using QuickDraw.Ink;
using QuickDraw.Model;
using static TorchSharp.torch;

namespace QuickDraw.Training;

/// <summary>Top-k classes of drawings, with probabilities, from a trained run.</summary>
public sealed class Predictor(RnnClassifier model, string[] classes, Device? device = null)
{
    readonly Device device = device ?? CPU;

    /// <summary>Loads the model of a run folder.</summary>
    public static Predictor FromRun(string runFolder, Device? device = null)
    {
        var run = new RunFolder(runFolder);
        var (model, config) = Trainer.Load(run, device);
        return new Predictor(model, config.Classes, device);
    }

    public IReadOnlyList<string> Classes => classes;

    /// <summary>The k most likely classes of each drawing, most likely first.</summary>
    public IReadOnlyList<IReadOnlyList<(string Class, double Probability)>> Predict(IReadOnlyList<Drawing> drawings, int k = 3)
    {
        var records = drawings.Select(d => new QuickDraw.Shards.InkRecord(InkConverter.ToInk(d), d.PointCount - 1, 0)).ToList();
        var result = new List<IReadOnlyList<(string, double)>>();
        BatchedForward.Run(model, BatchedForward.Batches(records, 256), device, (batch, logits, _) =>
        {
            var probs = nn.functional.softmax(logits, 1);
            var (values, indexes) = probs.topk(Math.Min(k, classes.Length), dim: 1);
            var v = values.cpu().data<float>().ToArray();
            var ix = indexes.cpu().data<long>().ToArray();
            int kk = (int)values.shape[1];
            for (int b = 0; b < batch.Size; b++)
                result.Add(Enumerable.Range(0, kk).Select(j => (classes[ix[b * kk + j]], (double)v[b * kk + j])).ToList());
        });
        return result;
    }
}
