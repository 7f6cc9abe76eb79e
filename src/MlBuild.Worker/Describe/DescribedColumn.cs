namespace MlBuild.Worker.Describe;

/// <summary>One column of a model's input or output schema, as the model package's manifest records it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">ML.NET's name of the column type: <c>Single</c>, <c>String</c>, <c>Boolean</c>,
/// <c>Vector&lt;Single, 3&gt;</c>, <c>Key&lt;UInt32, 0-2&gt;</c>…; the loader compares it as it is.</param>
/// <param name="SlotNames">For a vector with slot names (a multiclass Score: the classes, in score order).</param>
/// <param name="KeyValues">For a key column with key values: the value each key stands for.</param>
internal sealed record DescribedColumn(string Name, string Type, IReadOnlyList<string>? SlotNames = null,
    IReadOnlyList<string>? KeyValues = null);
