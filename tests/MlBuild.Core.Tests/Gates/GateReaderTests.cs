using MlBuild.Core.Declarations;
using MlBuild.Core.Gates;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests.Gates;

public sealed class GateReaderTests : IDisposable
{
    private readonly TestDirectory _project = new();
    private readonly string _projectFile;

    private static readonly Dictionary<string, string> Models = new()
    {
        ["Iris"] = "MulticlassClassification",
        ["Heart"] = "BinaryClassification",
        ["Taxi"] = "Regression",
    };

    public GateReaderTests() => _projectFile = _project.Write("p.csproj", """
        <Project>
          <ItemGroup>
            <MlModel Include="Iris" />
            <MlGate Include="Iris" Metric="MacroAccuracy" Min="0.9" />
            <MlGate Include="Heart;Iris" Metric="LogLoss" MaxIncrease="0.05" />
            <MlGate Include="Iris"
                    Metric="PredictionLatencyP95Ms" MaxIncreasePercent="20" />
          </ItemGroup>
        </Project>
        """);

    public void Dispose() => _project.Dispose();

    private (IReadOnlyList<Gate> Gates, List<GateProblem> Problems) Read(params DeclaredItem[] items) =>
        Read([("Heart", "Sex")], items);

    private (IReadOnlyList<Gate> Gates, List<GateProblem> Problems) Read((string, string)[] slices, params DeclaredItem[] items)
    {
        var problems = new List<GateProblem>();
        var gates = GateReader.Read(items, _projectFile, Models, slices, problems);
        return (gates, problems);
    }

    private static DeclaredItem Gate(string model, params (string Key, string Value)[] metadata) => new(model, metadata);

    [Fact]
    public void A_valid_gate_is_read_with_its_thresholds_and_location()
    {
        var (gates, problems) = Read(Gate("Iris", ("Metric", "macroaccuracy"), ("Min", "0.9"), ("MaxDecrease", "0.01"),
            ("OnlyWhenSignificant", "true")));

        Assert.Empty(problems);
        var gate = Assert.Single(gates);
        Assert.Equal("Iris", gate.Model);
        Assert.Equal("MacroAccuracy", gate.Metric.Name);
        Assert.Equal(0.9, gate.Min);
        Assert.Equal(0.01, gate.MaxDecrease);
        Assert.Null(gate.Max);
        Assert.True(gate.OnlyWhenSignificant);
        Assert.Equal((_projectFile, 4), (gate.Location.File, gate.Location.Line));
        Assert.Equal(">= 0.9000; decrease <= 0.0100 if significant", gate.Describe());
    }

    [Fact]
    public void Several_gates_on_one_model_point_at_their_own_elements()
    {
        var (gates, problems) = Read(
            Gate("Iris", ("Metric", "MacroAccuracy"), ("Min", "0.9")),
            Gate("Heart", ("Metric", "LogLoss"), ("MaxIncrease", "0.05")),
            Gate("Iris", ("Metric", "LogLoss"), ("MaxIncrease", "0.05")),
            Gate("Iris", ("Metric", "PredictionLatencyP95Ms"), ("MaxIncreasePercent", "20")));

        Assert.Empty(problems);
        Assert.Equal([4, 5, 5, 6], gates.Select(g => g.Location.Line));
    }

    [Fact]
    public void A_gate_on_an_unknown_model_lists_the_models()
    {
        var (gates, problems) = Read(Gate("Irs", ("Metric", "MacroAccuracy"), ("Min", "0.9")));

        Assert.Empty(gates);
        var problem = Assert.Single(problems);
        Assert.Equal("MLB5010", problem.Code);
        Assert.Contains("Heart, Iris, Taxi", problem.Message);
    }

    [Fact]
    public void A_model_name_in_another_case_is_that_model()
    {
        var (gates, problems) = Read(Gate("iris", ("Metric", "MacroAccuracy"), ("Min", "0.9")));

        Assert.Empty(problems);
        Assert.Equal("Iris", Assert.Single(gates).Model);
    }

    [Fact]
    public void An_unknown_metric_lists_the_valid_ones_for_the_task()
    {
        var (_, problems) = Read(Gate("Iris", ("Metric", "Accuracyy"), ("Min", "0.9")));

        var problem = Assert.Single(problems);
        Assert.Equal("MLB5011", problem.Code);
        Assert.Contains("unknown Metric 'Accuracyy'", problem.Message);
        Assert.Contains("MacroAccuracy, MicroAccuracy, TopKAccuracy", problem.Message);
        Assert.DoesNotContain("RSquared", problem.Message);
    }

    [Fact]
    public void A_metric_of_another_task_is_refused_and_says_whose_it_is()
    {
        var (_, problems) = Read(Gate("Taxi", ("Metric", "AreaUnderRocCurve"), ("Min", "0.9")));

        var problem = Assert.Single(problems);
        Assert.Equal("MLB5011", problem.Code);
        Assert.Contains("not a metric of a Regression model (it belongs to BinaryClassification)", problem.Message);
        Assert.Contains("RSquared", problem.Message);
    }

    [Fact]
    public void A_gate_without_a_metric_is_refused()
    {
        var (_, problems) = Read(Gate("Iris", ("Min", "0.9")));

        Assert.Equal("MLB5011", Assert.Single(problems).Code);
    }

