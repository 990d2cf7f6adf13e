namespace QuickDraw.Training;

/// <summary>
/// The learning rate at each step of a run, a pure function of its <see cref="TrainConfig"/> and the step (so a
/// resumed run follows the same curve): an optional linear warm-up from 0 to the peak rate
/// (<see cref="TrainConfig.EffectiveLearningRate"/>) over <see cref="TrainConfig.WarmupSteps"/>, then the decay
/// <see cref="TrainConfig.Decay"/> over the rest of the step budget (<see cref="TrainConfig.Steps"/>) down to
/// <see cref="TrainConfig.FinalLearningRateFraction"/> × the peak. The tutorial's schedule is constant, no warm-up.
/// </summary>
public static class LearningRateSchedule
{
    /// <summary>The decays <see cref="TrainConfig.Decay"/> accepts.</summary>
    public static IReadOnlyList<string> Decays { get; } =
        typeof(TrainConfig).GetProperty(nameof(TrainConfig.Decay))!.GetCustomAttributes(typeof(QuickDraw.Common.SettingAttribute), false).Cast<QuickDraw.Common.SettingAttribute>().Single().Choices!;

    /// <summary>The rate Adam uses for optimizer step <paramref name="step"/> (1-based: the first step is 1).</summary>
    public static double At(TrainConfig t, long step)
    {
        double peak = t.EffectiveLearningRate;
        if (t.WarmupSteps > 0 && step <= t.WarmupSteps) return peak * step / t.WarmupSteps;
        if (t.Decay == "constant") return peak;
        long span = t.Steps - t.WarmupSteps;                        // steps that decay
        if (span <= 0) return peak;
        double progress = Math.Clamp((double)(step - t.WarmupSteps) / span, 0, 1);
        double shape = t.Decay == "cosine" ? 0.5 * (1 + Math.Cos(Math.PI * progress)) : 1 - progress;
        double floor = t.FinalLearningRateFraction;
        return peak * (floor + (1 - floor) * shape);
    }

    /// <summary>One line for people: "constant 1e-4", "2e-3, warm-up 100 steps, cosine to 5 % over 1,200 steps".</summary>
    public static string Describe(TrainConfig t)
    {
        var peak = t.EffectiveLearningRate.ToString("0.####e0", System.Globalization.CultureInfo.InvariantCulture);
        var warm = t.WarmupSteps > 0 ? $", warm-up {t.WarmupSteps:N0} steps" : "";
        return t.Decay == "constant" ? $"{(warm == "" ? "constant " : "")}{peak}{warm}"
            : $"{peak}{warm}, {t.Decay} decay to {t.FinalLearningRateFraction:0.##%} over {t.Steps:N0} steps";
    }
}
