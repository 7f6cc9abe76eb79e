using MlBuild.Protocol;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlBuild.Worker.Describe;

/// <summary>
/// Reads a saved model's schemas with ML.NET: the input schema ML.NET keeps inside the zip, and the output schema
/// the model produces from it. The MSBuild tasks never load ML.NET, so the model package's manifest gets its
/// schemas from here, with the project's own ML.NET.
/// </summary>
internal static class ModelDescriber
{
    // ML.NET's annotation kinds (AnnotationUtils.Kinds is internal).
    private const string SlotNamesKind = "SlotNames";
    private const string KeyValuesKind = "KeyValues";

    // A schema is documentation, not data: a vector of 100,000 text n-grams keeps its first names only.
    internal const int MaxNames = 1000;

    public static ModelDescription Describe(string modelPath)
    {
        var ml = new MLContext(seed: 0);
        var model = ml.Model.Load(modelPath, out var inputSchema);
        var outputSchema = model.GetOutputSchema(inputSchema);
        var inputNames = inputSchema.Where(c => !c.IsHidden).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return new ModelDescription(
            inputSchema.Where(c => !c.IsHidden).Select(Describe).ToList(),
            // Input columns pass through the model unchanged or transformed in place: only the added ones are its output.
            outputSchema.Where(c => !c.IsHidden && !inputNames.Contains(c.Name)).Select(Describe).ToList());
    }

    private static DescribedColumn Describe(DataViewSchema.Column column) =>
        new(column.Name, column.Type.ToString() ?? column.Type.RawType.Name, SlotNames(column), KeyValues(column));

    private static IReadOnlyList<string>? SlotNames(DataViewSchema.Column column)
    {
        if (column.Type is not VectorDataViewType { Size: > 0 } vector || vector.Size > MaxNames
            || column.Annotations.Schema.GetColumnOrNull(SlotNamesKind) is null)
            return null;
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToList();
    }

    private static IReadOnlyList<string>? KeyValues(DataViewSchema.Column column)
    {
        var itemType = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
        if (itemType is not KeyDataViewType key || key.Count > MaxNames
            || column.Annotations.Schema.GetColumnOrNull(KeyValuesKind) is not { } annotation)
            return null;
        return annotation.Type is VectorDataViewType { ItemType: TextDataViewType }
            ? TextKeyValues(column)
            : null;
    }

    private static IReadOnlyList<string> TextKeyValues(DataViewSchema.Column column)
    {
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetKeyValues(ref values);
        return values.DenseValues().Select(v => v.ToString()).ToList();
    }
}