    [Theory]
    [InlineData("Min", "0,9", "write decimals with a point: 0.9")]
    [InlineData("Min", "abc", "not a number")]
    [InlineData("Max", "0.9x", "not a number")]
    [InlineData("Min", "NaN", "not a number")]
    [InlineData("MaxDecrease", "-0.01", "cannot be negative")]
    [InlineData("MaxDecreasePercent", "-5", "cannot be negative")]
    [InlineData("MaxDecreasePercent", "5%", "not a number")]
    [InlineData("Min", "90", "write 0.9 for 90 %")]
    [InlineData("MaxDecrease", "3", "percentage points, or use MaxDecreasePercent")]
    [InlineData("OnlyWhenSignificant", "yes", "use true or false")]
    public void A_malformed_threshold_is_refused_with_the_fix(string key, string value, string fix)
    {
        var (gates, problems) = Read(Gate("Iris", ("Metric", "MacroAccuracy"), ("MaxDecreasePercent", "1"), (key, value)));

        Assert.Empty(gates);
        var problem = Assert.Single(problems);
        Assert.Equal("MLB5012", problem.Code);
        Assert.Contains(fix, problem.Message);
        Assert.Equal(4, problem.Location.Line);
    }

    [Theory]
    [InlineData("Min", "-0.5")]
    [InlineData("Max", "1e-3")]
    public void Absolute_thresholds_may_be_negative_or_in_exponent_form(string key, string value)
    {
        var (gates, problems) = Read(Gate("Taxi", ("Metric", "RSquared"), (key, value)));

        Assert.Empty(problems);
        Assert.Single(gates);
    }

    [Fact]
    public void Min_above_max_can_never_pass()
    {
        var (_, problems) = Read(Gate("Iris", ("Metric", "MacroAccuracy"), ("Min", "0.9"), ("Max", "0.8")));

        Assert.Contains("Min (0.9) is above Max (0.8)", Assert.Single(problems).Message);
    }

    [Theory]
    [InlineData("LogLoss", "MaxDecrease", "use MaxIncrease")]
    [InlineData("LogLoss", "MaxDecreasePercent", "use MaxIncreasePercent")]
    [InlineData("MacroAccuracy", "MaxIncrease", "use MaxDecrease")]
    [InlineData("PredictionLatencyP95Ms", "MaxDecreasePercent", "use MaxIncreasePercent")]
    public void A_relative_threshold_that_would_limit_an_improvement_is_refused(string metric, string key, string fix)
    {
        var (_, problems) = Read(Gate("Iris", ("Metric", metric), (key, "0.1")));

        var problem = Assert.Single(problems);
        Assert.Equal("MLB5012", problem.Code);
        Assert.Contains("would limit an improvement", problem.Message);
        Assert.Contains(fix, problem.Message);
    }

    [Fact]
    public void A_gate_without_any_threshold_is_refused()
    {
        var (gates, problems) = Read(Gate("Iris", ("Metric", "MacroAccuracy"), ("OnlyWhenSignificant", "true")));

        Assert.Empty(gates);
        var problem = Assert.Single(problems);
        Assert.Equal("MLB5013", problem.Code);
        Assert.Contains("Set Min or Max", problem.Message);
    }

    [Fact]
    public void A_slice_gate_needs_an_MlSlice_item_for_its_column()
    {
        var (_, none) = Read(Gate("Iris", ("Metric", "MacroAccuracy"), ("Min", "0.8"), ("Slice", "Sex")));
        var (_, other) = Read(Gate("Heart", ("Metric", "Accuracy"), ("Min", "0.8"), ("Slice", "Age")));
        var (gates, valid) = Read(Gate("Heart", ("Metric", "Accuracy"), ("Min", "0.8"), ("Slice", "Sex")));

        Assert.Equal("MLB5014", Assert.Single(none).Code);
        Assert.Contains("Iris has no MlSlice item", none[0].Message);
        Assert.Contains("<MlSlice Include=\"Iris\" Column=\"Sex\" />", none[0].Message);
        Assert.Equal("MLB5014", Assert.Single(other).Code);
        Assert.Contains("use one of: Sex", other[0].Message);
        Assert.Empty(valid);
        Assert.Equal("Sex", Assert.Single(gates).Slice);
        Assert.Equal("worst Sex: >= 0.8000", gates[0].Describe());
    }

    [Fact]
    public void A_slice_gate_takes_test_set_metrics_and_absolute_thresholds_only()
    {
        var (_, meta) = Read(Gate("Heart", ("Metric", "PredictionLatencyP95Ms"), ("Max", "5"), ("Slice", "Sex")));
        var (_, relative) = Read(Gate("Heart", ("Metric", "Accuracy"), ("MaxDecrease", "0.01"), ("Slice", "Sex")));

        Assert.Equal("MLB5011", Assert.Single(meta).Code);
        Assert.Contains("not per slice", meta[0].Message);
        Assert.Equal("MLB5012", Assert.Single(relative).Code);
        Assert.Contains("Min or Max only", relative[0].Message);
    }

    [Fact]
    public void Unknown_metadata_is_a_warning_and_the_gate_still_counts()
    {
        var (gates, problems) = Read(Gate("Iris", ("Metric", "MacroAccuracy"), ("Min", "0.9"), ("MaxDrop", "0.1")));

        Assert.Single(gates);
        var problem = Assert.Single(problems);
        Assert.True(problem.IsWarning);
        Assert.Equal("MLB5015", problem.Code);
        Assert.Contains("MaxDrop", problem.Message);
    }

    [Fact]
    public void Every_problem_of_one_gate_is_reported_at_once()
    {
        var (_, problems) = Read(Gate("Iris", ("Metric", "Nope"), ("Min", "abc"), ("Max", "1,5")));

        Assert.Equal(["MLB5011", "MLB5012", "MLB5012"], problems.Select(p => p.Code));
    }
}
