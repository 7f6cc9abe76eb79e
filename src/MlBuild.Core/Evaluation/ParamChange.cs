namespace MlBuild.Core.Evaluation;

/// <summary>A hyperparameter whose value differs from the baseline's; null on a side that does not set it.</summary>
/// <param name="Name">Flattened: a nested object's values are named "outer.inner".</param>
internal sealed record ParamChange(string Name, string? Baseline, string? Candidate);
