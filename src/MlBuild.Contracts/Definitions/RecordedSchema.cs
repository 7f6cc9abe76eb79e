namespace MlBuild.Definitions;

/// <summary>The data's columns (name to kind: Numeric, Boolean, Categorical, Text) and the label, as the lock file
/// records them for a trained model: the next training compares its data with them.</summary>
public sealed record RecordedSchema
{
    public required SortedDictionary<string, string> Columns { get; init; }
    public string? Label { get; init; }
    /// <summary>Classification: the label's classes as the data writes them, in the model's order (binary: the negative
    /// class, then the positive one; multiclass: sorted, numbers as numbers). With the kinds, what Evaluate reads the
    /// test data with, without reading the training data again. Null for a regression, or an entry written before.</summary>
    public IReadOnlyList<string>? Classes { get; init; }
}
