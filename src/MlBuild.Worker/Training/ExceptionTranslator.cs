using System.Reflection;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Export;

namespace MlBuild.Worker.Training;

/// <summary>Turns an unexpected exception into one error line: a missing trainer package (the project runs the
/// worker with its own dependencies, which may lack LightGbm) gets MLB3006 and the reference to add (MLB3007 for the
/// ONNX converter); anything else MLB4003 with the innermost message. The stack trace goes to the detail output only.</summary>
internal static class ExceptionTranslator
{
    // Managed ML.NET assemblies are named like their packages; native libraries are not.
    private const string ManagedPrefix = "Microsoft.ML.";

    private static readonly (string Library, string Package)[] NativePackages =
    [
        ("lib_lightgbm", "Microsoft.ML.LightGbm"),
        ("FastTreeNative", "Microsoft.ML.FastTree"),
    ];

    /// <param name="activity">What failed, for the message: "training" or "evaluation".</param>
    public static Diagnostic Translate(Exception exception, Location declaredAt, string activity = "training")
    {
        if (MissingPackage(exception) == OnnxConverterPackage.Name)
            return OnnxConverterPackage.Missing(declaredAt);
        if (MissingPackage(exception) is { } package)
            return new Diagnostic(MlbCodes.MissingTrainerPackage, declaredAt,
                $"the trainer needs the package {package}, which the project does not reference: add " +
                $"<PackageReference Include=\"{package}\" Version=\"5.0.1\" /> to the project, or choose another Trainer.");
        var inner = Innermost(exception);
        return new Diagnostic(MlbCodes.TrainingFailed, declaredAt,
            $"{activity} failed: {inner.Message} ({inner.GetType().Name})");
    }

    public static string? MissingPackage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            var assembly = e switch
            {
                FileNotFoundException notFound => notFound.FileName,
                FileLoadException loadFailed => loadFailed.FileName,
                _ => null,
            };
            if (assembly is not null && assembly.StartsWith(ManagedPrefix, StringComparison.Ordinal))
                return new AssemblyName(assembly).Name;
            if (e is DllNotFoundException native)
                foreach (var (library, package) in NativePackages)
                    if (native.Message.Contains(library, StringComparison.OrdinalIgnoreCase))
                        return package;
        }
        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e is TargetInvocationException or AggregateException or TypeInitializationException && e.InnerException is not null)
            e = e.InnerException!;
        return e;
    }
}
