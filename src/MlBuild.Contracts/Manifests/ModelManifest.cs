using System.Text.Json;
using System.Text.Json.Serialization;
using MlBuild.Definitions;

namespace MlBuild;

/// <summary>
/// The manifest of a model package (<c>mlmodel.json</c> in the package, <c>&lt;Name&gt;.mlmodel.json</c> beside the
/// model in an application's output folder): what the model is, what it takes and gives, how good it was, and exactly
/// what produced it. Written by MlBuild's <c>MlBuildPackage</c> target and read by this library's <c>MlModelPackage</c>
/// through the same type (MlBuild.Contracts/Manifests, compiled into both).
/// </summary>
sealed partial class ModelManifest
{
    /// <summary>The file name of the manifest of the model named <paramref name="modelName"/> in an output folder.</summary>
    /// <param name="modelName">The model's name.</param>
    public static string FileNameOf(string modelName) => modelName + ".mlmodel.json";

    /// <summary>The version of the manifest's format; this library reads version 1.</summary>
    public int FormatVersion { get; init; }

    /// <summary>The model's name: the Include of its MlModel item, and the name of its file (<c>&lt;Name&gt;.zip</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>The id of the NuGet package that carried the model.</summary>
    public string PackageId { get; init; } = "";

    /// <summary>The package's version: the model's version.</summary>
    public string Version { get; init; } = "";

    /// <summary>BinaryClassification, MulticlassClassification or Regression.</summary>
    public string Task { get; init; } = "";

    /// <summary>The label column of the training data (not needed to predict).</summary>
    public string? Label { get; init; }

    /// <summary>One line about the model (the package's description).</summary>
    public string? Description { get; init; }

    /// <summary>The files of the model in an application's output folder.</summary>
    public ManifestFiles Files { get; init; } = new();

    /// <summary>The model file's size and hashes, to tell that the file beside the manifest is the model it describes.</summary>
    public ModelFileFacts Model { get; init; } = new();

    /// <summary>The columns the model takes, by name and ML.NET type, as saved in the model.</summary>
    public IReadOnlyList<SchemaColumn> InputSchema { get; init; } = [];

    /// <summary>The columns the model adds: PredictedLabel, Score, Probability…</summary>
    public IReadOnlyList<SchemaColumn> OutputSchema { get; init; } = [];

    /// <summary>The test-set metrics recorded when the model was trained, with their 95% bootstrap intervals.</summary>
    public IReadOnlyDictionary<string, MetricValue> Metrics { get; init; } = new Dictionary<string, MetricValue>();

    /// <summary>The last evaluation of this very model (its gates), or the reason there is none.</summary>
    public EvaluationSummary Evaluation { get; init; } = new();

    /// <summary>What produced the model: data, params, trainer, seed, versions, commit, build time.</summary>
    public ModelLineage Lineage { get; init; } = new();

    /// <summary>The refusals that <c>MlBuildPackageForce=true</c> overrode when the package was made (empty normally):
    /// a model with any is one whose gates failed, or whose lock entry did not match its inputs.</summary>
    public IReadOnlyList<string> Forced { get; init; } = [];

    /// <summary>The primary metric of the task (MacroAccuracy, AreaUnderRocCurve or RSquared) with its interval, when recorded.</summary>
    [JsonIgnore]
    public NamedMetric? PrimaryMetric
    {
        get
        {
            var name = ModelTasks.PrimaryMetricOrDefault(Task);
            return Metrics.TryGetValue(name, out var value) ? new NamedMetric(name, value) : null;
        }
    }

    /// <summary>Reads a manifest from its JSON text.</summary>
    /// <param name="json">The content of an <c>mlmodel.json</c>.</param>
    /// <exception cref="InvalidDataException">The text is not a manifest this library reads.</exception>
    public static ModelManifest Parse(string json)
    {
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(json, ManifestJsonContext.Default.ModelManifest);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The model manifest is not valid JSON: {e.Message}", e);
        }
        if (manifest is null || string.IsNullOrEmpty(manifest.Name))
            throw new InvalidDataException("The model manifest has no model name: it is not an mlmodel.json written by MlBuild.");
        if (manifest.FormatVersion != 1)
            throw new InvalidDataException(
                $"The model manifest of '{manifest.Name}' has format version {manifest.FormatVersion}; this MlBuild.Runtime reads version 1. Update the MlBuild package.");
        return manifest;
    }
}
