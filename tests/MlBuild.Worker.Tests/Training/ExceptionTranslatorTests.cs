using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Tests.Training;

public sealed class ExceptionTranslatorTests
{
    [Fact]
    public void A_missing_lightgbm_assembly_asks_for_the_package_reference()
    {
        var missing = new FileNotFoundException("Could not load file or assembly 'Microsoft.ML.LightGbm, Version=1.0.0.0'.",
            "Microsoft.ML.LightGbm, Version=1.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51");

        var error = ExceptionTranslator.Translate(new InvalidOperationException("wrapped", missing), new Location("p.csproj", 3));

        Assert.Equal(MlbCodes.MissingTrainerPackage, error.Code);
        Assert.Equal(new Location("p.csproj", 3), error.At);
        Assert.Contains("<PackageReference Include=\"Microsoft.ML.LightGbm\" Version=\"5.0.1\" />", error.Message);
    }

    [Fact]
    public void A_missing_onnx_converter_asks_for_its_package_reference_with_its_own_version()
    {
        var missing = new FileNotFoundException("Could not load file or assembly 'Microsoft.ML.OnnxConverter, Version=1.0.0.0'.",
            "Microsoft.ML.OnnxConverter, Version=1.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51");

        var error = ExceptionTranslator.Translate(missing, new Location("p.csproj", 3));

        Assert.Equal(MlbCodes.MissingOnnxConverter, error.Code);
        Assert.Equal(new Location("p.csproj", 3), error.At);
        Assert.Contains("<PackageReference Include=\"Microsoft.ML.OnnxConverter\" Version=\"0.23.1\" />", error.Message);
    }

    [Fact]
    public void A_missing_lightgbm_native_library_asks_for_the_package_reference() =>
        Assert.Equal("Microsoft.ML.LightGbm",
            ExceptionTranslator.MissingPackage(new DllNotFoundException("Unable to load shared library 'lib_lightgbm'")));

    [Fact]
    public void A_missing_ml_net_assembly_names_its_package() =>
        Assert.Equal("Microsoft.ML.Mkl.Components", ExceptionTranslator.MissingPackage(
            new FileNotFoundException("Could not load.", "Microsoft.ML.Mkl.Components, Version=1.0.0.0, Culture=neutral")));

    [Fact]
    public void A_missing_assembly_of_the_project_is_not_a_trainer_package() =>
        Assert.Null(ExceptionTranslator.MissingPackage(new FileNotFoundException("Could not load.", "Contoso.Helpers")));

    [Fact]
    public void Other_exceptions_give_their_innermost_message()
    {
        var error = ExceptionTranslator.Translate(
            new System.Reflection.TargetInvocationException(new ArgumentException("Bad column.")), new Location("p.csproj"));

        Assert.Equal(MlbCodes.TrainingFailed, error.Code);
        Assert.Equal("training failed: Bad column. (ArgumentException)", error.Message);
    }
}
