using MlBuild.Data.Files;
using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;

namespace MlBuild.Data.Tests.Reading;

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
        var taxi = SampledKinds.Infer(DataSource.Open(Datasets.TaxiTrain, new(new("p")))).Columns;
        var sentiment = SampledKinds.Infer(DataSource.Open(Datasets.SentimentTrain, new(new("p")))).Columns;

        Assert.Equal(
            [ColumnKind.Categorical, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric,
             ColumnKind.Categorical, ColumnKind.Numeric],
            taxi.Select(c => c.Kind));
        Assert.Equal([ColumnKind.Numeric, ColumnKind.Text], sentiment.Select(c => c.Kind));
    }

    [Fact]
    public void The_kinds_of_records_are_the_kinds_of_their_columns()
    {
        DataRecord[] records = [new(2, ["1", "a", "true"]), new(3, ["", "a", "false"]), new(4, ["2", "b", "TRUE"]), new(5, ["3", "a", "false"])];

        var columns = ColumnKindInference.InferAll(["x", "c", "b"], records);

        Assert.Equal([ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.Boolean], columns.Select(c => c.Kind));
        Assert.Equal([true, false, false], columns.Select(c => c.HasMissing));
        Assert.Equal([0, 1, 2], columns.Select(c => c.Index));
    }

    [Fact]
    public void Kind_evidence_gathered_value_by_value_gives_the_kinds_of_the_values()
    {
        string[][] columns = [["1", "", "x"], ["true", "False"], ["a", "b", "a", "b"], ["a", "b", "c"], ["", " "], ["1", "2", "3", "4", "5", "6", "7", "8", "9", "ten"]];
        foreach (var values in columns)
        {
            var evidence = new KindEvidence();
            foreach (var value in values)
                evidence.Add(value);

            Assert.Equal(Infer(values).Kind, evidence.Kind);
            Assert.Equal(Infer(values).HasMissing, evidence.Missing > 0);
        }
    }
}
