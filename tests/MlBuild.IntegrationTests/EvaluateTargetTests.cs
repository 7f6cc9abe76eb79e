using MlBuild.IntegrationTests.Infrastructure;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>
/// dotnet build -t:Evaluate in temporary git repositories with real training: a committed baseline, a model made
/// worse or better, gates absolute and relative, on meta-metrics and on the worst slice, expectations, and a
/// baseline read from a shallow clone the way GitHub Actions checks out a pull request.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class EvaluateTargetTests(PackageFeedFixture feed)
{
    private static string TaxiModel(string extra = "") => $"""
        <MlModel Include="Taxi" Task="Regression" TrainData="data/train.csv" TestData="data/test.csv"
                 LabelColumn="fare_amount" Params="taxi.params.json" />
        {extra}
        """;

    private static string Trees(int trees) => $$"""{ "NumberOfTrees": {{trees}}, "NumberOfLeaves": 8 }""";

    private TestProject TaxiProject(string gates, int trees) =>
        new TestProject(feed, "TaxiEval")
            .WithProject(TaxiModel(gates))
            .WithData("taxi-fare/train-2000.csv", "data/train.csv")
            .WithData("taxi-fare/test-500.csv", "data/test.csv")
            .WithFile("taxi.params.json", Trees(trees));

    /// <summary>Trains and commits the baseline: the lock file at HEAD is what the next evaluation compares with.</summary>
    private static void CommitBaseline(TestProject project)
    {
        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        project.Commit("baseline");
    }

    [Fact]
    public void A_model_made_worse_than_the_committed_baseline_fails_its_gate_with_the_numbers()
    {
        const string Gate = """<MlGate Include="Taxi" Metric="RSquared" MaxDecrease="0.01" />""";
        var project = TaxiProject(Gate, trees: 100);
        CommitBaseline(project);

        project.WithFile("taxi.params.json", Trees(1));
        var evaluation = project.Evaluate();

        Assert.False(evaluation.Succeeded, evaluation.ToString());
        var error = Assert.Single(evaluation.Diagnostics(), d => d.Code == "MLB5016");
        Assert.Equal(project.ProjectFile, error.File);
        Assert.Equal(project.LineOf("<MlGate"), error.Line);
        Assert.Contains("Taxi: RSquared", error.Message);
        Assert.Contains("fell by", error.Message);
        Assert.Contains("allowed 0.01", error.Message);
        Assert.Contains("HEAD (", evaluation.Output);
        Assert.True(File.Exists(project.IntermediateFile("evaluation.json")));
        Assert.Contains("RSquared", File.ReadAllText(project.IntermediateFile("report.md")));
    }

    [Fact]
    public void A_model_made_better_passes_and_an_unchanged_evaluation_is_reused()
    {
        const string Gate = """<MlGate Include="Taxi" Metric="RSquared" MaxDecrease="0.01" />""";
        var project = TaxiProject(Gate, trees: 1);
        CommitBaseline(project);

        project.WithFile("taxi.params.json", Trees(100));
        var evaluation = project.Evaluate();

        Assert.True(evaluation.Succeeded, evaluation.ToString());
        Assert.Contains("Evaluating Taxi…", evaluation.Output);
        Assert.Contains("RSquared", evaluation.Output);
        var again = project.Evaluate();
        Assert.True(again.Succeeded, again.ToString());
        Assert.DoesNotContain("Evaluating Taxi…", again.Output);
        Assert.Contains("RSquared", again.Output);
    }

    [Fact]
    public void An_absolute_gate_applies_without_a_baseline()
    {
        var project = TaxiProject("""<MlGate Include="Taxi" Metric="RSquared" Min="0.999" />""", trees: 20);

        var evaluation = project.Evaluate();

        Assert.False(evaluation.Succeeded, evaluation.ToString());
        Assert.Contains("No baseline", evaluation.Output);
        var error = Assert.Single(evaluation.Diagnostics(), d => d.Code == "MLB5016");
        Assert.Contains("minimum 0.999", error.Message);
    }

    [Fact]
    public void Without_a_baseline_or_gates_evaluation_reports_and_passes()
    {
        var project = TaxiProject("", trees: 20);

        var evaluation = project.Evaluate();

        Assert.True(evaluation.Succeeded, evaluation.ToString());
        Assert.Contains("No baseline", evaluation.Output);
        Assert.Contains("RootMeanSquaredError", evaluation.Output);
    }

    [Fact]
    public void A_gate_on_a_meta_metric_fails_when_the_model_is_too_big_and_can_be_a_warning()
    {
        var project = TaxiProject("""<MlGate Include="Taxi" Metric="ModelSizeBytes" Max="1000" />""", trees: 20);

        var evaluation = project.Evaluate();

        Assert.False(evaluation.Succeeded, evaluation.ToString());
        Assert.Contains(evaluation.Diagnostics(), d => d.Code == "MLB5016" && d.Message.Contains("ModelSizeBytes"));
        var relaxed = project.Evaluate(null, "-p:MlBuildGateFailuresAsWarnings=true");
        Assert.True(relaxed.Succeeded, relaxed.ToString());
        Assert.Contains(relaxed.Diagnostics("warning"), d => d.Code == "MLB5016");
    }

    [Fact]
    public void A_gate_on_the_worst_slice_fails_and_names_the_slice()
    {
        var project = TaxiProject("""
            <MlSlice Include="Taxi" Column="payment_type" />
            <MlGate Include="Taxi" Metric="RootMeanSquaredError" Slice="payment_type" Max="0.01" />
            """, trees: 20);

        var evaluation = project.Evaluate();

        Assert.False(evaluation.Succeeded, evaluation.ToString());
        var error = Assert.Single(evaluation.Diagnostics(), d => d.Code == "MLB5016");
        Assert.Contains("payment_type", error.Message);
        Assert.Contains("\"payment_type\"", File.ReadAllText(project.IntermediateFile("evaluation.json")));
    }

    [Fact]
    public void A_failed_expectation_is_reported_at_its_line_with_what_the_model_answered()
    {
        var project = new TestProject(feed, "IrisEval")
            .WithProject("""
                <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv" TestData="data/test.tsv" />
                <MlExpectation Include="Iris" File="iris.expectations.jsonl" />
                """)
            .WithData("iris/train.tsv", "data/train.tsv")
            .WithData("iris/test.tsv", "data/test.tsv")
            .WithFile("iris.expectations.jsonl", """
                {"input": {"Sepal length": 5.1, "Sepal width": 3.5, "Petal length": 1.4, "Petal width": 0.2}, "expect": 0}
                {"input": {"Sepal length": 5.1, "Sepal width": 3.5, "Petal length": 1.4, "Petal width": 0.2}, "expect": 2}
                """);

        var evaluation = project.Evaluate();

        Assert.False(evaluation.Succeeded, evaluation.ToString());
        var failure = Assert.Single(evaluation.Diagnostics(), d => d.Code == "MLB5005");
        Assert.Equal(project.PathOf("iris.expectations.jsonl"), failure.File);
        Assert.Equal(2, failure.Line);
        Assert.Contains("expected 2", failure.Message);
        Assert.Contains("answered 0", failure.Message);
    }

    [Fact]
    public void In_a_pull_request_the_baseline_is_read_from_the_base_branch_of_a_shallow_clone()
    {
        const string Gate = """<MlGate Include="Taxi" Metric="RSquared" MaxDecrease="0.01" />""";
        var origin = TaxiProject(Gate, trees: 100);
        CommitBaseline(origin);
        origin.Git("checkout", "-q", "-b", "feature");
        origin.WithFile("taxi.params.json", Trees(1));
        origin.Commit("fewer trees");

        // A fresh runner: a depth-1 clone of the pull request's branch, and an empty model cache.
        var checkout = origin.Clone("feature", depth: 1,
            cacheDirectory: Path.Combine(feed.Root, "caches", "ci-" + Guid.NewGuid().ToString("N")[..8]));
        var evaluation = checkout.Evaluate(new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_BASE_REF"] = "main",
        });

        Assert.False(evaluation.Succeeded, evaluation.ToString());
        Assert.Contains("main (", evaluation.Output);
        var error = Assert.Single(evaluation.Diagnostics(), d => d.Code == "MLB5016");
        Assert.Contains("fell by", error.Message);
    }
}
