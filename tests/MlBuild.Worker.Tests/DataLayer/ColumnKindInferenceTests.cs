using MlBuild.Worker.Data;

namespace MlBuild.Worker.Tests.DataLayer;

public sealed class ColumnKindInferenceTests
{
    private static DataColumn Infer(params string[] values) => ColumnKindInference.Infer("c", 0, values);

    [Fact]
    public void Numbers_in_invariant_culture_are_numeric() =>
        Assert.Equal(ColumnKind.Numeric, Infer("1", "-2.5", "3e4", " 7 ").Kind);

    [Fact]
    public void Empty_values_in_a_numeric_column_are_missing()
    {
        var column = Infer("1", "", "3");

        Assert.Equal(ColumnKind.Numeric, column.Kind);
        Assert.True(column.HasMissing);
    }

    [Fact]
    public void A_column_of_numbers_has_no_missing_values() =>
        Assert.False(Infer("1", "2").HasMissing);

    [Fact]
    public void Decimal_commas_are_not_numbers() =>
        Assert.NotEqual(ColumnKind.Numeric, Infer("1,5", "2,5", "3,5").Kind);

    [Fact]
    public void A_column_that_is_mostly_numbers_stays_numeric_so_bad_values_are_reported()
    {
        var values = Enumerable.Range(0, 9).Select(i => i.ToString()).Append("oops").ToArray();

        Assert.Equal(ColumnKind.Numeric, Infer(values).Kind);
    }

    [Fact]
    public void True_and_false_in_any_case_are_boolean() =>
        Assert.Equal(ColumnKind.Boolean, Infer("true", "False", "TRUE", "false").Kind);

    [Fact]
    public void A_boolean_column_with_an_empty_value_is_categorical() =>
        Assert.Equal(ColumnKind.Categorical, Infer("true", "", "false", "true", "false", "true").Kind);

    [Fact]
    public void Few_short_repeated_strings_are_categorical() =>
        Assert.Equal(ColumnKind.Categorical, Infer("CMT", "VTS", "CMT", "VTS", "CMT").Kind);

    [Fact]
    public void Mostly_distinct_strings_are_text() =>
        Assert.Equal(ColumnKind.Text, Infer("a b", "c d", "e f", "a b").Kind);

    [Fact]
    public void Long_strings_are_text_even_when_repeated()
    {
        var longText = new string('x', ColumnKindInference.MaxCategoryLength + 1);

        Assert.Equal(ColumnKind.Text, Infer(longText, longText, "a", "a").Kind);
    }

    [Fact]
    public void More_than_a_hundred_categories_is_text()
    {
        var values = Enumerable.Range(0, 101).SelectMany(i => new[] { $"c{i}", $"c{i}", $"c{i}" }).ToArray();

        Assert.Equal(ColumnKind.Text, Infer(values).Kind);
    }

    [Fact]
    public void A_column_of_empty_values_is_numeric_and_missing()
    {
        var column = Infer("", " ");

        Assert.Equal(ColumnKind.Numeric, column.Kind);
        Assert.True(column.HasMissing);
    }

    [Fact]
    public void The_real_datasets_get_their_kinds()
    {
        var taxi = ColumnKindInference.InferAll(DataFileReader.Read(Support.TestData.TaxiTrain, new(new("p"))));
        var sentiment = ColumnKindInference.InferAll(DataFileReader.Read(Support.TestData.SentimentTrain, new(new("p"))));

        Assert.Equal(
            [ColumnKind.Categorical, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric,
             ColumnKind.Categorical, ColumnKind.Numeric],
            taxi.Select(c => c.Kind));
        Assert.Equal([ColumnKind.Numeric, ColumnKind.Text], sentiment.Select(c => c.Kind));
    }
}
