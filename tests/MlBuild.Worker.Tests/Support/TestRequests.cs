using MlBuild.Protocol;

namespace MlBuild.Worker.Tests.Support;

/// <summary>Training requests as the tasks would write them, with outputs in the test's own folder.</summary>
internal static class TestRequests
{
    public const int ItemLine = 12;
    public const int ItemColumn = 5;

    public static string ProjectFile(TestDirectory temp) => temp.File("Model.csproj");

    public static TrainRequest For(TestDirectory temp, string name, string task, string trainData, string? testData = null) => new()
    {
        ModelName = name,
        ProjectFile = ProjectFile(temp),
        ItemLine = ItemLine,
        ItemColumn = ItemColumn,
        Task = task,
        TrainData = trainData,
        TestData = testData,
        Seed = 1,
        ModelOutputPath = temp.File(Path.Combine("out", name + ".zip")),
        ResultOutputPath = temp.File(Path.Combine("out", name + ".result.json")),
    };

    public static TrainRequest Iris(TestDirectory temp) =>
        For(temp, "Iris", "MulticlassClassification", TestData.IrisTrain, TestData.IrisTest);

    public static TrainRequest Heart(TestDirectory temp) =>
        For(temp, "Heart", "BinaryClassification", TestData.HeartTrain, TestData.HeartTest) with
        {
            Columns = TestData.HeartColumns,
        };

    public static TrainRequest Taxi(TestDirectory temp) =>
        For(temp, "Taxi", "Regression", TestData.TaxiTrain, TestData.TaxiTest) with { Label = "fare_amount" };
}
