using System.Globalization;
using System.Text.RegularExpressions;
using MlBuild.Core.Reporting;

namespace MlBuild.Core.Tests.Reporting;

public sealed partial class MermaidChartTests
{
    /// <summary>The only lines a chart may have: what Mermaid's xychart grammar reads, with nothing it could take for
    /// a quote's end, a statement's end, an entity, a comment or a bracket inside the quotes.</summary>
    internal static void AssertWellFormed(string chart)
    {
        var lines = chart.TrimEnd('\n').Split('\n');
        Assert.Equal("```mermaid", lines[0]);
        Assert.Equal("xychart-beta", lines[1]);
        Assert.Matches(TitleLine(), lines[2]);
        Assert.Matches(XAxisLine(), lines[3]);
        Assert.Matches(YAxisLine(), lines[4]);
        Assert.Matches(DataLine(), lines[5]);
        Assert.Equal("```", lines[6]);
        Assert.Equal(7, lines.Length);
    }

    [GeneratedRegex("""^    title "[\p{L}\p{N} ._\-+/():,#]+"$""")]
    private static partial Regex TitleLine();

    [GeneratedRegex("""^    x-axis \["[\p{L}\p{N} ._\-+/():,#]+"(, "[\p{L}\p{N} ._\-+/():,#]+")*\]$""")]
    private static partial Regex XAxisLine();

    [GeneratedRegex("""^    y-axis "[\p{L}\p{N} ._\-+/():,#]+" -?\d+(\.\d+)? --> -?\d+(\.\d+)?$""")]
    private static partial Regex YAxisLine();

    [GeneratedRegex(@"^    line \[-?\d+(\.\d+)?(, -?\d+(\.\d+)?)*\]$")]
    private static partial Regex DataLine();

    [Fact]
    public void A_chart_is_the_xychart_syntax_with_quoted_texts_and_plain_numbers()
    {
        var chart = MermaidChart.Line("Iris: MacroAccuracy", "MacroAccuracy (higher is better)", ["c0ffee1", "3f2a1b9", "PR #12"],
            [0.88, 0.902, 0.871], isRate: true);

        Assert.Equal("""
            ```mermaid
            xychart-beta
                title "Iris: MacroAccuracy"
                x-axis ["c0ffee1", "3f2a1b9", "PR #12"]
                y-axis "MacroAccuracy (higher is better)" 0.867 --> 0.906
                line [0.88, 0.902, 0.871]
            ```

            """.Replace("\r", ""), chart);
        AssertWellFormed(chart);
    }

    [Theory]
    [InlineData("a\"b", "a b")]
    [InlineData("x\"]\ny", "x y")]
    [InlineData("`code`; #quot; %% [b] <i>", "code #quot b i")]
    [InlineData("-->", "--")]
    [InlineData("\"\"\"", "-")]
    [InlineData("Modèle_été-2", "Modèle_été-2")]
    public void Texts_lose_every_character_mermaid_could_misread(string text, string safe) =>
        Assert.Equal(safe, MermaidChart.Text(text));

    [Fact]
    public void A_long_name_is_shortened() =>
        Assert.Equal(60, MermaidChart.Text(new string('m', 200)).Length);

    [Fact]
    public void A_negative_r_squared_is_charted_below_zero() =>
        AssertWellFormed(MermaidChart.Line("t", "y", ["a", "b"], [-0.2, 0.3], isRate: false));

    [Fact]
    public void Numbers_are_invariant_whatever_the_culture_and_never_in_exponent_form()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var chart = MermaidChart.Line("t", "y", ["a", "b"], [0.0000001234, 12345678.5], isRate: false);

            Assert.Contains("line [0.0000001234, 12345678.5]", chart);
            AssertWellFormed(chart);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
