using System.Text.Encodings.Web;
using System.Text.Json;

namespace MlBuild.Worker.Describe;

/// <summary>The describe command's JSON: <c>{"input": [columns], "output": [columns]}</c>, each column
/// <c>{"name", "type"}</c> plus <c>"slotNames"</c> or <c>"keyValues"</c> when it has them.</summary>
internal static class DescriptionJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Column names stay as written ("Petal length", "a+b").
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ModelDescription description)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            WriteColumns(writer, "input", description.Input);
            WriteColumns(writer, "output", description.Output);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteColumns(Utf8JsonWriter writer, string name, IReadOnlyList<DescribedColumn> columns)
    {
        writer.WriteStartArray(name);
        foreach (var column in columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", column.Type);
            WriteNames(writer, "slotNames", column.SlotNames);
            WriteNames(writer, "keyValues", column.KeyValues);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteNames(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
            return;
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
