using System.IO.Hashing;
using System.Runtime.InteropServices;
using MlBuild.Data.Files;
using MlBuild.Data.Reading;

namespace MlBuild.Data.Leakage;

/// <summary>
/// A row's identity as the model reads it, hashed to 64 bits: numbers as numbers (5 and 5.0 are one), booleans whatever
/// their case, text as written, over the label and the features. Only the hash is kept: test and training rows are
/// compared by it, so that holding the rows of a file costs 8 bytes each, not the rows. Two different rows share a hash
/// with probability 2⁻⁶⁴ per pair (for 10⁷ test rows against 10⁸ training rows, about one chance in 20,000 that a single
/// pair collides).
/// </summary>
public sealed class RowKey
{
    private readonly IReadOnlyList<DataColumn> _columns;
    private byte[] _buffer = new byte[256];

    /// <param name="columns">The label and the features, each with its kind.</param>
    public RowKey(IReadOnlyList<DataColumn> columns) => _columns = columns;

    /// <param name="numbers">The record's numbers by column index, when the caller parsed them already (NaN for a
    /// missing or bad value); null to parse here.</param>
    public ulong Of(RecordCursor record, double[]? numbers = null)
    {
        var length = 0;
        foreach (var column in _columns)
        {
            switch (column.Kind)
            {
                case ColumnKind.Numeric:
                    {
                        var number = numbers?[column.Index] ?? (record.TryGetDouble(column.Index, out var parsed) ? parsed : double.NaN);
                        Ensure(length + 9);
                        _buffer[length++] = 1;
                        BitConverter.TryWriteBytes(_buffer.AsSpan(length), double.IsNaN(number) ? double.NaN : number);
                        length += 8;
                        break;
                    }
                case ColumnKind.Boolean when record.TryGetBoolean(column.Index, out var b):
                    Ensure(length + 1);
                    _buffer[length++] = b ? (byte)3 : (byte)2;
                    break;
                default:
                    {
                        var text = MemoryMarshal.AsBytes(record.Text(column.Index));
                        Ensure(length + 5 + text.Length);
                        _buffer[length++] = 4;
                        BitConverter.TryWriteBytes(_buffer.AsSpan(length), text.Length);
                        length += 4;
                        text.CopyTo(_buffer.AsSpan(length));
                        length += text.Length;
                        break;
                    }
            }
        }
        return XxHash3.HashToUInt64(_buffer.AsSpan(0, length));
    }

    private void Ensure(int size)
    {
        if (size > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(size, _buffer.Length * 2));
    }
}
