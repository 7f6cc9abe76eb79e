using System.Text.Json.Nodes;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Process;

/// <summary>Makes the deps.json of a project that does not reference a package (Microsoft.ML.LightGbm,
/// Microsoft.ML.OnnxConverter), from the test project's.</summary>
internal static class DepsFileEditor
{
    public static string WithoutLightGbm(TestDirectory temp) => Without(temp, "Microsoft.ML.LightGbm", "LightGBM");

    public static string WithoutOnnxConverter(TestDirectory temp) => Without(temp, "Microsoft.ML.OnnxConverter");

    private static string Without(TestDirectory temp, params string[] packages)
    {
        bool IsRemoved(string library) =>
            packages.Any(p => library.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase));

        var deps = JsonNode.Parse(File.ReadAllText(WorkerProcess.DepsFile))!.AsObject();
        var catalog = deps["libraries"]!.AsObject();
        // Project assemblies resolve beside the deps.json, which here is not the test output folder: every project
        // but the runtime library (copied beside it, as a consuming project has it) goes, and the worker finds its own
        // (MlBuild.Data, MlBuild.Contracts) beside itself, as it does in the package's tools/ folder.
        var projects = catalog.Where(l => (string?)l.Value!["type"] == "project" && !l.Key.StartsWith("MlBuild.Runtime/", StringComparison.Ordinal))
            .Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, target) in deps["targets"]!.AsObject())
        {
            var libraries = target!.AsObject();
            foreach (var name in libraries.Select(l => l.Key).Where(IsRemoved).ToList())
                libraries.Remove(name);
            foreach (var (name, library) in libraries)
            {
                foreach (var package in packages)
                    (library!["dependencies"] as JsonObject)?.Remove(package);
                if (projects.Contains(name))
                    library!.AsObject().Remove("runtime");
            }
        }
        foreach (var name in catalog.Select(l => l.Key).Where(IsRemoved).ToList())
            catalog.Remove(name);

        var tools = Directory.CreateDirectory(temp.File("tools")).FullName;
        File.Copy(typeof(PipelineContext).Assembly.Location, Path.Combine(tools, "MlBuild.Runtime.dll"), overwrite: true);
        var path = Path.Combine(tools, "App.deps.json");
        File.WriteAllText(path, deps.ToJsonString());
        return path;
    }
}
