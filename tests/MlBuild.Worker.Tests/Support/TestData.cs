namespace MlBuild.Worker.Tests.Support;

/// <summary>The datasets copied beside the tests (tests/TestData, see its README.md).</summary>
internal static class TestData
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
}
