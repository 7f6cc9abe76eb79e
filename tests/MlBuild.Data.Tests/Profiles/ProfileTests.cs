using MlBuild.Data.Profiles;
using MlBuild.Data.Tests.Support;

namespace MlBuild.Data.Tests.Profiles;

/// <summary>What a profile records for each kind of column, and that it reads back as it was written.</summary>
public sealed class ProfileTests
{
    private static DataProfile Profile(TestDirectory temp, string text, string? label = null)
    {
        var file = TestFiles.Read(temp.Write("train.csv", text));
        var (scan, selection) = TestFiles.Scan(file, label);
        using (scan)
            return scan.Profile(selection, "Model");
    }

    private static string Rows(int count, Func<int, string> row) =>
        string.Concat(Enumerable.Range(1, count).Select(i => row(i) + "\n"));

    [Fact]
    public void A_numeric_column_has_its_summary_decile_bins_and_percentiles()
    {
        using var temp = new TestDirectory();
        // 1..10, and two empty values.
        var profile = Profile(temp, "Label,x\n" + Rows(10, i => $"{i % 2},{i}") + "0,\n1,\n");

        var x = profile.Columns.Single(c => c.Name == "x");
        Assert.Equal(("Numeric", ColumnRole.Feature, 12, 2), (x.Kind, x.Role, x.Count, x.Missing));
        var numbers = x.Numeric!;
        Assert.Equal((10, 1.0, 10.0, 5.5), (numbers.Count, numbers.Min, numbers.Max, numbers.Mean));
        Assert.Equal(3.0276504, numbers.StandardDeviation, 6);
        // Decile edges are data values (1 to 9): ten bins of one value each.
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], numbers.Histogram.Edges);
        Assert.Equal(Enumerable.Repeat(1L, 10), numbers.Histogram.Counts);
        Assert.Equal(101, numbers.Quantiles.Count);
        Assert.Equal((1, 5.5, 10), (numbers.Quantiles[0], numbers.Quantiles[50], numbers.Quantiles[100]));
        Assert.Equal(ColumnRole.Label, profile.Columns.Single(c => c.Name == "Label").Role);
    }

    [Fact]
    public void Few_distinct_values_make_few_bins_that_keep_equal_values_together()
    {
        using var temp = new TestDirectory();
        // 0/1 with 30% zeros.
        var profile = Profile(temp, "Label,x\n" + Rows(100, i => $"{i % 2},{(i <= 30 ? 0 : 1)}"));

        var histogram = profile.Columns.Single(c => c.Name == "x").Numeric!.Histogram;
        Assert.Equal([0, 1], histogram.Edges);
        Assert.Equal([30, 70, 0], histogram.Counts);
    }

    [Fact]
    public void A_categorical_column_lists_its_most_frequent_values_and_groups_the_rest()
    {
        using var temp = new TestDirectory();
        // 25 categories: c1 appears 25 times, c2 24 times, …, c25 once (325 rows).
        var rows = Enumerable.Range(1, 25).SelectMany(c => Enumerable.Repeat($"c{c}", 26 - c)).Select((v, i) => $"{i % 2},{v}");
        var profile = Profile(temp, "Label,x\n" + string.Join('\n', rows) + "\n");

        var categories = profile.Columns.Single(c => c.Name == "x").Categories!;
        Assert.Equal(ProfileBuilder.TopCategories, categories.Top.Count);
        Assert.Equal(new CategoryCount("c1", 25), categories.Top[0]);
        Assert.Equal(new CategoryCount("c20", 6), categories.Top[^1]);
        // c21..c25: 5 + 4 + 3 + 2 + 1 rows.
        Assert.Equal((15L, 5), (categories.Other, categories.OtherValues));
    }

    [Fact]
    public void Booleans_are_counted_whatever_their_case_and_text_by_its_length()
    {
        using var temp = new TestDirectory();
        var text = Rows(40, i => $"{i % 2},{(i % 4 == 0 ? "TRUE" : "false")},word {new string('x', i)} {i}");
        var profile = Profile(temp, "Label,flag,note\n" + text);

        var flag = profile.Columns.Single(c => c.Name == "flag");
        Assert.Equal("Boolean", flag.Kind);
        Assert.Equal([new CategoryCount("false", 30), new CategoryCount("true", 10)], flag.Categories!.Top);
        var note = profile.Columns.Single(c => c.Name == "note");
        Assert.Equal("Text", note.Kind);
        Assert.Null(note.Numeric);
        Assert.Equal(("word x 1".Length, "word ".Length + 40 + 3.0), (note.Length!.Min, note.Length.Max));
    }

    [Fact]
    public void The_profile_reads_back_as_written_and_is_the_same_bytes_every_time()
    {
        using var temp = new TestDirectory();
        var profile = Profile(temp, File.ReadAllText(TestFiles.Real("iris", "train.tsv")), label: "Label");

        var json = ProfileJson.Serialize(profile);
        var read = ProfileJson.Deserialize(json);

        Assert.Equal(json, ProfileJson.Serialize(read));
        Assert.Equal(json, ProfileJson.Serialize(Profile(temp, File.ReadAllText(TestFiles.Real("iris", "train.tsv")), label: "Label")));
        Assert.Equal((120, "Label", "\t", true), (read.Rows, read.Label, read.Separator, read.HasHeader));
        Assert.Equal(["Label", "Sepal length", "Sepal width", "Petal length", "Petal width"], read.Columns.Select(c => c.Name));
        Assert.Contains("\"name\": \"Sepal length\"", json);
        Assert.DoesNotContain("\r", json);
    }
}
