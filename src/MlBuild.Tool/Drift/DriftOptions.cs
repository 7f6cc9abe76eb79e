namespace MlBuild.Tool.Drift;

/// <summary>What <c>mlbuild drift</c> was asked: the profile, the new data, and the thresholds (null: the defaults).</summary>
internal sealed record DriftOptions(string Profile, string Data, double? MaxPsi, double? MaxKs, char? Separator);
