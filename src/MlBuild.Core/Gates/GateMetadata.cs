namespace MlBuild.Core.Gates;

/// <summary>The metadata names of an MlGate item.</summary>
internal static class GateMetadata
{
    public const string Metric = "Metric";
    public const string Min = "Min";
    public const string Max = "Max";
    public const string MaxDecrease = "MaxDecrease";
    public const string MaxIncrease = "MaxIncrease";
    public const string MaxDecreasePercent = "MaxDecreasePercent";
    public const string MaxIncreasePercent = "MaxIncreasePercent";
    public const string OnlyWhenSignificant = "OnlyWhenSignificant";
    public const string Slice = "Slice";

    public static readonly IReadOnlyList<string> Thresholds =
        [Min, Max, MaxDecrease, MaxIncrease, MaxDecreasePercent, MaxIncreasePercent];

    public static readonly IReadOnlyList<string> All = [Metric, .. Thresholds, OnlyWhenSignificant, Slice];
}
