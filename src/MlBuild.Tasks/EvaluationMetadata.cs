namespace MlBuild.Tasks;

/// <summary>What the Evaluate target does with a model, decided by <see cref="PlanEvaluation"/>.</summary>
internal static class EvaluationAction
{
    /// <summary>The same model, baseline model, test data, slices and expectations were evaluated before.</summary>
    public const string Cached = "Cached";
    /// <summary>Run the worker's evaluate command.</summary>
    public const string Evaluate = "Evaluate";
}

/// <summary>Metadata names of the evaluation items that flow between the tasks of the Evaluate target.</summary>
internal static class EvaluationMetadata
{
    public const string Action = "Action";
    public const string RequestFile = "RequestFile";
    /// <summary>Where the worker writes its result this run.</summary>
    public const string ResultFile = "ResultFile";
    /// <summary>Where the result is kept for the next run with the same inputs.</summary>
    public const string CachedResultFile = "CachedResultFile";
    public const string Paired = "Paired";
}
