namespace MlBuild.Core.Evaluation;

internal enum DataChangeKind
{
    /// <summary>Same path, different content.</summary>
    Changed,
    /// <summary>An input the baseline did not have.</summary>
    Added,
    /// <summary>An input of the baseline that the candidate no longer has.</summary>
    Removed,
}

/// <summary>An input file (data or params) that differs from the baseline's.</summary>
internal sealed record DataFileChange(string Path, string Role, DataChangeKind Kind, long? BaselineSize,
    long? CandidateSize, string? BaselineHash, string? CandidateHash);
