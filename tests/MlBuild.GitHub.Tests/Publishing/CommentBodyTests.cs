using MlBuild.GitHub.Publishing;

namespace MlBuild.GitHub.Tests.Publishing;

public sealed class CommentBodyTests
{
    const string Marker = "<!-- mlbuild-report id=\"r\" -->";
    const string RunUrl = "https://github.com/octo/app/actions/runs/42";

    [Fact]
    public void A_report_within_the_limit_is_the_marker_then_the_report()
    {
        var body = CommentBody.Compose(Marker, "## Report", RunUrl, out var truncated);

        Assert.False(truncated);
        Assert.Equal(Marker + "\n## Report", body);
    }

    [Fact]
    public void A_report_of_exactly_the_limit_is_kept_whole()
    {
        var report = new string('a', CommentBody.MaxLength - Marker.Length - 1);

        Assert.Equal(CommentBody.MaxLength, CommentBody.Compose(Marker, report, RunUrl, out var truncated).Length);
        Assert.False(truncated);
    }

    [Fact]
    public void A_longer_report_is_cut_at_a_line_and_says_where_the_full_report_is()
    {
        var lines = Enumerable.Range(0, 5000).Select(i => $"| model {i} | 0.{i:0000} |").ToList();
        var report = string.Join('\n', lines);
        Assert.True(report.Length > 70_000);

        var body = CommentBody.Compose(Marker, report, RunUrl, out var truncated);

        Assert.True(truncated);
        Assert.True(body.Length <= CommentBody.MaxLength, $"{body.Length} characters");
        Assert.True(body.Length > CommentBody.MaxLength - 1000, "Cut far more than needed");
        Assert.StartsWith(Marker + "\n", body);
        var kept = body[(Marker.Length + 1)..body.IndexOf("\n\n---\n", StringComparison.Ordinal)].Split('\n');
        Assert.Equal(lines.Take(kept.Length), kept);
        Assert.EndsWith($"Read the full report in [the run's summary]({RunUrl}).\n", body);
    }

    [Fact]
    public void Without_a_run_the_note_points_at_report_md()
    {
        var body = CommentBody.Compose(Marker, string.Concat(Enumerable.Repeat("line\n", 20_000)), null, out _);

        Assert.Contains("the build's `report.md`", body);
    }

    [Fact]
    public void What_the_cut_left_open_is_closed_before_the_note()
    {
        var report = "<details><summary>Per class</summary>\n\n```text\n" + string.Concat(Enumerable.Repeat("setosa 0.98\n", 10_000));

        var body = CommentBody.Compose(Marker, report, RunUrl, out _);

        var note = body.IndexOf("\n\n---\n", StringComparison.Ordinal);
        Assert.EndsWith("\n```\n</details>", body[..note]);
        Assert.True(body.Length <= CommentBody.MaxLength);
    }

    [Fact]
    public void A_single_huge_line_is_cut_without_splitting_a_character()
    {
        var report = string.Concat(Enumerable.Repeat("😀", 40_000));

        var body = CommentBody.Compose(Marker, report, RunUrl, out _);

        Assert.True(body.Length <= CommentBody.MaxLength);
        Assert.DoesNotContain('\uFFFD', new string(System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(body))));
        Assert.False(char.IsHighSurrogate(body[body.IndexOf("\n\n---\n", StringComparison.Ordinal) - 1]));
    }
}
