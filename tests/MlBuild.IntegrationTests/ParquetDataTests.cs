using MlBuild.IntegrationTests.Infrastructure;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>
/// TrainData and TestData as Parquet files, written by the test from the real taxi-fare CSVs: they train, stay up to
/// date, retrain when a value changes, evaluate, and give the metrics the same rows give as CSV.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ParquetDataTests(PackageFeedFixture feed)
{
    private static string Item(string extension) => $"""
        <MlModel Include="Taxi" Task="Regression" TrainData="data/train.{extension}" TestData="data/test.{extension}"
                 LabelColumn="fare_amount" />
        """;

    private TestProject ParquetProject()
    {
        var project = new TestProject(feed, "TaxiParquet").WithProject(Item("parquet"));
        Directory.CreateDirectory(project.PathOf("data"));
        // Row groups smaller than the files: the reader goes on from one group to the next.
        ParquetFiles.FromCsv(Path.Combine(RepositoryPaths.TestData, "taxi-fare/train-2000.csv"), project.PathOf("data/train.parquet"), 700);
        ParquetFiles.FromCsv(Path.Combine(RepositoryPaths.TestData, "taxi-fare/test-500.csv"), project.PathOf("data/test.parquet"), 200);
        return project;
    }

    [Fact]
    public void Parquet_data_trains_stays_up_to_date_retrains_on_a_change_and_evaluates()
    {
        var project = ParquetProject();

        var first = project.Build();

        Assert.True(first.Succeeded, first.ToString());
        Assert.True(first.Trained("Taxi"), first.Output);
        Assert.Contains("Taxi: loaded 2000 training rows, 500 test rows", first.Output);
        var entry = project.LockEntry("Taxi");
        Assert.Equal("data/train.parquet", (string)entry["inputs"]![0]!["path"]!);
        Assert.Equal("Categorical", (string)entry["schema"]!["columns"]!["payment_type"]!);
        Assert.Equal("Numeric", (string)entry["schema"]!["columns"]!["trip_distance"]!);
        var fingerprint = (string)entry["fingerprint"]!;

        var second = project.Build();
        Assert.True(second.Succeeded, second.ToString());
        Assert.True(second.WasUpToDate("Taxi"), second.Output);

        // One fare changed: the file's content, hence the fingerprint, changes, and the model trains again.
        var changed = project.PathOf("data/train-changed.csv");
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.TestData, "taxi-fare/train-2000.csv"));
        lines[10] = lines[10][..lines[10].LastIndexOf(',')] + ",999";
        File.WriteAllLines(changed, lines);
        ParquetFiles.FromCsv(changed, project.PathOf("data/train.parquet"), 700);
        File.Delete(changed);
        var third = project.Build();
        Assert.True(third.Succeeded, third.ToString());
        Assert.True(third.Trained("Taxi"), third.Output);
        Assert.NotEqual(fingerprint, (string)project.LockEntry("Taxi")["fingerprint"]!);

        var evaluation = project.Evaluate();
        Assert.True(evaluation.Succeeded, evaluation.ToString());
        Assert.Contains("evaluating on 500 test rows", evaluation.Output);
    }

    [Fact]
    public void Parquet_and_CSV_of_the_same_rows_give_the_same_metrics()
    {
        var parquet = ParquetProject();
        var csv = new TestProject(feed, "TaxiCsv").WithProject(Item("csv"))
            .WithData("taxi-fare/train-2000.csv", "data/train.csv")
            .WithData("taxi-fare/test-500.csv", "data/test.csv");

        var parquetBuild = parquet.Build();
        var csvBuild = csv.Build();

        Assert.True(parquetBuild.Succeeded, parquetBuild.ToString());
        Assert.True(csvBuild.Succeeded, csvBuild.ToString());
        var parquetMetrics = parquet.LockEntry("Taxi")["metrics"]!.AsObject();
        var csvMetrics = csv.LockEntry("Taxi")["metrics"]!.AsObject();
        Assert.Equal(csvMetrics.Select(m => m.Key), parquetMetrics.Select(m => m.Key));
        foreach (var (name, value) in csvMetrics)
            Assert.Equal((double)value!, (double)parquetMetrics[name]!, 1e-9);
    }
}
