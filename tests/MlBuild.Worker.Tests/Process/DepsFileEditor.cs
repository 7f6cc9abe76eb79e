using System.Text.Json.Nodes;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Process;

/// <summary>Makes the deps.json of a project that does not reference a package (Microsoft.ML.LightGbm,
/// Microsoft.ML.OnnxConverter), from the test project's.</summary>
internal static class DepsFileEditor
{
    private static readonly string[] TestOnlyProjects = ["MlBuild.Worker.Tests", "MlBuild.TestSupport", "MlBuild.Core", "MlBuild.GitHub"];

    public static string WithoutLightGbm(TestDirectory temp) => Without(temp, "Microsoft.ML.LightGbm", "LightGBM");

    public static string WithoutOnnxConverter(TestDirectory temp) => Without(temp, "Microsoft.ML.OnnxConverter");

    private static string Without(TestDirectory temp, params string[] packages)
    {
        bool IsRemoved(string library) =>
            packages.Any(p => library.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase));

        var deps = JsonNode.Parse(File.ReadAllText(WorkerProcess.DepsFile))!.AsObject();
        foreach (var (_, target) in deps["targets"]!.AsObject())
        {
            var libraries = target!.AsObject();
            foreach (var name in libraries.Select(l => l.Key).Where(IsRemoved).ToList())
                libraries.Remove(name);
            foreach (var (name, library) in libraries)
            {
                foreach (var package in packages)
                    (library!["dependencies"] as JsonObject)?.Remove(package);
                // Project assemblies resolve beside the deps.json, which here is not the test output folder; the
                // test project's own and what only the tests reference (TestSupport and the core under it) go.
                if (TestOnlyProjects.Any(project => name.StartsWith(project + "/", StringComparison.Ordinal)))
                    library!.AsObject().Remove("runtime");
            }
        }
        var catalog = deps["libraries"]!.AsObject();
        foreach (var name in catalog.Select(l => l.Key).Where(IsRemoved).ToList())
            catalog.Remove(name);

        var tools = Directory.CreateDirectory(temp.File("tools")).FullName;
        File.Copy(typeof(PipelineContext).Assembly.Location, Path.Combine(tools, "MlBuild.Runtime.dll"), overwrite: true);
        var path = Path.Combine(tools, "App.deps.json");
        File.WriteAllText(path, deps.ToJsonString());
        return path;
    }
}
