using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlBuild.Protocol;

/// <summary>What a saved model takes and gives, as the worker's describe command writes it and the packaging reads it
/// into the manifest's schemas: the input schema saved in its zip, and the columns the model adds to it (the prediction
/// columns an application reads, and any intermediate ones it leaves visible).</summary>
public sealed record ModelDescription(IReadOnlyList<DescribedColumn> Input, IReadOnlyList<DescribedColumn> Output);

/// <summary>One column of a model's input or output schema.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">ML.NET's name of the column type: <c>Single</c>, <c>String</c>, <c>Boolean</c>,
/// <c>Vector&lt;Single, 3&gt;</c>, <c>Key&lt;UInt32, 0-2&gt;</c>…; the loader compares it as it is.</param>
/// <param name="SlotNames">For a vector with slot names (a multiclass Score: the classes, in score order).</param>
/// <param name="KeyValues">For a key column with key values: the value each key stands for.</param>
public sealed record DescribedColumn(string Name, string Type, IReadOnlyList<string>? SlotNames = null,
    IReadOnlyList<string>? KeyValues = null);

/// <summary>The describe command's file: <c>{"input": [columns], "output": [columns]}</c>, each column
/// <c>{"name", "type"}</c> plus <c>"slotNames"</c> or <c>"keyValues"</c> when it has them.</summary>
public static class DescribeJson
{
    private static readonly DescribeJsonContext Context = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Column names stay as written ("Petal length", "a+b").
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(ModelDescription description) =>
        JsonSerializer.Serialize(description, Context.ModelDescription) + "\n";

    /// <exception cref="InvalidDataException">The text is no description of a model.</exception>
    public static ModelDescription Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Context.ModelDescription) is { Input: not null, Output: not null } description
                ? description
                : throw new InvalidDataException("The model's description has no input or output schema.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The model's description is not valid JSON: {e.Message}", e);
        }
    }
}

[JsonSerializable(typeof(ModelDescription))]
internal sealed partial class DescribeJsonContext : JsonSerializerContext;
