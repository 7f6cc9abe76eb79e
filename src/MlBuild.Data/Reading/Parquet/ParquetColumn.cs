using System.Globalization;
using MlBuild.Data.Diagnostics;
using Parquet;
using Parquet.Schema;

namespace MlBuild.Data.Reading.Parquet;

/// <summary>
/// One column of a Parquet row group, read whole (a row group is Parquet's unit of reading) and then served row by
/// row: numbers of any width as doubles, booleans, and text (strings, and dates and times in their ISO 8601 form).
/// A null is a missing value, as an empty field is in a delimited file.
/// </summary>
internal sealed class ParquetColumn
{
    private readonly DataField _field;
    private readonly ColumnType _type;
    private double[] _numbers = [];
    private bool[] _booleans = [];
    private string?[] _texts = [];
    private bool[] _null = [];
    private char[] _scratch = new char[32];
    private int _scratchRow = -1;
    private int _scratchLength;

    public ParquetColumn(DataField field, string path)
    {
        _field = field;
        _type = TypeOf(field, path);
    }

    /// <summary>The column holds numbers: its values are never text that fails to parse.</summary>
    public bool IsNumeric => _type == ColumnType.Number;

    public bool IsBoolean => _type == ColumnType.Boolean;

    public void Read(ParquetRowGroupReader group)
    {
        var rows = checked((int)group.RowCount);
        switch (_type)
        {
            case ColumnType.Number:
                _numbers = ReadNumbers(group, rows);
                break;
            case ColumnType.Boolean:
                {
                    var values = new bool?[rows];
                    group.ReadAsync<bool>(_field, values.AsMemory(), null).AsTask().GetAwaiter().GetResult();
                    _booleans = values.Select(v => v ?? false).ToArray();
                    _null = values.Select(v => v is null).ToArray();
                    break;
                }
            case ColumnType.Text:
                {
                    var values = new string?[rows];
                    group.ReadAsync(_field, values.AsMemory()!, null).AsTask().GetAwaiter().GetResult();
                    _texts = values;
                    break;
                }
            default:
                _texts = ReadTimes(group, rows);
                break;
        }
        _scratchRow = -1;
    }

    public bool IsMissing(int row) => _type switch
    {
        ColumnType.Number => _null[row],
        ColumnType.Boolean => _null[row],
        _ => string.IsNullOrWhiteSpace(_texts[row]),
    };

    public ReadOnlySpan<char> Text(int row) => TextMemory(row).Span;

    /// <summary>The column holds strings (or dates as text): their memory outlives the row, unlike a number's text,
    /// which is written into a scratch buffer.</summary>
    public bool HoldsText => _type is not (ColumnType.Number or ColumnType.Boolean);

    public ReadOnlyMemory<char> TextMemory(int row)
    {
        switch (_type)
        {
            case ColumnType.Number or ColumnType.Boolean:
                if (_scratchRow != row)
                {
                    // As a CSV writer writes it: the shortest text that reads back as the same number.
                    var written = _null[row] ? 0
                        : _type == ColumnType.Boolean ? Write(_booleans[row] ? "true" : "false")
                        : Write(_numbers[row]);
                    _scratchLength = written;
                    _scratchRow = row;
                }
                return _scratch.AsMemory(0, _scratchLength);
            default:
                return (_texts[row] ?? "").AsMemory();
        }
    }

    public bool TryGetDouble(int row, out double value)
    {
        if (_type == ColumnType.Number)
        {
            value = _numbers[row];
            return true;
        }
        if (IsMissing(row))
        {
            value = double.NaN;
            return true;
        }
        value = double.NaN;
        return _type != ColumnType.Boolean && Files.Values.TryParseNumber(Text(row), out value);
    }

    public bool TryGetNumber(int row, out double value, out float single)
    {
        if (!TryGetDouble(row, out value))
        {
            single = float.NaN;
            return false;
        }
        single = _type == ColumnType.Number || double.IsNaN(value) ? (float)value : Files.Values.ToSingle(value, Text(row));
        return true;
    }

    public bool TryGetBoolean(int row, out bool value)
    {
        if (_type == ColumnType.Boolean)
        {
            value = _booleans[row];
            return !_null[row];
        }
        value = false;
        return _type != ColumnType.Number && Files.Values.TryParseBoolean(Text(row), out value);
    }

