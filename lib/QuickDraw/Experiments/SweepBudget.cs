namespace QuickDraw.Experiments;

/// <summary>A training budget per run: steps, minutes, or both (whichever ends first).</summary>
public sealed record SweepBudget(long? Steps, double? Minutes)
{
    public override string ToString() => string.Join(" or ", new[] { Steps is { } s ? $"{s:N0} steps" : null, Minutes is { } m ? $"{m:0.##} min" : null }.OfType<string>());
}
