using System.Text.Json.Serialization;

namespace MlBuild;

/// <summary>One column of a model's input or output schema.</summary>
sealed partial class SchemaColumn
{
    /// <summary>The column name, as the model reads or writes it.</summary>
    public string Name { get; init; } = "";

    /// <summary>ML.NET's name of the type: <c>Single</c>, <c>String</c>, <c>Boolean</c>, <c>Vector&lt;Single, 3&gt;</c>…</summary>
    public string Type { get; init; } = "";

    /// <summary>Input columns: <c>label</c> (not needed to predict), <c>feature</c> (needed), or <c>other</c> (neither
    /// the label nor a declared feature).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Role { get; init; }

    /// <summary>A vector's slot names, such as the classes of a multiclass Score, in order.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SlotNames { get; init; }

    /// <summary>A key column's values, in key order.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? KeyValues { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Type}";
}
