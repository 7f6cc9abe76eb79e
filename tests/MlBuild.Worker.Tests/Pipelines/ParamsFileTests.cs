using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Pipelines;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Pipelines;

public sealed class ParamsFileTests
{
    private static readonly Location Item = new("p.csproj", 4, 2);

    [Fact]
    public void Reads_an_object_and_where_each_param_is_written()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("params.json", "{\n  // tuned by hand\n  \"L2Regularization\": 0.5,\n    \"quiet\": true,\n}\n");

        var parameters = ParamsFile.Read(path, Item);

        Assert.Equal(0.5, parameters.Values["l2regularization"].GetDouble());
        Assert.Equal(new Location(path, 3, 3), parameters.LocationOf("L2Regularization"));
        Assert.Equal(new Location(path, 4, 5), parameters.LocationOf("Quiet"));
        Assert.True(parameters.ToModelParams().Get("quiet", false));
    }

    [Fact]
    public void A_byte_order_mark_is_allowed()
    {
        using var temp = new TestDirectory();
        var path = temp.File("params.json");
        File.WriteAllText(path, "{ \"a\": 1 }", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal(1, ParamsFile.Read(path, Item).Values["a"].GetInt32());
    }

    [Fact]
    public void Invalid_json_is_reported_at_its_line_and_column()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("params.json", "{\n  \"a\": 1,\n  \"b\": tru\n}\n");

        var error = Assert.Throws<MlbException>(() => ParamsFile.Read(path, Item)).First;

        Assert.Equal(MlbCodes.InvalidParamsFile, error.Code);
        Assert.Equal(path, error.At.File);
        Assert.Equal(3, error.At.Line);
        Assert.True(error.At.Column > 0);
    }

    [Fact]
    public void A_json_array_is_not_a_params_object()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("params.json", "[1, 2]");

        var error = Assert.Throws<MlbException>(() => ParamsFile.Read(path, Item)).First;

        Assert.Equal(MlbCodes.InvalidParamsFile, error.Code);
        Assert.Equal(new Location(path, 1), error.At);
        Assert.Contains("array", error.Message);
    }

    [Fact]
    public void No_params_file_means_no_params() =>
        Assert.Empty(ParamsFile.Read(null, Item).Values);
}
