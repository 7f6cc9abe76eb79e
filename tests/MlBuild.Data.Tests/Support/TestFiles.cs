using MlBuild.Data.Checks;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Profiles;

namespace MlBuild.Data.Tests.Support;

/// <summary>Small data files read the way the worker reads them, and the check input over them.</summary>
internal static class TestFiles
{
    public static readonly Location Item = new("Model.csproj", 12, 5);

    public static string Real(string dataset, string file) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Data", dataset, file);

    public static DataFile Read(string path, DataFile? reference = null, string? label = null, IReadOnlyList<string>? columns = null) =>
        DataFileReader.Read(path, new DataFileFormat(Item, ColumnNames: columns, Reference: reference, Label: label));

    public static CheckInput Input(DataFile train, DataFile? test, string? label = null, bool classification = true,
        RecordedSchema? previous = null, int? trainRows = null)
    {
        var columns = ColumnKindInference.InferAll(train);
        var selection = ColumnSelection.Resolve(columns, label, null, Item, train.Path);
        return new CheckInput(train, test, columns, selection, ProfileBuilder.Build(train, columns, selection, "Model"),
            classification, trainRows ?? train.Rows.Count, previous);
    }

    /// <summary>Rows "Label,x,y" from a seeded generator: x normal(mean, 1), y a category of three.</summary>
    public static string Generated(int rows, int seed, double mean = 0)
    {
        var random = new Random(seed);
        var lines = new List<string> { "Label,x,y" };
        for (var i = 0; i < rows; i++)
        {
            var x = mean + Normal(random);
            var y = new[] { "red", "green", "blue" }[random.Next(3)];
            lines.Add(FormattableString.Invariant($"{(x > mean ? 1 : 0)},{x:0.####},{y}"));
        }
        return string.Join('\n', lines) + "\n";
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
