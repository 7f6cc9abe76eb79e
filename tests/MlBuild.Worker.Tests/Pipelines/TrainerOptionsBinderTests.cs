using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Pipelines;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Pipelines;

public sealed class TrainerOptionsBinderTests
{
    private static ParamsFile Params(TestDirectory temp, string json) =>
        ParamsFile.Read(temp.Write("params.json", json), new Location("p.csproj"));

    [Fact]
    public void Sets_numbers_booleans_and_enums_ignoring_case()
    {
        using var temp = new TestDirectory();
        var options = new FastTreeRegressionTrainer.Options();

        TrainerOptionsBinder.Apply(options, "FastTree",
            Params(temp, """{ "numberOfTrees": 7, "learningrate": 0.3, "FeatureFlocks": false, "Bundling": "Adjacent", "NumberOfThreads": 2 }"""));

        Assert.Equal(7, options.NumberOfTrees);
        Assert.Equal(0.3, options.LearningRate);
        Assert.False(options.FeatureFlocks);
        Assert.Equal(Bundle.Adjacent, options.Bundling);
        Assert.Equal(2, options.NumberOfThreads);
    }

    [Fact]
    public void Nullable_options_take_numbers()
    {
        using var temp = new TestDirectory();
        var options = new SdcaLogisticRegressionBinaryTrainer.Options();

        TrainerOptionsBinder.Apply(options, "SdcaLogisticRegression", Params(temp, """{ "L2Regularization": 0.25 }"""));

        Assert.Equal(0.25f, options.L2Regularization);
    }

    [Fact]
    public void An_unknown_param_lists_the_options_at_its_line()
    {
        using var temp = new TestDirectory();
        var parameters = Params(temp, "{\n  \"NumberOfTrees\": 5,\n  \"Trees\": 5\n}");

        var error = Assert.Throws<MlbException>(() =>
            TrainerOptionsBinder.Apply(new FastTreeRegressionTrainer.Options(), "FastTree", parameters)).First;

        Assert.Equal(MlbCodes.UnknownParam, error.Code);
        Assert.Equal(new Location(temp.File("params.json"), 3, 3), error.At);
        Assert.Contains("'Trees' is not an option of FastTree", error.Message);
        Assert.Contains("NumberOfLeaves", error.Message);
        Assert.DoesNotContain("LabelColumnName", error.Message);
    }

    [Fact]
    public void A_trainer_without_options_takes_no_params()
    {
        using var temp = new TestDirectory();

        var error = Assert.Throws<MlbException>(() =>
            TrainerOptionsBinder.Apply(null, "NaiveBayes", Params(temp, """{ "x": 1 }"""))).First;

        Assert.Equal(MlbCodes.UnknownParam, error.Code);
        Assert.Contains("has none", error.Message);
    }

    [Theory]
    [InlineData("""{ "NumberOfTrees": "many" }""", "a whole number")]
    [InlineData("""{ "NumberOfTrees": 2.5 }""", "a whole number")]
    [InlineData("""{ "FeatureFlocks": 1 }""", "true or false")]
    [InlineData("""{ "Bundling": "Sideways" }""", "\"Adjacent\"")]
    [InlineData("""{ "LearningRate": [1] }""", "a number")]
    public void A_value_of_the_wrong_type_says_what_the_option_takes(string json, string expected)
    {
        using var temp = new TestDirectory();

        var error = Assert.Throws<MlbException>(() =>
            TrainerOptionsBinder.Apply(new FastTreeRegressionTrainer.Options(), "FastTree", Params(temp, json))).First;

        Assert.Equal(MlbCodes.InvalidParamValue, error.Code);
        Assert.Equal(new Location(temp.File("params.json"), 1, 3), error.At);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Determinism_sets_one_thread_the_seed_and_deterministic_mode_unless_the_params_do()
    {
        using var temp = new TestDirectory();
        var forest = new FastForestBinaryTrainer.Options();
        var lbfgs = new LbfgsLogisticRegressionBinaryTrainer.Options();
        var given = Params(temp, """{ "NumberOfThreads": 2 }""");

        TrainerOptionsBinder.ApplyDeterminism(forest, ParamsFile.Empty, seed: 42);
        TrainerOptionsBinder.ApplyDeterminism(lbfgs, given, seed: 42);

        Assert.Equal(1, forest.NumberOfThreads);
        Assert.Equal(42, forest.Seed);
        Assert.Null(lbfgs.NumberOfThreads);
    }
}
