using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MlBuild.Core.Tests.Reporting.Html;

/// <summary>What the HTML tests read out of a part's body or a written document: the figures with their series, the
/// JSON block of the charts, the elements' ids, and the numbers and inline data of a chart's specification.</summary>
internal static partial class HtmlDocumentParts
{
    public const string ChartsBlockStart = "<script type=\"application/json\" id=\"mlbuild-charts\">";

    /// <summary>Each figure's id and its data-series, in the order of the document.</summary>
    public static IReadOnlyList<(string Id, string Series)> Figures(string html) =>
        FigureElement().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    public static IReadOnlyList<string> Ids(string html) => IdAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The text of the JSON block, as the page holds it.</summary>
    public static string ChartsBlock(string document)
    {
        var start = document.IndexOf(ChartsBlockStart, StringComparison.Ordinal);
        Assert.True(start >= 0, "no JSON block of the charts");
        start += ChartsBlockStart.Length;
        var end = document.IndexOf("</script>", start, StringComparison.Ordinal);
        return document[start..end];
    }

    /// <summary>The charts of the JSON block: id and Vega-Lite specification.</summary>
    public static IReadOnlyList<(string Id, JsonNode Spec)> Charts(string document) =>
        JsonNode.Parse(ChartsBlock(document))!.AsArray().Select(c => ((string)c!["id"]!, c["spec"]!)).ToList();

    /// <summary>The document without its scripts (the JSON block and the three inline scripts).</summary>
    public static string WithoutScripts(string document) => ScriptElement().Replace(document, "");

    /// <summary>Every "values" array of a specification (its inline data, at any level of layers and facets).</summary>
    public static IEnumerable<JsonArray> InlineData(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "values" && value is JsonArray values)
                        yield return values;
                    foreach (var inner in InlineData(value))
                        yield return inner;
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    foreach (var inner in InlineData(item))
                        yield return inner;
                break;
        }
    }

    /// <summary>Every scalar of a specification, as JSON text.</summary>
    public static IEnumerable<JsonValue> Scalars(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Scalars(p.Value)),
        JsonArray array => array.SelectMany(Scalars),
        JsonValue value => [value],
        _ => [],
    };

    /// <summary>Every string of a specification.</summary>
    public static IEnumerable<string> Strings(JsonNode? node) =>
        Scalars(node).Where(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(v => v.GetValue<string>());

    [GeneratedRegex("<figure class=\"chart\" id=\"([^\"]*)\" data-series=\"([^\"]*)\">")]
    private static partial Regex FigureElement();

    [GeneratedRegex("\\sid=\"([^\"]*)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("<script[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptElement();
}
