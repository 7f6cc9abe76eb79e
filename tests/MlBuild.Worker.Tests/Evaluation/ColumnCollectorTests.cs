using Microsoft.ML;
using MlBuild.Worker.Evaluation.Scoring;

namespace MlBuild.Worker.Tests.Evaluation;

public sealed class ColumnCollectorTests
{
    private sealed class Row
    {
        public string City { get; set; } = "";
        public float Size { get; set; }
        public float Price { get; set; }
    }

    private static readonly Row[] Rows =
    [
        new() { City = "Lyon", Size = 40, Price = 1 },
        new() { City = "Paris", Size = 25.5f, Price = 2 },
        new() { City = "Lyon", Size = 70, Price = 3 },
    ];

    [Fact]
    public void A_column_gathered_through_the_scored_view_has_the_values_a_pass_of_its_own_reads()
    {
        var ml = new MLContext(seed: 1);
        var input = ml.Data.LoadFromEnumerable(Rows);
        var scored = ml.Transforms.Concatenate("Features", "Size")
            .Append(ml.Transforms.Categorical.OneHotEncoding("CityVector", "City"))
            .Fit(input).Transform(input);
        var collectors = new[] { "City", "Size" }
            .Select(name => new ColumnCollector(ColumnCollector.InputColumnOf(scored, input.Schema[name])!.Value)).ToList();

        using (var cursor = scored.GetRowCursor(collectors.Select(c => c.Column)))
        {
            foreach (var collector in collectors)
                collector.Bind(cursor);
            while (cursor.MoveNext())
                foreach (var collector in collectors)
                    collector.Collect();
        }

        Assert.Equal(ColumnText.Read(input, input.Schema["City"]), collectors[0].Values);
        Assert.Equal(ColumnText.Read(input, input.Schema["Size"]), collectors[1].Values);
        Assert.Same(collectors[0].Values[0], collectors[0].Values[2]);
    }

    [Fact]
    public void A_column_the_pipeline_replaces_with_another_type_is_not_the_input_column()
    {
        var ml = new MLContext(seed: 1);
        var input = ml.Data.LoadFromEnumerable(Rows);
        var scored = ml.Transforms.Conversion.MapValueToKey("City").Fit(input).Transform(input);

        // The input's City is still there, hidden, at its own index: that one is the input's column.
        var found = ColumnCollector.InputColumnOf(scored, input.Schema["City"]);
        Assert.NotNull(found);
        Assert.True(found.Value.IsHidden);

        var dropped = ml.Transforms.DropColumns("City").Fit(input).Transform(input);
        Assert.Null(ColumnCollector.InputColumnOf(dropped, input.Schema["City"]));
    }

    /// <summary>The values the collectors of <paramref name="names"/> gather in one pass over the scored view.</summary>
    private static List<ColumnCollector> Gather(IDataView input, IDataView scored, params string[] names)
    {
        var collectors = names
            .Select(name => new ColumnCollector(ColumnCollector.InputColumnOf(scored, input.Schema[name])!.Value)).ToList();
        using var cursor = scored.GetRowCursor(collectors.Select(c => c.Column));
        foreach (var collector in collectors)
            collector.Bind(cursor);
        while (cursor.MoveNext())
            foreach (var collector in collectors)
                collector.Collect();
        return collectors;
    }

    [Fact]
    public void The_numeric_columns_after_a_text_column_one_hot_encoded_in_place_are_found_by_name_not_index()
    {
        var ml = new MLContext(seed: 1);
        var input = ml.Data.LoadFromEnumerable(Rows);
        // The encoding's outputs take City's name and sit right after it, hiding it: Size and Price move up by two.
        var scored = ml.Transforms.Categorical.OneHotEncoding("City")
            .Append(ml.Transforms.Concatenate("Features", "City", "Size", "Price"))
            .Fit(input).Transform(input);
        Assert.NotEqual("Size", scored.Schema[input.Schema["Size"].Index].Name);

        foreach (var name in new[] { "City", "Size", "Price" })
        {
            var found = ColumnCollector.InputColumnOf(scored, input.Schema[name]);
            Assert.NotNull(found);
            Assert.Equal((name, input.Schema[name].Type), (found.Value.Name, found.Value.Type));
        }
        Assert.True(ColumnCollector.InputColumnOf(scored, input.Schema["City"])!.Value.IsHidden);
        Assert.Equal(input.Schema["Size"].Index + 2, ColumnCollector.InputColumnOf(scored, input.Schema["Size"])!.Value.Index);

        var collectors = Gather(input, scored, "City", "Size", "Price");
        Assert.Equal(["Lyon", "Paris", "Lyon"], collectors[0].Values);
        Assert.Equal(["40", "25.5", "70"], collectors[1].Values);
        Assert.Equal(["1", "2", "3"], collectors[2].Values);
    }

    [Fact]
    public void A_column_retyped_in_place_is_found_as_the_hidden_input_column_and_not_when_the_pipeline_drops_that()
    {
        var ml = new MLContext(seed: 1);
        var input = ml.Data.LoadFromEnumerable(Rows);
        var retype = ml.Transforms.Conversion.ConvertType("Size", outputKind: Microsoft.ML.Data.DataKind.Double);

        // ML.NET keeps the input's Single Size, hidden, before the Double that takes its name: that one is the input's.
        var scored = retype.Fit(input).Transform(input);
        var found = ColumnCollector.InputColumnOf(scored, input.Schema["Size"]);
        Assert.NotNull(found);
        Assert.True(found.Value.IsHidden);
        Assert.Equal(input.Schema["Size"].Type, found.Value.Type);
        Assert.Equal(ColumnText.Read(input, input.Schema["Size"]), Gather(input, scored, "Size")[0].Values);
        // Price, after it, has moved: still found.
        Assert.Equal(input.Schema["Price"].Index + 1, ColumnCollector.InputColumnOf(scored, input.Schema["Price"])!.Value.Index);

        // Without the hidden input column, the only Size is the Double: not the input's column.
        var selected = retype.Append(ml.Transforms.SelectColumns(["City", "Size", "Price"], keepHidden: false))
            .Fit(input).Transform(input);
        Assert.Equal(Microsoft.ML.Data.NumberDataViewType.Double, selected.Schema["Size"].Type);
        Assert.Null(ColumnCollector.InputColumnOf(selected, input.Schema["Size"]));
        Assert.NotNull(ColumnCollector.InputColumnOf(selected, input.Schema["Price"]));
    }
}
