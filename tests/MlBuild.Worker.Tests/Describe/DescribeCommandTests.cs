using System.Text.Json.Nodes;
using MlBuild.Worker.Cli;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Describe;

/// <summary>The worker's describe command on models trained from the real datasets: the input schema saved in the
/// zip and the columns the model adds, as the model package's manifest records them.</summary>
[Collection(TrainedModelsCollection.Name)]
public sealed class DescribeCommandTests(TrainedModels models)
{
    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exitCode = WorkerCommand.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static JsonObject Describe(string model)
    {
        var (exitCode, stdout, stderr) = Run("describe", model);
        Assert.True(exitCode == 0, stderr);
        return (JsonObject)JsonNode.Parse(stdout)!;
    }

    private static List<(string?, string?)> Columns(JsonObject description, string schema) =>
        description[schema]!.AsArray().Select(c => ((string?)c!["name"], (string?)c["type"])).ToList();

    [Fact]
    public void A_multiclass_model_takes_its_data_columns_and_adds_a_predicted_label_and_a_score_per_class()
    {
        var description = Describe(models.Iris.Request.ModelOutputPath);

        Assert.Equal([("Label", "Single"), ("Sepal length", "Single"), ("Sepal width", "Single"), ("Petal length", "Single"),
            ("Petal width", "Single")], Columns(description, "input"));
        var output = Columns(description, "output");
        Assert.Contains(("PredictedLabel", "Single"), output);
        Assert.Contains(("Score", "Vector<Single, 3>"), output);
        Assert.DoesNotContain(output, c => c.Item1 == "Sepal length");
    }

    [Fact]
    public void A_binary_model_adds_a_boolean_label_a_score_and_a_probability()
    {
        var output = Columns(Describe(models.Heart.Request.ModelOutputPath), "output");

        Assert.Contains(("PredictedLabel", "Boolean"), output);
        Assert.Contains(("Score", "Single"), output);
        Assert.Contains(("Probability", "Single"), output);
    }

    [Fact]
    public void A_regression_model_takes_text_columns_as_strings_and_adds_a_score()
    {
        var description = Describe(models.Taxi.Request.ModelOutputPath);

        Assert.Contains(("payment_type", "String"), Columns(description, "input"));
        Assert.Contains(("fare_amount", "Single"), Columns(description, "input"));
        Assert.Contains(("Score", "Single"), Columns(description, "output"));
    }

    [Fact]
    public void With_an_output_file_the_description_is_written_there_and_nothing_to_standard_output()
    {
        using var temp = new TestDirectory();
        var output = temp.File(Path.Combine("package", "schema.json"));

        var (exitCode, stdout, stderr) = Run("describe", models.Iris.Request.ModelOutputPath, output);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("", stdout);
        Assert.Equal(Columns(Describe(models.Iris.Request.ModelOutputPath), "input"),
            Columns((JsonObject)JsonNode.Parse(File.ReadAllText(output))!, "input"));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_one_MLB7005_line_and_exit_code_1()
    {
        using var temp = new TestDirectory();
        var notAModel = temp.Write("Iris.zip", "not a zip");
        var output = temp.File("schema.json");

        var (exitCode, _, stderr) = Run("describe", notAModel, output);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{notAModel}: error MLB7005: the model cannot be read to describe its schema: ", line);
        Assert.False(File.Exists(output));
    }
}
