namespace MlBuild.Tool.Drift;

/// <summary>What <c>mlbuild drift</c> was asked: the profile, the new data, and the thresholds (null: the defaults).</summary>
/// <param name="Model">The model's name in messages (null: the profile's).</param>
/// <param name="DeclaredAt">Where errors about the profile itself point (null: the profile): the MlModel item, when
/// the CheckDrift target runs the command.</param>
internal sealed record DriftOptions(string Profile, string Data, double? MaxPsi, double? MaxKs, char? Separator,
    string? Model = null, string? DeclaredAt = null);
