namespace QuickDraw.Training;

/// <summary>Classification metrics of a set of predictions.</summary>
public sealed record EvalMetrics(long Examples, double Loss, double Top1, double Top3, double Map3)
{
    public override string ToString() => $"loss {Loss:F4}, top-1 {Top1:P2}, top-3 {Top3:P2}, MAP@3 {Map3:F4} on {Examples:N0} drawings";
}
