using MlBuild.Worker.Pipelines;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Training;

/// <summary>The same data, params and seed give bit-identical metrics, for every trainer a model can name.</summary>
public sealed class DeterminismTests
{
    public static TheoryData<ModelTask, string> Trainers()
    {
        var data = new TheoryData<ModelTask, string>();
        foreach (var trainer in TrainerCatalog.All)
            data.Add(trainer.Task, trainer.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void Training_twice_gives_identical_metrics(ModelTask task, string trainer)
    {
        using var temp = new TestDirectory();
        var request = (task switch
        {
            ModelTask.BinaryClassification => TestRequests.Heart(temp),
            ModelTask.MulticlassClassification => TestRequests.Iris(temp),
            _ => TestRequests.Taxi(temp),
        }) with
        { Trainer = trainer };

        var (first, _) = InProcess.Run(request);
        var (second, _) = InProcess.Run(request);

        Assert.NotEmpty(first.Metrics);
        Assert.Equal(first.Metrics, second.Metrics);
        Assert.True(File.Exists(request.ModelOutputPath));
    }
}
