namespace MlBuild.Data.Profiles;

/// <summary>
/// Exact counts of a column's distinct values, for as long as there are few enough of them for the column to be
/// categorical: past <see cref="Limit"/> distinct values the column is text (whose profile is its lengths), so counting
/// stops and memory stays bounded.
/// </summary>
public sealed class CategoryCounter
{
    public const int Limit = Files.ColumnKindInference.MaxCategories + 1;

    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CategoryCounter() => _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>More distinct values came than are counted: the counts are incomplete.</summary>
    public bool Overflowed { get; private set; }

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public void Add(ReadOnlySpan<char> value)
    {
        if (Overflowed)
            return;
        if (_lookup.TryGetValue(value, out var count))
        {
            _lookup[value] = count + 1;
            return;
        }
        if (_counts.Count == Limit)
        {
            Overflowed = true;
            _counts.Clear();
            return;
        }
        _lookup[value] = 1;
    }
}
