namespace MlBuild.Data.Diagnostics;

/// <summary>
/// The codes of the data layer. They share one numbering with the rest of MlBuild (1xxx declaration, 2xxx data):
/// the worker's and the tasks' code lists refer to these, so that one code keeps one meaning everywhere.
/// 21xx are the data checks before training (MLB2101–MLB2107) and the drift check (MLB2110–MLB2112).
/// </summary>
public static class DataCodes
{
    public const string FileNotFound = "MLB1004";
    public const string InvalidMetadataValue = "MLB1008";

    public const string EmptyDataFile = "MLB2001";
    public const string LabelNotFound = "MLB2002";
    public const string UnknownFeature = "MLB2003";
    public const string InvalidValue = "MLB2004";
    public const string UnsuitableLabel = "MLB2005";
    public const string WrongFieldCount = "MLB2006";
    /// <summary>A Parquet file that cannot be read, or a column of a type a model cannot read (lists, binary).</summary>
    public const string UnsupportedColumn = "MLB2008";

    /// <summary>Columns added, removed or changed in kind, or another label, since the schema the lock file recorded.</summary>
    public const string SchemaChanged = "MLB2101";
    /// <summary>Rows without a label value.</summary>
    public const string MissingLabels = "MLB2102";
    /// <summary>Fewer training rows than MinRows.</summary>
    public const string TooFewRows = "MLB2103";
    /// <summary>A class with a share of the training rows below MinClassShare (classification).</summary>
    public const string RareClass = "MLB2104";
    /// <summary>A feature column with one value on every training row.</summary>
    public const string ConstantColumn = "MLB2105";
    /// <summary>Test rows that are also training rows, more than coincidence explains.</summary>
    public const string Leakage = "MLB2106";
    /// <summary>A feature whose distribution in the test data differs from the training data's (PSI above MaxPsi).</summary>
    public const string TrainTestShift = "MLB2107";

    /// <summary>A feature of new data drifted from the model's training data (PSI above MaxPsi or KS above MaxKs).</summary>
    public const string Drift = "MLB2110";
    /// <summary>The drift check cannot run: no data given, no profile beside the model, an unreadable profile.</summary>
    public const string DriftUnavailable = "MLB2111";
    /// <summary>The new data lacks a feature column of the profile.</summary>
    public const string DriftColumnMissing = "MLB2112";
}
