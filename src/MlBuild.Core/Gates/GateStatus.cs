namespace MlBuild.Core.Gates;

internal enum GateStatus
{
    Passed,
    /// <summary>A threshold is broken: an error (MLB5016), unless the project turns gate failures into warnings.</summary>
    Failed,
    /// <summary>Nothing could be checked (relative thresholds without a baseline): passes, and says so.</summary>
    NotEvaluated,
    /// <summary>No gate guards the model, and its primary metric regressed significantly (MLB5017).</summary>
    Warning,
}
