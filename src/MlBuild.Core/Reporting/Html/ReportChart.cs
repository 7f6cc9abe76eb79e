using System.Text.Json.Nodes;

namespace MlBuild.Core.Reporting.Html;

/// <summary>One chart of the HTML report: a Vega-Lite specification with its data inline, drawn in the browser into
/// <c>&lt;figure class="chart" id="…" data-series="…"&gt;</c>. Series names the models drawn ("candidate",
/// "baseline"), so a reader (and the browser test) can tell a chart that compares from one that cannot.</summary>
internal sealed record ReportChart(string Id, string Title, IReadOnlyList<string> Series, JsonNode Spec, string? Caption = null);
