using MlBuild.Definitions;
using MlBuild.Core.Diagnostics;

namespace MlBuild.Core.Declarations;

/// <summary>One MlModel item, validated, with its paths made absolute.</summary>
internal sealed record ModelDeclaration
{
    public required string Name { get; init; }
    public required SourceLocation Location { get; init; }
    public required string Task { get; init; }
    public required string TrainData { get; init; }
    public string? TestData { get; init; }
    public double TestFraction { get; init; } = ModelDeclarationReader.DefaultTestFraction;
    public string? Label { get; init; }
    public IReadOnlyList<string> Features { get; init; } = [];
    public IReadOnlyList<string> Columns { get; init; } = [];
    public string? Trainer { get; init; }
    public string? Separator { get; init; }
    public bool? HasHeader { get; init; }
    public int Seed { get; init; } = ModelDeclarationReader.DefaultSeed;
    public string? ParamsFile { get; init; }
    public string? Pipeline { get; init; }
    /// <summary>The data checks' levels and thresholds (<see cref="DataCheckMetadata"/>).</summary>
    public DataCheckSettings DataChecks { get; init; } = DataCheckSettings.Default;
    /// <summary>The drift check's thresholds (MaxPsi, MaxKs).</summary>
    public DriftThresholds Drift { get; init; } = DriftThresholds.Default;
    /// <summary>ExportOnnx="true": the build also writes the model converted to ONNX, &lt;Name&gt;.onnx, beside it.</summary>
    public bool ExportOnnx { get; init; }

    public bool IsCodePipeline => Pipeline is not null;
}
