using MlBuild.GitHub.Comments;

namespace MlBuild.GitHub.Tests.Comments;

public sealed class ReportMarkerTests
{
    [Fact]
    public void The_marker_is_a_hidden_html_comment_with_the_report_id() =>
        Assert.Equal("<!-- mlbuild-report id=\"samples/Iris\" -->", ReportMarker.For("samples/Iris"));

    [Theory]
    [InlineData("a\"b", "a_b")]
    [InlineData("a\nb\r", "a_b")]
    [InlineData("x -->y", "x_-_y")]
    [InlineData("a--b---c", "a-b-c")]
    [InlineData("CI / evaluate (ubuntu)", "CI_/_evaluate__ubuntu_")]
    [InlineData("  ", "default")]
    [InlineData("", "default")]
    public void Ids_are_sanitized_so_they_cannot_break_the_comment(string id, string sanitized) =>
        Assert.Equal(sanitized, ReportMarker.SanitizeId(id));

    [Fact]
    public void Long_ids_are_capped() => Assert.Equal(100, ReportMarker.SanitizeId(new string('a', 300)).Length);

    [Fact]
    public void A_sanitized_marker_holds_no_double_dash_inside_the_comment()
    {
        var marker = ReportMarker.For("--><script>--");

        Assert.DoesNotContain("--", marker["<!--".Length..^"-->".Length]);
    }

    [Fact]
    public void The_marker_is_found_on_its_own_line()
    {
        var marker = ReportMarker.For("samples/Iris");

        Assert.True(ReportMarker.IsIn(marker + "\n## Report", marker));
        Assert.True(ReportMarker.IsIn("intro\r\n" + marker + "  \r\nrest", marker));
    }

    [Fact]
    public void A_marker_inside_a_line_or_of_another_report_does_not_count()
    {
        var marker = ReportMarker.For("samples/Iris");

        Assert.False(ReportMarker.IsIn("See " + marker + " above", marker));
        Assert.False(ReportMarker.IsIn(ReportMarker.For("samples/Iris2") + "\nreport", marker));
        Assert.False(ReportMarker.IsIn(null, marker));
    }

    [Fact]
    public void The_body_starts_with_the_marker() =>
        Assert.Equal("<!-- m -->\nreport", ReportMarker.Prepend("<!-- m -->", "report"));
}