    private int Write(string text)
    {
        text.CopyTo(_scratch);
        return text.Length;
    }

    private int Write(double number)
    {
        int written;
        while (!number.TryFormat(_scratch, out written, "R", CultureInfo.InvariantCulture))
            _scratch = new char[_scratch.Length * 2];
        return written;
    }

    private double[] ReadNumbers(ParquetRowGroupReader group, int rows)
    {
        var type = _field.ClrType;
        double[] numbers =
            type == typeof(double) ? Read<double>(group, rows, v => v)
            : type == typeof(float) ? Read<float>(group, rows, v => v)
            : type == typeof(int) ? Read<int>(group, rows, v => v)
            : type == typeof(long) ? Read<long>(group, rows, v => v)
            : type == typeof(short) ? Read<short>(group, rows, v => v)
            : type == typeof(byte) ? Read<byte>(group, rows, v => v)
            : type == typeof(sbyte) ? Read<sbyte>(group, rows, v => v)
            : type == typeof(ushort) ? Read<ushort>(group, rows, v => v)
            : type == typeof(uint) ? Read<uint>(group, rows, v => v)
            : type == typeof(ulong) ? Read<ulong>(group, rows, v => v)
            : Read<decimal>(group, rows, v => (double)v);
        return numbers;
    }

    private double[] Read<T>(ParquetRowGroupReader group, int rows, Func<T, double> convert) where T : struct
    {
        var values = new T?[rows];
        group.ReadAsync<T>(_field, values.AsMemory(), null).AsTask().GetAwaiter().GetResult();
        _null = new bool[rows];
        var numbers = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            if (values[i] is { } value)
                numbers[i] = convert(value);
            else
            {
                numbers[i] = double.NaN;
                _null[i] = true;
            }
        }
        return numbers;
    }

    private string?[] ReadTimes(ParquetRowGroupReader group, int rows)
    {
        var type = _field.ClrType;
        return type == typeof(DateTime) ? Format<DateTime>(group, rows, v => v.ToString("O", CultureInfo.InvariantCulture))
            : type == typeof(DateTimeOffset) ? Format<DateTimeOffset>(group, rows, v => v.ToString("O", CultureInfo.InvariantCulture))
            : type == typeof(DateOnly) ? Format<DateOnly>(group, rows, v => v.ToString("O", CultureInfo.InvariantCulture))
            : type == typeof(TimeOnly) ? Format<TimeOnly>(group, rows, v => v.ToString("O", CultureInfo.InvariantCulture))
            : Format<TimeSpan>(group, rows, v => v.ToString("c", CultureInfo.InvariantCulture));
    }

    private string?[] Format<T>(ParquetRowGroupReader group, int rows, Func<T, string> format) where T : struct
    {
        var values = new T?[rows];
        group.ReadAsync<T>(_field, values.AsMemory(), null).AsTask().GetAwaiter().GetResult();
        return values.Select(v => v is { } value ? format(value) : null).ToArray();
    }

    private static ColumnType TypeOf(DataField field, string path)
    {
        var type = field.ClrType;
        if (field.IsArray)
            throw Unsupported(field, path, "a list of values per row");
        // Parquet.Net 6 types a file's UTF-8 columns as ReadOnlyMemory<char> (and still reads them as strings).
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
            return ColumnType.Text;
        if (type == typeof(bool))
            return ColumnType.Boolean;
        if (type == typeof(double) || type == typeof(float) || type == typeof(int) || type == typeof(long) ||
            type == typeof(short) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(ushort) ||
            type == typeof(uint) || type == typeof(ulong) || type == typeof(decimal))
            return ColumnType.Number;
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) ||
            type == typeof(TimeOnly) || type == typeof(TimeSpan))
            return ColumnType.Time;
        throw Unsupported(field, path, $"values of type {type.Name}");
    }

    private static MlbException Unsupported(DataField field, string path, string what) =>
        new(MlbCodes.UnsupportedColumn, new Location(path),
            $"the Parquet column '{field.Path}' holds {what}, which a model cannot read as a number, a boolean or " +
            "text: convert it, or write the file without it.");

    private enum ColumnType
    {
        Number,
        Boolean,
        Text,
        Time,
    }
}
