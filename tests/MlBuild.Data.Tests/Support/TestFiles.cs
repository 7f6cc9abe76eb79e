using MlBuild.Definitions;
using MlBuild.Data.Checks;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;

namespace MlBuild.Data.Tests.Support;

/// <summary>Small data files opened the way the worker opens them, scanned the way it scans them, and the check input
/// over them.</summary>
internal static class TestFiles
{
    public static readonly Location Item = new("Model.csproj", 12, 5);

    public static string Real(string dataset, string file) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Data", dataset, file);

    /// <param name="reference">For a test file: the training file it must match (separator, column names and count).</param>
    public static DataSource Read(string path, DataSource? reference = null, string? label = null,
        IReadOnlyList<string>? columns = null, char? separator = null) =>
        DataSource.Open(path, new DataFileFormat(Item, separator, ColumnNames: columns, Reference: reference?.Layout, Label: label));

    /// <summary>The training file's pass as the worker makes it (TrainingDataLoader): the label found by name, the kinds
    /// sampled from the rows that have one, then one streaming pass; the caller disposes it (the spilled keys).</summary>
    public static (TrainingFileScan Scan, ColumnSelection Selection) Scan(DataSource train, string? label = null,
        bool classification = true, bool keys = false, bool indexKeys = true)
    {
        var labelIndex = ColumnSelection.Resolve(SampledKinds.Infer(train).Columns, label, null, Item, train.Path).Label.Index;
        var sampled = SampledKinds.Infer(train, labelIndex);
        var selection = ColumnSelection.Resolve(sampled.Columns, label, null, Item, train.Path);
        var scan = TrainingFileScan.Run(train, sampled, labelIndex, classification,
            keys ? selection.Used.ToList() : null, indexKeys, profile: true, progress: null);
        return (scan, Remap(selection, scan.Columns));
    }

    /// <summary>The check input the worker builds (TrainingDataLoader, then PreTrainingChecks), in its order: the
    /// training pass, its missing labels (by <paramref name="missingLabels"/>) and bad values, the profile, then the
    /// test pass against the profile and the training keys, its missing labels and bad values.</summary>
    public static CheckInput Input(DataSource train, DataSource? test, string? label = null, bool classification = true,
        RecordedSchema? previous = null, long? trainRows = null, CheckLevel missingLabels = CheckLevel.Error,
        Action<Diagnostic>? warn = null)
    {
        var (trainScan, selection) = Scan(train, label, classification, keys: test is not null,
            indexKeys: test is not null && train.Length <= test.Length);
        using (trainScan)
        {
            MissingLabelCheck.Apply(train.Path, selection.Label.Name, trainScan.Unlabeled.Count,
                trainScan.Rows + trainScan.Unlabeled.Count, trainScan.Unlabeled.Lines, missingLabels, warn);
            var columns = trainScan.Columns;
            trainScan.ThrowIfBadValues(selection.Used.ToList());
            var profile = trainScan.Profile(selection, "Model");
            TestFileScan? testScan = null;
            if (test is not null)
            {
                testScan = TestFileScan.Run(test, columns, selection.Label.Index, selection.Used.ToList(), checkLabel: null,
                    profile, trainScan, progress: null);
                MissingLabelCheck.Apply(test.Path, selection.Label.Name, testScan.Unlabeled.Count,
                    testScan.Rows + testScan.Unlabeled.Count, testScan.Unlabeled.Lines, missingLabels, warn);
                testScan.ThrowIfBadValues();
                columns = columns.Select(c => c with { HasMissing = c.HasMissing || testScan.HasEmpty(c.Index) }).ToList();
                selection = Remap(selection, columns);
            }
            return new CheckInput(trainScan, testScan, columns, selection, profile, classification,
                trainRows ?? trainScan.Rows, previous);
        }
    }

    /// <summary>The selection's columns as the whole file shows them (same places, final kinds), as the worker remaps it.</summary>
    public static ColumnSelection Remap(ColumnSelection selection, IReadOnlyList<DataColumn> columns) => selection with
    {
        Label = columns[selection.Label.Index],
        Features = selection.Features.Select(f => columns[f.Index]).ToList(),
    };

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
