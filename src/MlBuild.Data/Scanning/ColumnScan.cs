using MlBuild.Data.Files;
using MlBuild.Data.Profiles;
using MlBuild.Data.Reading;

namespace MlBuild.Data.Scanning;

/// <summary>
/// One column of a training file, seen value by value in the full pass: what confirms its kind, whether it has empty
/// values, whether it is constant, the values that break a numeric column, and its profile, all in memory that does
/// not grow with the number of rows.
/// </summary>
/// <remarks>
/// The sample settled whether the column holds numbers (<see cref="ColumnKindInference"/>). A numeric column is parsed
/// and sketched; a boolean one is watched for a value that is not true/false (which makes it categorical or text, as
/// it would have been from the start); a string column's distinct values are counted up to the categorical limit; a
/// column empty throughout the sample keeps every kind's evidence and is decided at the end.
/// </remarks>
public sealed class ColumnScan
{
    /// <summary>How many lines of a numeric column's bad values are kept (the errors show at most this many).</summary>
    public const int BadValueLines = Diagnostics.DiagnosticBag.Limit;

    private readonly Mode _mode;
    private readonly KindEvidence? _evidence;
    private readonly NumericAccumulator? _numbers;
    private readonly CategoryCounter? _categories;
    private readonly NumericAccumulator? _lengths;
    private readonly List<(int Line, string Value)> _badValues = [];
    private string? _first;

    /// <param name="sampled">The column as the sample inferred it.</param>
    /// <param name="undecided">Every value of the sample was empty: no kind is settled yet.</param>
    /// <param name="profile">Gather the profile too (the training data), or only the kind and the checks.</param>
    public ColumnScan(DataColumn sampled, bool undecided, bool profile)
    {
        Sampled = sampled;
        _mode = sampled.Kind switch
        {
            ColumnKind.Numeric when undecided => Mode.Undecided,
            ColumnKind.Numeric => Mode.Numeric,
            ColumnKind.Boolean => Mode.Boolean,
            _ => Mode.String,
        };
        if (_mode != Mode.Numeric)
            _evidence = new KindEvidence();
        if (_mode is Mode.Numeric or Mode.Undecided && profile)
            _numbers = new NumericAccumulator();
        if (_mode != Mode.Numeric && profile)
        {
            _categories = new CategoryCounter();
            _lengths = new NumericAccumulator();
        }
    }

    /// <summary>The column as the sample inferred it.</summary>
    public DataColumn Sampled { get; }

    public long Count { get; private set; }

    /// <summary>Empty values (as the kind inference counts them: blank text).</summary>
    public long Empty { get; private set; }

    /// <summary>Values other than the first one were seen: the column is not constant.</summary>
    public bool Varies { get; private set; }

    /// <summary>The first value as the file writes it (the constant's value, when the column is constant).</summary>
    public string? First => _first;

    /// <summary>Numeric columns: values that are not numbers, at their lines (the first <see cref="BadValueLines"/>).</summary>
    public IReadOnlyList<(int Line, string Value)> BadValues => _badValues;

    /// <summary>The column's kind after the whole file: numeric as sampled, the others as all their values say.</summary>
    public ColumnKind Kind => _mode switch
    {
        Mode.Numeric => ColumnKind.Numeric,
        Mode.Boolean => _evidence!.Booleans == _evidence.Count ? ColumnKind.Boolean : _evidence.StringKind,
        Mode.String => _evidence!.StringKind,
        _ => _evidence!.Kind,
    };

    public DataColumn Column => Sampled with { Kind = Kind, HasMissing = Empty > 0 };

    /// <summary>Adds the record's value of this column; returns its number for numeric columns (NaN otherwise).</summary>
    public double Add(RecordCursor record, int field)
    {
        Count++;
        if (!Varies)
            Observe(record.Text(field));
        if (record.IsMissing(field))
        {
            Empty++;
            _evidence?.AddMissing();
            return double.NaN;
        }
        if (_mode == Mode.Numeric)
        {
            if (!record.TryGetDouble(field, out var number))
            {
                if (_badValues.Count < BadValueLines)
                    _badValues.Add((record.Line, record.Text(field).ToString()));
                return double.NaN;
            }
            if (double.IsFinite(number))
                _numbers?.Add(number);
            return number;
        }
        var text = record.Text(field);
        switch (_mode)
        {
            case Mode.Boolean:
                _evidence!.Add(text, isNumber: false);
                break;
            case Mode.String:
                _evidence!.AddString(text);
                break;
            default:
                var isNumber = record.TryGetDouble(field, out var value);
                _evidence!.Add(text, isNumber);
                if (isNumber && double.IsFinite(value))
                    _numbers?.Add(value);
                else if (!isNumber && _badValues.Count < BadValueLines)
                    _badValues.Add((record.Line, text.ToString()));
                _categories?.Add(text);
                _lengths?.Add(text.Length);
                return isNumber ? value : double.NaN;
        }
        _categories?.Add(text);
        _lengths?.Add(text.Length);
        return double.NaN;
    }

    /// <summary>The column's profile under its final kind.</summary>
    public ColumnProfile Profile(string role)
    {
        var kind = Kind;
        var profile = new ColumnProfile { Name = Sampled.Name, Kind = kind.ToString(), Role = role, Count = checked((int)Count), Missing = 0 };
        switch (kind)
        {
            case ColumnKind.Numeric:
                {
                    var numbers = _numbers?.ToProfile();
                    return profile with { Missing = checked((int)(Count - (_numbers?.Count ?? 0))), Numeric = numbers };
                }
            case ColumnKind.Text:
                return profile with { Missing = checked((int)Empty), Length = _lengths!.ToProfile() };
            default:
                var present = _categories!.Counts
                    .GroupBy(p => ProfileBuilder.Category(kind, p.Key), p => p.Value, StringComparer.Ordinal)
                    .Select(g => new CategoryCount(g.Key, g.Sum()));
                return profile with { Missing = checked((int)Empty), Categories = ProfileBuilder.Categories(present) };
        }
    }

    private void Observe(ReadOnlySpan<char> text)
    {
        if (_first is null)
            _first = text.ToString();
        else if (!text.SequenceEqual(_first))
            Varies = true;
    }

    private enum Mode
    {
        Numeric,
        Boolean,
        String,
        Undecided,
    }
}
