namespace MlBuild.Data.Profiles;

/// <summary>
/// A profile of a model's training data, written beside the model (<see cref="MlBuild.Definitions.ProfileFileName"/>) when it is trained:
/// per column its count, missing values, and its distribution (a histogram with the training data's deciles as bin
/// edges and 101 quantiles for numbers, the most frequent values for categories). New data is compared with it to tell
/// whether the model still sees the data it learned from (drift), without the training data at hand.
/// </summary>
public sealed record DataProfile
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    /// <summary>The model the profile belongs to.</summary>
    public string? Model { get; init; }
    /// <summary>The training data's file name (not its path: the profile is the same on every machine).</summary>
    public required string Source { get; init; }
    public required int Rows { get; init; }
    public string? Label { get; init; }
    /// <summary>How the training data was read, so that new data in the same format is read the same way.</summary>
    public required string Separator { get; init; }
    public required bool HasHeader { get; init; }
    public required IReadOnlyList<ColumnProfile> Columns { get; init; }

    public IEnumerable<ColumnProfile> Features => Columns.Where(c => c.Role == ColumnRole.Feature);
}

/// <summary>One column: how many values, how many missing, and its distribution by kind.</summary>
public sealed record ColumnProfile
{
    public required string Name { get; init; }
    /// <summary>Numeric, Boolean, Categorical or Text, as inferred at training.</summary>
    public required string Kind { get; init; }
    /// <summary>label, feature or unused (a column that Features leaves out).</summary>
    public required string Role { get; init; }
    public required int Count { get; init; }
    /// <summary>Empty values, and in a numeric column values that are not finite numbers.</summary>
    public required int Missing { get; init; }
    /// <summary>Numeric columns: the values.</summary>
    public NumericProfile? Numeric { get; init; }
    /// <summary>Text columns: the length of the values in characters (text itself has no distribution to compare).</summary>
    public NumericProfile? Length { get; init; }
    /// <summary>Categorical and Boolean columns: the most frequent values, the rest grouped.</summary>
    public CategoryProfile? Categories { get; init; }
}

public static class ColumnRole
{
    public const string Label = "label";
    public const string Feature = "feature";
    public const string Unused = "unused";
}

/// <summary>The distribution of the non-missing numbers of a column.</summary>
/// <param name="Histogram">Bins with the training data's deciles as edges (the PSI's bins).</param>
/// <param name="Quantiles">The 0th to 100th percentiles (linear interpolation): the KS statistic's reference.</param>
public sealed record NumericProfile(int Count, double Min, double Max, double Mean, double StandardDeviation,
    Histogram Histogram, IReadOnlyList<double> Quantiles);

/// <summary>
/// Counts of values in bins bounded by <see cref="Edges"/>: bin 0 holds values ≤ Edges[0], bin i values in
/// (Edges[i − 1], Edges[i]], the last bin values above the last edge. Counts has one more entry than Edges.
/// </summary>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts)
{
    public int BinOf(double value)
    {
        int low = 0, high = Edges.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Edges[mid] < value)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }
}

/// <summary>The most frequent values of a column with their counts (most frequent first, ties by value), and how many
/// rows and distinct values the rest hold.</summary>
public sealed record CategoryProfile(IReadOnlyList<CategoryCount> Top, long Other, int OtherValues);

public sealed record CategoryCount(string Value, long Count);
