using System.Globalization;
using System.Text;

namespace MlBuild.Benchmarks.Data;

/// <summary>
/// The real taxi-fare data of samples/TaxiFare (100,000 training and 100,000 test trips), as it is and with one
/// training row changed: the fare of one trip raised by one dollar. Writing one variant or the other over a
/// project's data/train.csv is "a data change" (and its revert) for the retraining benchmarks.
/// </summary>
internal sealed class TaxiData
{
    public const string TrainFile = "train.csv";
    public const string TestFile = "test.csv";

    /// <summary>The changed row: the 1,000th trip (line 1,001 of the file, after the header).</summary>
    public const int ChangedLine = 1001;

    private readonly byte[] _train;
    private readonly byte[] _changedTrain;
    private readonly byte[] _test;

    private TaxiData(byte[] train, byte[] changedTrain, byte[] test, string changeDescription)
    {
        _train = train;
        _changedTrain = changedTrain;
        _test = test;
        ChangeDescription = changeDescription;
    }

    public string ChangeDescription { get; }

    public static TaxiData Load(string sampleDataDirectory)
    {
        var train = File.ReadAllBytes(Path.Combine(sampleDataDirectory, TrainFile));
        var test = File.ReadAllBytes(Path.Combine(sampleDataDirectory, TestFile));
        var lines = Encoding.UTF8.GetString(train).Split('\n');
        var original = lines[ChangedLine - 1];
        var fields = original.Split(',');
        var fare = double.Parse(fields[^1], CultureInfo.InvariantCulture);
        fields[^1] = (fare + 1).ToString(CultureInfo.InvariantCulture);
        lines[ChangedLine - 1] = string.Join(',', fields);
        var changed = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        return new TaxiData(train, changed, test,
            $"line {ChangedLine} of train.csv, `{original}` → `{lines[ChangedLine - 1]}`");
    }

    /// <summary>Writes the data into <c>data/</c> of each project, original or with the one row changed.</summary>
    public void WriteTo(bool changed, params string[] projectDirectories)
    {
        foreach (var project in projectDirectories)
        {
            var directory = Path.Combine(project, "data");
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(Path.Combine(directory, TrainFile), changed ? _changedTrain : _train);
            var test = Path.Combine(directory, TestFile);
            if (!File.Exists(test))
                File.WriteAllBytes(test, _test);
        }
    }
}
