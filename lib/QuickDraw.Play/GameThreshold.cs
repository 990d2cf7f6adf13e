using QuickDraw.Drawings;
using QuickDraw.Training;

namespace QuickDraw.Play;

/// <summary>How the success threshold was chosen, for the page to say.</summary>
/// <param name="Value">A drawing wins when its target's probability is above this.</param>
/// <param name="Explanation">One sentence for the player.</param>
public sealed record GameThreshold(double Value, string Explanation)
{
    /// <summary>The quantile of the correct class's probability, over the eval drawings the model classifies
    /// correctly, that becomes the default threshold: 0.25, so three in four of those drawings beat it.</summary>
    public const double Quantile = 0.25;

    /// <summary>The default never exceeds this: a confident model's quantile can reach 1.0, which nothing beats.</summary>
    public const double MaxDefault = 0.99;

    /// <summary>The threshold a player asked for.</summary>
    public static GameThreshold Given(double value) => new(value, $"threshold {value:0.00}, set with --threshold");

    /// <summary>The <see cref="Quantile"/> of the correct class's probability on the correctly classified drawings of
    /// <paramref name="eval"/> (0.5 when there are none).</summary>
    public static GameThreshold FromEval(Predictor predictor, IReadOnlyList<Drawing> eval)
    {
        if (eval.Count == 0) return new(0.5, "threshold 0.50: this run has no eval drawings to derive one from (give --threshold)");
        var correct = new List<double>();
        var results = predictor.Predict(eval, 1);
        for (int i = 0; i < eval.Count; i++)
            if (results[i][0].Class == eval[i].Word) correct.Add(results[i][0].Probability);
        if (correct.Count == 0) return new(0.5, $"threshold 0.50: the model classifies none of {eval.Count:N0} eval drawings correctly");
        correct.Sort();
        double quantile = correct[(int)Math.Floor(Quantile * (correct.Count - 1))];
        double value = Math.Min(quantile, MaxDefault);
        return new(value, $"threshold {value:0.000}: on the {correct.Count:N0} of {eval.Count:N0} eval drawings this model classifies correctly, " +
                          (value < quantile ? $"{1 - Quantile:P0} give the right class over {quantile:0.000}, capped at {MaxDefault}"
                                            : $"{1 - Quantile:P0} give the right class a higher probability than this"));
    }
}
