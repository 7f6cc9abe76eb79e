namespace MlBuild.Core.Reporting.Html;

/// <summary>What every chart shares: the size of a chart cell, the models' colours and dashes (the candidate solid
/// and blue, the baseline dashed and grey, in every chart), and the Vega-Lite encodings that give them.</summary>
internal static class ChartStyle
{
    public const string Candidate = "candidate";
    public const string Baseline = "baseline";
    public const int Width = 320;
    public const int Height = 240;

    public const string CandidateColour = "#2563eb";
    public const string BaselineColour = "#9ca3af";
    public const string GateColour = "#dc2626";

    public static IReadOnlyList<string> Models(bool withBaseline) => withBaseline ? [Candidate, Baseline] : [Candidate];

    /// <summary>Colour by the "model" field, candidate first.</summary>
    public static object ModelColour(bool withBaseline, string? legendTitle = null) => new
    {
        field = "model",
        type = "nominal",
        title = legendTitle,
        scale = new { domain = Models(withBaseline), range = withBaseline ? new[] { CandidateColour, BaselineColour } : [CandidateColour] },
        legend = Legend,
    };

    /// <summary>Solid for the candidate, dashed for the baseline.</summary>
    /// <param name="sharesColourLegend">The colour is by model too: then both must have the same legend, which Vega-Lite
    /// merges into one (a legend on one and none on the other is a conflict it warns about).</param>
    public static object ModelDash(bool withBaseline, bool sharesColourLegend = false) => new
    {
        field = "model",
        type = "nominal",
        scale = new { domain = Models(withBaseline), range = withBaseline ? new[] { new[] { 1, 0 }, new[] { 6, 3 } } : [new[] { 1, 0 }] },
        legend = sharesColourLegend ? Legend : null,
    };

    private static readonly object Legend = new { orient = "bottom", direction = "horizontal" };

    /// <summary>The dotted diagonal of a ROC or calibration plot (or y = x of predicted against actual).</summary>
    public static object Diagonal(double from, double to) => new
    {
        data = new { values = new[] { new { x = from, y = from }, new { x = to, y = to } } },
        mark = new { type = "line", color = "#9ca3af", strokeDash = new[] { 2, 3 }, strokeWidth = 1 },
        encoding = new
        {
            x = new { field = "x", type = "quantitative" },
            y = new { field = "y", type = "quantitative" },
        },
    };
}
