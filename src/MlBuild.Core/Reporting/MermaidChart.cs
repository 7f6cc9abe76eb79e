using System.Globalization;
using System.Text;

namespace MlBuild.Core.Reporting;

/// <summary>
/// A line chart as a Mermaid <c>xychart-beta</c> block, which GitHub draws in comments and step summaries, so no
/// image needs hosting. The syntax emitted, and nothing more:
/// <code>
/// ```mermaid
/// xychart-beta
///     title "Iris: MacroAccuracy"
///     x-axis ["1a2b3c4", "3f2a1b9", "PR #12"]
///     y-axis "MacroAccuracy (higher is better)" 0.867 --> 0.906
///     line [0.88, 0.902, 0.871]
/// ```
/// </code>
/// Mermaid's parser is fragile: a quote ends a string, ';' ends a statement, "#name;" is an entity, '%%' a
/// comment, backticks start markdown, brackets end the axis, and numbers are plain decimals (no exponent). So
/// every text is reduced to letters, digits and a few safe signs, and numbers are written in invariant culture
/// without exponent. The y-axis is <see cref="TrendAxis"/>'s, so that a flat line looks flat.
/// </summary>
internal static class MermaidChart
{
    private const int MaxTextLength = 60;
    private const string SafeSigns = " ._-+/():,#";

    public static string Line(string title, string yAxisTitle, IReadOnlyList<string> labels, IReadOnlyList<double> values,
        bool isRate)
    {
        if (labels.Count != values.Count || values.Count == 0)
            throw new ArgumentException("A chart needs one label per value, and at least one value.", nameof(values));
        var (low, high) = TrendAxis.Range(values, isRate);
        var chart = new StringBuilder("```mermaid\nxychart-beta\n");
        chart.Append("    title \"").Append(Text(title)).Append("\"\n");
        chart.Append("    x-axis [").Append(string.Join(", ", labels.Select(l => "\"" + Text(l) + "\""))).Append("]\n");
        chart.Append("    y-axis \"").Append(Text(yAxisTitle)).Append("\" ").Append(Number(low)).Append(" --> ").Append(Number(high)).Append('\n');
        chart.Append("    line [").Append(string.Join(", ", values.Select(Number))).Append("]\n");
        chart.Append("```\n");
        return chart.ToString();
    }

    /// <summary>Text safe inside Mermaid's quotes: other characters become spaces, runs of spaces one.</summary>
    public static string Text(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var keep = char.IsLetterOrDigit(c) || SafeSigns.Contains(c);
            if (keep)
                safe.Append(c);
            else if (safe.Length > 0 && safe[^1] != ' ')
                safe.Append(' ');
        }
        var result = safe.ToString().Trim();
        while (result.Contains("  ", StringComparison.Ordinal))
            result = result.Replace("  ", " ", StringComparison.Ordinal);
        if (result.Length > MaxTextLength)
            result = result[..(MaxTextLength - 3)].TrimEnd() + "...";
        return result.Length == 0 ? "-" : result;
    }

    /// <summary>A plain decimal: Mermaid reads no exponent and no thousands separator.</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("0.############", CultureInfo.InvariantCulture) : "0";
}
