using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Pipelines;
using MlBuild.Worker.Requests;

namespace MlBuild.Worker.Tests.Pipelines;

public sealed class TrainerCatalogTests
{
    private static readonly Location Item = new("p.csproj", 8, 6);

    [Theory]
    [InlineData(ModelTask.BinaryClassification, "LbfgsLogisticRegression")]
    [InlineData(ModelTask.MulticlassClassification, "LbfgsMaximumEntropy")]
    [InlineData(ModelTask.Regression, "FastTree")]
    public void Each_task_has_its_default_trainer(ModelTask task, string expected) =>
        Assert.Equal(expected, TrainerCatalog.Find(task, null, Item).Name);

    [Fact]
    public void Trainer_names_ignore_case() =>
        Assert.Equal("LightGbm", TrainerCatalog.Find(ModelTask.Regression, "lightgbm", Item).Name);

    [Fact]
    public void Every_trainer_makes_its_options()
    {
        foreach (var trainer in TrainerCatalog.All.Where(t => t.Name != "NaiveBayes"))
            Assert.NotNull(trainer.CreateOptions());
    }

    [Fact]
    public void An_unknown_trainer_lists_the_trainers_of_the_task()
    {
        var error = Assert.Throws<MlbException>(() =>
            TrainerCatalog.Find(ModelTask.MulticlassClassification, "FastForest", Item)).First;

        Assert.Equal(MlbCodes.UnknownTrainer, error.Code);
        Assert.Equal(Item, error.At);
        Assert.Contains("LbfgsMaximumEntropy (the default), SdcaMaximumEntropy, LightGbm, FastTree, NaiveBayes", error.Message);
    }

    [Theory]
    [InlineData("regression", ModelTask.Regression)]
    [InlineData(" BinaryClassification ", ModelTask.BinaryClassification)]
    public void Tasks_are_read_by_name(string name, ModelTask expected) =>
        Assert.Equal(expected, TaskParser.Parse(name, Item));

    [Theory]
    [InlineData("Clustering")]
    [InlineData("1")]
    [InlineData(null)]
    public void An_unknown_task_lists_the_tasks(string? name)
    {
        var error = Assert.Throws<MlbException>(() => TaskParser.Parse(name, Item)).First;

        Assert.Equal(MlbCodes.UnknownTask, error.Code);
        Assert.Equal(Item, error.At);
        Assert.Contains("BinaryClassification, MulticlassClassification, Regression", error.Message);
    }
}
