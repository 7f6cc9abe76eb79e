using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlBuild;

/// <summary>Exactly what produced a model: enough to trace it back, and to train it again.</summary>
sealed partial class ModelLineage
{
    /// <summary>The fingerprint: the hash of everything below that makes the model (MlBuild's lock file key).</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>Each data and params file, by path relative to the project, with its size and content hash.</summary>
    public IReadOnlyList<LineageInput> Inputs { get; init; } = [];

    /// <summary>The hyperparameters (the params file's JSON object), when there were any.</summary>
    public JsonElement? Params { get; init; }

    /// <summary>The trainer (declarative models) or the pipeline class (code pipelines).</summary>
    public string? Trainer { get; init; }

    /// <summary>Code pipelines: the class and the hash of its compiled code.</summary>
    public PipelineLineage? Pipeline { get; init; }

    /// <summary>The MlModel item's declaration as the fingerprint saw it (label, features, columns…).</summary>
    public JsonElement? Declaration { get; init; }

    /// <summary>The random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>The versions of ML.NET's packages and of MlBuild.</summary>
    public IReadOnlyDictionary<string, string> Versions { get; init; } = new Dictionary<string, string>();

    /// <summary>How long training took, in seconds.</summary>
    public double? TrainingSeconds { get; init; }

    /// <summary>The project that declares the model, relative to the repository root when it is in git.</summary>
    public string? Project { get; init; }

    /// <summary>The commit the package was built from, when the project is in a git repository.</summary>
    public GitLineage? Git { get; init; }

    /// <summary>When the package was built (UTC; <c>SOURCE_DATE_EPOCH</c> when set, for reproducible packages).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(UtcSecondsConverter))]
    public DateTimeOffset? BuiltAt { get; init; }
}

/// <summary>One input file of a model.</summary>
sealed partial class LineageInput
{
    /// <summary><c>train</c>, <c>test</c> or <c>params</c>.</summary>
    public string Role { get; init; } = "";

    /// <summary>The path relative to the project, with '/'.</summary>
    public string Path { get; init; } = "";

    /// <summary>The size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>The content hash (<c>xxh128:…</c>).</summary>
    public string Hash { get; init; } = "";
}

/// <summary>The pipeline class of a code pipeline.</summary>
sealed partial class PipelineLineage
{
    /// <summary>The class's full name.</summary>
    public string Class { get; init; } = "";

    /// <summary>The hash of its compiled code, as the fingerprint saw it.</summary>
    public string? CodeHash { get; init; }
}

/// <summary>Where in version control the package was built.</summary>
sealed partial class GitLineage
{
    /// <summary>The full sha of HEAD.</summary>
    public string? Commit { get; init; }

    /// <summary>The working tree had uncommitted changes: the package may not be reproducible from <see cref="Commit"/>.</summary>
    public bool Dirty { get; init; }

    /// <summary>The URL of the remote (origin, or the first one), without any credentials.</summary>
    public string? Remote { get; init; }
}
