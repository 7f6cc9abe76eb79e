using MlBuild.Core.Declarations;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests;

public sealed class ModelDeclarationReaderTests : IDisposable
{
    private readonly TestDirectory _project = new();

    public ModelDeclarationReaderTests()
    {
        _project.Write("data/train.csv", "a,Label\n1,2\n");
        _project.Write("p.csproj", """
            <Project>
              <ItemGroup>
                <MlModel Include="Good" />
                <MlModel Include="Bad name" />
                <MlModel Include="Labelled" Label="Species" />
              </ItemGroup>
            </Project>
            """);
    }

    public void Dispose() => _project.Dispose();

    private (IReadOnlyList<ModelDeclaration> Models, List<ModelDeclarationReader.Problem> Problems) Read(
        params DeclaredItem[] items)
    {
        var problems = new List<ModelDeclarationReader.Problem>();
        var models = ModelDeclarationReader.Read(items, _project.File("p.csproj"), _project.Path, problems);
        return (models, problems);
    }

    private static DeclaredItem Item(string name, params (string Key, string Value)[] metadata) =>
        new(name, [("Task", "Regression"), ("TrainData", "data/train.csv"), .. metadata]);

    [Fact]
    public void A_valid_item_gets_defaults_and_absolute_paths()
    {
        var (models, problems) = Read(Item("Good", ("Features", "a; b"), ("Separator", "tab"), ("HasHeader", "true")));

        Assert.Empty(problems);
        var model = Assert.Single(models);
        Assert.Equal(_project.File("data/train.csv"), model.TrainData);
        Assert.Equal(0.2, model.TestFraction);
        Assert.Equal(42, model.Seed);
        Assert.Equal(["a", "b"], model.Features);
        Assert.Equal("\t", model.Separator);
        Assert.True(model.HasHeader);
        Assert.Equal(3, model.Location.Line);
    }

    [Theory]
    [InlineData("Bad name", "MLB1001")]
    [InlineData("a/b", "MLB1001")]
    [InlineData("Ok.Name_1-2", null)]
    public void Model_names_are_letters_digits_dots_underscores_and_dashes(string name, string? code)
    {
        var (_, problems) = Read(Item(name));
        Assert.Equal(code, problems.SingleOrDefault()?.Code);
    }

    [Fact]
    public void An_invalid_name_points_at_its_item_line()
    {
        var (_, problems) = Read(Item("Bad name"));
        Assert.Equal(4, Assert.Single(problems).Location.Line);
    }

    [Fact]
    public void Two_models_with_one_name_are_a_problem_even_in_different_case()
    {
        var (models, problems) = Read(Item("Good"), Item("good"));
        Assert.Single(models);
        Assert.Equal("MLB1002", Assert.Single(problems).Code);
    }

    [Theory]
    [InlineData("Task", "Clustering", "MLB1005")]
    [InlineData("Task", "", "MLB1005")]
    [InlineData("TrainData", "", "MLB1003")]
    [InlineData("TrainData", "data/none.csv", "MLB1004")]
    [InlineData("TestData", "data/none.csv", "MLB1004")]
    [InlineData("Params", "none.json", "MLB1004")]
    [InlineData("TestFraction", "1.5", "MLB1008")]
    [InlineData("TestFraction", "abc", "MLB1008")]
    [InlineData("Seed", "1.5", "MLB1008")]
    [InlineData("HasHeader", "yes", "MLB1008")]
    [InlineData("Separator", ";;", "MLB1008")]
    [InlineData("ExportOnnx", "yes", "MLB1008")]
    public void Each_bad_metadata_value_is_reported_with_its_code(string key, string value, string code)
    {
        var (models, problems) = Read(Item("Good", (key, value)));

        Assert.Empty(models);
        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        Assert.StartsWith("Good: ", problem.Message);
    }

    [Fact]
    public void An_empty_data_file_is_reported_at_the_file()
    {
        var empty = _project.Write("data/empty.csv", "");
        var (_, problems) = Read(Item("Good", ("TrainData", "data/empty.csv")));

        var problem = Assert.Single(problems);
        Assert.Equal("MLB2001", problem.Code);
        Assert.Equal(empty, problem.Location.File);
    }

    [Fact]
    public void A_trainer_and_a_pipeline_together_are_a_problem()
    {
        var (_, problems) = Read(Item("Good", ("Trainer", "FastTree"), ("Pipeline", "Samples.P")));
        Assert.Equal("MLB1009", Assert.Single(problems).Code);
    }

    [Fact]
    public void Task_names_are_matched_ignoring_case_and_recorded_in_their_canonical_form()
    {
        var (models, _) = Read(Item("Good", ("Task", "binaryclassification")));
        Assert.Equal("BinaryClassification", Assert.Single(models).Task);
    }

    [Fact]
    public void A_Label_attribute_which_MSBuild_keeps_for_itself_is_an_error_that_names_LabelColumn()
    {
        var (models, problems) = Read(Item("Labelled"));

        Assert.Empty(models);
        var problem = Assert.Single(problems);
        Assert.Equal("MLB1011", problem.Code);
        Assert.Contains("LabelColumn=\"Species\"", problem.Message);
        Assert.Equal(5, problem.Location.Line);
    }

    [Fact]
    public void The_label_column_comes_from_LabelColumn_or_a_Label_child_element()
    {
        Assert.Equal("Species", Assert.Single(Read(Item("Labelled", ("LabelColumn", "Species"))).Models).Label);
        Assert.Equal("Species", Assert.Single(Read(Item("Good", ("Label", "Species"))).Models).Label);
    }
}
