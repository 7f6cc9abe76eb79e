using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlBuild.Core.Reporting.Html;

/// <summary>
/// Chart specifications as JSON inside the page's <c>&lt;script type="application/json"&gt;</c> block. The encoder
/// writes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes as \u escapes, so no name from the data can end the block
/// (<c>&lt;/script&gt;</c>) or open a comment; non-finite numbers, which JSON has not, become null (a gap).
/// </summary>
internal static class ChartJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Default,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };

    public static JsonNode Node(object value) => JsonSerializer.SerializeToNode(value, Options)!;

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    /// <summary>A number for a chart: null when it is not finite, rounded to 6 significant digits (the file's size
    /// is mostly numbers, and no chart can show a seventh digit).</summary>
    public static double? Number(double value) => double.IsFinite(value) ? double.Parse(value.ToString("G6",
        System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) : null;
}
