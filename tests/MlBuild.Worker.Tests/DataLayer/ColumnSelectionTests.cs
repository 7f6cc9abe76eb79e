using MlBuild.Worker.Data;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Tests.DataLayer;

public sealed class ColumnSelectionTests
{
    private static readonly Location Item = new("p.csproj", 9, 5);

    private static readonly IReadOnlyList<DataColumn> Columns =
    [
        new("label", 0, ColumnKind.Numeric, false),
        new("Age", 1, ColumnKind.Numeric, false),
        new("City", 2, ColumnKind.Categorical, false),
    ];

    [Fact]
    public void The_label_defaults_to_the_column_named_label_in_any_case_and_features_to_the_others()
    {
        var selection = ColumnSelection.Resolve(Columns, null, null, Item, "d.csv");

        Assert.Equal("label", selection.Label.Name);
        Assert.Equal(["Age", "City"], selection.Features.Select(f => f.Name));
    }

    [Fact]
    public void Features_are_taken_in_the_given_order()
    {
        var selection = ColumnSelection.Resolve(Columns, "Age", ["city", "label"], Item, "d.csv");

        Assert.Equal("Age", selection.Label.Name);
        Assert.Equal(["City", "label"], selection.Features.Select(f => f.Name));
    }

    [Fact]
    public void A_missing_label_column_lists_the_columns_at_the_item()
    {
        var error = Assert.Throws<MlbException>(() =>
            ColumnSelection.Resolve(Columns.Skip(1).ToList(), null, null, Item, "d.csv")).First;

        Assert.Equal(MlbCodes.LabelNotFound, error.Code);
        Assert.Equal(Item, error.At);
        Assert.Contains("Age, City", error.Message);
        Assert.Contains("set Label", error.Message);
    }

    [Fact]
    public void An_unknown_label_is_reported()
    {
        var error = Assert.Throws<MlbException>(() => ColumnSelection.Resolve(Columns, "Price", null, Item, "d.csv")).First;

        Assert.Equal(MlbCodes.LabelNotFound, error.Code);
        Assert.Contains("'Price'", error.Message);
    }

    [Fact]
    public void Unknown_features_are_listed_with_the_columns()
    {
        var error = Assert.Throws<MlbException>(() =>
            ColumnSelection.Resolve(Columns, null, ["Age", "Height", "Weight"], Item, "d.csv")).First;

        Assert.Equal(MlbCodes.UnknownFeature, error.Code);
        Assert.Equal(Item, error.At);
        Assert.Contains("'Height', 'Weight'", error.Message);
        Assert.Contains("label, Age, City", error.Message);
    }

    [Fact]
    public void The_label_cannot_be_a_feature()
    {
        var error = Assert.Throws<MlbException>(() => ColumnSelection.Resolve(Columns, null, ["Age", "Label"], Item, "d.csv")).First;

        Assert.Equal(MlbCodes.UnknownFeature, error.Code);
        Assert.Contains("is the label", error.Message);
    }
}
