using QuickDraw.Ink;
using QuickDraw.Model;
using static TorchSharp.torch;

namespace QuickDraw.Training;

public static class Analysis
{
    /// <summary><see cref="Evaluator.Evaluate"/> (the headline metrics) plus the confusion matrix of <paramref name="model"/>
    /// on <paramref name="files"/>, from which the report derives per-class accuracy and the most confused pairs.</summary>
    public static EvaluationReport EvaluateWithConfusion(RnnClassifier model, string[] classes, IReadOnlyList<string> files, Device device, int batchSize = 256, int maxExamples = 0)
    {
        var confusion = new long[classes.Length, classes.Length];
        var metrics = Evaluator.Evaluate(model, files, device, batchSize, maxExamples, (logits, labels) =>
        {
            var predicted = logits.argmax(1).data<long>().ToArray();
            var truth = labels.data<long>().ToArray();
            for (int i = 0; i < truth.Length; i++) confusion[truth[i], predicted[i]]++;
        });
        return new EvaluationReport(metrics, classes, confusion);
    }

    /// <summary>
    /// Top-1 accuracy when the model sees only the first fraction of each drawing's strokes, as the game does
    /// while a player is still drawing. Each prefix is re-normalised to its own bounding box, the way the game
    /// would preprocess what is on screen.
    /// </summary>
    public static IReadOnlyList<(double Fraction, double Top1)> AccuracyByStrokeFraction(RnnClassifier model, IReadOnlyList<string> files, Device device,
        double[]? fractions = null, int batchSize = 256, int maxExamples = 0)
    {
        fractions ??= [0.25, 0.5, 0.75, 1.0];
        var records = ShardData.ReadAll(files).Take(maxExamples > 0 ? maxExamples : int.MaxValue).ToList();
        var result = new List<(double, double)>();
        foreach (var f in fractions)
        {
            var prefixes = records.Select(r => r with { Ink = InkPrefix.ByStrokeFraction(r.Ink, f), Points = 0 })
                                  .Select(r => r with { Points = r.Ink.Length / 3 }).Where(r => r.Points > 0).ToList();
            long correct = 0;
            BatchedForward.Run(model, BatchedForward.Batches(prefixes, batchSize), device,
                (_, logits, labels) => correct += logits.argmax(1).eq(labels).sum().item<long>());
            result.Add((f, records.Count == 0 ? double.NaN : (double)correct / records.Count));
        }
        return result;
    }
}
