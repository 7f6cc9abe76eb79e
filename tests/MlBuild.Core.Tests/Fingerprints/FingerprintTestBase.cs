using Microsoft.CodeAnalysis;
using MlBuild.Core.Fingerprints;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests.Fingerprints;

/// <summary>Builds variants of the <see cref="SampleProject"/> into a temporary directory of the test.</summary>
public abstract class FingerprintTestBase : IDisposable
{
    private readonly TestDirectory _directory = new();
    private int _builds;

    internal string Build(SampleProject project, OptimizationLevel optimization = OptimizationLevel.Release)
    {
        // Each build in its own folder, like two checkouts: the path must not matter either.
        var outputDirectory = Path.Combine(_directory.Path, "build" + ++_builds);
        return TestCompiler.Compile(outputDirectory, "Samples", project.Files, optimization, OutputKind.ConsoleApplication);
    }

    internal string FingerprintOf(SampleProject project, OptimizationLevel optimization = OptimizationLevel.Release) =>
        CodeFingerprint.Compute(Build(project, optimization), SampleProject.PipelineTypeName);

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
