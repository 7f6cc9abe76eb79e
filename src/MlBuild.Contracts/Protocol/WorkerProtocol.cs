// The contract between the MSBuild tasks (which decide what to train) and the worker process
// (which trains with ML.NET), in the contracts assembly both reference, so that neither references the other:
// the tasks must never load ML.NET, and the worker must never load MSBuild.
using System.Text.Json;
using System.Text.Json.Serialization;
using MlBuild.Definitions;

namespace MlBuild.Protocol;

/// <summary>What the tasks ask the worker to train: one model, fully resolved (absolute paths).</summary>
public sealed record TrainRequest
{
    public required string ModelName { get; init; }

    /// <summary>The project file that declares the model, and the line of its MlModel item (0 when unknown):
    /// errors about the declaration point there.</summary>
    public required string ProjectFile { get; init; }
    public int ItemLine { get; init; }
    public int ItemColumn { get; init; }

    /// <summary>BinaryClassification, MulticlassClassification or Regression.</summary>
    public required string Task { get; init; }
    public required string TrainData { get; init; }
    /// <summary>Null: the test set is a seeded split of TrainData of size TestFraction.</summary>
    public string? TestData { get; init; }
    public double TestFraction { get; init; } = 0.2;
    /// <summary>Null: the column named Label (case-insensitive).</summary>
    public string? Label { get; init; }
    /// <summary>Null or empty: every column but the label.</summary>
    public IReadOnlyList<string>? Features { get; init; }
    /// <summary>Column names for files without a header line (else Column1…ColumnN).</summary>
    public IReadOnlyList<string>? Columns { get; init; }
    /// <summary>Declarative mode only; null: the default trainer of the task.</summary>
    public string? Trainer { get; init; }
    /// <summary>A single character; null: inferred from the first line.</summary>
    public string? Separator { get; init; }
    /// <summary>Null: inferred.</summary>
    public bool? HasHeader { get; init; }
    public int Seed { get; init; }
    /// <summary>Absolute path of a JSON object of hyperparameters, or null.</summary>
    public string? ParamsFile { get; init; }
    /// <summary>Code mode: the full name of a class implementing MlBuild.IModelPipeline, and the built assembly holding it.</summary>
    public string? Pipeline { get; init; }
    public string? PipelineAssembly { get; init; }

    /// <summary>The level and threshold of each data check (null: the defaults). Resolved by the tasks from the item's
    /// metadata; the missing-label level also decides which rows evaluation reads, so evaluation gets it too.</summary>
    public DataCheckSettings? DataChecks { get; init; }
    /// <summary>The data's schema as the lock file recorded it when the model was last trained (null: nothing to compare
    /// with, or the change was accepted): the schema check compares the data with it.</summary>
    public RecordedSchema? PreviousSchema { get; init; }

    /// <summary>Where the worker writes the trained model (a temporary path; the tasks move it into place).</summary>
    public required string ModelOutputPath { get; init; }
    /// <summary>Where the worker writes the training data's profile (a temporary path; null: none), before the result.</summary>
    public string? ProfileOutputPath { get; init; }
    /// <summary>ExportOnnx: where the worker writes the model converted to ONNX (a temporary path; null: no export),
    /// after the model and before the result. A model that cannot be converted fails the run, writing nothing.</summary>
    public string? OnnxOutputPath { get; init; }
    /// <summary>Where the worker writes its <see cref="TrainResult"/> as JSON, last of all.</summary>
    public required string ResultOutputPath { get; init; }
}

/// <summary>What the worker reports after a successful training run.</summary>
public sealed record TrainResult
{
    /// <summary>The trainer (declarative mode) or the pipeline class (code mode), for the lock file.</summary>
    public required string Trainer { get; init; }
    /// <summary>The basic test-set metrics of the task, by ML.NET's names (MacroAccuracy, AreaUnderRocCurve, RSquared…).</summary>
    public required SortedDictionary<string, double> Metrics { get; init; }
    /// <summary>The 95% bootstrap interval of each of <see cref="Metrics"/> over the test rows (seeded), recorded in
    /// the lock file so that a later evaluation can tell a real change from noise without this model at hand.</summary>
    public SortedDictionary<string, MetricEstimate>? Intervals { get; init; }
    public double TrainingSeconds { get; init; }
    public int TrainRows { get; init; }
    public int TestRows { get; init; }
    /// <summary>The columns as inferred from the data: name to kind (Numeric, Boolean, Categorical, Text).</summary>
    public required SortedDictionary<string, string> Columns { get; init; }
    /// <summary>The label column's name: with <see cref="Columns"/>, the schema the lock file records.</summary>
    public string? Label { get; init; }
    /// <summary>Classification: the label's classes, in the model's order (<see cref="RecordedSchema.Classes"/>).</summary>
    public IReadOnlyList<string>? Classes { get; init; }
}

public static class WorkerJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
