namespace MlBuild;

/// <summary>A metric on the test set, with its 95% bootstrap interval when one was computed.</summary>
sealed partial class MetricValue
{
    /// <summary>The value on the whole test set.</summary>
    public double? Value { get; init; }

    /// <summary>The interval's lower bound.</summary>
    public double? Low { get; init; }

    /// <summary>The interval's upper bound.</summary>
    public double? High { get; init; }

    /// <inheritdoc />
    public override string ToString() => Low is { } low && High is { } high
        ? FormattableString.Invariant($"{Value:0.####} [{low:0.####}, {high:0.####}]")
        : FormattableString.Invariant($"{Value:0.####}");
}
