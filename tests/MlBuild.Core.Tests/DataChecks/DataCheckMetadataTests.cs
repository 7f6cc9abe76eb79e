using MlBuild.Definitions;
using MlBuild.Data.Checks;
using MlBuild.Core.Declarations;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests.DataChecks;

/// <summary>The data checks' metadata on MlModel items: defaults, DataChecks for all, a check's own level over it,
/// thresholds, and MLB1008 for values that do not parse.</summary>
public sealed class DataCheckMetadataTests : IDisposable
{
    private readonly TestDirectory _project = new();

    public DataCheckMetadataTests()
    {
        _project.Write("data/train.csv", "a,Label\n1,2\n");
        _project.Write("p.csproj", "<Project><ItemGroup><MlModel Include=\"M\" /></ItemGroup></Project>");
    }

    public void Dispose() => _project.Dispose();

    private (ModelDeclaration? Model, List<ModelDeclarationReader.Problem> Problems) Read(params (string Key, string Value)[] metadata)
    {
        var item = new DeclaredItem("M", [("Task", "BinaryClassification"), ("TrainData", "data/train.csv"), .. metadata]);
        var problems = new List<ModelDeclarationReader.Problem>();
        var models = ModelDeclarationReader.Read([item], _project.File("p.csproj"), _project.Path, problems);
        return (models.SingleOrDefault(), problems);
    }

    [Fact]
    public void Without_metadata_every_check_has_its_default()
    {
        var (model, problems) = Read();

        Assert.Empty(problems);
        Assert.Equal(DataCheckSettings.Default, model!.DataChecks);
        Assert.Equal((CheckLevel.Error, CheckLevel.Error, CheckLevel.Error, 20),
            (model.DataChecks.SchemaChanges, model.DataChecks.MissingLabels, model.DataChecks.TooFewRows, model.DataChecks.MinRows));
        Assert.Equal((CheckLevel.Warning, 0.01, CheckLevel.Warning, CheckLevel.Warning, CheckLevel.Warning, 0.25),
            (model.DataChecks.RareClasses, model.DataChecks.MinClassShare, model.DataChecks.ConstantColumns,
                model.DataChecks.Leakage, model.DataChecks.TrainTestShift, model.DataChecks.MaxPsi));
        Assert.Equal((0.25, 0.2), (model.Drift.MaxPsi, model.Drift.MaxKs));
    }

    [Fact]
    public void DataChecks_none_turns_every_check_off_but_missing_labels_and_a_checks_own_level_wins()
    {
        var (model, problems) = Read(("DataChecks", "none"), ("Leakage", "Error"));

        Assert.Empty(problems);
        var checks = model!.DataChecks;
        Assert.Equal([CheckLevel.Off, CheckLevel.Off, CheckLevel.Off, CheckLevel.Off, CheckLevel.Off],
            [checks.SchemaChanges, checks.TooFewRows, checks.RareClasses, checks.ConstantColumns, checks.TrainTestShift]);
        Assert.Equal((CheckLevel.Error, CheckLevel.Error), (checks.Leakage, checks.MissingLabels));
    }

    [Fact]
    public void DataChecks_warning_makes_every_finding_a_warning()
    {
        var (model, _) = Read(("DataChecks", "warning"), ("ConstantColumns", "off"));

        var checks = model!.DataChecks;
        Assert.Equal([CheckLevel.Warning, CheckLevel.Warning, CheckLevel.Warning, CheckLevel.Warning, CheckLevel.Warning, CheckLevel.Warning],
            [checks.SchemaChanges, checks.MissingLabels, checks.TooFewRows, checks.RareClasses, checks.Leakage, checks.TrainTestShift]);
        Assert.Equal(CheckLevel.Off, checks.ConstantColumns);
    }

    [Fact]
    public void Thresholds_are_read_in_the_invariant_culture()
    {
        var (model, problems) = Read(("MinRows", "50"), ("MinClassShare", "0.05"), ("MaxPsi", "0.1"), ("MaxKs", "0.15"));

        Assert.Empty(problems);
        Assert.Equal((50, 0.05, 0.1), (model!.DataChecks.MinRows, model.DataChecks.MinClassShare, model.DataChecks.MaxPsi));
        Assert.Equal((0.1, 0.15), (model.Drift.MaxPsi, model.Drift.MaxKs));
    }

    [Theory]
    [InlineData("DataChecks", "sometimes", "DataChecks is 'sometimes'")]
    [InlineData("Leakage", "1", "Leakage is '1'; use error, warning or off")]
    [InlineData("MissingLabels", "off", "MissingLabels is 'off'; use error, or warning")]
    [InlineData("MinRows", "12.5", "MinRows is '12.5'")]
    [InlineData("MinClassShare", "5%", "MinClassShare is '5%'")]
    [InlineData("MaxPsi", "0,25", "MaxPsi is '0,25'")]
    [InlineData("MaxKs", "2", "MaxKs is '2'")]
    public void A_value_that_does_not_parse_is_MLB1008_and_the_model_is_left_out(string key, string value, string message)
    {
        var (model, problems) = Read((key, value));

        Assert.Null(model);
        var problem = Assert.Single(problems);
        Assert.Equal("MLB1008", problem.Code);
        Assert.Contains(message, problem.Message);
    }
}
