namespace MlBuild;

/// <summary>The files of a packaged model, as named in an application's output folder.</summary>
sealed partial class ManifestFiles
{
    /// <summary>The ML.NET model: <c>&lt;Name&gt;.zip</c>.</summary>
    public string Model { get; init; } = "";

    /// <summary>The manifest: <c>&lt;Name&gt;.mlmodel.json</c>.</summary>
    public string Manifest { get; init; } = "";

    /// <summary>The model card (the package's README.md), which stays in the package.</summary>
    public string? ModelCard { get; init; }

    /// <summary>The model in ONNX format (<c>&lt;Name&gt;.onnx</c>), when the package has one.</summary>
    public string? Onnx { get; init; }

    /// <summary>The profile of the training data (<c>&lt;Name&gt;.profile.json</c>), when the package has one.</summary>
    public string? Profile { get; init; }
}
