using System.Text.Json;
using System.Text.Json.Nodes;
using MlBuild.Core.IO;

namespace MlBuild.Core.Packaging;

/// <summary>
/// What <see cref="Tasks.PlanModelPackages"/> decided for one model, handed to <see cref="Tasks.WriteModelPackages"/>
/// as a file (binary logs stay small: items carry its path, not its content).
/// </summary>
internal sealed record PackagePlan
{
    public required string Name { get; init; }
    public required string PackageId { get; init; }
    public required string Version { get; init; }
    public required string ProjectFile { get; init; }
    /// <summary>The trained model in the project's output folder.</summary>
    public required string ModelFile { get; init; }
    /// <summary>&lt;Name&gt;.onnx beside the model, when the build wrote one.</summary>
    public string? OnnxFile { get; init; }
    /// <summary>&lt;Name&gt;.profile.json (the training data's profile) beside the model, when the build wrote one.</summary>
    public string? ProfileFile { get; init; }
    /// <summary>The item's Description metadata, if any.</summary>
    public string? Description { get; init; }
    /// <summary>The model's entry in the lock file: its lineage and metrics.</summary>
    public required JsonObject LockEntry { get; init; }
    /// <summary>The manifest's "evaluation" section.</summary>
    public required EvaluationSummary Evaluation { get; init; }
    /// <summary>The refusals MlBuildPackageForce overrode.</summary>
    public IReadOnlyList<string> Forced { get; init; } = [];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Options));

    public static PackagePlan Load(string path) =>
        JsonSerializer.Deserialize<PackagePlan>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path} holds no package plan.");
}
