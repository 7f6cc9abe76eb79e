using MlBuild.IntegrationTests.Infrastructure;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>Each kind of bad Evaluate input fails with its MLB code, at the item or the file line, with the fix.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class EvaluateBadInputTests(PackageFeedFixture feed)
{
    private const string IrisModel = """
        <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv" TestData="data/test.tsv" />
        """;

    private TestProject Project(string items) =>
        new TestProject(feed, "EvalBadInput")
            .WithProject(IrisModel + "\n" + items)
            .WithData("iris/train.tsv", "data/train.tsv")
            .WithData("iris/test.tsv", "data/test.tsv");

    private static BuildResult.Diagnostic FailsWith(TestProject project, string code, params string[] arguments)
    {
        var evaluation = project.Evaluate(null, arguments);
        Assert.False(evaluation.Succeeded, evaluation.ToString());
        return Assert.Single(evaluation.Diagnostics(), d => d.Code == code);
    }

    [Fact]
    public void A_gate_naming_an_unknown_model_lists_the_models()
    {
        var project = Project("""<MlGate Include="Irsi" Metric="MacroAccuracy" Min="0.9" />""");
        var error = FailsWith(project, "MLB5010");
        Assert.Equal(project.LineOf("<MlGate"), error.Line);
        Assert.Contains("Iris", error.Message);
    }

    [Fact]
    public void A_gate_naming_an_unknown_metric_lists_the_metrics_of_the_task()
    {
        var project = Project("""<MlGate Include="Iris" Metric="Accurasy" Min="0.9" />""");
        var error = FailsWith(project, "MLB5011");
        Assert.Equal(project.LineOf("<MlGate"), error.Line);
        Assert.Contains("MacroAccuracy", error.Message);
    }

    [Fact]
    public void A_malformed_threshold_says_how_to_write_it()
    {
        var project = Project("""<MlGate Include="Iris" Metric="MacroAccuracy" Min="0,9" />""");
        var error = FailsWith(project, "MLB5012");
        Assert.Equal(project.LineOf("<MlGate"), error.Line);
        Assert.Contains("0.9", error.Message);
    }

    [Fact]
    public void An_expectations_line_that_does_not_parse_is_reported_at_its_line()
    {
        var project = Project("""<MlExpectation Include="Iris" File="bad.jsonl" />""")
            .WithFile("bad.jsonl", """
                {"input": {"Petal length": 1.4}, "expect": 0}
                {"input": {"Petal length": 1.4}, "expect": 0
                """);
        var error = FailsWith(project, "MLB5004");
        Assert.Equal(project.PathOf("bad.jsonl"), error.File);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_test_set_without_the_label_column_lists_the_columns_it_has()
    {
        var project = Project("");
        var lines = File.ReadAllLines(project.PathOf("data/test.tsv"))
            .Select(line => string.Join('\t', line.Split('\t').Skip(1)));
        File.WriteAllLines(project.PathOf("data/test.tsv"), lines);

        var error = FailsWith(project, "MLB2002");
        Assert.Contains("Petal width", error.Message);
    }

    [Fact]
    public void A_baseline_ref_that_does_not_exist_is_an_error_with_the_fix()
    {
        var project = Project("");
        Assert.True(project.Build().Succeeded);
        project.Commit("baseline");

        var error = FailsWith(project, "MLB5018", "-p:MlBuildBaseline=no-such-branch");
        Assert.Contains("no-such-branch", error.Message);
    }
}
