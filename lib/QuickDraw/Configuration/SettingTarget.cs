namespace QuickDraw.Configuration;

/// <summary>The configuration record a setting sets.</summary>
public enum SettingTarget
{
    /// <summary><see cref="QuickDraw.Model.ModelConfig"/>: the network's shape.</summary>
    Model,
    /// <summary><see cref="QuickDraw.Training.TrainConfig"/>: how it is trained.</summary>
    Train,
}
