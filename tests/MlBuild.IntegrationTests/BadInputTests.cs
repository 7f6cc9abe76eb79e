using MlBuild.IntegrationTests.Infrastructure;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>
/// Each kind of bad input fails the build with its MLB code, pointing at the project item or the data line,
/// and writes nothing: no model, no cache entry, no lock file.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class BadInputTests(PackageFeedFixture feed)
{
    private TestProject Project(string items) =>
        new TestProject(feed, "BadInput")
            .WithProject(items)
            .WithData("iris/train.tsv", "data/train.tsv")
            .WithData("iris/test.tsv", "data/test.tsv");

    private static BuildResult.Diagnostic FailsWith(TestProject project, string code, string modelName = "Iris")
    {
        var build = project.Build();
        Assert.False(build.Succeeded, build.ToString());
        var diagnostic = Assert.Single(build.Diagnostics(), d => d.Code == code);
        Assert.Contains(modelName, diagnostic.Message);
        Assert.False(File.Exists(project.ModelFile(modelName)), "a model was written");
        Assert.False(File.Exists(project.LockFile), "the lock file was written");
        Assert.Empty(project.CacheEntries());
        return diagnostic;
    }

    [Fact]
    public void A_missing_data_file_names_the_file_and_points_at_the_item()
    {
        var project = Project("""
            <MlModel Include="Iris" Task="MulticlassClassification"
                     TrainData="data/missing.tsv" />
            """);
        var error = FailsWith(project, "MLB1004");
        Assert.Equal(project.ProjectFile, error.File);
        Assert.Equal(13, error.Line);
        Assert.Contains("data/missing.tsv", error.Message);
    }

    [Fact]
    public void An_empty_data_file_is_reported_at_that_file()
    {
        var project = Project("""<MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/empty.tsv" />""")
            .WithFile("data/empty.tsv", "");
        var error = FailsWith(project, "MLB2001");
        Assert.Equal(project.PathOf("data/empty.tsv"), error.File);
    }

    [Fact]
    public void A_missing_label_column_lists_the_columns_found()
    {
        var project = Project("""<MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv" LabelColumn="Species" />""");
        var error = FailsWith(project, "MLB2002");
        Assert.Contains("Species", error.Message);
        Assert.Contains("Petal width", error.Message);
    }

    [Fact]
    public void An_unknown_feature_column_lists_the_columns_found()
    {
        var project = Project("""<MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv" Features="Petal width;Petal colour" />""");
        var error = FailsWith(project, "MLB2003");
        Assert.Contains("Petal colour", error.Message);
        Assert.Contains("Sepal length", error.Message);
    }

    [Fact]
    public void A_value_that_does_not_parse_in_a_numeric_column_points_at_its_line_in_the_data_file()
    {
        var project = Project("""<MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv" />""");
        var lines = File.ReadAllLines(project.PathOf("data/train.tsv"));
        var fields = lines[40].Split('\t');
        fields[2] = "five";
        lines[40] = string.Join('\t', fields);
        File.WriteAllLines(project.PathOf("data/train.tsv"), lines);

        var error = FailsWith(project, "MLB2004");
        Assert.Equal(project.PathOf("data/train.tsv"), error.File);
        Assert.Equal(41, error.Line);
        Assert.Contains("five", error.Message);
    }

    [Fact]
    public void An_unknown_task_lists_the_tasks()
    {
        var project = Project("""<MlModel Include="Iris" Task="Clustering" TrainData="data/train.tsv" />""");
        var error = FailsWith(project, "MLB1005");
        Assert.Contains("MulticlassClassification", error.Message);
        Assert.Equal(project.ProjectFile, error.File);
    }

    [Fact]
    public void An_unknown_trainer_lists_the_trainers_of_the_task()
    {
        var project = Project("""<MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv" Trainer="DeepForest" />""");
        var error = FailsWith(project, "MLB1006");
        Assert.Contains("LbfgsMaximumEntropy", error.Message);
        Assert.Equal(project.ProjectFile, error.File);
    }

    [Fact]
    public void A_pipeline_class_that_does_not_exist_is_an_error_at_the_item()
    {
        var project = Project("""<MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv" Pipeline="Samples.NoSuchPipeline" />""");
        var error = FailsWith(project, "MLB3001");
        Assert.Contains("Samples.NoSuchPipeline", error.Message);
        Assert.Equal(project.ProjectFile, error.File);
    }

    [Fact]
    public void A_pipeline_class_that_does_not_implement_the_interface_is_an_error_at_the_item()
    {
        var project = Project("""<MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv" Pipeline="Samples.NotAPipeline" />""")
            .WithFile("NotAPipeline.cs", "namespace Samples; public sealed class NotAPipeline { }");
        var error = FailsWith(project, "MLB3002");
        Assert.Contains("IModelPipeline", error.Message);
        Assert.Equal(project.ProjectFile, error.File);
    }

    [Fact]
    public void An_invalid_model_name_is_an_error_at_the_item()
    {
        var project = Project("""<MlModel Include="Iris model!" Task="MulticlassClassification" TrainData="data/train.tsv" />""");
        var error = FailsWith(project, "MLB1001", "Iris model!");
        Assert.Equal(project.ProjectFile, error.File);
        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void Two_models_with_one_name_are_an_error()
    {
        var project = Project("""
            <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv" />
            <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/test.tsv" />
            """);
        var error = FailsWith(project, "MLB1002");
        Assert.Equal(project.ProjectFile, error.File);
    }
}
