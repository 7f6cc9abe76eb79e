namespace MlBuild.Data.Files;

/// <summary>
/// What a column's kind is decided from, gathered value by value in bounded memory: how many values, how many empty,
/// how many numbers and true/false values, the longest value, and the distinct values up to one past the most a
/// categorical column may have (past that the exact number no longer matters). Fed by the sample that decides the
/// kinds, and by the full pass that confirms them.
/// </summary>
public sealed class KindEvidence
{
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KindEvidence() => _lookup = _distinct.GetAlternateLookup<ReadOnlySpan<char>>();

    public long Count { get; private set; }
    public long Missing { get; private set; }
    public long Numbers { get; private set; }
    public long Booleans { get; private set; }
    public int MaxLength { get; private set; }
    public int Distinct => _distinct.Count;

    public long NonEmpty => Count - Missing;

    /// <summary>Adds one value; <paramref name="isNumber"/> when the caller already parsed it (null: parse here).</summary>
    public void Add(ReadOnlySpan<char> value, bool? isNumber = null)
    {
        Count++;
        if (Values.IsMissing(value))
        {
            Missing++;
            return;
        }
        if (isNumber ?? Values.IsNumber(value))
            Numbers++;
        else if (Values.IsBoolean(value))
            Booleans++;
        MaxLength = Math.Max(MaxLength, value.Length);
        if (_distinct.Count <= ColumnKindInference.MaxCategories && !_lookup.Contains(value))
            _lookup.Add(value);
    }

    /// <summary>Adds a value of a column already known to hold strings: what <see cref="StringKind"/> needs, without
    /// parsing it as a number or a boolean.</summary>
    public void AddString(ReadOnlySpan<char> value)
    {
        Count++;
        if (Values.IsMissing(value))
        {
            Missing++;
            return;
        }
        MaxLength = Math.Max(MaxLength, value.Length);
        if (_distinct.Count <= ColumnKindInference.MaxCategories && !_lookup.Contains(value))
            _lookup.Add(value);
    }

    /// <summary>Adds a value known to be missing (a null of a typed column).</summary>
    public void AddMissing()
    {
        Count++;
        Missing++;
    }

    /// <summary>The kind <see cref="ColumnKindInference"/>'s rules give these values.</summary>
    public ColumnKind Kind =>
        NonEmpty == 0 || ColumnKindInference.IsMostlyNumeric(Numbers, NonEmpty) ? ColumnKind.Numeric
        : Booleans == Count ? ColumnKind.Boolean
        : StringKind;

    /// <summary>Categorical or Text: the kind of a column of strings.</summary>
    public ColumnKind StringKind =>
        _distinct.Count <= ColumnKindInference.MaxCategories && _distinct.Count * 2L <= Count &&
        MaxLength <= ColumnKindInference.MaxCategoryLength
            ? ColumnKind.Categorical
            : ColumnKind.Text;
}
