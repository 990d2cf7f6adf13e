using static TorchSharp.torch;

namespace QuickDraw.Training;

/// <summary>Accumulates loss, top-1, top-3 and MAP@3 (Kaggle's metric: 1/rank of the true class within the
/// top 3, else 0) over batches of logits.</summary>
public sealed class MetricsAccumulator
{
    long n;
    double lossSum, top1, top3, map3;

    /// <summary>Adds a batch: logits (B, C), labels (B), and the batch's mean loss.</summary>
    public void Add(Tensor logits, Tensor labels, double meanLoss)
    {
        long B = labels.shape[0];
        int k = (int)Math.Min(3, logits.shape[1]);
        using var top = logits.topk(k, dim: 1).indexes;                 // (B, k)
        using var hits = top.eq(labels.unsqueeze(1)).to(CPU);            // (B, k) bool
        var h = hits.data<bool>().ToArray();
        for (long b = 0; b < B; b++)
        {
            for (int r = 0; r < k; r++)
            {
                if (!h[b * k + r]) continue;
                if (r == 0) top1++;
                top3++;
                map3 += 1.0 / (r + 1);
                break;
            }
        }
        lossSum += meanLoss * B;
        n += B;
    }

    public EvalMetrics Result => n == 0 ? new EvalMetrics(0, double.NaN, double.NaN, double.NaN, double.NaN)
        : new EvalMetrics(n, lossSum / n, top1 / n, top3 / n, map3 / n);
}
