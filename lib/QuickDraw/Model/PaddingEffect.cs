namespace QuickDraw.Model;

/// <summary>How much a drawing's logits move when it is padded with <see cref="Padding"/> zero steps.</summary>
/// <param name="Padding">Zero rows appended after the drawing's last point.</param>
/// <param name="ChangeWithLengths">Largest |Δ logit| against the unpadded drawing when the model is told the true length.</param>
/// <param name="ChangeIgnoringLengths">The same when the padding is passed off as ink (length = padded length).</param>
public sealed record PaddingEffect(int Padding, double ChangeWithLengths, double ChangeIgnoringLengths);
