using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlBuild.Core.Evaluation;

/// <summary>
/// Which hyperparameters changed between two lock entries: the params objects are flattened to name: value, so
/// that a report can list "NumberOfTrees: 50 → 100" next to the metric it moved.
/// </summary>
internal static class ParamsDiff
{
    public static IReadOnlyList<ParamChange> Compare(JsonObject? baseline, JsonObject? candidate)
    {
        var before = Flatten(baseline);
        var after = Flatten(candidate);
        return before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => (name, old: before.GetValueOrDefault(name), now: after.GetValueOrDefault(name)))
            .Where(p => !SameValue(p.old, p.now))
            .Select(p => new ParamChange(p.name, Display(p.old), Display(p.now)))
            .ToList();
    }

    /// <summary>Objects become dotted names; arrays stay whole values, which read better than "Layers[2]".</summary>
    public static Dictionary<string, JsonNode?> Flatten(JsonObject? json)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (json is not null)
            Add(json, "", values);
        return values;
    }

    private static void Add(JsonObject json, string prefix, Dictionary<string, JsonNode?> values)
    {
        foreach (var (name, value) in json)
        {
            if (value is JsonObject inner && inner.Count > 0)
                Add(inner, prefix + name + ".", values);
            else
                values[prefix + name] = value;
        }
    }

    // 50 and 50.0 are one value: a params file rewritten by another tool must not show as a change.
    private static bool SameValue(JsonNode? a, JsonNode? b)
    {
        if (JsonNumbers.Read(a) is { } x && JsonNumbers.Read(b) is { } y)
            return x == y;
        return (a?.ToJsonString() ?? "<absent>") == (b?.ToJsonString() ?? "<absent>");
    }

    private static string? Display(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue when JsonNumbers.Read(value) is { } number => number.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}
