using System.Net;
using QuickDraw.Training;

namespace QuickDraw.Display;

/// <summary>
/// A training run's live picture for a notebook: pass it to <see cref="Trainer.Run"/> as the progress, and every log
/// line and evaluation redraws two small charts (loss; top-1 accuracy; training and eval) through
/// <paramref name="update"/>, e.g. <c>new TrainingCurve(html =&gt; view.Update(html))</c> where
/// <c>view = display(...)</c>. Reports arrive on the trainer's thread, in order.
/// </summary>
public sealed class TrainingCurve(Action<Html> update) : IProgress<TrainingProgress>
{
    readonly List<(double, double)> trainLoss = [], evalLoss = [], trainTop1 = [], evalTop1 = [];
    string status = "starting…";

    public void Report(TrainingProgress p)
    {
        if (p.Message != null) status = p.Message;
        else if (p.Eval is { } e)
        {
            evalLoss.Add((p.Step, e.Loss));
            evalTop1.Add((p.Step, e.Top1));
            status = $"step {p.Step:N0}/{p.TotalSteps:N0}: eval {e}";
        }
        else
        {
            trainLoss.Add((p.Step, p.Loss));
            trainTop1.Add((p.Step, p.Top1));
            status = $"step {p.Step:N0}/{p.TotalSteps:N0}: training loss {p.Loss:F3}, top-1 {p.Top1:P1}, {p.ExamplesPerSecond:N0} drawings/s";
        }
        update(Render());
    }

    /// <summary>The picture as it stands.</summary>
    public Html Render()
    {
        var loss = SvgLineChart.Render("loss", [new("training", "#1f77b4", trainLoss), new("eval", "#d62728", evalLoss)]);
        var top1 = SvgLineChart.Render("top-1 accuracy", [new("training", "#1f77b4", trainTop1), new("eval", "#d62728", evalTop1)]);
        var html = $"<div><div style=\"display:flex;gap:8px\">{loss}{top1}</div><div style=\"font:12px sans-serif;color:#444\">{WebUtility.HtmlEncode(status)}</div></div>";
        return new Html(html, HtmlKind.Picture, trainLoss.Count + evalLoss.Count);
    }
}
