using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlBuild.Core.Evaluation;

/// <summary>
/// Reads a JSON number whatever its node holds: a lock file read from disk holds JsonElements, one built in memory
/// holds longs or ints, and <see cref="JsonValue.TryGetValue{T}"/> converts only the former.
/// </summary>
internal static class JsonNumbers
{
    public static double? Read(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
            return null;
        if (value.TryGetValue<double>(out var number))
            return double.IsFinite(number) ? number : null;
        return double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number)
            ? number
            : null;
    }
}
