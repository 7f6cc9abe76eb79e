using System.Net;
using System.Text.RegularExpressions;
using MlBuild.Core.Reporting.Html;
using static MlBuild.Core.Tests.Reporting.Html.HostileReport;
using static MlBuild.Core.Tests.Reporting.Html.HtmlDocumentParts;

namespace MlBuild.Core.Tests.Reporting.Html;

/// <summary>
/// report.html of <see cref="HostileReport"/>: names from the project and its data never become markup. In the HTML
/// they are encoded text, in attributes they never end the value, in the charts' JSON block they can neither end the
/// script element nor open a comment, and Vega still gets them exactly as written. (The markdown report of the same
/// report: <see cref="Reporting.HostileNamesTests"/>.)
/// </summary>
public sealed partial class HtmlHostileNamesTests
{
    private readonly HtmlReportPart _part = HtmlReport.Render(Create());
    private readonly string _document;

    public HtmlHostileNamesTests() => _document = HtmlDocument.Write([_part]);

    /// <summary>The document from &lt;body&gt; on, without its scripts: the HTML a browser parses as elements and text.</summary>
    private string Body => WithoutScripts(_document[_document.IndexOf("<body>", StringComparison.Ordinal)..]);

    [Fact]
    public void The_only_scripts_are_the_charts_json_block_and_the_three_inline_scripts()
    {
        Assert.Equal(4, ScriptOpening().Matches(_document).Count);
        Assert.Single(Regex.Matches(_document, Regex.Escape(ChartsBlockStart)));
        Assert.Equal(3, Regex.Matches(_document, "<script>\n").Count);
        // Each script element ends where it is meant to: the closing tags come in pairs with the openings.
        Assert.Equal(4, Regex.Matches(_document, "</script>", RegexOptions.IgnoreCase).Count);
        Assert.DoesNotContain("<!--", _document);
    }

    [Fact]
    public void The_json_block_holds_no_angle_bracket_yet_gives_vega_every_name_exactly()
    {
        var block = ChartsBlock(_document);

        Assert.DoesNotContain('<', block);
        Assert.DoesNotContain('>', block);
        Assert.DoesNotContain('&', block);
        var charts = Charts(_document);
        var strings = charts.SelectMany(c => Strings(c.Spec)).ToHashSet(StringComparer.Ordinal);
        Assert.All(Names, name => Assert.Contains(name, strings));
        Assert.Contains(MulticlassSliceColumn, strings);
        Assert.Contains(RegressionSliceColumn, strings);
        Assert.All(BinaryClasses, name => Assert.Contains(name, strings));

        // Class labels, slice values and features in the fields their charts draw, decoded exactly as written.
        string[] Field(string chart, string field) => InlineData(charts.Single(c => c.Id == "r0-" + chart).Spec)
            .SelectMany(values => values).Where(row => row?[field] is not null).Select(row => (string)row![field]!)
            .Distinct(StringComparer.Ordinal).ToArray();
        Assert.Equal(Names, Field("m0-confusion", "actual"));
        Assert.Equal(Names, Field("m0-confusion", "predicted"));
        Assert.Equal(Names.Order(StringComparer.Ordinal), Field("m0-per-class", "class").Order(StringComparer.Ordinal));
        Assert.Equal(Names, Field("m0-slice-0", "value"));
        Assert.Equal(Names.Order(StringComparer.Ordinal), Field("m0-psi", "feature").Order(StringComparer.Ordinal));
        Assert.Equal(BinaryClasses, Field("m1-scores", "class"));
        Assert.Equal(Names, Field("m2-residuals-slice-0", "value"));
        Assert.Equal(Names, Field("m2-slice-0", "value"));
        Assert.Equal(Names.Order(StringComparer.Ordinal), Field("m2-psi", "feature").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_body_holds_the_names_html_encoded_never_raw()
    {
        var body = Body;

        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DoubleQuoted, body);
        Assert.DoesNotContain(SingleQuoted, body);
        Assert.DoesNotMatch("&(?!(lt|gt|amp|quot|#39);)", body);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", body);
        Assert.Contains("&quot;quoted&quot;", body);
        Assert.Contains("&#39;single&#39;", body);
        Assert.Contains("&amp;amp;", body);
        Assert.Contains("a|b `tick` &lt;/script&gt;", body);
    }

    [Fact]
    public void Every_tag_of_the_body_is_ours_with_double_quoted_attributes_free_of_quotes()
    {
        var body = Body;
        var tags = Regex.Matches(body, "<[^>]*>").Select(m => m.Value).ToList();

        Assert.NotEmpty(tags);
        Assert.All(tags, tag => Assert.Matches(WellFormedTag(), tag));
        Assert.All(tags, tag => Assert.Contains(TagName().Match(tag).Groups[1].Value, AllowedTags));
        // Outside tags there is only text: no '<' or '>' that did not open or close one.
        Assert.DoesNotContain('<', Regex.Replace(body, "<[^>]*>", ""));
        Assert.DoesNotContain('>', Regex.Replace(body, "<[^>]*>", ""));
        var attributes = tags.SelectMany(tag => Attribute().Matches(tag).Select(m => m.Groups[2].Value)).ToList();
        Assert.All(attributes, value => Assert.DoesNotContain('\'', value));
        Assert.All(attributes, value => Assert.DoesNotContain('"', value));
        // The chart of the first model's slices, labelled with the column as written.
        Assert.Contains(attributes, value => WebUtility.HtmlDecode(value) == "MacroAccuracy by " + MulticlassSliceColumn);
    }

    [Fact]
    public void Decoded_the_headings_and_the_table_of_models_give_the_names_as_written()
    {
        var headings = Regex.Matches(_part.Body, "<h2>(.*?)</h2>").Select(m => Text(m.Groups[1].Value)).ToList();
        var overview = Regex.Matches(_part.Body, "<th scope=\"row\"><a [^>]*>(.*?)</a></th>").Select(m => Text(m.Groups[1].Value)).ToList();
        var title = Regex.Match(_document, "<title>(.*?)</title>").Groups[1].Value;

        Assert.Equal(["failed " + MulticlassModel + " MulticlassClassification", "passed " + BinaryModel + " BinaryClassification",
            "passed " + RegressionModel + " Regression"], headings);
        Assert.Equal([MulticlassModel, BinaryModel, RegressionModel], overview);
        Assert.Equal("❌ MlBuild evaluation of " + Project, WebUtility.HtmlDecode(title));
        var changes = Regex.Matches(_part.Body, "<li>(.*?)</li>").Select(m => Text(m.Groups[1].Value)).ToList();
        Assert.All(Names, name => Assert.Contains(changes, c => c.StartsWith(name + ": ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_inline_data_stays_whole() => HtmlReportTests.AssertInlineDataIsWhole(Charts(_document));

    /// <summary>The text of an element's content: tags dropped, entities decoded.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", ""));

    private static readonly HashSet<string> AllowedTags =
    [
        "body", "main", "article", "header", "footer", "nav", "section", "div", "p", "h1", "h2", "h3", "small", "span", "a", "ul", "li",
        "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "figure", "figcaption", "html",
    ];

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOpening();

    [GeneratedRegex("""^</?[a-z][a-z0-9]*( [a-z][a-z-]*="[^"<>]*")*>$""")]
    private static partial Regex WellFormedTag();

    [GeneratedRegex("^</?([a-z][a-z0-9]*)")]
    private static partial Regex TagName();

    [GeneratedRegex("([a-z][a-z-]*)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
