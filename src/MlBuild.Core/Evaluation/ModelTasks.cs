namespace MlBuild.Core.Evaluation;

/// <summary>The task names of MlModel's Task metadata, as the lock file records them.</summary>
internal static class ModelTasks
{
    public const string BinaryClassification = "BinaryClassification";
    public const string MulticlassClassification = "MulticlassClassification";
    public const string Regression = "Regression";

    public static readonly IReadOnlyList<string> All = [BinaryClassification, MulticlassClassification, Regression];
}
