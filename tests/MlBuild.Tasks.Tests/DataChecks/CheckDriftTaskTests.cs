using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Data.Profiles;
using MlBuild.Tasks;

namespace MlBuild.Tasks.Tests.DataChecks;

/// <summary>The CheckDrift task against a profile beside the model, with a fake build engine.</summary>
public sealed class CheckDriftTaskTests : IDisposable
{
    private readonly TestDirectory _project = new();
    private readonly FakeBuildEngine _engine = new();

    public CheckDriftTaskTests()
    {
        _project.Write("p.csproj", "<Project>\n  <ItemGroup>\n    <MlModel Include=\"M\" />\n  </ItemGroup>\n</Project>");
        _project.Write("data/train.csv", Rows(1000, seed: 1, shift: 0));
        var profile = FileProfiles.Of(_project.File("data/train.csv"), "M");
        _project.Write("bin/M.profile.json", ProfileJson.Serialize(profile));
    }

    public void Dispose() => _project.Dispose();

    private static string Rows(int count, int seed, double shift)
    {
        var random = new Random(seed);
        return "Label,x,y\n" + string.Concat(Enumerable.Range(0, count).Select(_ =>
            string.Create(CultureInfo.InvariantCulture, $"{random.Next(2)},{random.NextDouble() * 10 + shift:0.###},{"abc"[random.Next(3)]}\n")));
    }

    /// <summary>The drift target's two steps: plan the checks, then one <c>mlbuild drift</c> per model, run from the
    /// tool built beside these tests.</summary>
    private bool Run(string? data, string? models = null, params (string Key, string Value)[] metadata)
    {
        var item = new TaskItem("M");
        item.SetMetadata("Task", "BinaryClassification");
        item.SetMetadata("TrainData", "data/train.csv");
        foreach (var (key, value) in metadata)
            item.SetMetadata(key, value);
        var plan = new PlanDriftChecks
        {
            BuildEngine = _engine,
            Models = [item],
            ProjectFile = _project.File("p.csproj"),
            OutputDirectory = _project.File("bin"),
            DriftData = data,
            DriftModels = models,
        };
        if (!plan.Execute())
            return false;
        var passed = true;
        foreach (var check in plan.Checks)
            passed &= CheckOf(check, ToolAssembly).Execute();
        return passed;
    }

    private static readonly string ToolAssembly = Path.Combine(AppContext.BaseDirectory, "mlbuild.dll");

    private CheckDrift CheckOf(ITaskItem check, string tool) => new()
    {
        BuildEngine = _engine,
        ToolAssembly = tool,
        ProjectFile = _project.File("p.csproj"),
        ModelName = check.ItemSpec,
        ProfileFile = check.GetMetadata("ProfileFile"),
        DataFile = check.GetMetadata("DataFile"),
        MaxPsi = double.Parse(check.GetMetadata("MaxPsi"), CultureInfo.InvariantCulture),
        MaxKs = double.Parse(check.GetMetadata("MaxKs"), CultureInfo.InvariantCulture),
        DeclaredAt = check.GetMetadata("DeclaredAt"),
    };

    [Fact]
    public void New_data_of_the_same_distribution_passes_with_a_table()
    {
        _project.Write("data/new.csv", Rows(500, seed: 2, shift: 0));

        Assert.True(Run("data/new.csv"), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        Assert.True(_engine.Logged("M: new.csv (500 rows) against the training data train.csv (1,000 rows): no drift"));
        Assert.True(_engine.Logged("PSI limit"));
    }

    [Fact]
    public void A_shifted_feature_fails_with_MLB2110_at_the_new_data()
    {
        _project.Write("data/new.csv", Rows(500, seed: 2, shift: 3));

        Assert.False(Run("data/new.csv"));

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("MLB2110", _project.File("data/new.csv"), 1), (error.Code, error.File, error.LineNumber));
        Assert.StartsWith("M: the feature 'x' drifted from the training data: PSI", error.Message);
        // Raising the thresholds above the shift makes it pass.
        _engine.Errors.Clear();
        Assert.True(Run("data/new.csv", null, ("MaxPsi", "100"), ("MaxKs", "1")));
    }

    [Fact]
    public void Without_data_a_profile_or_a_known_model_it_says_why()
    {
        Assert.False(Run(null));
        Assert.Contains("set MlBuildDriftData", _engine.Errors.Single().Message);

        _engine.Errors.Clear();
        _project.Write("data/new.csv", Rows(50, seed: 2, shift: 0));
        Assert.False(Run("data/new.csv", "Other"));
        Assert.Equal("MLB2111", _engine.Errors.Single().Code);
        Assert.Contains("'Other', which is not a model of this project (its models: M)", _engine.Errors.Single().Message);

        _engine.Errors.Clear();
        File.Delete(_project.File("bin/M.profile.json"));
        Assert.False(Run("data/new.csv"));
        Assert.Equal(("MLB2111", 3), (_engine.Errors.Single().Code, _engine.Errors.Single().LineNumber));
    }

    [Fact]
    public void Without_the_tool_it_fails_with_MLB4007_naming_the_missing_file()
    {
        _project.Write("data/new.csv", Rows(50, seed: 2, shift: 0));
        var plan = new PlanDriftChecks
        {
            BuildEngine = _engine,
            Models = [new TaskItem("M", new Dictionary<string, string> { ["Task"] = "BinaryClassification", ["TrainData"] = "data/train.csv" })],
            ProjectFile = _project.File("p.csproj"),
            OutputDirectory = _project.File("bin"),
            DriftData = "data/new.csv",
        };
        Assert.True(plan.Execute());
        var missing = _project.File("tools/mlbuild.dll");

        Assert.False(CheckOf(Assert.Single(plan.Checks), missing).Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("MLB4007", error.Code);
        Assert.Contains(missing, error.Message);
    }
}
