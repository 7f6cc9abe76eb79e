using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MlBuild.Core.Tests.Support;

/// <summary>
/// Compiles C# sources with Roslyn into real assemblies on disk, deterministically (as the SDK does), so that
/// tests can look at exactly what a project build would produce from a given source.
/// </summary>
internal static class TestCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    /// <summary>Compiles the files into <paramref name="outputDirectory"/>/<paramref name="assemblyName"/>.dll.</summary>
    /// <returns>The path of the assembly.</returns>
    /// <exception cref="InvalidOperationException">The sources do not compile.</exception>
    public static string Compile(
        string outputDirectory,
        string assemblyName,
        IEnumerable<(string Path, string Code)> files,
        OptimizationLevel optimization = OptimizationLevel.Release,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var syntaxTrees = files.Select(file => CSharpSyntaxTree.ParseText(file.Code, parseOptions, file.Path));
        var options = new CSharpCompilationOptions(
            outputKind,
            optimizationLevel: optimization,
            deterministic: true,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: true);
        var compilation = CSharpCompilation.Create(assemblyName, syntaxTrees, FrameworkReferences.Value, options);

        Directory.CreateDirectory(outputDirectory);
        var assemblyPath = Path.Combine(outputDirectory, assemblyName + ".dll");
        using (var output = File.Create(assemblyPath))
        {
            var result = compilation.Emit(output);
            if (!result.Success)
            {
                var errors = result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
                throw new InvalidOperationException("The test sources do not compile:\n" + string.Join("\n", errors));
            }
        }

        return assemblyPath;
    }

    // The running framework's own assemblies: enough for the small sources of the tests, no package needed.
    private static IReadOnlyList<MetadataReference> LoadFrameworkReferences()
    {
        string[] names = ["System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq", "System.Console", "System.Threading"];
        var trustedAssemblies = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trustedAssemblies
            .Where(path => names.Contains(Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}
