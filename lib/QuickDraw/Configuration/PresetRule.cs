namespace QuickDraw.Configuration;

/// <summary>A setting a preset derives from the others unless it is given: the main job's warm-up is a twelfth of
/// its steps, so <c>--steps 600</c> warms up for 50. <paramref name="Formula"/> says how, for people (docs/settings.md).</summary>
public sealed record PresetRule(string Setting, string Formula, Func<RunSettings, object> Value);
