namespace MlBuild;

/// <summary>The size and hashes of a model file.</summary>
sealed partial class ModelFileFacts
{
    /// <summary>The size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>The content hash MlBuild's lock file records (<c>xxh128:…</c>).</summary>
    public string? Hash { get; init; }

    /// <summary>The SHA-256 of the file, lower-case hex: what the loader checks.</summary>
    public string? Sha256 { get; init; }
}
