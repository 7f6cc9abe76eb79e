using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.ML;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Export;

/// <summary>
/// The only code that touches Microsoft.ML.OnnxConverter. The worker compiles against it but ships none of it: like
/// the trainers' packages, the converter comes from the project's own dependencies (the worker runs with the project's
/// deps.json), so a project that exports must reference it. Each use sits in a method of its own, never inlined, so
/// that a missing assembly fails the call, where it is caught, and not the JIT of the caller.
/// </summary>
internal static class OnnxConverterPackage
{
    public const string Name = "Microsoft.ML.OnnxConverter";

    /// <summary>The version MlBuild is tested with (the one Directory.Packages.props pins), for the message.</summary>
    public const string Version = "0.23.1";

    /// <summary>Fails with MLB3007 when the project does not reference the converter: checked before anything is
    /// read or trained, so that nobody waits for a training that cannot be exported.</summary>
    public static void EnsureReferenced(Location declaredAt)
    {
        try
        {
            _ = LoadAssembly();
        }
        catch (Exception e) when (ExceptionTranslator.MissingPackage(e) == Name)
        {
            throw new MlbException([Missing(declaredAt)]);
        }
    }

    /// <summary>Converts <paramref name="model"/>, its inputs taken from <paramref name="input"/>'s schema.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Convert(MLContext ml, ITransformer model, IDataView input, Stream output) =>
        ml.Model.ConvertToOnnx(model, input, output);

    /// <summary>MLB3007, with the reference to add.</summary>
    public static Diagnostic Missing(Location declaredAt) =>
        new(MlbCodes.MissingOnnxConverter, declaredAt,
            $"ExportOnnx needs the package {Name}, which the project does not reference: add " +
            $"<PackageReference Include=\"{Name}\" Version=\"{Version}\" /> to the project, or remove ExportOnnx.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Assembly LoadAssembly() => typeof(OnnxExportExtensions).Assembly;
}
