namespace MlBuild.Worker.Data;

/// <summary>The type of a prepared label column: what the trainer of the task reads (multiclass labels stay
/// numbers or text here and become keys in ML.NET, so predictions map back to these values).</summary>
internal enum LabelType
{
    Boolean,
    Single,
    Text,
}
