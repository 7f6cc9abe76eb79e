using System.Globalization;
using MlBuild.Data.Files;
using MlBuild.Data.Reading;

namespace MlBuild.Data.Scanning;

/// <summary>
/// The label's classes and how many rows each has, counted in the full pass (classification): how the labels are read
/// (which value is the positive class, which classes there are) and the rare-class check come from them. Numbers are
/// counted as the model reads them (1 and 1.0 are one class), anything else by its text. Bounded: past
/// <see cref="MaxClasses"/> distinct values the label is not a classification label, and counting stops.
/// </summary>
public sealed class LabelScan
{
    public const int MaxClasses = 100_000;

    private readonly bool _numeric;
    private readonly Dictionary<float, long> _numbers = [];
    private readonly Dictionary<string, long> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _textLookup;

    /// <param name="numeric">The label column holds numbers (as the sample inferred it).</param>
    public LabelScan(bool numeric)
    {
        _numeric = numeric;
        _textLookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The classes a training recorded, each once (a numeric label's as numbers).</summary>
    public static LabelScan FromClasses(bool numeric, IEnumerable<string> classes)
    {
        var scan = new LabelScan(numeric);
        foreach (var name in classes)
        {
            if (numeric)
                scan._numbers[float.Parse(name, NumberStyles.Float, CultureInfo.InvariantCulture)] = 1;
            else
                scan._texts[name] = 1;
            scan.Rows++;
        }
        return scan;
    }

    /// <summary>More distinct values than <see cref="MaxClasses"/>: the counts stopped.</summary>
    public bool Overflowed { get; private set; }

    public long Rows { get; private set; }

    /// <summary>Adds the record's label, which is present.</summary>
    public void Add(RecordCursor record, int field)
    {
        Rows++;
        if (Overflowed)
            return;
        if (_numeric)
        {
            // A value that is not a number is the numeric column's bad value, reported as such; it is no class.
            if (!record.TryGetNumber(field, out _, out var single))
                return;
            if (_numbers.TryGetValue(single, out var count))
                _numbers[single] = count + 1;
            else if (!Full())
                _numbers[single] = 1;
            return;
        }
        var text = record.Text(field);
        if (_textLookup.TryGetValue(text, out var seen))
            _textLookup[text] = seen + 1;
        else if (!Full())
            _textLookup[text] = 1;
    }

    /// <summary>The distinct numbers, in ascending order (a numeric label).</summary>
    public IReadOnlyList<float> Numbers => _numbers.Keys.Order().ToList();

    /// <summary>The distinct values as the file writes them, in ordinal order (any other label).</summary>
    public IReadOnlyList<string> Texts => _texts.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Rows per class, each class named as the model sees it: a number in its shortest invariant form,
    /// true/false for a boolean label whatever its case, else the text.</summary>
    public IReadOnlyDictionary<string, long> ClassCounts(ColumnKind kind)
    {
        if (_numeric)
            return _numbers.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value, StringComparer.Ordinal);
        return _texts.GroupBy(p => kind == ColumnKind.Boolean && Values.TryParseBoolean(p.Key, out var b) ? (b ? "true" : "false") : p.Key,
                StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);
    }

    private bool Full()
    {
        if (_numbers.Count + _texts.Count < MaxClasses)
            return false;
        Overflowed = true;
        _numbers.Clear();
        _texts.Clear();
        return true;
    }
}
