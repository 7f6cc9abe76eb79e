using MlBuild.Protocol;

namespace MlBuild.Worker.Tests.Support;

/// <summary>Models trained once for every evaluation test: training is the slow part, evaluating them is not.</summary>
public sealed class TrainedModels : IDisposable
{
    private readonly TestDirectory _temp = new();

    public TrainedModels()
    {
        Iris = Train(TestRequests.Iris(_temp));
        Heart = Train(TestRequests.Heart(_temp));
        Taxi = Train(TestRequests.Taxi(_temp));
        // The same data and trainer with 3 trees of 4 leaves: clearly worse on the same test rows.
        SmallTaxi = Train(TestRequests.Taxi(_temp) with
        {
            ModelName = "SmallTaxi",
            ParamsFile = _temp.Write("small.json", """{ "NumberOfTrees": 3, "NumberOfLeaves": 4 }"""),
            ModelOutputPath = _temp.File(Path.Combine("out", "SmallTaxi.zip")),
            ResultOutputPath = _temp.File(Path.Combine("out", "SmallTaxi.result.json")),
        });
        IrisSplit = Train(TestRequests.Iris(_temp) with
        {
            ModelName = "IrisSplit",
            TestData = null,
            ModelOutputPath = _temp.File(Path.Combine("out", "IrisSplit.zip")),
            ResultOutputPath = _temp.File(Path.Combine("out", "IrisSplit.result.json")),
        });
    }

    internal (TrainRequest Request, TrainResult Result) Iris { get; }
    internal (TrainRequest Request, TrainResult Result) IrisSplit { get; }
    internal (TrainRequest Request, TrainResult Result) Heart { get; }
    internal (TrainRequest Request, TrainResult Result) Taxi { get; }
    internal (TrainRequest Request, TrainResult Result) SmallTaxi { get; }

    private static (TrainRequest, TrainResult) Train(TrainRequest request) => (request, InProcess.Run(request).Result);

    public void Dispose() => _temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TrainedModelsCollection : ICollectionFixture<TrainedModels>
{
    public const string Name = "Trained models";
}
