using System.Xml.Linq;
using MlBuild.Core.Declarations;

namespace MlBuild.Core.Tests.Declarations;

/// <summary>The package's ItemDefinitionGroup for MlModel (build/MlBuild.props) says what the core does for an item
/// without the metadata: a model declared either way is the same model.</summary>
public sealed class MlModelItemDefinitionTests : IDisposable
{
    private static readonly string[] CheckLevels =
        ["DataChecks", "SchemaChanges", "MissingLabels", "TooFewRows", "RareClasses", "ConstantColumns", "Leakage", "TrainTestShift"];

    private readonly TestDirectory _project = new();

    public MlModelItemDefinitionTests()
    {
        _project.Write("data/train.csv", "a,Label\n1,2\n");
        _project.Write("p.csproj", "<Project><ItemGroup><MlModel Include=\"M\" /></ItemGroup></Project>");
    }

    public void Dispose() => _project.Dispose();

    private static IReadOnlyList<(string Name, string Value)> Definitions()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "MlBuild", "build", "MlBuild.props"));
        return props.Root!.Elements("ItemDefinitionGroup").Elements("MlModel").Elements()
            .Select(e => (e.Name.LocalName, e.Value.Trim())).ToList();
    }

    private ModelDeclaration Read(params (string Key, string Value)[] metadata)
    {
        var problems = new List<ModelDeclarationReader.Problem>();
        var models = ModelDeclarationReader.Read(
            [new DeclaredItem("M", [("Task", "Regression"), ("TrainData", "data/train.csv"), .. metadata])],
            _project.File("p.csproj"), _project.Path, problems);
        Assert.Empty(problems);
        return Assert.Single(models);
    }

    [Fact]
    public void The_item_definitions_are_the_defaults_of_the_core()
    {
        var definitions = Definitions();
        Assert.Contains(definitions, d => d.Name == "Seed");

        var defined = Read([.. definitions]);
        var bare = Read();

        Assert.Equal((bare.TestFraction, bare.Seed, bare.ExportOnnx), (defined.TestFraction, defined.Seed, defined.ExportOnnx));
        Assert.Equal(DataCheckSettings.Default, defined.DataChecks);
        Assert.Equal(DriftThresholds.Default, defined.Drift);
        Assert.Equal((ModelDeclarationReader.DefaultTestFraction, ModelDeclarationReader.DefaultSeed), (defined.TestFraction, defined.Seed));
    }

    [Fact]
    public void No_check_level_is_defined_so_that_an_items_DataChecks_still_sets_them_all()
    {
        Assert.DoesNotContain(Definitions(), d => CheckLevels.Contains(d.Name));

        var off = Read([.. Definitions(), ("DataChecks", "off")]);

        Assert.Equal(CheckLevel.Off, off.DataChecks.SchemaChanges);
    }
}
