namespace MlBuild.Data.Tests.Reading;

/// <summary>The datasets of tests/TestData, copied beside the tests as Data/&lt;dataset&gt;/&lt;file&gt;.</summary>
internal static class Datasets
{
    public static string Path(string dataset, string file) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Data", dataset, file);

    public static string IrisTrain => Path("iris", "train.tsv");
    public static string IrisTest => Path("iris", "test.tsv");
    public static string SentimentTrain => Path("sentiment-wikidetox", "train.tsv");
    public static string SentimentTest => Path("sentiment-wikidetox", "test.tsv");
    public static string HeartTrain => Path("heart-disease", "train.csv");
    public static string HeartTest => Path("heart-disease", "test.csv");
    public static string TaxiTrain => Path("taxi-fare", "train-2000.csv");
    public static string TaxiTest => Path("taxi-fare", "test-500.csv");

    public static readonly string[] HeartColumns =
        ["Age", "Sex", "Cp", "TrestBps", "Chol", "Fbs", "RestEcg", "Thalac", "Exang", "OldPeak", "Slope", "Ca", "Thal", "Label"];

    /// <summary>Every data file of every dataset, found on disk so that a dataset added later is compared too.</summary>
    public static IEnumerable<object[]> All() =>
        Directory.GetDirectories(System.IO.Path.Combine(AppContext.BaseDirectory, "Data"))
            .SelectMany(d => Directory.GetFiles(d).Where(f => f.EndsWith(".csv") || f.EndsWith(".tsv"))
                .Select(f => new object[] { System.IO.Path.GetFileName(d), System.IO.Path.GetFileName(f) }))
            .OrderBy(p => p[0]).ThenBy(p => p[1]);
}
