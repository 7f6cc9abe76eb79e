using System.Diagnostics;

namespace MlBuild.Benchmarks.Data;

/// <summary>
/// The 1 GB of training data of the no-op and hashing benchmarks: three training files of a third of the size each
/// (one per model) and a small test file per model, generated once per run from fixed seeds.
/// </summary>
internal sealed class LargeDataset
{
    public const int FileCount = 3;
    private const int TestRows = 10_000;

    private LargeDataset(string directory, IReadOnlyList<string> trainFiles, IReadOnlyList<string> testFiles,
        TimeSpan generationTime)
    {
        Directory = directory;
        TrainFiles = trainFiles;
        TestFiles = testFiles;
        GenerationTime = generationTime;
    }

    public string Directory { get; }
    public IReadOnlyList<string> TrainFiles { get; }
    public IReadOnlyList<string> TestFiles { get; }
    public TimeSpan GenerationTime { get; }

    public long TrainBytes => TrainFiles.Sum(f => new FileInfo(f).Length);

    public static string TrainName(int model) => $"model{model}-train.csv";
    public static string TestName(int model) => $"model{model}-test.csv";

    public static LargeDataset Generate(string directory, long totalTrainBytes)
    {
        var clock = Stopwatch.StartNew();
        var train = new List<string>();
        var test = new List<string>();
        for (var model = 1; model <= FileCount; model++)
        {
            var trainFile = Path.Combine(directory, TrainName(model));
            var testFile = Path.Combine(directory, TestName(model));
            SyntheticData.Write(trainFile, seed: model, minimumBytes: totalTrainBytes / FileCount);
            SyntheticData.Write(testFile, seed: 1000 + model, rows: TestRows);
            train.Add(trainFile);
            test.Add(testFile);
        }
        return new LargeDataset(directory, train, test, clock.Elapsed);
    }
}
