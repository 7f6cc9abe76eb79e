using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlBuild;

/// <summary>Compares schemas column by column, naming each column that differs.</summary>
internal static class SchemaComparer
{
    /// <summary>The model's input schema (as saved in its zip) against the manifest's.</summary>
    public static IReadOnlyList<string> CompareModel(DataViewSchema model, IReadOnlyList<SchemaColumn> manifest)
    {
        var differences = new List<string>();
        var modelColumns = model.Where(c => !c.IsHidden).ToDictionary(c => c.Name, c => c.Type.ToString(), StringComparer.Ordinal);
        var manifestColumns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in manifest)
            manifestColumns[column.Name] = column.Type;
        foreach (var column in manifest)
        {
            if (!modelColumns.TryGetValue(column.Name, out var type))
                differences.Add($"'{column.Name}' ({column.Type}) is in the manifest but the model does not take it");
            else if (!string.Equals(type, column.Type, StringComparison.Ordinal))
                differences.Add($"'{column.Name}' is {column.Type} in the manifest but {type} in the model");
        }
        foreach (var (name, type) in modelColumns)
        {
            if (!manifestColumns.ContainsKey(name))
                differences.Add($"'{name}' ({type}) is taken by the model but not in the manifest");
        }
        return differences;
    }

    /// <summary>An application's input class against the manifest: a member of another type than the model's column
    /// is an error, and so is a feature column the class does not have (the label is not needed).</summary>
    public static (IReadOnlyList<string> WrongTypes, IReadOnlyList<string> MissingFeatures) CompareInput(
        Type inputType, IReadOnlyList<SchemaColumn> manifest)
    {
        var definition = SchemaDefinition.Create(inputType, SchemaDefinition.Direction.Read);
        var members = definition.ToDictionary(c => c.ColumnName, StringComparer.Ordinal);
        var wrongTypes = new List<string>();
        var missing = new List<string>();
        foreach (var column in manifest)
        {
            if (members.TryGetValue(column.Name, out var member))
            {
                var type = member.ColumnType?.ToString();
                if (type is not null && !string.Equals(type, column.Type, StringComparison.Ordinal))
                    wrongTypes.Add($"'{column.Name}' is {column.Type} in the model but {type} in {inputType.Name}.{member.MemberName}");
            }
            else if (column.Role == "feature")
            {
                missing.Add($"'{column.Name}' ({column.Type}) is a feature of the model but {inputType.Name} has no member for it " +
                            "(name a property so, or give it [ColumnName(\"" + column.Name + "\")])");
            }
        }
        return (wrongTypes, missing);
    }
}
