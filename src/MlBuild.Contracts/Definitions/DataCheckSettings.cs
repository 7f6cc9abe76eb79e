namespace MlBuild.Definitions;

/// <summary>
/// The level and threshold of each data check, resolved from the MlModel item's metadata (a check's own metadata,
/// else <c>DataChecks</c>, else the defaults below). The defaults make errors of what makes a model wrong (a changed
/// schema, unlabeled rows, too few rows) and warnings of what deserves a look (rare classes, constant columns, leaked
/// rows, a test set unlike the training data).
/// </summary>
public sealed record DataCheckSettings
{
    public const int DefaultMinRows = 20;
    public const double DefaultMinClassShare = 0.01;
    public const double DefaultMaxPsi = 0.25;

    public static readonly DataCheckSettings Default = new();

    /// <summary>Columns added, removed or changed in kind, or another label, since the lock file's schema.</summary>
    public CheckLevel SchemaChanges { get; init; } = CheckLevel.Error;
    /// <summary>Rows without a label. Error or Warning only: with Warning those rows are left out.</summary>
    public CheckLevel MissingLabels { get; init; } = CheckLevel.Error;
    public CheckLevel TooFewRows { get; init; } = CheckLevel.Error;
    public int MinRows { get; init; } = DefaultMinRows;
    public CheckLevel RareClasses { get; init; } = CheckLevel.Warning;
    public double MinClassShare { get; init; } = DefaultMinClassShare;
    public CheckLevel ConstantColumns { get; init; } = CheckLevel.Warning;
    public CheckLevel Leakage { get; init; } = CheckLevel.Warning;
    public CheckLevel TrainTestShift { get; init; } = CheckLevel.Warning;
    /// <summary>The largest population stability index of a feature between the training and the test data (and, for
    /// the drift check, between the training data and new data).</summary>
    public double MaxPsi { get; init; } = DefaultMaxPsi;
}
