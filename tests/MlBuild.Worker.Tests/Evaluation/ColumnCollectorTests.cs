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
}
