namespace MlBuild.Data.Checks;

/// <summary>The data's columns (name to kind: Numeric, Boolean, Categorical, Text) and the label, as the lock file
/// records them for a trained model: the next training compares its data with them.</summary>
public sealed record RecordedSchema
{
    public required SortedDictionary<string, string> Columns { get; init; }
    public string? Label { get; init; }
}
